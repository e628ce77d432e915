package dev.wheeltapper.index;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * A page, file or sidecar of a simple repository that could not be read: unreachable, missing, refused by a limit,
 * malformed, or a link the index may not follow. The {@link Reason} says which, for a caller that reports it.
 *
 * <pre>{@code
 * try {
 *   ProjectPage page = index.project("numpy");
 * } catch (IndexException e) {
 *   System.err.println(e.reason() + " " + e.uri() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class IndexException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the read failed. */
  public enum Reason {
    /** No such page or file (HTTP 404 or 410, or no such local file). */
    NOT_FOUND,
    /** The transport failed: a connection, an HTTP status other than 200, an I/O error, a timeout. */
    UNREADABLE,
    /** A size, count or redirect limit of {@link IndexLimits} was reached, or a redirect went round in a cycle. */
    LIMIT,
    /** The page is not a simple-repository page this reader accepts (bad JSON, unknown API version, bad type). */
    MALFORMED,
    /**
     * A link the index may not follow: a scheme other than http(s) and file, a {@code file:} link from an HTTP page,
     * an HTTPS-to-HTTP redirect, or a {@code file:} link outside the folder the index may read.
     */
    REFUSED
  }

  /** The URI read. */
  private final String uri;
  /** Why. */
  private final Reason reason;

  /**
   * An exception.
   *
   * @param reason why the read failed
   * @param uri the URI read
   * @param message what happened, in words
   */
  public IndexException(Reason reason, URI uri, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.uri = String.valueOf(uri);
  }

  /**
   * An exception with its cause.
   *
   * @param reason why the read failed
   * @param uri the URI read
   * @param message what happened, in words
   * @param cause the underlying failure
   */
  public IndexException(Reason reason, URI uri, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.uri = String.valueOf(uri);
  }

  /**
   * Why the read failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The URI read.
   *
   * @return the URI as text
   */
  public String uri() {
    return uri;
  }
}
