package dev.wheeltapper.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A library a repair tool vendored into the wheel, read from its name: auditwheel (and delvewheel) copy a needed
 * library into {@code <pkg>.libs/} under its base name, a dash and a content hash, then the rest of the original name
 * ({@code libgfortran-040039e1.so.5.0.0}, {@code libopenblas64_p-r0-0cf96a72.3.23.dev.so},
 * {@code msvcp140-a4c2229bdc2a2a630acdc095b4d86008.dll}); delocate copies into {@code <pkg>/.dylibs/} unchanged. The
 * version is the {@code .so.} suffix of the SONAME (auditwheel rewrites the SONAME to the new file name) or of the
 * file name, else the version-like rest of the original name.
 *
 * @param name the library's base name ({@code libgfortran})
 * @param version its version, when the name carries one ({@code 5.0.0})
 * @param hash the repair tools' content hashes, when the name carries them ({@code 040039e1}, or
 *     {@code 040039e1-0352e75f} for a library vendored twice)
 */
record CycloneDxVendored(String name, Optional<String> version, Optional<String> hash) {
  /** A top-level {@code <pkg>.libs/} file (auditwheel, delvewheel) or a {@code <pkg>/.dylibs/} file (delocate). */
  private static final Pattern VENDORED = Pattern.compile("[^/]+\\.libs/[^/]+|[^/]+/\\.dylibs/[^/]+");
  /**
   * Base name, then one or more dash-and-hex hashes (a library vendored again by a wheel that vendored it from
   * another: numpy's {@code libgfortran-040039e1-0352e75f.so.5.0.0}), then the rest of the original name.
   */
  private static final Pattern HASHED = Pattern.compile("(.+?)((?:-[0-9a-f]{8,64})+)(\\..*)");
  /** A {@code .so.VERSION} suffix. */
  private static final Pattern SO_VERSION = Pattern.compile(".*?\\.so\\.([0-9]+(?:\\.[0-9A-Za-z]+)*)");
  /** A version before the extension: {@code .3.23.dev.so}, {@code .1.2.dylib}. */
  private static final Pattern INNER_VERSION = Pattern.compile("\\.([0-9]+(?:\\.[0-9A-Za-z]+)*)\\.(?:so|dylib|dll)");

  /**
   * Whether an entry is a vendored library.
   *
   * @param path the entry path inside the wheel
   * @return true for a file directly in {@code <pkg>.libs/} or {@code <pkg>/.dylibs/}
   */
  static boolean isVendored(String path) {
    return path.length() < 4096 && VENDORED.matcher(path).matches();
  }

  /**
   * Reads the name and version of a vendored library.
   *
   * @param path the entry path inside the wheel
   * @param soname its {@code DT_SONAME}, when an ELF file has one
   * @return the library
   */
  static CycloneDxVendored of(String path, Optional<String> soname) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    // The SONAME is what the loader knows the library by; the file name is the fallback (PE, Mach-O, no SONAME).
    String id = soname.filter(s -> !s.isBlank() && s.length() < 1024 && s.indexOf('/') < 0).orElse(file);
    Matcher h = HASHED.matcher(id);
    String base;
    String rest;
    Optional<String> hash;
    if (h.matches()) {
      base = h.group(1);
      hash = Optional.of(h.group(2).substring(1));
      rest = h.group(3);
    } else {
      int dot = id.indexOf('.');
      base = dot > 0 ? id.substring(0, dot) : id;
      rest = dot > 0 ? id.substring(dot) : "";
      hash = Optional.empty();
    }
    Optional<String> version = version(rest);
    if (version.isEmpty() && !id.equals(file)) {
      version = version(file.substring(Math.max(0, file.indexOf('.'))));
    }
    return new CycloneDxVendored(base, version, hash);
  }

  private static Optional<String> version(String rest) {
    Matcher so = SO_VERSION.matcher(rest);
    if (so.matches()) {
      return Optional.of(so.group(1));
    }
    Matcher inner = INNER_VERSION.matcher(rest);
    return inner.matches() ? Optional.of(inner.group(1)) : Optional.empty();
  }
}
