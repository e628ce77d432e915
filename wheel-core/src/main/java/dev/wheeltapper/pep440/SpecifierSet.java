package dev.wheeltapper.pep440;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A comma-separated list of PEP 440 specifiers that must all match, such as {@code >=1.0,!=1.3.4.*,<2.0}. The empty
 * set matches every version.
 *
 * <p>Pre-releases: {@link #contains(Version)} excludes pre-release candidates unless one of the specifiers names a
 * pre-release; {@link #contains(Version, boolean)} lets the caller include them; {@link #filter(Iterable)} applies
 * PEP 440's default (pre-releases only when no final release matches).
 *
 * <pre>{@code
 * SpecifierSet s = SpecifierSet.parse(">=1.0, !=1.3.4.*, <2.0");
 * s.contains(Version.parse("1.3.4.1"));   // false
 * s.contains(Version.parse("1.5"));       // true
 * s.toString();                           // ">=1.0,!=1.3.4.*,<2.0"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SpecifierSet {

  /** Longest accepted specifier-set text, in characters. */
  public static final int MAX_LENGTH = 4096;

  /** Most clauses accepted in one set. */
  public static final int MAX_SPECIFIERS = 64;

  private static final SpecifierSet EMPTY = new SpecifierSet(List.of());

  private final List<Specifier> specifiers;

  private SpecifierSet(List<Specifier> specifiers) {
    this.specifiers = List.copyOf(specifiers);
  }

  /**
   * Parses a comma-separated list of specifiers. Whitespace around clauses is ignored, and (like pip) empty clauses
   * are skipped, so {@code ""} is the empty set.
   *
   * @param text for example {@code ">=1.0, <2"}
   * @return the set
   * @throws InvalidSpecifierException if a clause is invalid or the text is too long (the message names the clause)
   */
  public static SpecifierSet parse(String text) throws InvalidSpecifierException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSpecifierException(text, "longer than " + MAX_LENGTH + " characters");
    }
    List<Specifier> out = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String clause = text.substring(start, end);
      if (!Text.strip(clause).isEmpty()) {
        if (out.size() >= MAX_SPECIFIERS) {
          throw new InvalidSpecifierException(text, "more than " + MAX_SPECIFIERS + " clauses");
        }
        out.add(Specifier.parse(clause));
      }
      start = end + 1;
    }
    return new SpecifierSet(out);
  }

  /**
   * A set of the given specifiers.
   *
   * @param specifiers the clauses, in order
   * @return the set
   */
  public static SpecifierSet of(List<Specifier> specifiers) {
    return specifiers.isEmpty() ? EMPTY : new SpecifierSet(specifiers);
  }

  /**
   * The set that matches everything.
   *
   * @return the empty set
   */
  public static SpecifierSet empty() {
    return EMPTY;
  }

  /**
   * The clauses, in the order written.
   *
   * @return the specifiers
   */
  public List<Specifier> specifiers() {
    return specifiers;
  }

  /**
   * Whether there are no clauses.
   *
   * @return true for the empty set
   */
  public boolean isEmpty() {
    return specifiers.isEmpty();
  }

  /**
   * Whether any clause names a pre-release, which lets pre-release candidates through.
   *
   * @return true if pre-releases are implicitly allowed
   */
  public boolean mentionsPrerelease() {
    return specifiers.stream().anyMatch(Specifier::mentionsPrerelease);
  }

  /**
   * Whether every clause matches, excluding pre-releases unless a clause names one.
   *
   * @param candidate the version
   * @return true if it matches
   */
  public boolean contains(Version candidate) {
    return contains(candidate, false);
  }

  /**
   * Whether every clause matches.
   *
   * @param candidate the version
   * @param includePrereleases accept pre-release candidates even if no clause names one
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
   * Whether a version string matches every clause; a string that is not a version can only match {@code ===}
   * clauses.
   *
   * @param candidate the version text
   * @param includePrereleases accept pre-release candidates even if no clause names one
   * @return true if it matches
   */
  public boolean contains(String candidate, boolean includePrereleases) {
    Objects.requireNonNull(candidate, "candidate");
    Optional<Version> v = Version.tryParse(candidate);
    if (v.isPresent() && !includePrereleases && v.get().isPrerelease() && !mentionsPrerelease()) {
      return false;
    }
    for (Specifier s : specifiers) {
      if (!s.contains(candidate, true)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The matching versions, in the given order, following PEP 440's default: pre-releases are left out unless a
   * clause names one or no final release matches.
   *
   * @param versions the candidates
   * @return the matching versions
   */
  public List<Version> filter(Iterable<Version> versions) {
    return Specifier.filter(versions, this::matches, mentionsPrerelease());
  }

  /**
   * The matching versions, in the given order.
   *
   * @param versions the candidates
   * @param includePrereleases accept pre-release candidates even if no clause names one
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

  private boolean matches(Version v) {
    for (Specifier s : specifiers) {
      if (!s.matches(v)) {
        return false;
      }
    }
    return true;
  }

  /** The clauses joined by commas, in the order written, for example {@code >=1.0,<2}. */
  @Override
  public String toString() {
    return specifiers.stream().map(Specifier::toString).collect(Collectors.joining(","));
  }

  /** Equal when both hold the same clauses, in any order and ignoring repeats. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SpecifierSet
        && new HashSet<>(specifiers).equals(new HashSet<>(((SpecifierSet) o).specifiers));
  }

  @Override
  public int hashCode() {
    return new HashSet<>(specifiers).hashCode();
  }
}
