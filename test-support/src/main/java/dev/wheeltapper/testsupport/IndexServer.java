package dev.wheeltapper.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server for tests of simple-repository reading ({@code com.sun.net.httpserver}, loopback only): it
 * serves a folder as a static index (a folder's {@code index.json} as {@code application/vnd.pypi.simple.v1+json},
 * its {@code index.html} as HTML, {@code .json} files as PEP 691 JSON, anything else as bytes), and any path a test
 * routes to its own handler (redirects, stalls, oversized bodies). Its API names no {@code com.sun} type, so tests in
 * named modules use it without reading {@code jdk.httpserver}.
 *
 * <pre>{@code
 * try (IndexServer s = IndexServer.serving(folder)) {
 *   s.route("/loop", ex -> ex.redirect("/loop"));
 *   URI root = s.uri("/simple/");
 * }
 * }</pre>
 */
public final class IndexServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  /** What answers a routed path. */
  public interface Handler {
    /**
     * Answers one request.
     *
     * @param ex the exchange
     * @throws IOException when the answer cannot be written
     */
    void handle(Exchange ex) throws IOException;
  }

  /** One request and its answer. */
  public static final class Exchange {
    private final HttpExchange ex;

    Exchange(HttpExchange ex) {
      this.ex = ex;
    }

    /**
     * A request header.
     *
     * @param name the header
     * @return its first value, or null
     */
    public String header(String name) {
      return ex.getRequestHeaders().getFirst(name);
    }

    /**
     * Answers with a 302 redirect.
     *
     * @param location the Location header
     * @throws IOException when the answer cannot be written
     */
    public void redirect(String location) throws IOException {
      ex.getResponseHeaders().add("Location", location);
      ex.sendResponseHeaders(302, -1);
    }

    /**
     * Answers with a status and no body.
     *
     * @param status the HTTP status
     * @throws IOException when the answer cannot be written
     */
    public void status(int status) throws IOException {
      ex.sendResponseHeaders(status, -1);
    }

    /**
     * Answers with a body of known length.
     *
     * @param contentType the Content-Type
     * @param body the body
     * @throws IOException when the answer cannot be written
     */
    public void send(String contentType, byte[] body) throws IOException {
      IndexServer.send(ex, contentType, body);
    }

    /**
     * Answers 200 announcing a body length, for a body the caller writes (shorter, to cut a connection mid-body).
     *
     * @param contentType the Content-Type
     * @param length the Content-Length announced
     * @return the body stream; close it
     * @throws IOException when the answer cannot be written
     */
    public OutputStream fixed(String contentType, long length) throws IOException {
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(200, length);
      return ex.getResponseBody();
    }

    /**
     * Answers 200 with a chunked body (no length announced) the caller writes.
     *
     * @param contentType the Content-Type
     * @return the body stream; close it
     * @throws IOException when the answer cannot be written
     */
    public OutputStream chunked(String contentType) throws IOException {
      ex.getResponseHeaders().add("Content-Type", contentType);
      ex.sendResponseHeaders(200, 0);
      return ex.getResponseBody();
    }
  }

  private IndexServer(Path folder) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "index-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", ex -> {
      try (ex) {
        Handler h = routes.get(ex.getRequestURI().getPath());
        if (h != null) {
          h.handle(new Exchange(ex));
        } else {
          serveFile(ex, folder);
        }
      }
    });
    server.start();
  }

  /**
   * Starts a server over a folder.
   *
   * @param folder the folder served at {@code /}
   * @return the running server; close it
   * @throws IOException when no port can be bound
   */
  public static IndexServer serving(Path folder) throws IOException {
    return new IndexServer(folder);
  }

  /**
   * Routes one path (exact, without query) to a handler.
   *
   * @param path for example {@code /loop}
   * @param handler what answers it
   */
  public void route(String path, Handler handler) {
    routes.put(path, handler);
  }

  /**
   * A URL on this server.
   *
   * @param path an absolute path
   * @return {@code http://127.0.0.1:PORT/path}
   */
  public URI uri(String path) {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + path);
  }

  private static void send(HttpExchange ex, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void serveFile(HttpExchange ex, Path folder) throws IOException {
    String path = ex.getRequestURI().getPath();
    Path p = folder.resolve(path.substring(1)).normalize();
    if (!p.startsWith(folder)) {
      ex.sendResponseHeaders(403, -1);
      return;
    }
    if (Files.isDirectory(p)) {
      for (String n : List.of("index.json", "index.html")) {
        if (Files.isRegularFile(p.resolve(n))) {
          p = p.resolve(n);
          break;
        }
      }
    }
    if (!Files.isRegularFile(p)) {
      byte[] b = "not found".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(404, b.length);
      ex.getResponseBody().write(b);
      return;
    }
    String n = p.getFileName().toString();
    String type = n.endsWith(".json") ? "application/vnd.pypi.simple.v1+json"
        : n.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
    send(ex, type, Files.readAllBytes(p));
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
