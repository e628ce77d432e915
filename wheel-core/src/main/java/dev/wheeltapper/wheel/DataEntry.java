package dev.wheeltapper.wheel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file under the wheel's {@code NAME-VERSION.data/} directory, mapped to its install scheme.
 *
 * <pre>{@code
 * for (DataEntry d : wheel.dataEntries()) {
 *   if (d.scheme().isEmpty()) {
 *     System.out.println("unknown scheme '" + d.schemeKey() + "' for " + d.entry().name());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param entry the ZIP entry
 * @param schemeKey the first directory under {@code .data/} as written, or empty when the file sits directly in
 *     {@code .data/} (which no scheme allows)
 * @param path the path below the scheme directory
 */
public record DataEntry(WheelEntry entry, String schemeKey, String path) {

  /** Validates the entry. */
  public DataEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(schemeKey, "schemeKey");
    Objects.requireNonNull(path, "path");
  }

  /**
   * The install scheme.
   *
   * @return the scheme, or empty when {@link #schemeKey()} is not one of the five known schemes
   */
  public Optional<DataScheme> scheme() {
    return DataScheme.fromKey(schemeKey);
  }

  /** The file entries under {@code prefix} (the .data directory with its slash), split into scheme and path. */
  static List<DataEntry> under(List<WheelEntry> entries, String prefix) {
    List<DataEntry> out = new ArrayList<>();
    for (WheelEntry e : entries) {
      if (e.directory() || !e.name().startsWith(prefix) || e.name().length() == prefix.length()) {
        continue;
      }
      String rest = e.name().substring(prefix.length());
      int slash = rest.indexOf('/');
      out.add(slash < 0
          ? new DataEntry(e, "", rest)
          : new DataEntry(e, rest.substring(0, slash), rest.substring(slash + 1)));
    }
    return List.copyOf(out);
  }
}
