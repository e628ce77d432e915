package dev.wheeltapper.index;

import java.util.List;
import java.util.Locale;

/**
 * Sends a page's bytes to the reader of its form: PEP 691 JSON when the content type says so
 * ({@code application/vnd.pypi.simple.v1+json}, or a local {@code index.json} / {@code index.v1_json}), PEP 503 HTML
 * otherwise. A page that cannot be read at all is an {@link IndexException}. Thread-safe.
 */
final class PageReader {
  private final IndexLimits limits;

  PageReader(IndexLimits limits) {
    this.limits = limits;
  }

  /** The projects of a root page. */
  List<ProjectRef> projects(Transport.Body body) throws IndexException {
    return isJson(body) ? Pep691Page.projects(body, limits) : Pep503Page.projects(body, limits);
  }

  /** A project page. */
  ProjectPage project(String name, Transport.Body body) throws IndexException {
    return isJson(body) ? Pep691Page.project(name, body, limits) : Pep503Page.project(name, body, limits);
  }

  private static boolean isJson(Transport.Body body) {
    String t = body.contentType().toLowerCase(Locale.ROOT);
    return t.startsWith("application/vnd.pypi.simple.") && t.contains("+json");
  }
}
