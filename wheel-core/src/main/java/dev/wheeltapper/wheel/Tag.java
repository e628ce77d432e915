package dev.wheeltapper.wheel;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One compatibility tag (PEP 425): interpreter, ABI and platform, as written in a wheel file name or a WHEEL {@code
 * Tag} line. Values are kept as written; {@link #normalized()} lower-cases them as packaging does.
 *
 * <pre>{@code
 * Tag tag = Tag.parse("py3-none-any").orElseThrow();
 * tag.interpreter(); // "py3"
 * tag.toString();    // "py3-none-any"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param interpreter the Python tag, for example {@code cp312}
 * @param abi the ABI tag, for example {@code abi3} or {@code none}
 * @param platform the platform tag, for example {@code manylinux_2_17_x86_64}
 */
public record Tag(String interpreter, String abi, String platform) {

  /**
   * Validates the parts: each is a non-empty run of ASCII letters, digits and underscores.
   *
   * @throws IllegalArgumentException when a part is not a single tag
   */
  public Tag {
    Objects.requireNonNull(interpreter, "interpreter");
    Objects.requireNonNull(abi, "abi");
    Objects.requireNonNull(platform, "platform");
    for (String part : new String[] {interpreter, abi, platform}) {
      if (!isTagPart(part)) {
        throw new IllegalArgumentException("not a single tag: '" + part + "'");
      }
    }
  }

  /**
   * Parses {@code interpreter-abi-platform}, as in a WHEEL {@code Tag} line.
   *
   * @param text for example {@code cp312-cp312-win_amd64}
   * @return the tag, or empty when the text is not three valid parts
   */
  public static Optional<Tag> parse(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length != 3 || !isTagPart(parts[0]) || !isTagPart(parts[1]) || !isTagPart(parts[2])) {
      return Optional.empty();
    }
    return Optional.of(new Tag(parts[0], parts[1], parts[2]));
  }

  /**
   * The same tag with every part in lower case.
   *
   * @return the normalised tag
   */
  public Tag normalized() {
    return new Tag(
        interpreter.toLowerCase(Locale.ROOT), abi.toLowerCase(Locale.ROOT), platform.toLowerCase(Locale.ROOT));
  }

  /**
   * The tag as written in file names.
   *
   * @return {@code interpreter-abi-platform}
   */
  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }

  static boolean isTagPart(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
