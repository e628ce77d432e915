package dev.wheeltapper.toolchain;

/**
 * The shapes of mangled symbol names the toolchain rules look for, matched character by character: the rules run over
 * every symbol of every binary (hundreds of thousands in a large C++ library), where a regular expression per name
 * costs a matcher and a backtracking search each time. Each method answers exactly what its documented pattern's
 * {@code find()} answers ({@code SymbolShapesTest} checks them against the patterns).
 *
 * <p>Stateless and thread-safe.
 */
final class SymbolShapes {
  private SymbolShapes() {}

  /**
   * Rust's legacy mangling hash, {@code 17h[0-9a-f]{16}E} anywhere in the name.
   *
   * @param n a symbol name
   * @return whether it contains the hash
   */
  static boolean rustLegacyHash(String n) {
    for (int i = n.indexOf("17h"); i >= 0 && i + 20 <= n.length(); i = n.indexOf("17h", i + 1)) {
      if (n.charAt(i + 19) == 'E' && lowerHex(n, i + 3, i + 19)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rust's v0 mangling, {@code (?:^|[^A-Za-z0-9])_R[0-9]*(?:N[vtCcINSXYMB]|I[NC]|C[s0-9])} anywhere in the name.
   * (The digits run greedily: what follows them is a letter, so giving some back never helps the match.)
   *
   * @param n a symbol name
   * @return whether it contains a v0 path
   */
  static boolean rustV0(String n) {
    for (int i = n.indexOf("_R"); i >= 0; i = n.indexOf("_R", i + 1)) {
      if (i > 0 && asciiAlnum(n.charAt(i - 1))) {
        continue;
      }
      int j = i + 2;
      while (j < n.length() && n.charAt(j) >= '0' && n.charAt(j) <= '9') {
        j++;
      }
      if (j + 1 >= n.length()) {
        continue;
      }
      char a = n.charAt(j);
      char b = n.charAt(j + 1);
      boolean tag = switch (a) {
        case 'N' -> "vtCcINSXYMB".indexOf(b) >= 0;
        case 'I' -> b == 'N' || b == 'C';
        case 'C' -> b == 's' || (b >= '0' && b <= '9');
        default -> false;
      };
      if (tag) {
        return true;
      }
    }
    return false;
  }

  /**
   * A gfortran module procedure, {@code ^__[A-Za-z0-9_]+_MOD_[A-Za-z0-9_]+}: after the leading {@code __}, a run of
   * word characters holding {@code _MOD_} with at least one word character on each side.
   *
   * @param n a symbol name
   * @return whether it is one
   */
  static boolean fortranModule(String n) {
    if (!n.startsWith("__")) {
      return false;
    }
    int end = 2;
    while (end < n.length() && word(n.charAt(end))) {
      end++;
    }
    // _MOD_ at q: q >= 3 leaves a character before it, q + 5 < end one after it (the first such q is the best)
    int q = n.indexOf("_MOD_", 3);
    return q >= 0 && q + 5 < end;
  }

  private static boolean lowerHex(String n, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = n.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiAlnum(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean word(char c) {
    return asciiAlnum(c) || c == '_';
  }
}
