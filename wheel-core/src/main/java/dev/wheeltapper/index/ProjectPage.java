package dev.wheeltapper.index;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One project page of a simple repository, as read: its files, and the defects of links that could not be taken
 * (a link without a usable file name or URL, a hash fragment that is not {@code name=hex}, a link to a scheme the
 * index may not follow). A defect is the index's fault and is reported; the page's other files are still read.
 *
 * <pre>{@code
 * ProjectPage page = index.project("numpy");
 * page.files().size();
 * page.defects().forEach(System.err::println);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the normalized project name
 * @param url the page's final URL (after redirects), against which its links were resolved
 * @param format the form the page came in
 * @param files the files, in page order
 * @param defects one sentence per link not taken, in page order
 */
public record ProjectPage(String name, URI url, Format format, List<DistributionFile> files, List<String> defects) {

  /** The form of a page. */
  public enum Format {
    /** PEP 503 HTML. */
    HTML,
    /** PEP 691 JSON ({@code application/vnd.pypi.simple.v1+json}). */
    JSON
  }

  /** Copies the lists and rejects nulls. */
  public ProjectPage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    files = List.copyOf(files);
    defects = List.copyOf(defects);
  }
}
