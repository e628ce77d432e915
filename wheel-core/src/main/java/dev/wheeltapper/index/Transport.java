package dev.wheeltapper.index;

import dev.wheeltapper.index.IndexException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the bytes of an index: {@code file:} URIs from the local file system within the folder the index may read,
 * {@code http(s):} through the JDK's {@link HttpClient} with redirects followed here (bounded, cycle-checked, never
 * from HTTPS to HTTP, never to {@code file:}), a whole-request deadline, and a size cap on every body. Thread-safe.
 */
final class Transport {
  /** PEP 691's content negotiation: JSON first, HTML as the fallback. */
  static final String ACCEPT =
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";
  /** The files a local project folder may hold its page in, in order of preference (JSON first, as PEP 691). */
  static final List<String> FOLDER_PAGES = List.of("index.v1_json", "index.json", "index.html", "index.v1_html");

  /** Closes the bodies that pass their deadline: one daemon thread for every index. */
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wheeltapper-index-deadline");
    t.setDaemon(true);
    return t;
  });

  /** A body read whole: its bytes, its content type and its final URI (after redirects). */
  record Body(byte[] bytes, String contentType, URI uri) {}

  private final IndexLimits limits;
  /** The folder {@code file:} links may point into (real path), when the index is local. */
  private final Optional<Path> fileRoot;
  /** Created on first HTTP use. */
  private volatile HttpClient client;

  Transport(IndexLimits limits, Optional<Path> fileRoot) {
    this.limits = limits;
    this.fileRoot = fileRoot;
  }

  /** Reads a page whole (at most maxPageBytes); a local folder gives its index file. */
  Body page(URI uri) throws IndexException {
    return whole(uri, limits.maxPageBytes(), limits.pageTimeout(), true);
  }

  /** Reads a sidecar (metadata, provenance) whole, at most maxSidecarBytes. */
  Body sidecar(URI uri) throws IndexException {
    return whole(uri, limits.maxSidecarBytes(), limits.pageTimeout(), false);
  }

  /** Opens a distribution file as a stream of at most maxFileBytes, read within the file timeout. */
  InputStream file(URI uri) throws IndexException {
    return open(uri, limits.maxFileBytes(), limits.fileTimeout(), false).stream;
  }

  /** The local file a {@code file:} URI names, once checked against the readable folder; empty for HTTP. */
  Optional<Path> local(URI uri) throws IndexException {
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      return Optional.empty();
    }
    return Optional.of(checkedPath(uri, false));
  }

  private Body whole(URI uri, long max, Duration timeout, boolean page) throws IndexException {
    Opened o = open(uri, max, timeout, page);
    try (InputStream in = o.stream) {
      return new Body(in.readAllBytes(), o.contentType, o.uri);
    } catch (IndexException e) {
      throw e;
    } catch (IOException e) {
      throw new IndexException(Reason.UNREADABLE, uri, "cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  private record Opened(InputStream stream, String contentType, URI uri) {}

  private Opened open(URI uri, long max, Duration timeout, boolean page) throws IndexException {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "file":
        return openFile(uri, max, page);
      case "http":
      case "https":
        return openHttp(uri, max, timeout, page);
      default:
        throw new IndexException(Reason.REFUSED, uri, "not an http(s) or file URL: " + uri);
    }
  }

  private Opened openFile(URI uri, long max, boolean page) throws IndexException {
    if (fileRoot.isEmpty()) {
      // An HTTP index links to a local file: a page must never make the reader open local files.
      throw new IndexException(Reason.REFUSED, uri, "a file: link on an HTTP index: " + uri);
    }
    Path p = checkedPath(uri, page);
    String type = "text/html";
    if (Files.isDirectory(p)) {
      Optional<Path> found = Optional.empty();
      for (String name : FOLDER_PAGES) {
        Path c = p.resolve(name);
        if (Files.isRegularFile(c)) {
          found = Optional.of(c);
          break;
        }
      }
      if (found.isEmpty()) {
        throw new IndexException(Reason.NOT_FOUND, uri, "no index page (" + String.join(", ", FOLDER_PAGES)
            + ") in " + p);
      }
      p = found.get();
    }
    String n = String.valueOf(p.getFileName());
    if (n.endsWith("json")) {
      type = "application/vnd.pypi.simple.v1+json";
    }
    try {
      long size = Files.size(p);
      if (size > max) {
        throw new IndexException(Reason.LIMIT, uri, p + " is " + size + " bytes, more than the " + max + " allowed");
      }
      return new Opened(new Capped(Files.newInputStream(p), max, uri), type, p.toUri());
    } catch (IndexException e) {
      throw e;
    } catch (IOException e) {
      throw new IndexException(Reason.UNREADABLE, uri, "cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  /** The real path of a {@code file:} URI, inside the readable folder, a regular file (or a folder for a page). */
  private Path checkedPath(URI uri, boolean folderAllowed) throws IndexException {
    Path p;
    try {
      p = Path.of(uri).toRealPath();
    } catch (NoSuchFileException e) {
      throw new IndexException(Reason.NOT_FOUND, uri, "no such file: " + uri);
    } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new IndexException(Reason.UNREADABLE, uri, "cannot read " + uri + ": " + e.getMessage(), e);
    }
    Path root = fileRoot.orElseThrow();
    if (!p.startsWith(root)) {
      throw new IndexException(Reason.REFUSED, uri, uri + " lies outside " + root + ", the folder this index may read");
    }
    if (!Files.isRegularFile(p) && !(folderAllowed && Files.isDirectory(p))) {
      // devices, FIFOs and sockets could block or never end
      throw new IndexException(Reason.REFUSED, uri, uri + " is not a regular file");
    }
    return p;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(limits.connectTimeout()).build();
          client = c;
        }
      }
    }
    return c;
  }

  private Opened openHttp(URI start, long max, Duration timeout, boolean page) throws IndexException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<URI> seen = new HashSet<>();
    URI uri = start;
    // At most maxRedirects + 1 requests.
    for (int hop = 0; ; hop++) {
      if (!seen.add(uri)) {
        throw new IndexException(Reason.LIMIT, start, "redirects go round in a cycle at " + uri);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IndexException(Reason.UNREADABLE, start, "timed out after " + timeout.toSeconds() + " s");
      }
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET();
      if (page) {
        rb.header("Accept", ACCEPT);
      }
      HttpResponse<InputStream> r;
      try {
        r = client().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new IndexException(Reason.UNREADABLE, start, "cannot fetch " + uri + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexException(Reason.UNREADABLE, start, "interrupted while fetching " + uri, e);
      }
      int status = r.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        closeQuietly(r.body());
        if (hop >= limits.maxRedirects()) {
          throw new IndexException(Reason.LIMIT, start, "more than " + limits.maxRedirects() + " redirects");
        }
        uri = redirect(start, uri, r.headers().firstValue("Location"));
        continue;
      }
      if (status != 200) {
        closeQuietly(r.body());
        Reason reason = status == 404 || status == 410 ? Reason.NOT_FOUND : Reason.UNREADABLE;
        throw new IndexException(reason, start, "HTTP " + status + " for " + uri);
      }
      long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (length > max) {
        closeQuietly(r.body());
        throw new IndexException(Reason.LIMIT, start, uri + " is " + length + " bytes, more than the " + max
            + " allowed");
      }
      Capped body = new Capped(r.body(), max, start);
      body.deadline(WATCHDOG.schedule(body::expire, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      return new Opened(body, r.headers().firstValue("Content-Type").orElse(""), uri);
    }
  }

  private static URI redirect(URI start, URI from, Optional<String> location) throws IndexException {
    if (location.isEmpty()) {
      throw new IndexException(Reason.UNREADABLE, start, "a redirect without Location from " + from);
    }
    URI to;
    try {
      to = from.resolve(location.get().strip());
    } catch (IllegalArgumentException e) {
      throw new IndexException(Reason.MALFORMED, start, "a redirect to a malformed URL from " + from, e);
    }
    String scheme = String.valueOf(to.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IndexException(Reason.REFUSED, start, "a redirect to " + to + " (only http and https are followed)");
    }
    if (scheme.equals("http") && "https".equalsIgnoreCase(from.getScheme())) {
      throw new IndexException(Reason.REFUSED, start, "a redirect from HTTPS to plain HTTP: " + to);
    }
    return to.normalize();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to keep: the response is refused anyway
    }
  }

  /**
   * A stream that refuses more than its cap, that the watchdog closes at its deadline, and whose every read failure
   * is an {@link IndexException}.
   */
  static final class Capped extends FilterInputStream {
    private final long max;
    private final URI uri;
    private long read;
    private volatile boolean expired;
    private ScheduledFuture<?> deadline;

    Capped(InputStream in, long max, URI uri) {
      super(in);
      this.max = max;
      this.uri = uri;
    }

    synchronized void deadline(ScheduledFuture<?> f) {
      this.deadline = f;
    }

    void expire() {
      expired = true;
      closeQuietly(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        // one byte past the cap tells a body of exactly max bytes from a longer one
        n = in.read(b, off, (int) Math.min(len, max + 1 - read));
      } catch (IndexException e) {
        throw e;
      } catch (IOException e) {
        // typed, so that a connection lost mid-body is a finding on that file and not the end of a run
        throw new IndexException(Reason.UNREADABLE, uri,
            (expired ? "timed out reading " : "cannot read ") + uri + (expired ? "" : ": " + e.getMessage()), e);
      }
      if (n > 0) {
        read += n;
        if (read > max) {
          throw new IndexException(Reason.LIMIT, uri, uri + " is more than the " + max + " bytes allowed");
        }
      } else if (n < 0 && expired) {
        throw new IndexException(Reason.UNREADABLE, uri, "timed out reading " + uri);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // through read, so that skipped bytes count against the cap
      byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
      long done = 0;
      while (done < n) {
        int k = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (k <= 0) {
          break;
        }
        done += k;
      }
      return done;
    }

    @Override
    public void close() throws IOException {
      synchronized (this) {
        if (deadline != null) {
          deadline.cancel(false);
        }
      }
      super.close();
    }
  }
}
