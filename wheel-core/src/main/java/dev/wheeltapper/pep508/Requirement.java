package dev.wheeltapper.pep508;

import dev.wheeltapper.pep440.SpecifierSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier: a distribution name, optional extras, either version specifiers or a URL, and an
 * optional environment marker.
 *
 * <pre>{@code
 * Requirement r = Requirement.parse("requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"");
 * r.name();              // "requests"
 * r.extras();            // [security, tests]
 * r.specifier();         // >=2.8.1,==2.8.*
 * r.marker().get();      // python_version < "2.7"
 * r.toString();          // requests[security,tests]>=2.8.1,==2.8.*; python_version < "2.7"
 * Requirement.parse("pip @ https://github.com/pypa/pip/archive/1.3.1.zip").url();  // Optional[https://...]
 * }</pre>
 *
 * <p>Input is limited to {@value #MAX_LENGTH} characters. Immutable and thread-safe.
 */
public final class Requirement {

  /** Longest accepted requirement text, in characters. */
  public static final int MAX_LENGTH = 8192;

  private final String name;
  private final List<String> extras;
  private final SpecifierSet specifier;
  private final String url; // null when absent
  private final Marker marker; // null when absent

  private Requirement(String name, List<String> extras, SpecifierSet specifier, String url, Marker marker) {
    this.name = name;
    this.extras = List.copyOf(extras);
    this.specifier = specifier;
    this.url = url;
    this.marker = marker;
  }

  /**
   * Parses a requirement.
   *
   * @param text for example {@code name[extra]>=1.0; python_version >= "3.8"}
   * @return the requirement
   * @throws InvalidRequirementException if the text is not valid (with the position and what was expected)
   */
  public static Requirement parse(String text) throws InvalidRequirementException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRequirementException(text, 0, "longer than " + MAX_LENGTH + " characters");
    }
    Pep508Parser.Parts p;
    try {
      p = Pep508Parser.parseRequirement(text);
    } catch (SyntaxException e) {
      throw new InvalidRequirementException(text, e.position(), e.reason());
    }
    return new Requirement(
        p.name(),
        p.extras(),
        SpecifierSet.of(p.specifiers()),
        p.url(),
        p.marker() == null ? null : new Marker(p.marker()));
  }

  /**
   * The distribution name as written.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The PEP 503 normalised name (lower case, runs of {@code -_.} as one {@code -}).
   *
   * @return the normalised name
   */
  public String normalizedName() {
    return Syntax.normalizeName(name);
  }

  /**
   * The extras as written, in order.
   *
   * @return the extras, possibly empty
   */
  public List<String> extras() {
    return extras;
  }

  /**
   * The extras normalised (PEP 685) and sorted, without repeats.
   *
   * @return the normalised extras, possibly empty
   */
  public Set<String> normalizedExtras() {
    Set<String> out = new TreeSet<>();
    for (String e : extras) {
      out.add(Syntax.normalizeName(e));
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The version specifiers; empty when none were given or a URL was.
   *
   * @return the specifier set
   */
  public SpecifierSet specifier() {
    return specifier;
  }

  /**
   * The URL of a direct reference ({@code name @ url}).
   *
   * @return the URL, or empty
   */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /**
   * The environment marker.
   *
   * @return the marker, or empty
   */
  public Optional<Marker> marker() {
    return Optional.ofNullable(marker);
  }

  /**
   * Whether this requirement applies in the environment: true without a marker, else the marker's value.
   *
   * @param environment the variable values
   * @return whether the requirement applies
   * @throws MarkerEvaluationException if a marker comparison has no defined meaning for the values met
   */
  public boolean appliesTo(Environment environment) throws MarkerEvaluationException {
    return marker == null || marker.evaluate(environment);
  }

  /**
   * The requirement in a form that parses back to an equal requirement: name, {@code [extras]} as written, the
   * specifiers without spaces, {@code @ url}, and {@code ; marker}.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(name);
    if (!extras.isEmpty()) {
      b.append('[').append(String.join(",", extras)).append(']');
    }
    b.append(specifier);
    if (url != null) {
      b.append("@ ").append(url);
      if (marker != null) {
        b.append(' ');
      }
    }
    if (marker != null) {
      b.append("; ").append(marker);
    }
    return b.toString();
  }

  /** Equal when normalised name, normalised extras, specifier set, URL and marker agree. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Requirement)) {
      return false;
    }
    Requirement r = (Requirement) o;
    return normalizedName().equals(r.normalizedName())
        && normalizedExtras().equals(r.normalizedExtras())
        && specifier.equals(r.specifier)
        && Objects.equals(url, r.url)
        && Objects.equals(marker, r.marker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(normalizedName(), normalizedExtras(), specifier, url, marker);
  }
}
