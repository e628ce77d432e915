package dev.wheeltapper.wheel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A file in a reserved subdirectory of {@code .dist-info}: {@code licenses/} (PEP 639) or {@code sboms/} (PEP 770).
 *
 * <pre>{@code
 * for (DistInfoFile f : wheel.licenseFiles()) {
 *   System.out.println(f.path() + " (" + f.entry().size() + " bytes)");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param entry the ZIP entry
 * @param path the path below the reserved subdirectory, for example {@code LICENSE} or {@code auditwheel.cdx.json}
 */
public record DistInfoFile(WheelEntry entry, String path) {

  /** Validates the file. */
  public DistInfoFile {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(path, "path");
  }

  /** The file entries under {@code prefix} (a directory name with its slash), in order. */
  static List<DistInfoFile> under(List<WheelEntry> entries, String prefix) {
    List<DistInfoFile> out = new ArrayList<>();
    for (WheelEntry e : entries) {
      if (!e.directory() && e.name().startsWith(prefix) && e.name().length() > prefix.length()) {
        out.add(new DistInfoFile(e, e.name().substring(prefix.length())));
      }
    }
    return List.copyOf(out);
  }
}
