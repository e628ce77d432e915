package dev.wheeltapper.cli;

/**
 * A waiver glob: {@code *} any run of characters except {@code /}, {@code **} any run, {@code ?} one character except
 * {@code /}, everything else literal. Matched by dynamic programming over pattern and text, O(pattern x text) with no
 * backtracking: the text is an entry name from an untrusted wheel, and a regular expression with many stars could
 * take exponential time on it.
 */
final class Glob {
  /** A glob is written by hand; the limit bounds the work per match with the entry-name limit. */
  static final int MAX_LENGTH = 1024;

  private static final char STAR = '\uE000';
  private static final char DOUBLE_STAR = '\uE001';
  private static final char ANY = '\uE002';

  private final char[] tokens;
  private final boolean starCrossesSlash;

  private Glob(char[] tokens, boolean starCrossesSlash) {
    this.tokens = tokens;
    this.starCrossesSlash = starCrossesSlash;
  }

  /**
   * Compiles a glob.
   *
   * @param glob the pattern, at most {@link #MAX_LENGTH} characters
   * @param starCrossesSlash whether a single {@code *} also matches {@code /} (for finding codes, which have none)
   */
  static Glob of(String glob, boolean starCrossesSlash) {
    if (glob.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("glob longer than " + MAX_LENGTH + " characters");
    }
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        t.append(DOUBLE_STAR);
        i++;
      } else if (c == '*') {
        t.append(STAR);
      } else if (c == '?') {
        t.append(ANY);
      } else {
        t.append(c);
      }
    }
    return new Glob(t.toString().toCharArray(), starCrossesSlash);
  }

  boolean matches(String text) {
    int n = text.length();
    // row[j]: the tokens so far match text[0, j)
    boolean[] row = new boolean[n + 1];
    boolean[] next = new boolean[n + 1];
    row[0] = true;
    for (char tok : tokens) {
      next[0] = false;
      if (tok == STAR || tok == DOUBLE_STAR) {
        boolean any = tok == DOUBLE_STAR || starCrossesSlash;
        next[0] = row[0];
        for (int j = 1; j <= n; j++) {
          next[j] = row[j] || next[j - 1] && (any || text.charAt(j - 1) != '/');
        }
      } else {
        for (int j = 1; j <= n; j++) {
          char c = text.charAt(j - 1);
          next[j] = row[j - 1] && (tok == ANY ? c != '/' : c == tok);
        }
      }
      boolean[] done = row;
      row = next;
      next = done; // two rows for the whole match: no allocation per token
    }
    return row[n];
  }
}
