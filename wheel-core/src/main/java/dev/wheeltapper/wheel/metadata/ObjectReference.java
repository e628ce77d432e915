package dev.wheeltapper.wheel.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of an entry point, {@code module[:attribute] [extra, ...]}, split as {@code importlib.metadata} does.
 *
 * <pre>{@code
 * ObjectReference r = ObjectReference.parse("cffi.setuptools_ext:cffi_modules").orElseThrow();
 * r.module();    // "cffi.setuptools_ext"
 * r.attribute(); // Optional[cffi_modules]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param module the dotted module name
 * @param attribute the dotted attribute path, when given
 * @param extras the extras in brackets, in order
 */
public record ObjectReference(String module, Optional<String> attribute, List<String> extras) {

  // importlib.metadata.EntryPoint.pattern, with \w limited to what Python identifiers allow here.
  private static final Pattern PATTERN =
      Pattern.compile(
          "(?<module>[\\w.]+)\\s*(?::\\s*(?<attr>[\\w.]+)\\s*)?(?:\\[(?<extras>[^\\]]*)\\]\\s*)?",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** Validates and copies. */
  public ObjectReference {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(attribute, "attribute");
    extras = List.copyOf(extras);
  }

  /**
   * Parses an entry point value.
   *
   * @param value for example {@code pkg.cli:main [color]}
   * @return the reference, or empty when the value does not have that form
   */
  public static Optional<ObjectReference> parse(String value) {
    Matcher m = PATTERN.matcher(value.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> extras = new ArrayList<>();
    String ex = m.group("extras");
    if (ex != null) {
      for (String e : ex.split(",", -1)) {
        String t = e.strip();
        if (!t.isEmpty()) {
          extras.add(t);
        }
      }
    }
    return Optional.of(new ObjectReference(m.group("module"), Optional.ofNullable(m.group("attr")), extras));
  }
}
