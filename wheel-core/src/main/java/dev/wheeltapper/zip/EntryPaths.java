package dev.wheeltapper.zip;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The path rules of archive entry names, shared by the ZIP scan and the RECORD checks.
 *
 * <pre>{@code
 * EntryPaths.problems("../etc/passwd"); // ["has a \"..\" segment that climbs out of the target directory"]
 * EntryPaths.problems("pkg/mod.py");    // []
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class EntryPaths {
  private EntryPaths() {}

  /**
   * Why a path is unsafe to extract: absolute, a {@code ..} segment, a backslash, a drive letter, a NUL or other
   * control character, or an empty or {@code .} segment that extractors would normalise to another name.
   *
   * @param name an archive entry name or a RECORD path
   * @return one phrase per problem (for example {@code "is absolute"}), empty when the path is safe
   */
  public static List<String> problems(String name) {
    List<String> out = new ArrayList<>(2);
    if (name.isEmpty()) {
      out.add("is empty");
      return out;
    }
    if (name.startsWith("/")) {
      out.add("is absolute");
    }
    if (name.indexOf('\\') >= 0) {
      out.add("contains a backslash");
    }
    if (name.length() >= 2 && name.charAt(1) == ':' && isLetter(name.charAt(0))) {
      out.add("starts with a drive letter");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        out.add(c == 0 ? "contains a NUL character" : String.format(Locale.ROOT,
            "contains the control character U+%04X", (int) c));
        break;
      }
    }
    String[] segments = name.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.equals("..")) {
        out.add("has a \"..\" segment that climbs out of the target directory");
        break;
      }
      boolean trailing = i == segments.length - 1;
      boolean leading = i == 0;
      if (s.equals(".") || (s.isEmpty() && !trailing && !leading)) {
        out.add("has an empty or \".\" segment, so extractors normalise it to another name");
        break;
      }
    }
    return out;
  }

  /**
   * The form two names are compared in to find twins: Unicode NFC, backslashes as slashes, repeated slashes folded.
   *
   * @param name an entry name
   * @return the comparison form
   */
  public static String normalizeForCompare(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFC).replace('\\', '/');
    while (n.contains("//")) {
      n = n.replace("//", "/");
    }
    return n;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
