package dev.wheeltapper.pep440;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw PEP 440 scanner: a single left-to-right pass over the text with bounded look-ahead, no regular expressions
 * (so no backtracking blow-up on hostile input). Accepts every spelling the PEP 440 normalisation section allows.
 *
 * <p>Grammar (case-insensitive, after stripping surrounding whitespace):
 *
 * <pre>
 * v? (N!)? N(.N)* ([-_.]? (alpha|a|beta|b|preview|pre|c|rc) ([-_.]? N)?)?
 *    (-N | [-_.]? (post|rev|r) ([-_.]? N)?)?
 *    ([-_.]? dev ([-_.]? N)?)?
 *    (+ [a-z0-9]+ ([-_.] [a-z0-9]+)*)?
 * </pre>
 */
final class VersionParser {

  private static final String[] PRE_LABELS = {"preview", "alpha", "beta", "pre", "rc", "a", "b", "c"};
  private static final String[] POST_LABELS = {"post", "rev", "r"};

  private final String input;
  private final String text;
  private int pos;

  private VersionParser(String input, String text) {
    this.input = input;
    this.text = text;
  }

  static Version parse(String input) throws InvalidVersionException {
    if (input.length() > Version.MAX_LENGTH) {
      throw new InvalidVersionException(input, "longer than " + Version.MAX_LENGTH + " characters");
    }
    String stripped = Text.strip(input);
    if (stripped.isEmpty()) {
      throw new InvalidVersionException(input, "empty");
    }
    return new VersionParser(input, Text.asciiLower(stripped)).version();
  }

  private Version version() throws InvalidVersionException {
    if (peek() == 'v') {
      pos++;
    }
    long epoch = 0;
    long first = number("release number");
    if (peek() == '!') {
      pos++;
      epoch = first;
      first = number("release number after the epoch '!'");
    }
    List<Long> release = new ArrayList<>();
    release.add(first);
    while (peek() == '.' && Text.isAsciiDigit(peek(1))) {
      pos++;
      if (release.size() >= Version.MAX_RELEASE_SEGMENTS) {
        throw new InvalidVersionException(input, "more than " + Version.MAX_RELEASE_SEGMENTS + " release segments");
      }
      release.add(number("release number"));
    }
    PreRelease pre = null;
    int label = labelAt(PRE_LABELS, true);
    if (label >= 0) {
      String l = PRE_LABELS[label];
      pos = afterSeparatorAndLabel(l);
      pre = new PreRelease(preKind(l), optionalNumber());
    }
    long post = -1;
    if (peek() == '-' && Text.isAsciiDigit(peek(1))) {
      pos++;
      post = number("post-release number");
    } else {
      label = labelAt(POST_LABELS, true);
      if (label >= 0) {
        pos = afterSeparatorAndLabel(POST_LABELS[label]);
        post = optionalNumber();
      }
    }
    long dev = -1;
    if (labelAt(new String[] {"dev"}, true) >= 0) {
      pos = afterSeparatorAndLabel("dev");
      dev = optionalNumber();
    }
    List<String> local = List.of();
    if (peek() == '+') {
      pos++;
      local = local();
    }
    if (pos < text.length()) {
      throw new InvalidVersionException(
          input, "unexpected " + describe(text.charAt(pos)) + " at position " + pos + " of the stripped text");
    }
    return new Version(epoch, release.stream().mapToLong(Long::longValue).toArray(), pre, post, dev, local);
  }

  private List<String> local() throws InvalidVersionException {
    List<String> segments = new ArrayList<>();
    while (true) {
      int start = pos;
      while (pos < text.length() && Text.isAsciiLetterOrDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw new InvalidVersionException(
            input,
            pos < text.length()
                ? "local version segment expected at position " + pos + ", found " + describe(text.charAt(pos))
                : "local version label ends with a separator or is empty");
      }
      segments.add(normaliseLocalSegment(text.substring(start, pos)));
      char c = peek();
      if (c == '.' || c == '-' || c == '_') {
        pos++;
      } else {
        return segments;
      }
    }
  }

  /** Numeric local segments compare as integers, so their leading zeros are dropped here once. */
  private static String normaliseLocalSegment(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      if (!Text.isAsciiDigit(segment.charAt(i))) {
        return segment;
      }
    }
    int i = 0;
    while (i < segment.length() - 1 && segment.charAt(i) == '0') {
      i++;
    }
    return segment.substring(i);
  }

  /**
   * Finds which label (longest first) starts at the cursor, after an optional separator; -1 if none. Longest-first
   * gives the same answer as the reference regular expression, because no shorter label can be followed by a valid
   * rest where the longer one cannot.
   */
  private int labelAt(String[] labels, boolean allowSeparator) {
    int p = pos;
    if (allowSeparator && isSeparator(peek())) {
      p++;
    }
    for (int i = 0; i < labels.length; i++) {
      if (text.startsWith(labels[i], p)) {
        return i;
      }
    }
    return -1;
  }

  private int afterSeparatorAndLabel(String label) {
    int p = pos;
    if (isSeparator(peek())) {
      p++;
    }
    return p + label.length();
  }

  /**
   * The optional number after a label, possibly behind one separator; an implicit number is zero. A separator after
   * the label is consumed even without a number ({@code 1.0a.}, {@code 1.0.post.-dev0}), as the reference grammar's
   * greedy {@code [-_.]?} does: every later segment starts with an optional separator of its own, so consuming it
   * never rejects a text the other choice would accept.
   */
  private long optionalNumber() throws InvalidVersionException {
    if (Text.isAsciiDigit(peek())) {
      return number("number");
    }
    if (isSeparator(peek())) {
      pos++;
      if (Text.isAsciiDigit(peek())) {
        return number("number");
      }
    }
    return 0;
  }

  private long number(String what) throws InvalidVersionException {
    int start = pos;
    while (pos < text.length() && Text.isAsciiDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw new InvalidVersionException(
          input,
          what
              + " expected at position "
              + start
              + (start < text.length() ? ", found " + describe(text.charAt(start)) : ", found end of text"));
    }
    int significant = start;
    while (significant < pos - 1 && text.charAt(significant) == '0') {
      significant++;
    }
    try {
      return Long.parseLong(text.substring(significant, pos));
    } catch (NumberFormatException e) {
      throw new InvalidVersionException(input, what + " at position " + start + " is larger than " + Long.MAX_VALUE);
    }
  }

  private char peek() {
    return peek(0);
  }

  private char peek(int ahead) {
    int p = pos + ahead;
    return p < text.length() ? text.charAt(p) : '\0';
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '-' || c == '_';
  }

  private static PreRelease.Kind preKind(String label) {
    switch (label) {
      case "a":
      case "alpha":
        return PreRelease.Kind.ALPHA;
      case "b":
      case "beta":
        return PreRelease.Kind.BETA;
      default:
        return PreRelease.Kind.RELEASE_CANDIDATE;
    }
  }

  private static String describe(char c) {
    if (c >= 0x21 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("character U+%04X", (int) c);
  }
}
