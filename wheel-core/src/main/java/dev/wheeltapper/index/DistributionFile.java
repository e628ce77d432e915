package dev.wheeltapper.index;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a project page lists (PEP 503 anchor, PEP 691 {@code files} element), with everything the index says
 * about it: hashes, Requires-Python, yanking (PEP 592), its metadata sidecar (PEP 658/714) and provenance (PEP 740).
 * Everything here is the index's claim; the checks of {@code dev.wheeltapper.index.check} hold it against the bytes.
 *
 * <pre>{@code
 * for (DistributionFile f : index.project("numpy").files()) {
 *   if (f.kind() == DistributionFile.Kind.WHEEL && f.yanked().isEmpty()) {
 *     try (InputStream in = index.openFile(f)) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param filename the file name (the anchor text, or PEP 691 {@code filename}); never holds a {@code /}
 * @param url the file's URL, absolute, without its fragment
 * @param hashes hash name (lower case, as the index writes it: {@code sha256}, ...) to hex digest (lower case);
 *     an HTML link has at most one, from its {@code #name=digest} fragment
 * @param requiresPython the Requires-Python the index gives, when present
 * @param yanked the yank reason when the file is yanked (the empty string when no reason is given)
 * @param coreMetadata the metadata sidecar, when the index says it serves one
 * @param provenance the PEP 740 provenance object's URL, when given
 */
public record DistributionFile(String filename, URI url, Map<String, String> hashes, Optional<String> requiresPython,
    Optional<String> yanked, Optional<MetadataLink> coreMetadata, Optional<URI> provenance) {

  /** What a file is, by its name. */
  public enum Kind {
    /** A wheel ({@code .whl}): audited. */
    WHEEL,
    /** A source distribution ({@code .tar.gz}, {@code .zip}, {@code .tar.bz2}, ...): listed and hash-checked. */
    SDIST,
    /** Anything else (eggs, {@code .exe} installers, ...): listed and hash-checked. */
    OTHER
  }

  /** Copies the hashes and rejects nulls and a file name with a path in it. */
  public DistributionFile {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(yanked, "yanked");
    Objects.requireNonNull(coreMetadata, "coreMetadata");
    Objects.requireNonNull(provenance, "provenance");
    if (!isPlainName(filename)) {
      throw new IllegalArgumentException("not a plain file name: " + filename);
    }
  }

  /**
   * Whether a name can be a file's name on its own: not empty, not {@code .} or {@code ..}, without a slash,
   * backslash or control character.
   *
   * @param name a candidate
   * @return true when it is usable as a file name
   */
  public static boolean isPlainName(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 255) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * What this file is, by its name.
   *
   * @return wheel, sdist or other
   */
  public Kind kind() {
    String n = filename.toLowerCase(Locale.ROOT);
    if (n.endsWith(".whl")) {
      return Kind.WHEEL;
    }
    if (n.endsWith(".tar.gz") || n.endsWith(".zip") || n.endsWith(".tar.bz2") || n.endsWith(".tar.xz")
        || n.endsWith(".tgz") || n.endsWith(".tar")) {
      return Kind.SDIST;
    }
    return Kind.OTHER;
  }
}
