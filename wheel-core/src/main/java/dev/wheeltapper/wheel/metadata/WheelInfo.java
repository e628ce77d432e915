package dev.wheeltapper.wheel.metadata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A wheel's {@code .dist-info/WHEEL} file: {@code Wheel-Version}, {@code Generator}, {@code Root-Is-Purelib}, the
 * {@code Tag} lines and the optional {@code Build}, plus every field in file order. Values stay as written; tags
 * are strings because WHEEL may hold malformed ones (parse them with {@link dev.wheeltapper.wheel.Tag#parse(String)}).
 *
 * <pre>{@code
 * WheelInfo info = wheel.wheelInfo();
 * info.wheelVersion();  // Optional[1.0]
 * info.rootIsPurelib(); // Optional[false]
 * info.tags();          // [cp313-cp313-manylinux2014_aarch64]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fields every header field in file order
 */
public record WheelInfo(List<MetadataField> fields) {

  /** Copies the fields. */
  public WheelInfo {
    fields = List.copyOf(fields);
  }

  /**
   * Parses a WHEEL file (header fields; anything after an empty line is ignored).
   *
   * @param bytes the whole file
   * @return the parsed file
   * @throws MetadataFormatException when the bytes are not UTF-8 or a line is malformed
   */
  public static WheelInfo parse(byte[] bytes) throws MetadataFormatException {
    return new WheelInfo(HeaderParser.parse("WHEEL", bytes).fields());
  }

  private Optional<String> first(String name) {
    return fields.stream().filter(f -> f.is(name)).map(MetadataField::value).findFirst();
  }

  /** @return {@code Wheel-Version} as written, for example {@code 1.0} */
  public Optional<String> wheelVersion() {
    return first("Wheel-Version");
  }

  /** @return {@code Generator} */
  public Optional<String> generator() {
    return first("Generator");
  }

  /**
   * {@code Root-Is-Purelib}.
   *
   * @return true or false (case-insensitive), or empty when absent or any other value
   */
  public Optional<Boolean> rootIsPurelib() {
    Optional<String> v = first("Root-Is-Purelib").map(s -> s.toLowerCase(Locale.ROOT));
    if (v.isEmpty() || !v.get().equals("true") && !v.get().equals("false")) {
      return Optional.empty();
    }
    return Optional.of(v.get().equals("true"));
  }

  /** @return every {@code Tag} line's value, in order */
  public List<String> tags() {
    return fields.stream().filter(f -> f.is("Tag")).map(MetadataField::value).toList();
  }

  /** @return {@code Build}, which must equal the file name's build tag when present */
  public Optional<String> build() {
    return first("Build");
  }
}
