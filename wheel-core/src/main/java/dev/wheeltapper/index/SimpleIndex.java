package dev.wheeltapper.index;

import dev.wheeltapper.index.IndexException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A simple repository (PEP 503 HTML, PEP 691 JSON) read as a library: its projects, each project's files with what
 * the index says of them, and the bytes of a file, its metadata sidecar (PEP 658/714) or its provenance (PEP 740).
 * Pages are read on demand and not kept; every read is bounded by {@link IndexLimits}.
 *
 * <p>Where it reads: a local folder or {@code file:} URL (a folder holding one folder per project, each with an
 * {@code index.html}, {@code index.json} or {@code index.v1_json}), or an {@code http(s):} URL through the JDK's
 * HTTP client, which asks for PEP 691 JSON first and takes HTML as well. Links are resolved against their page's
 * final URL. A local index may read files only under its root folder's parent (real paths, symbolic links
 * resolved): static mirrors keep {@code simple/} beside the folder of the files (for example {@code /srv/pypi/simple}
 * and {@code /srv/pypi/files}); any other {@code file:} link is {@link Reason#REFUSED}. An HTTP index never reads a
 * local file, and never follows a redirect from HTTPS to HTTP.
 *
 * <pre>{@code
 * SimpleIndex index = SimpleIndex.open(URI.create("https://mirror.example/simple/"));
 * for (ProjectRef p : index.projects()) {
 *   for (DistributionFile f : index.page(p).files()) {
 *     try (InputStream in = index.openFile(f)) {
 *       // hash or audit the bytes
 *     }
 *   }
 * }
 * ProjectPage numpy = index.project("NumPy");          // PEP 503 normalized: .../simple/numpy/
 * byte[] metadata = index.readSidecar(numpy.files().get(0).coreMetadata().orElseThrow().url());
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance may serve many threads (a Spark executor's tasks).
 */
public final class SimpleIndex {
  private final URI root;
  private final IndexLimits limits;
  private final Transport transport;
  private final PageReader reader;

  private SimpleIndex(URI root, IndexLimits limits, Optional<Path> fileRoot) {
    this.root = root;
    this.limits = limits;
    this.transport = new Transport(limits, fileRoot);
    this.reader = new PageReader(limits);
  }

  /**
   * An index at a URL, with the default limits.
   *
   * @param root the root page: {@code http(s):} or {@code file:}; a trailing {@code /} is added when missing
   * @return the index
   * @throws IndexException when the URL's scheme is not http, https or file, or a local root does not exist
   */
  public static SimpleIndex open(URI root) throws IndexException {
    return open(root, IndexLimits.DEFAULT);
  }

  /**
   * An index at a URL.
   *
   * @param root the root page: {@code http(s):} or {@code file:}; a trailing {@code /} is added when missing; a
   *     {@code file:} URL of a page file ({@code .../simple/index.html}) stands for its folder
   * @param limits the bounds on every read
   * @return the index
   * @throws IndexException when the URL's scheme is not http, https or file, or a local root does not exist
   */
  public static SimpleIndex open(URI root, IndexLimits limits) throws IndexException {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(limits, "limits");
    String scheme = String.valueOf(root.getScheme()).toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      Path p;
      try {
        p = Path.of(root);
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        throw new IndexException(Reason.MALFORMED, root, "not a local file URL: " + root, e);
      }
      return open(p, limits);
    }
    if (!scheme.equals("http") && !scheme.equals("https") || root.getHost() == null) {
      throw new IndexException(Reason.REFUSED, root, "an index URL must be http(s) with a host, or file: " + root);
    }
    return new SimpleIndex(withSlash(root), limits, Optional.empty());
  }

  /**
   * A local index folder, with the default limits.
   *
   * @param folder the root folder (or its {@code index.html})
   * @return the index
   * @throws IndexException when the folder does not exist
   */
  public static SimpleIndex open(Path folder) throws IndexException {
    return open(folder, IndexLimits.DEFAULT);
  }

  /**
   * A local index folder.
   *
   * @param folder the root folder (or its {@code index.html})
   * @param limits the bounds on every read
   * @return the index
   * @throws IndexException when the folder does not exist
   */
  public static SimpleIndex open(Path folder, IndexLimits limits) throws IndexException {
    Objects.requireNonNull(limits, "limits");
    Path real;
    try {
      real = folder.toRealPath();
    } catch (IOException e) {
      throw new IndexException(Reason.NOT_FOUND, folder.toUri(), "no such index folder: " + folder);
    }
    if (Files.isRegularFile(real) && real.getParent() != null) {
      real = real.getParent();
    }
    if (!Files.isDirectory(real)) {
      throw new IndexException(Reason.NOT_FOUND, folder.toUri(), "not an index folder: " + folder);
    }
    Path readable = real.getParent() == null ? real : real.getParent();
    return new SimpleIndex(withSlash(real.toUri()), limits, Optional.of(readable));
  }

  private static URI withSlash(URI u) {
    String s = u.toString();
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  /**
   * The root URL, ending in {@code /}.
   *
   * @return the root
   */
  public URI root() {
    return root;
  }

  /**
   * The limits every read keeps to.
   *
   * @return the limits
   */
  public IndexLimits limits() {
    return limits;
  }

  /**
   * Whether the index is local ({@code file:}).
   *
   * @return true for a folder or {@code file:} URL
   */
  public boolean isLocal() {
    return "file".equals(root.getScheme());
  }

  /**
   * Every project the root page lists, in page order.
   *
   * @return the projects
   * @throws IndexException when the root page cannot be read or passes a limit
   */
  public List<ProjectRef> projects() throws IndexException {
    return reader.projects(transport.page(root));
  }

  /**
   * One project's page, at {@code <root>/<normalized name>/} (PEP 503), without reading the root page.
   *
   * @param name a project name, normalized here
   * @return the page
   * @throws IndexException when the page is missing ({@link Reason#NOT_FOUND}), unreadable or malformed
   */
  public ProjectPage project(String name) throws IndexException {
    return read(ProjectRef.normalize(name), Links.projectUrl(root, name));
  }

  /**
   * The page of a project the root page lists.
   *
   * @param project a project of {@link #projects()}
   * @return the page
   * @throws IndexException when the page is missing, unreadable or malformed
   */
  public ProjectPage page(ProjectRef project) throws IndexException {
    return read(project.normalizedName(), project.url());
  }

  private ProjectPage read(String normalized, URI url) throws IndexException {
    return reader.project(normalized, transport.page(url));
  }

  /**
   * Opens a file's bytes, at most {@link IndexLimits#maxFileBytes()} within {@link IndexLimits#fileTimeout()}; the
   * stream throws an {@link IndexException} past either.
   *
   * @param file a file of a page of this index
   * @return the stream; close it
   * @throws IndexException when the file is missing, refused or unreadable
   */
  public InputStream openFile(DistributionFile file) throws IndexException {
    return transport.file(file.url());
  }

  /**
   * The local file behind a {@code file:} link, checked as {@link #openFile} checks it, for a caller that reads it
   * in place (random access) instead of as a stream.
   *
   * @param file a file of a page of this index
   * @return the real path, or empty for a file served over HTTP
   * @throws IndexException when a local file is missing, refused or not a regular file
   */
  public Optional<Path> localFile(DistributionFile file) throws IndexException {
    return transport.local(file.url());
  }

  /**
   * Reads a sidecar whole: a file's metadata ({@link MetadataLink#url()}) or its provenance object ({@link
   * DistributionFile#provenance()}), at most {@link IndexLimits#maxSidecarBytes()}.
   *
   * @param url the sidecar's URL
   * @return its bytes
   * @throws IndexException when it is missing, refused, unreadable or too large
   */
  public byte[] readSidecar(URI url) throws IndexException {
    return transport.sidecar(url).bytes();
  }

  @Override
  public String toString() {
    return "SimpleIndex[" + root + "]";
  }
}
