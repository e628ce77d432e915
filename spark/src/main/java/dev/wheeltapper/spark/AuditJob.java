package dev.wheeltapper.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import dev.wheeltapper.cli.ArtifactReports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The wheel audit as a Spark job: a {@link WheelListing} of wheel locations in, and under the output location the
 * tables of {@code docs/spark.md}: {@code wheels} (one row per wheel) and {@code findings} (one row per finding) as
 * Parquet, the same as JSON lines ({@code wheels.jsonl}, {@code findings.jsonl}), and {@code summary} (verdicts,
 * codes, language mix, memory-safety share) in both forms.
 *
 * <pre>{@code
 * spark-submit --class dev.wheeltapper.spark.AuditJob wheeltapper-spark-job.jar hdfs:///wheels.txt hdfs:///audit
 * // or from code:
 * AuditJob.Result r = new AuditJob(spark).run(new TextListing("wheels.txt"), "audit");
 * }</pre>
 *
 * <p>Locations travel, bytes do not: the driver distributes the locations; each executor stats and opens its wheels
 * through their Hadoop {@code FileSystem} ({@link WheelAuditor}, {@link HadoopChannel}). A wheel that cannot be read
 * is a row with its finding, never a failed stage.
 *
 * <p>Incremental: a location is skipped when the {@code wheels} table already holds a row of this tool version for
 * the same path, size and modification time (a metadata call, no byte read), or for the SHA-256 its listing line
 * carries ({@code #sha256=}); new rows are appended. Unreadable wheels are tried again on every run.
 *
 * <p>Retries: every row is a function of its location and bytes, and the tables are written through Spark's output
 * committer, which commits one attempt per task: a task retried after an executor loss leaves no duplicate row.
 *
 * <p>One job per instance at a time; the session may be shared.
 */
public final class AuditJob {
  /** Spark configuration key of the test hook that fails each task's first attempt (see {@link WheelAuditor}). */
  public static final String FAIL_FIRST_ATTEMPT = "spark.wheeltapper.test.failFirstAttempt";

  private static final StructType STAT = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("listedSha256", DataTypes.StringType, true);

  private final SparkSession spark;

  /**
   * A job on a session.
   *
   * @param spark the session (its master, configuration and Hadoop configuration are the job's)
   */
  public AuditJob(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /**
   * What one run did.
   *
   * @param listed the distinct locations of the listing
   * @param audited the wheels audited by this run (new rows)
   * @param skipped the locations skipped as already audited by this tool version
   */
  public record Result(long listed, long audited, long skipped) {}

  /**
   * Runs the job: {@code AuditJob LISTING OUTPUT}, the master from {@code spark.master} (a system property, as in
   * {@code -Dspark.master=local[2]}) or from spark-submit.
   *
   * @param args the listing (a text file of wheel locations, one a line) and the output location
   */
  public static void main(String[] args) {
    WheelListing listing;
    String output;
    if (args.length >= 3 && args[0].equals("--index")) {
      // --index ROOT [--project NAME]... OUTPUT
      List<String> projects = new java.util.ArrayList<>();
      int i = 2;
      for (; i + 1 < args.length && args[i].equals("--project"); i += 2) {
        projects.add(args[i + 1]);
      }
      if (i != args.length - 1) {
        usage();
        return;
      }
      listing = new IndexListing(args[1], projects);
      output = args[i];
    } else if (args.length == 2) {
      listing = new TextListing(args[0]);
      output = args[1];
    } else {
      usage();
      return;
    }
    SparkSession spark = SparkSession.builder().appName("wheeltapper audit").getOrCreate();
    try {
      Result r = new AuditJob(spark).run(listing, output);
      report(r, output, System.out);
    } finally {
      spark.stop();
    }
  }

  private static void usage() {
    System.err.println("usage: AuditJob LISTING OUTPUT   (LISTING: a text file of wheel locations, one a line,"
        + " on any Hadoop file system; OUTPUT: where the tables go)\n"
        + "       AuditJob --index ROOT [--project NAME]... OUTPUT   (the wheels of a PEP 503/691 simple"
        + " repository: a folder or a file:/http(s): URL whose files are on a Hadoop file system)");
    System.exit(2);
  }

  private static void report(Result r, String output, PrintStream out) {
    out.println("wheeltapper " + ArtifactReports.toolVersion() + ": " + r.listed() + " listed, " + r.audited()
        + " audited, " + r.skipped() + " skipped (already audited); tables under " + output);
  }

  /**
   * Audits the listed wheels not yet audited into the tables under {@code output}, then rewrites the summary.
   *
   * @param listing the wheels
   * @param output the output location (a folder on any Hadoop file system)
   * @return what the run did
   */
  public Result run(WheelListing listing, String output) {
    String version = ArtifactReports.toolVersion();
    Path out = new Path(output);
    Dataset<Row> listed = listing.locations(spark)
        .map((MapFunction<String, Row>) AuditJob::stat, Encoders.row(STAT))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long total = listed.count();
      Dataset<Row> todo = exists(out, "wheels") ? notYetAudited(listed, output, version) : listed;
      todo = todo.select(col("path")).persist(StorageLevel.MEMORY_AND_DISK());
      long n = todo.count();
      if (n > 0) {
        write(todo, n, output);
      }
      todo.unpersist();
      if (exists(out, "wheels")) {
        Summary.write(spark, output, version);
      }
      return new Result(total, n, total - n);
    } finally {
      listed.unpersist();
    }
  }

  /** A listing line: the location, and the SHA-256 of a {@code #sha256=} fragment (as PEP 503 links carry it). */
  private static Row stat(String line) {
    int hash = line.lastIndexOf("#sha256=");
    if (hash < 0) {
      return RowFactory.create(line, null);
    }
    String sha = line.substring(hash + "#sha256=".length()).strip().toLowerCase(java.util.Locale.ROOT);
    return RowFactory.create(line.substring(0, hash).strip(), sha.matches("[0-9a-f]{64}") ? sha : null);
  }

  /**
   * The listed locations without a row of this tool version: neither by SHA-256 (from the listing) nor by path, size
   * and modification time (stated on the executors: the hash would cost a full read of the wheel, which is most of
   * an audit's cost on a remote store, so it is never computed just to skip).
   */
  private Dataset<Row> notYetAudited(Dataset<Row> listed, String output, String version) {
    Dataset<Row> done = spark.read().parquet(new Path(output, "wheels").toString())
        .filter(col("toolVersion").equalTo(lit(version)).and(col("sha256").notEqual(lit(""))))
        .select(col("path").as("donePath"), col("size").as("doneSize"), col("modified").as("doneModified"),
            col("sha256").as("doneSha256"));
    Dataset<Row> bySha = listed.join(done, col("listedSha256").equalTo(col("doneSha256")), "left_anti");
    Dataset<Row> stated = bySha
        .mapPartitions(new FileStatter(spark.sparkContext().hadoopConfiguration()), Encoders.row(FileStatter.OUT));
    Column same = col("path").equalTo(col("donePath")).and(col("size").equalTo(col("doneSize")))
        .and(col("modified").equalTo(col("doneModified")));
    return stated.join(done, same, "left_anti");
  }

  /** Audits {@code todo} (column {@code path}) and appends its rows to the tables. */
  private void write(Dataset<Row> todo, long n, String output) {
    // Wheels differ in size by orders of magnitude: many small tasks balance better than a few big ones.
    int partitions = (int) Math.max(1, Math.min(n, spark.sparkContext().defaultParallelism() * 4L));
    boolean fail = spark.conf().get(FAIL_FIRST_ATTEMPT, "false").equals("true");
    Dataset<Row> audited = todo.repartition(partitions, col("path"))
        .mapPartitions(new WheelAuditor(spark.sparkContext().hadoopConfiguration(), fail),
            Encoders.row(WheelRows.AUDITED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> wheels = audited.drop("findings");
      Dataset<Row> findings = audited.select(col("path").as("wheelPath"), col("sha256"), col("toolVersion"),
              posexplode(col("findings")).as(new String[] {"ordinal", "finding"}))
          .select(col("wheelPath"), col("sha256"), col("toolVersion"), col("ordinal"), col("finding.code"),
              col("finding.severity"), col("finding.entryPath"), col("finding.message"), col("finding.facts"));
      append(wheels, output, "wheels");
      append(findings, output, "findings");
    } finally {
      audited.unpersist();
    }
  }

  /** Appends rows as Parquet ({@code name}) and JSON lines ({@code name.jsonl}), nulls kept as fields. */
  static void append(Dataset<Row> rows, String output, String name) {
    rows.write().mode(SaveMode.Append).parquet(new Path(output, name).toString());
    rows.write().mode(SaveMode.Append).option("ignoreNullFields", "false")
        .json(new Path(output, name + ".jsonl").toString());
  }

  private boolean exists(Path out, String table) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      Path p = new Path(out, table);
      FileSystem fs = p.getFileSystem(conf);
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at the output " + out, e);
    }
  }
}
