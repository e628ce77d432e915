package dev.wheeltapper.pep508;

import dev.wheeltapper.pep440.InvalidSpecifierException;
import dev.wheeltapper.pep440.Specifier;
import dev.wheeltapper.pep440.Version;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The parsed marker expression tree and its evaluation; not part of the API. */
final class MarkerTree {

  private MarkerTree() {}

  /** A node of the expression. Depth is bounded by the parser's nesting limit. */
  sealed interface Node permits All, Any, Compare {}

  /** Conjunction ({@code and}), two or more items. */
  record All(List<Node> items) implements Node {
    All {
      items = List.copyOf(items);
    }
  }

  /** Disjunction ({@code or}), two or more items. */
  record Any(List<Node> items) implements Node {
    Any {
      items = List.copyOf(items);
    }
  }

  /** One comparison; either side is a variable or a literal. */
  record Compare(Operand lhs, Op op, Operand rhs) implements Node {}

  /** A marker variable (by canonical name) or a string literal. */
  record Operand(String value, boolean variable) {
    @Override
    public String toString() {
      if (variable) {
        return value;
      }
      return value.indexOf('"') >= 0 ? "'" + value + "'" : '"' + value + '"';
    }
  }

  /** Marker operators; version comparisons first, longest symbols first where prefixes overlap. */
  enum Op {
    LESS_EQUAL("<="),
    LESS("<"),
    NOT_EQUAL("!="),
    ARBITRARY("==="),
    EQUAL("=="),
    GREATER_EQUAL(">="),
    GREATER(">"),
    COMPATIBLE("~="),
    IN("in"),
    NOT_IN("not in");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    boolean isVersionComparison() {
      return this != IN && this != NOT_IN;
    }
  }

  static String format(Node node) {
    if (node instanceof Compare) {
      Compare c = (Compare) node;
      return c.lhs() + " " + c.op().symbol + " " + c.rhs();
    }
    if (node instanceof All) {
      // "and" binds tighter than "or": only an "or" inside an "and" needs parentheses.
      return ((All) node).items().stream().map(n -> n instanceof Any ? "(" + format(n) + ")" : format(n))
          .collect(Collectors.joining(" and "));
    }
    return ((Any) node).items().stream().map(n -> format(n)).collect(Collectors.joining(" or "));
  }

  static boolean evaluate(Node node, Environment env) throws MarkerEvaluationException {
    if (node instanceof All) {
      for (Node n : ((All) node).items()) {
        if (!evaluate(n, env)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Any) {
      for (Node n : ((Any) node).items()) {
        if (evaluate(n, env)) {
          return true;
        }
      }
      return false;
    }
    return compare((Compare) node, env);
  }

  private static boolean compare(Compare c, Environment env) throws MarkerEvaluationException {
    String l = c.lhs().variable() ? env.get(c.lhs().value()) : c.lhs().value();
    String r = c.rhs().variable() ? env.get(c.rhs().value()) : c.rhs().value();
    boolean extra = isExtra(c.lhs()) || isExtra(c.rhs());
    if (extra) {
      // PEP 685: extra names compare after PEP 503 normalisation, as names, never as versions.
      l = Syntax.normalizeName(l);
      r = Syntax.normalizeName(r);
    } else if (c.op().isVersionComparison()) {
      Optional<Boolean> byVersion = compareVersions(l, c.op(), r);
      if (byVersion.isPresent()) {
        return byVersion.get();
      }
    }
    switch (c.op()) {
      case EQUAL:
        return l.equals(r);
      case NOT_EQUAL:
        return !l.equals(r);
      case LESS:
        return l.compareTo(r) < 0;
      case LESS_EQUAL:
        return l.compareTo(r) <= 0;
      case GREATER:
        return l.compareTo(r) > 0;
      case GREATER_EQUAL:
        return l.compareTo(r) >= 0;
      case IN:
        return r.contains(l);
      case NOT_IN:
        return !r.contains(l);
      default:
        throw new MarkerEvaluationException(
            "undefined comparison " + Syntax.quote(l) + " " + c.op().symbol + " " + Syntax.quote(r)
                + ": both sides must be PEP 440 versions");
    }
  }

  /**
   * PEP 508: version comparison operators use PEP 440 semantics when both sides are valid (the right-hand side as a
   * specifier); pre-releases count, as a marker compares one concrete interpreter version. Empty when either side is
   * not a version, so the caller falls back to string comparison.
   */
  private static Optional<Boolean> compareVersions(String l, Op op, String r) {
    Specifier spec;
    try {
      spec = Specifier.parse(op.symbol + r);
    } catch (InvalidSpecifierException e) {
      return Optional.empty();
    }
    if (op == Op.ARBITRARY) {
      return Optional.of(spec.contains(l, true));
    }
    Optional<Version> lv = Version.tryParse(l);
    return lv.map(v -> spec.contains(v, true));
  }

  private static boolean isExtra(Operand o) {
    return o.variable() && o.value().equals("extra");
  }
}
