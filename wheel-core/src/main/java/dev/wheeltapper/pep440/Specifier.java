package dev.wheeltapper.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One PEP 440 version specifier clause, such as {@code >=1.2}, {@code ==1.4.*}, {@code ~=2.2} or {@code
 * ===foobar}.
 *
 * <p>Matching follows PEP 440: {@code ==}/{@code !=} with {@code .*} prefix matching (candidate release padded with
 * zeros, pre/post/dev ignored), local labels ignored unless the specifier has one, {@code ~=V.N} as {@code >=V.N,
 * ==V.*}, the exclusive comparisons {@code <V} (no pre-release of {@code V} unless {@code V} is one) and {@code >V}
 * (no post-release of {@code V} unless {@code V} is one, no local version of {@code V}), and {@code ===} as
 * case-insensitive string equality.
 *
 * <p>Pre-releases: {@link #contains(Version)} excludes pre-release candidates unless the specifier itself names a
 * pre-release ({@link #mentionsPrerelease()}); {@link #contains(Version, boolean)} lets the caller include them, and
 * {@link #filter(Iterable)} applies PEP 440's default (pre-releases only when nothing else matches).
 *
 * <pre>{@code
 * Specifier s = Specifier.parse(">=1.0");
 * s.contains(Version.parse("1.1"));           // true
 * s.contains(Version.parse("2.0a1"));         // false: pre-release not requested
 * s.contains(Version.parse("2.0a1"), true);   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Specifier {

  /** Longest accepted specifier text, in characters. */
  public static final int MAX_LENGTH = Version.MAX_LENGTH + 16;

  /** The comparison operators of PEP 440. */
  public enum Operator {
    /** {@code ~=}: compatible release. */
    COMPATIBLE("~="),
    /** {@code ==}: version matching, optionally with a {@code .*} prefix. */
    EQUAL("=="),
    /** {@code !=}: version exclusion, optionally with a {@code .*} prefix. */
    NOT_EQUAL("!="),
    /** {@code <=}: inclusive ordered comparison. */
    LESS_EQUAL("<="),
    /** {@code >=}: inclusive ordered comparison. */
    GREATER_EQUAL(">="),
    /** {@code <}: exclusive ordered comparison. */
    LESS("<"),
    /** {@code >}: exclusive ordered comparison. */
    GREATER(">"),
    /** {@code ===}: arbitrary (string) equality. */
    ARBITRARY("===");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * The operator as written in a specifier.
     *
     * @return for example {@code ">="}
     */
    public String symbol() {
      return symbol;
    }

    /** Longest symbols first, so that {@code ===} wins over {@code ==}. */
    private static final Operator[] BY_LENGTH = {
      ARBITRARY, COMPATIBLE, EQUAL, NOT_EQUAL, LESS_EQUAL, GREATER_EQUAL, LESS, GREATER
    };
  }

  private final Operator operator;
  private final String version; // as written, surrounding whitespace removed
  private final Version parsed; // the version, or the prefix for a wildcard; null only for unparsable ===
  private final boolean wildcard;

  private Specifier(Operator operator, String version, Version parsed, boolean wildcard) {
    this.operator = operator;
    this.version = version;
    this.parsed = parsed;
    this.wildcard = wildcard;
  }

  /**
   * Parses one specifier clause. Whitespace around the text and between operator and version is allowed.
   *
   * @param text for example {@code ">= 1.0"}
   * @return the specifier
   * @throws InvalidSpecifierException if the text is not a valid specifier (the message says why)
   */
  public static Specifier parse(String text) throws InvalidSpecifierException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSpecifierException(text, "longer than " + MAX_LENGTH + " characters");
    }
    String s = Text.strip(text);
    Operator op = null;
    for (Operator candidate : Operator.BY_LENGTH) {
      if (s.startsWith(candidate.symbol)) {
        op = candidate;
        break;
      }
    }
    if (op == null) {
      throw new InvalidSpecifierException(text, "must start with one of ~= == != <= >= < > ===");
    }
    String v = Text.strip(s.substring(op.symbol.length()));
    if (v.isEmpty()) {
      throw new InvalidSpecifierException(text, "no version after " + op.symbol);
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Text.isPythonSpace(c)) {
        throw new InvalidSpecifierException(text, "whitespace inside the version");
      }
      if (op == Operator.ARBITRARY && (c == ';' || c == ')')) {
        throw new InvalidSpecifierException(text, "'" + c + "' is not allowed in an arbitrary-equality version");
      }
    }
    if (op == Operator.ARBITRARY) {
      return new Specifier(op, v, Version.tryParse(v).orElse(null), false);
    }
    boolean wildcard = v.endsWith(".*");
    if (wildcard && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
      throw new InvalidSpecifierException(text, "a .* prefix match is only allowed with == and !=");
    }
    Version parsed;
    try {
      parsed = Version.parse(wildcard ? v.substring(0, v.length() - 2) : v);
    } catch (InvalidVersionException e) {
      throw new InvalidSpecifierException(text, e.getMessage());
    }
    if (wildcard && (parsed.pre().isPresent() || parsed.isPostrelease() || parsed.isDevrelease() || parsed.isLocal())) {
      throw new InvalidSpecifierException(
          text, "a .* prefix match must follow the release segment directly (no pre, post, dev or local part)");
    }
    if (parsed.isLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
      throw new InvalidSpecifierException(text, "a local version label is only allowed with == and !=");
    }
    if (op == Operator.COMPATIBLE && parsed.releaseSize() < 2) {
      throw new InvalidSpecifierException(text, "~= needs at least two release segments, for example ~=1.0");
    }
    return new Specifier(op, v, parsed, wildcard);
  }

  /**
   * The operator.
   *
   * @return the operator
   */
  public Operator operator() {
    return operator;
  }

  /**
   * The version text as written, including a trailing {@code .*} for prefix matches.
   *
   * @return the version text
   */
  public String version() {
    return version;
  }

  /**
   * The parsed version: for a prefix match the prefix ({@code 1.4} for {@code ==1.4.*}); empty only for an {@code ===}
   * specifier whose text is not a PEP 440 version.
   *
   * @return the version, or empty
   */
  public Optional<Version> parsedVersion() {
    return Optional.ofNullable(parsed);
  }

  /**
   * Whether this is a {@code .*} prefix match.
   *
   * @return true for {@code ==1.4.*} and {@code !=1.4.*}
   */
  public boolean isWildcard() {
    return wildcard;
  }

  /**
   * Whether this specifier explicitly names a pre-release (so pre-release candidates are acceptable to it), as for
   * {@code >=1.0.dev1} or {@code ==2.0b1}; never for {@code !=} or prefix matches.
   *
   * @return true if pre-releases are implicitly allowed
   */
  public boolean mentionsPrerelease() {
    return operator != Operator.NOT_EQUAL && !wildcard && parsed != null && parsed.isPrerelease();
  }

  /**
   * Whether the version matches, excluding pre-releases unless this specifier names one.
   *
   * @param candidate the version
   * @return true if it matches
   */
  public boolean contains(Version candidate) {
    return contains(candidate, false);
  }

  /**
   * Whether the version matches.
   *
   * @param candidate the version
   * @param includePrereleases accept pre-release candidates even if this specifier names none
   * @return true if it matches
   */
  public boolean contains(Version candidate, boolean includePrereleases) {
    Objects.requireNonNull(candidate, "candidate");
    if (!includePrereleases && candidate.isPrerelease() && !mentionsPrerelease()) {
      return false;
    }
    return matches(candidate);
  }

  /**
   * Whether a version string matches. For {@code ===} the text is compared as written (case-insensitively); for the
   * other operators a string that is not a valid version never matches.
   *
   * @param candidate the version text
   * @param includePrereleases accept pre-release candidates even if this specifier names none
   * @return true if it matches
   */
  public boolean contains(String candidate, boolean includePrereleases) {
    Objects.requireNonNull(candidate, "candidate");
    Optional<Version> v = Version.tryParse(candidate);
    if (operator == Operator.ARBITRARY) {
      if (!includePrereleases && v.isPresent() && v.get().isPrerelease() && !mentionsPrerelease()) {
        return false;
      }
      return Text.asciiLower(candidate).equals(Text.asciiLower(version));
    }
    return v.isPresent() && contains(v.get(), includePrereleases);
  }

  /**
   * The matching versions, in the given order, following PEP 440's default: pre-releases are left out unless this
   * specifier names one or no final release matches.
   *
   * @param versions the candidates
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions) {
    return filter(versions, this::matches, mentionsPrerelease());
  }

  /**
   * The matching versions, in the given order.
   *
   * @param versions the candidates
   * @param includePrereleases accept pre-release candidates even if this specifier names none
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions, boolean includePrereleases) {
    List<Version> out = new ArrayList<>();
    for (Version v : versions) {
      if (contains(v, includePrereleases)) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  /** PEP 440's default selection, shared with {@link SpecifierSet}. */
  static List<Version> filter(
      Iterable<Version> versions, Predicate<Version> matches, boolean prereleasesNamed) {
    List<Version> finals = new ArrayList<>();
    List<Version> all = new ArrayList<>();
    for (Version v : versions) {
      if (matches.test(v)) {
        all.add(v);
        if (!v.isPrerelease() || prereleasesNamed) {
          finals.add(v);
        }
      }
    }
    return List.copyOf(finals.isEmpty() ? all : finals);
  }

  /** The match without any pre-release policy. */
  boolean matches(Version v) {
    switch (operator) {
      case ARBITRARY:
        return Text.asciiLower(v.toString()).equals(Text.asciiLower(version));
      case EQUAL:
        return equalMatch(v);
      case NOT_EQUAL:
        return !equalMatch(v);
      case COMPATIBLE:
        return v.publicVersion().compareTo(parsed) >= 0 && prefixMatch(v, parsed, parsed.releaseSize() - 1);
      case LESS_EQUAL:
        return v.publicVersion().compareTo(parsed) <= 0;
      case GREATER_EQUAL:
        return v.publicVersion().compareTo(parsed) >= 0;
      case LESS:
        return lessThan(v.publicVersion());
      case GREATER:
        return greaterThan(v.publicVersion());
      default:
        throw new AssertionError(operator);
    }
  }

  private boolean equalMatch(Version v) {
    if (wildcard) {
      return prefixMatch(v, parsed, parsed.releaseSize());
    }
    // A specifier without a local label ignores the candidate's label; one with a label needs an exact match.
    return parsed.isLocal() ? v.equals(parsed) : v.publicVersion().equals(parsed);
  }

  /** Same epoch and the first {@code length} release numbers equal, the candidate padded with zeros. */
  private static boolean prefixMatch(Version v, Version prefix, int length) {
    if (v.epoch() != prefix.epoch()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (v.releaseAt(i) != prefix.releaseAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code <V} must not admit a pre-release of V itself unless V is a pre-release. */
  private boolean lessThan(Version v) {
    if (v.compareTo(parsed) >= 0) {
      return false;
    }
    if (!parsed.isPrerelease() && v.isPrerelease()) {
      // A pre-release of V.postN is V.postN.devM; a pre-release of a final V shares its epoch and release.
      boolean ofSpec =
          parsed.isPostrelease()
              ? v.withoutDevLocal().equals(parsed)
              : v.baseVersion().equals(parsed.baseVersion());
      return !ofSpec;
    }
    return true;
  }

  /** {@code >V} must not admit a post-release of V itself unless V is a post-release. */
  private boolean greaterThan(Version v) {
    if (v.compareTo(parsed) <= 0) {
      return false;
    }
    if (!parsed.isPostrelease() && v.isPostrelease()) {
      return !v.withoutPostDevLocal().equals(parsed);
    }
    return true;
  }

  /** Operator followed by the version as written, for example {@code >=1.0}. */
  @Override
  public String toString() {
    return operator.symbol + version;
  }

  /**
   * Equal when operator and normalised version agree: {@code ==2.8.0} equals {@code ==2.8}, but {@code ~=2.8.0} does
   * not equal {@code ~=2.8} (the last segment matters there), and {@code ===} compares text case-insensitively.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Specifier
        && operator == ((Specifier) o).operator
        && canonicalKey().equals(((Specifier) o).canonicalKey());
  }

  @Override
  public int hashCode() {
    return Objects.hash(operator, canonicalKey());
  }

  private Object canonicalKey() {
    if (operator == Operator.ARBITRARY) {
      return Text.asciiLower(version);
    }
    if (wildcard || operator == Operator.COMPATIBLE) {
      return parsed.toString() + (wildcard ? ".*" : "");
    }
    return parsed;
  }
}
