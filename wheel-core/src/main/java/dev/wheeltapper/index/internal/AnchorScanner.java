package dev.wheeltapper.index.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bounded scanner of the {@code <a>} elements of a PEP 503 HTML page: the only part of HTML a simple repository
 * gives meaning to. Comments are skipped; every other element is passed over; attribute values and texts have their
 * character references decoded. It never fails on malformed markup (an unclosed tag or quote ends at the end of the
 * page, as a browser would end it); it refuses only what passes its limits, so a hostile page costs at most
 * {@code maxAnchors} small records.
 *
 * <p>Why not jsoup: it builds the whole document tree (memory in proportion to the page, where the root page of a
 * large index holds hundreds of thousands of anchors) to answer a question this 200-line scanner answers in one
 * pass, with the limits in our hands; and it would be one more dependency in the shaded jar for one tag.
 *
 * <pre>{@code
 * List<Anchor> anchors = new AnchorScanner(100_000, 64, 65_536, 1_024).scan(html);
 * anchors.get(0).attribute("href");   // Optional["../../files/foo-1.0-py3-none-any.whl#sha256=..."]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AnchorScanner {
  private final int maxAnchors;
  private final int maxAttributes;
  private final int maxValueChars;
  private final int maxTextChars;

  /**
   * A scanner with its limits.
   *
   * @param maxAnchors most anchors on one page
   * @param maxAttributes most attributes on one anchor
   * @param maxValueChars longest attribute value
   * @param maxTextChars longest anchor text kept (a longer text is cut there)
   */
  public AnchorScanner(int maxAnchors, int maxAttributes, int maxValueChars, int maxTextChars) {
    if (maxAnchors < 1 || maxAttributes < 1 || maxValueChars < 1 || maxTextChars < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxAnchors = maxAnchors;
    this.maxAttributes = maxAttributes;
    this.maxValueChars = maxValueChars;
    this.maxTextChars = maxTextChars;
  }

  /**
   * Every anchor of a page, in document order.
   *
   * @param html the page, decoded
   * @return the anchors
   * @throws MarkupException when the page holds more anchors, or an anchor more or longer attributes, than allowed
   */
  public List<Anchor> scan(String html) throws MarkupException {
    List<Anchor> out = new ArrayList<>();
    int n = html.length();
    int i = 0;
    // Each step moves i forward by at least one character: the loop ends within n steps.
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (isAnchorStart(html, lt)) {
        if (out.size() >= maxAnchors) {
          throw new MarkupException("more than " + maxAnchors + " links on one page");
        }
        i = anchor(html, lt + 2, out);
      } else {
        i = lt + 1;
      }
    }
    return out;
  }

  private static boolean isAnchorStart(String s, int lt) {
    if (lt + 2 > s.length() || (s.charAt(lt + 1) | 0x20) != 'a') {
      return false;
    }
    if (lt + 2 == s.length()) {
      return true;
    }
    char c = s.charAt(lt + 2);
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }

  /** Reads one anchor's attributes from {@code i} (after {@code <a}) and its text; answers where scanning resumes. */
  private int anchor(String s, int i, List<Anchor> out) throws MarkupException {
    int n = s.length();
    Map<String, String> attrs = new LinkedHashMap<>();
    int count = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '>') {
        i++;
        break;
      }
      if (c == '/' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < n && !isNameEnd(s.charAt(i))) {
        i++;
      }
      String name = s.substring(nameStart, Math.min(i, nameStart + maxValueChars)).toLowerCase(Locale.ROOT);
      String value = "";
      int j = skipSpace(s, i);
      if (j < n && s.charAt(j) == '=') {
        j = skipSpace(s, j + 1);
        int valueStart;
        int valueEnd;
        if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
          char q = s.charAt(j);
          valueStart = j + 1;
          int close = s.indexOf(q, valueStart);
          valueEnd = close < 0 ? n : close;
          i = close < 0 ? n : close + 1;
        } else {
          valueStart = j;
          valueEnd = j;
          while (valueEnd < n && !Character.isWhitespace(s.charAt(valueEnd)) && s.charAt(valueEnd) != '>') {
            valueEnd++;
          }
          i = valueEnd;
        }
        if (valueEnd - valueStart > maxValueChars) {
          throw new MarkupException("an attribute value longer than " + maxValueChars + " characters");
        }
        value = CharacterReferences.decode(s.substring(valueStart, valueEnd));
      }
      if (++count > maxAttributes) {
        throw new MarkupException("a link with more than " + maxAttributes + " attributes");
      }
      attrs.putIfAbsent(name, value);
    }
    int end = textEnd(s, i);
    String text = CharacterReferences.decode(stripTags(s.substring(i, Math.min(end, i + maxTextChars)))).strip();
    out.add(new Anchor(attrs, text));
    return Math.max(end, i);
  }

  private static boolean isNameEnd(char c) {
    return c == '=' || c == '>' || c == '/' || Character.isWhitespace(c);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where an anchor's text ends: its {@code </a}, the next anchor (an unclosed one), or the page's end. */
  private static int textEnd(String s, int from) {
    // One forward pass: searching for "</a" and "<a" separately would rescan the rest of an unclosed page per anchor.
    for (int lt = s.indexOf('<', from); lt >= 0; lt = s.indexOf('<', lt + 1)) {
      if (isAnchorStart(s, lt) || s.regionMatches(true, lt, "</a", 0, 3)) {
        return lt;
      }
    }
    return s.length();
  }

  /** The text of an anchor without the tags nested in it ({@code <span>}, {@code <b>}). */
  private static String stripTags(String s) {
    if (s.indexOf('<') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean inTag = false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '<') {
        inTag = true;
      } else if (c == '>' && inTag) {
        inTag = false;
      } else if (!inTag) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
