package dev.wheeltapper.spark;

import dev.wheeltapper.index.DistributionFile;
import dev.wheeltapper.index.IndexException;
import dev.wheeltapper.index.ProjectPage;
import dev.wheeltapper.index.ProjectRef;
import dev.wheeltapper.index.SimpleIndex;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * The wheels a simple repository lists (PEP 503 HTML or PEP 691 JSON, read as {@code wheeltapper audit --index}
 * reads it): the driver reads the project pages through {@link SimpleIndex} and hands the executors each wheel's URL
 * with its {@code #sha256=} fragment, so a wheel already audited under that hash is skipped without being read. Only
 * locations travel; each executor reads its wheels through the Hadoop file system of the URL's scheme, so the files
 * must be on one ({@code file:}, {@code hdfs:}, {@code s3a:}): a local or mounted mirror's folder is the usual case.
 * The index's own promises (metadata sidecars, yanking) are the command line's {@code --index} checks, not the job's.
 *
 * <pre>{@code
 * WheelListing listing = new IndexListing("/srv/mirror/simple", List.of("numpy"));
 * new AuditJob(spark).run(listing, "hdfs:///audits/out");
 * }</pre>
 *
 * <p>Immutable and serializable, so thread-safe.
 *
 * @param root the index's root: a folder, or a {@code file:}/{@code http(s):} URL
 * @param projects the projects to list (PEP 503-normalized when read); all of them when empty
 */
public record IndexListing(String root, List<String> projects) implements WheelListing {
  private static final long serialVersionUID = 1L;

  /** Rejects nulls and copies the projects. */
  public IndexListing {
    Objects.requireNonNull(root, "root");
    projects = List.copyOf(projects);
  }

  @Override
  public Dataset<String> locations(SparkSession spark) {
    List<String> out = new ArrayList<>();
    try {
      SimpleIndex index = root.contains(":/") ? SimpleIndex.open(URI.create(root)) : SimpleIndex.open(Path.of(root));
      List<ProjectPage> pages = new ArrayList<>();
      if (projects.isEmpty()) {
        for (ProjectRef p : index.projects()) {
          pages.add(index.page(p));
        }
      } else {
        for (String name : projects) {
          pages.add(index.project(name));
        }
      }
      for (ProjectPage page : pages) {
        for (DistributionFile f : page.files()) {
          if (f.kind() == DistributionFile.Kind.WHEEL) {
            out.add(location(f));
          }
        }
      }
    } catch (IndexException e) {
      throw new UncheckedIOException("cannot list the index " + root + ": " + e.getMessage(), e);
    }
    return spark.createDataset(out, Encoders.STRING()).distinct();
  }

  /** The file's URL without its fragment, then the index's SHA-256 as PEP 503 writes it, when the index gives one. */
  static String location(DistributionFile f) {
    URI u = f.url();
    String plain = u.getFragment() == null ? u.toString() : u.toString().substring(0, u.toString().indexOf('#'));
    String sha = f.hashes().get("sha256");
    return sha == null ? plain : plain + "#sha256=" + sha;
  }
}
