package dev.wheeltapper.pep508;

import dev.wheeltapper.pep440.InvalidSpecifierException;
import dev.wheeltapper.pep440.Specifier;
import dev.wheeltapper.pep440.SpecifierSet;
import dev.wheeltapper.pep508.MarkerTree.All;
import dev.wheeltapper.pep508.MarkerTree.Any;
import dev.wheeltapper.pep508.MarkerTree.Compare;
import dev.wheeltapper.pep508.MarkerTree.Node;
import dev.wheeltapper.pep508.MarkerTree.Op;
import dev.wheeltapper.pep508.MarkerTree.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw PEP 508 recursive-descent parser for requirements and markers. One pass, positions are offsets into the
 * whole input, parentheses nest at most {@value #MAX_NESTING} deep (so hostile input cannot exhaust the stack), and
 * {@code and}/{@code or} chains are built iteratively.
 *
 * <p>About 400 lines: one recursive-descent method per production of the PEP 508 grammar, kept together so that the
 * grammar reads top to bottom in one file.
 */
final class Pep508Parser {

  /** Deepest parenthesis nesting accepted in a marker. */
  static final int MAX_NESTING = 64;

  private static final Map<String, String> VARIABLE_NAMES =
      Map.ofEntries(
          Map.entry("os_name", "os_name"),
          Map.entry("sys_platform", "sys_platform"),
          Map.entry("platform_machine", "platform_machine"),
          Map.entry("platform_python_implementation", "platform_python_implementation"),
          Map.entry("platform_release", "platform_release"),
          Map.entry("platform_system", "platform_system"),
          Map.entry("platform_version", "platform_version"),
          Map.entry("python_version", "python_version"),
          Map.entry("python_full_version", "python_full_version"),
          Map.entry("implementation_name", "implementation_name"),
          Map.entry("implementation_version", "implementation_version"),
          Map.entry("extra", "extra"),
          // PEP 345 and setuptools spellings that pip and packaging still accept.
          Map.entry("os.name", "os_name"),
          Map.entry("sys.platform", "sys_platform"),
          Map.entry("platform.version", "platform_version"),
          Map.entry("platform.machine", "platform_machine"),
          Map.entry("platform.python_implementation", "platform_python_implementation"),
          Map.entry("python_implementation", "platform_python_implementation"));

  private final String s;
  private int pos;

  private Pep508Parser(String s) {
    this.s = s;
  }

  /** The parts of a requirement, before they become a {@link Requirement}. */
  record Parts(String name, List<String> extras, List<Specifier> specifiers, String url, Node marker) {}

  static Node parseMarker(String text) throws SyntaxException {
    Pep508Parser p = new Pep508Parser(text);
    p.skipWs();
    Node n = p.markerOr(0);
    p.skipWs();
    if (!p.atEnd()) {
      throw p.error("expected 'and', 'or' or end of marker, found " + Syntax.describe(text, p.pos));
    }
    return n;
  }

  static Parts parseRequirement(String text) throws SyntaxException {
    return new Pep508Parser(text).requirement();
  }

  private Parts requirement() throws SyntaxException {
    skipWs();
    String name = name("package name at the start of the requirement");
    skipWs();
    List<String> extras = new ArrayList<>();
    if (peek() == '[') {
      extras(extras);
      skipWs();
    }
    List<Specifier> specifiers = new ArrayList<>();
    String url = null;
    Node marker = null;
    if (peek() == '@') {
      pos++;
      skipWs();
      url = url();
      int afterUrl = pos;
      skipWs();
      if (!atEnd()) {
        // The URL runs to the next whitespace, so a marker needs whitespace before its ';'.
        if (peek() != ';' || pos == afterUrl) {
          throw error("expected end or ' ;' after the URL, found " + Syntax.describe(s, pos));
        }
        marker = marker();
      }
    } else {
      boolean any;
      if (peek() == '(') {
        int open = pos;
        pos++;
        skipWs();
        any = versionMany(specifiers);
        skipWs();
        if (peek() != ')') {
          throw error("expected ')' to close the '(' at position " + open + ", found " + Syntax.describe(s, pos));
        }
        pos++;
      } else {
        any = versionMany(specifiers);
      }
      skipWs();
      if (!atEnd()) {
        if (peek() != ';') {
          throw error(
              "expected end or ';' (after "
                  + (any ? "version specifier" : "name and no valid version specifier")
                  + "), found "
                  + Syntax.describe(s, pos));
        }
        marker = marker();
      }
    }
    return new Parts(name, extras, specifiers, url, marker);
  }

  private Node marker() throws SyntaxException {
    pos++; // ';'
    skipWs();
    Node n = markerOr(0);
    skipWs();
    if (!atEnd()) {
      throw error("expected 'and', 'or' or end of marker, found " + Syntax.describe(s, pos));
    }
    return n;
  }

  private String name(String what) throws SyntaxException {
    int start = pos;
    while (pos < s.length() && Syntax.isNameChar(s.charAt(pos))) {
      pos++;
    }
    String name = s.substring(start, pos);
    if (name.isEmpty()) {
      throw new SyntaxException(start, "expected " + what + ", found " + Syntax.describe(s, start));
    }
    if (!Syntax.isValidName(name)) {
      throw new SyntaxException(start, "name " + Syntax.quote(name) + " must start and end with a letter or digit");
    }
    return name;
  }

  private void extras(List<String> extras) throws SyntaxException {
    int open = pos;
    pos++; // '['
    skipWs();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      extras.add(name("extra name"));
      skipWs();
      char c = peek();
      if (c == ']') {
        pos++;
        return;
      }
      if (c == ',') {
        pos++;
        skipWs();
        if (!Syntax.isNameChar(peek())) {
          throw error("expected extra name after comma, found " + Syntax.describe(s, pos));
        }
        continue;
      }
      if (Syntax.isNameChar(c)) {
        throw error("expected comma between extra names");
      }
      throw error("expected ']' to close the '[' at position " + open + ", found " + Syntax.describe(s, pos));
    }
  }

  /**
   * The URL runs to the next space or tab. It is not checked further: PEP 508 allows any URI reference (so {@code
   * file:.} or {@code gopher:/x} are syntactically fine), and whether a direct reference is acceptable is policy for
   * the caller, not syntax. Control characters are rejected, as no URI contains them.
   */
  private String url() throws SyntaxException {
    int start = pos;
    while (pos < s.length() && !Syntax.isWs(s.charAt(pos))) {
      char c = s.charAt(pos);
      if (c < 0x20 || c == 0x7f) {
        throw error("control character in URL");
      }
      pos++;
    }
    if (start == pos) {
      throw new SyntaxException(start, "expected URL after @");
    }
    return s.substring(start, pos);
  }

  /** Zero or more comma-separated specifiers; true if there was at least one. */
  private boolean versionMany(List<Specifier> out) throws SyntaxException {
    if (!isOperatorChar(peek())) {
      return false;
    }
    while (true) {
      int start = pos;
      while (isOperatorChar(peek()) && pos - start < 3) {
        pos++;
      }
      skipWs();
      while (pos < s.length() && !Syntax.isWs(s.charAt(pos)) && ",;)".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      try {
        out.add(Specifier.parse(s.substring(start, pos)));
      } catch (InvalidSpecifierException e) {
        throw new SyntaxException(start, e.getMessage());
      }
      if (out.size() > SpecifierSet.MAX_SPECIFIERS) {
        throw new SyntaxException(start, "more than " + SpecifierSet.MAX_SPECIFIERS
            + " version specifiers");
      }
      int save = pos;
      skipWs();
      if (peek() != ',') {
        pos = save;
        return true;
      }
      pos++;
      skipWs();
      if (atEnd() || peek() == ';' || peek() == ')') {
        // A trailing comma, as pip and pypa/packaging accept (and SpecifierSet.parse skips empty clauses).
        return true;
      }
      if (!isOperatorChar(peek())) {
        throw error("expected a version specifier after comma, found " + Syntax.describe(s, pos));
      }
    }
  }

  private static boolean isOperatorChar(char c) {
    return c == '<' || c == '>' || c == '=' || c == '!' || c == '~';
  }

  private Node markerOr(int depth) throws SyntaxException {
    List<Node> items = new ArrayList<>();
    addFlattened(items, markerAnd(depth), Any.class);
    while (true) {
      int save = pos;
      skipWs();
      if (!keyword("or")) {
        pos = save;
        break;
      }
      pos += 2;
      addFlattened(items, markerAnd(depth), Any.class);
    }
    return items.size() == 1 ? items.get(0) : new Any(items);
  }

  private Node markerAnd(int depth) throws SyntaxException {
    List<Node> items = new ArrayList<>();
    addFlattened(items, markerAtom(depth), All.class);
    while (true) {
      int save = pos;
      skipWs();
      if (!keyword("and")) {
        pos = save;
        break;
      }
      pos += 3;
      addFlattened(items, markerAtom(depth), All.class);
    }
    return items.size() == 1 ? items.get(0) : new All(items);
  }

  /** {@code (a or b) or c} becomes one three-way {@code or}; same for {@code and}. */
  private static void addFlattened(List<Node> items, Node n, Class<? extends Node> kind) {
    if (kind.isInstance(n)) {
      items.addAll(n instanceof Any ? ((Any) n).items() : ((All) n).items());
    } else {
      items.add(n);
    }
  }

  private Node markerAtom(int depth) throws SyntaxException {
    skipWs();
    if (peek() == '(') {
      if (depth >= MAX_NESTING) {
        throw error("parentheses nested deeper than " + MAX_NESTING + " levels");
      }
      int open = pos;
      pos++;
      Node n = markerOr(depth + 1);
      skipWs();
      if (peek() != ')') {
        throw error("expected ')' to close the '(' at position " + open + ", found " + Syntax.describe(s, pos));
      }
      pos++;
      return n;
    }
    Operand lhs = markerVar();
    skipWs();
    Op op = markerOp();
    skipWs();
    Operand rhs = markerVar();
    return new Compare(lhs, op, rhs);
  }

  private Operand markerVar() throws SyntaxException {
    char q = peek();
    if (q == '\'' || q == '"') {
      int start = pos;
      pos++;
      while (pos < s.length() && s.charAt(pos) != q) {
        char c = s.charAt(pos);
        if (!Syntax.isStringChar(c) && c != '\'' && c != '"') {
          throw error("invalid character " + Syntax.describe(s, pos) + " in quoted string");
        }
        pos++;
      }
      if (atEnd()) {
        throw new SyntaxException(start, "unterminated quoted string");
      }
      pos++;
      return new Operand(s.substring(start + 1, pos - 1), false);
    }
    int start = pos;
    while (pos < s.length() && isIdentChar(s.charAt(pos))) {
      pos++;
    }
    String canonical = VARIABLE_NAMES.get(s.substring(start, pos));
    if (canonical == null) {
      pos = start;
      throw error("expected a marker variable or quoted string, found " + Syntax.describe(s, pos));
    }
    return new Operand(canonical, true);
  }

  private Op markerOp() throws SyntaxException {
    for (Op op : Op.values()) {
      if (op.isVersionComparison() && s.startsWith(op.symbol, pos)) {
        pos += op.symbol.length();
        return op;
      }
    }
    if (keyword("in")) {
      pos += 2;
      return Op.IN;
    }
    if (keyword("not")) {
      int notAt = pos;
      pos += 3;
      int afterNot = pos;
      skipWs();
      if (pos == afterNot || !keyword("in")) {
        throw new SyntaxException(notAt, "expected 'in' after 'not'");
      }
      pos += 2;
      return Op.NOT_IN;
    }
    throw error("expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in; found "
        + Syntax.describe(s, pos));
  }

  /** A keyword at the cursor that is not the start of a longer identifier. */
  private boolean keyword(String kw) {
    if (!s.startsWith(kw, pos)) {
      return false;
    }
    int after = pos + kw.length();
    return after >= s.length() || !isIdentChar(s.charAt(after));
  }

  private static boolean isIdentChar(char c) {
    return Syntax.isAsciiLetterOrDigit(c) || c == '_' || c == '.';
  }

  private void skipWs() {
    while (pos < s.length() && Syntax.isWs(s.charAt(pos))) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= s.length();
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private SyntaxException error(String reason) {
    return new SyntaxException(pos, reason);
  }
}
