package dev.wheeltapper.index;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One project of a simple repository's root page: its name as the index writes it and the URL of its page.
 *
 * <pre>{@code
 * ProjectRef.normalize("Foo.Bar__baz");   // "foo-bar-baz" (PEP 503)
 * for (ProjectRef p : index.projects()) {
 *   ProjectPage page = index.page(p);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name as the index lists it
 * @param url the project page, absolute
 */
public record ProjectRef(String name, URI url) {
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /** Rejects nulls. */
  public ProjectRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }

  /**
   * The PEP 503 normalized name: lower case, each run of {@code -}, {@code _} and {@code .} as one {@code -}.
   *
   * @param name a project name
   * @return the normalized name
   */
  public static String normalize(String name) {
    return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  /**
   * This project's normalized name.
   *
   * @return {@link #normalize(String)} of {@link #name()}
   */
  public String normalizedName() {
    return normalize(name);
  }
}
