package dev.wheeltapper.cli;

import dev.wheeltapper.index.DistributionFile;
import dev.wheeltapper.index.IndexException;
import dev.wheeltapper.index.ProjectPage;
import dev.wheeltapper.index.ProjectRef;
import dev.wheeltapper.index.SimpleIndex;
import dev.wheeltapper.index.check.IndexFileCheck;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audit --index}: reads the index's project pages (all of them, or those of {@code --project}) into the run's
 * targets, one per listed file plus one per project page that cannot be read or has links that cannot be taken,
 * and processes each through {@link IndexAudit}. A target's display path is the file's URL (its local path for a
 * local index), ending in the file's name. Thread-safe once resolved.
 */
final class IndexTargets implements AutoCloseable {
  /** What a target stands for. */
  record Entry(Optional<DistributionFile> file, List<Finding> pageFindings) {}

  private final SimpleIndex index;
  private final String name;
  private final Map<String, Entry> entries;
  private final IndexAudit audit;

  private IndexTargets(SimpleIndex index, String name, Map<String, Entry> entries) throws IOException {
    this.index = index;
    this.name = name;
    this.entries = entries;
    this.audit = new IndexAudit(index, name);
  }

  /**
   * Reads the index's pages.
   *
   * @param o the options
   * @param paths the command's PATHs, which must be empty with {@code --index}
   * @param err where the count of listed files goes
   * @throws UsageException when PATHs are given too, or the index (its root page, for a run over every project)
   *     cannot be read
   */
  static IndexTargets resolve(IndexOptions o, List<String> paths, PrintWriter err) throws UsageException {
    if (!paths.isEmpty()) {
      throw new UsageException("--index and PATHs cannot be given together");
    }
    SimpleIndex index = open(o.index);
    String name = o.index;
    List<ProjectPageOrFailure> pages = new ArrayList<>();
    if (o.projects.isEmpty()) {
      List<ProjectRef> refs;
      try {
        refs = index.projects();
      } catch (IndexException e) {
        throw new UsageException("cannot read the index " + o.index + ": " + e.getMessage());
      }
      for (ProjectRef r : refs) {
        pages.add(read(() -> index.page(r), r.name()));
      }
    } else {
      Set<String> seen = new LinkedHashSet<>();
      for (String p : o.projects) {
        if (seen.add(ProjectRef.normalize(p))) {
          pages.add(read(() -> index.project(p), p));
        }
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    int wheels = 0;
    int sdists = 0;
    int other = 0;
    for (ProjectPageOrFailure p : pages) {
      List<Finding> pageFindings = new ArrayList<>();
      String pageUrl;
      if (p.failure.isPresent()) {
        pageUrl = p.failure.get().uri();
        pageFindings.add(IndexFileCheck.pageUnreadable(name, p.project, p.failure.get()));
      } else {
        ProjectPage page = p.page.orElseThrow();
        pageUrl = page.url().toString();
        for (String d : page.defects()) {
          pageFindings.add(IndexFileCheck.linkDefect(name, pageUrl, d));
        }
        for (DistributionFile f : page.files()) {
          String display = display(index, page, f);
          if (entries.putIfAbsent(display, new Entry(Optional.of(f), List.of())) == null) {
            switch (f.kind()) {
              case WHEEL -> wheels++;
              case SDIST -> sdists++;
              default -> other++;
            }
          }
        }
      }
      if (!pageFindings.isEmpty()) {
        entries.putIfAbsent(pageUrl, new Entry(Optional.empty(), pageFindings));
      }
    }
    err.println("index " + o.index + ": " + pages.size() + " project" + (pages.size() == 1 ? "" : "s") + ", "
        + wheels + " wheel" + (wheels == 1 ? "" : "s") + " to audit, " + sdists + " sdist" + (sdists == 1 ? "" : "s")
        + " and " + other + " other file" + (other == 1 ? "" : "s") + " listed and hash-checked, not audited");
    err.flush();
    try {
      return new IndexTargets(index, name, entries);
    } catch (IOException e) {
      throw new UsageException("cannot create a temporary folder: " + e.getMessage());
    }
  }

  private static SimpleIndex open(String arg) throws UsageException {
    try {
      if (arg.regionMatches(true, 0, "http:", 0, 5) || arg.regionMatches(true, 0, "https:", 0, 6)
          || arg.regionMatches(true, 0, "file:", 0, 5)) {
        return SimpleIndex.open(URI.create(arg));
      }
      return SimpleIndex.open(Path.of(arg));
    } catch (IndexException | IllegalArgumentException e) {
      throw new UsageException("cannot read the index " + arg + ": " + e.getMessage());
    }
  }

  private record ProjectPageOrFailure(String project, Optional<ProjectPage> page, Optional<IndexException> failure) {}

  private interface PageRead {
    ProjectPage read() throws IndexException;
  }

  private static ProjectPageOrFailure read(PageRead r, String project) {
    try {
      return new ProjectPageOrFailure(project, Optional.of(r.read()), Optional.empty());
    } catch (IndexException e) {
      return new ProjectPageOrFailure(project, Optional.empty(), Optional.of(e));
    }
  }

  /**
   * Where the report shows a file: its local path for a local index, else its URL without query; either ends in the
   * file's name, or the page's URL and the name are joined so that it does.
   */
  private static String display(SimpleIndex index, ProjectPage page, DistributionFile f) {
    URI u = f.url();
    if (index.isLocal() && "file".equalsIgnoreCase(u.getScheme())) {
      try {
        Path p = Path.of(u);
        if (String.valueOf(p.getFileName()).equals(f.filename())) {
          return p.toString();
        }
      } catch (IllegalArgumentException e) {
        // not a plain local path: shown as a URL below
      }
    }
    String s = u.toString();
    int q = s.indexOf('?');
    String plain = q < 0 ? s : s.substring(0, q);
    if (plain.endsWith("/" + f.filename())) {
      return plain;
    }
    String base = page.url().toString();
    return (base.endsWith("/") ? base : base + "/") + f.filename();
  }

  /**
   * The run's targets, in page order.
   *
   * @return one target per listed file and per page with findings
   */
  List<Targets.Target> targets() {
    List<Targets.Target> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      String fileName = e.getValue().file().map(DistributionFile::filename).orElse("index");
      out.add(new Targets.Target(Path.of(fileName), e.getKey()));
    }
    return out;
  }

  /**
   * Processes one target.
   *
   * @param target a target of {@link #targets()}
   * @param checks the run's checks
   * @return its report
   * @throws IOException when a temporary file cannot be written
   */
  ArtifactReport process(Targets.Target target, Checks checks) throws IOException {
    Entry e = entries.get(target.display());
    if (e == null) {
      throw new IllegalStateException("not a target of this index: " + target.display());
    }
    if (e.file().isEmpty()) {
      return new ArtifactReport(target.display(), "index-page", "", Optional.empty(), e.pageFindings(), List.of(),
          ArtifactReport.Binaries.NONE, Optional.empty());
    }
    return audit.process(e.file().get(), target.display(), checks);
  }

  /** Removes the run's temporary folder. */
  @Override
  public void close() {
    audit.close();
  }

  @Override
  public String toString() {
    return "IndexTargets[" + index.root() + ", " + entries.size() + " targets, " + name + "]";
  }
}
