package dev.wheeltapper.index;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on reading a simple repository: every page, link, file and sidecar is read within them, so a hostile
 * or broken index costs at most these.
 *
 * <pre>{@code
 * IndexLimits small = IndexLimits.DEFAULT.withMaxFileBytes(1L << 30);
 * SimpleIndex index = SimpleIndex.open(URI.create("https://mirror.example/simple/"), small);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPageBytes largest page (HTML or JSON) read; PyPI's root page is about 30 MB
 * @param maxLinks most links on one page (projects on the root page, files on a project page)
 * @param maxFileBytes largest distribution file fetched
 * @param maxSidecarBytes largest metadata sidecar (PEP 658) or provenance object (PEP 740) fetched
 * @param maxRedirects most HTTP redirects followed for one request
 * @param connectTimeout HTTP connection timeout
 * @param pageTimeout the whole time one page (or sidecar) may take, headers and body
 * @param fileTimeout the whole time one distribution file may take
 */
public record IndexLimits(long maxPageBytes, int maxLinks, long maxFileBytes, int maxSidecarBytes, int maxRedirects,
    Duration connectTimeout, Duration pageTimeout, Duration fileTimeout) {

  /** 64 MiB pages, 1,000,000 links, 8 GiB files, 16 MiB sidecars, 5 redirects, 30 s / 2 min / 60 min. */
  public static final IndexLimits DEFAULT = new IndexLimits(64L << 20, 1_000_000, 8L << 30, 16 << 20, 5,
      Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(60));

  /** Rejects non-positive bounds and pages the JSON reader cannot take (at most 1 GiB). */
  public IndexLimits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(pageTimeout, "pageTimeout");
    Objects.requireNonNull(fileTimeout, "fileTimeout");
    if (maxPageBytes < 1 || maxPageBytes > 1L << 30 || maxLinks < 1 || maxFileBytes < 1 || maxSidecarBytes < 1
        || maxRedirects < 0) {
      throw new IllegalArgumentException("index limits must be positive (pages at most 1 GiB)");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || pageTimeout.isNegative() || pageTimeout.isZero()
        || fileTimeout.isNegative() || fileTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /**
   * These limits with another page size bound.
   *
   * @param bytes the largest page read
   * @return the new limits
   */
  public IndexLimits withMaxPageBytes(long bytes) {
    return new IndexLimits(bytes, maxLinks, maxFileBytes, maxSidecarBytes, maxRedirects, connectTimeout, pageTimeout,
        fileTimeout);
  }

  /**
   * These limits with another link count bound.
   *
   * @param links the most links on one page
   * @return the new limits
   */
  public IndexLimits withMaxLinks(int links) {
    return new IndexLimits(maxPageBytes, links, maxFileBytes, maxSidecarBytes, maxRedirects, connectTimeout,
        pageTimeout, fileTimeout);
  }

  /**
   * These limits with another file size bound.
   *
   * @param bytes the largest distribution file fetched
   * @return the new limits
   */
  public IndexLimits withMaxFileBytes(long bytes) {
    return new IndexLimits(maxPageBytes, maxLinks, bytes, maxSidecarBytes, maxRedirects, connectTimeout, pageTimeout,
        fileTimeout);
  }

  /**
   * These limits with other timeouts.
   *
   * @param connect the connection timeout
   * @param page the whole time of one page or sidecar
   * @param file the whole time of one distribution file
   * @return the new limits
   */
  public IndexLimits withTimeouts(Duration connect, Duration page, Duration file) {
    return new IndexLimits(maxPageBytes, maxLinks, maxFileBytes, maxSidecarBytes, maxRedirects, connect, page, file);
  }
}
