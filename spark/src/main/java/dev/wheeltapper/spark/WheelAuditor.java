package dev.wheeltapper.spark;

import dev.wheeltapper.audit.WheelAudit;
import dev.wheeltapper.audit.WheelAuditReport;
import dev.wheeltapper.cli.ArtifactReport;
import dev.wheeltapper.cli.ArtifactReports;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Untrusted;
import dev.wheeltapper.toolchain.MemorySafety;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of the job: wheel locations in, {@link WheelRows#AUDITED} rows out, one wheel at a time (the
 * iterator is lazy, so a task holds one wheel's audit, never its partition's). Each wheel is opened through the
 * Hadoop {@link FileSystem} of its location and audited from a {@link HadoopChannel}: the bytes never leave the
 * executor that reads them.
 *
 * <p>A wheel that cannot be read (missing, a directory, an I/O error, a file system that refuses it) is a row of its
 * own, verdict {@code fail}, with one {@code zip.not-a-zip} error saying why (fact {@code readError}), never a
 * failed task: a stage over millions of wheels does not die of one.
 *
 * <p>Serializable (the driver's Hadoop configuration travels as a map of strings); each task deserializes its own
 * copy, so instances are never shared between threads.
 */
final class WheelAuditor implements MapPartitionsFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> hadoopConf;
  /** Test hook: fail each task's first attempt after its first wheel, to prove a retried task writes no duplicate. */
  private final boolean failFirstAttempt;

  WheelAuditor(Configuration conf, boolean failFirstAttempt) {
    this.hadoopConf = new HashMap<>();
    conf.forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
    this.failFirstAttempt = failFirstAttempt;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> locations) {
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    WheelAudit audit = WheelAudit.defaults();
    TaskContext task = TaskContext.get();
    boolean fail = failFirstAttempt && task != null && task.attemptNumber() == 0;
    return new Iterator<>() {
      private int done;

      @Override
      public boolean hasNext() {
        return locations.hasNext();
      }

      @Override
      public Row next() {
        if (!locations.hasNext()) {
          throw new NoSuchElementException();
        }
        if (fail && done == 1) {
          throw new IllegalStateException("injected failure of the first attempt (spark.wheeltapper.test.failFirstAttempt)");
        }
        done++;
        return auditOne(locations.next().getString(0), conf, audit);
      }
    };
  }

  /** The row of one location; never throws for the wheel's sake. */
  static Row auditOne(String location, Configuration conf, WheelAudit audit) {
    String fileName = location;
    try {
      Path path = new Path(location);
      fileName = path.getName();
      FileSystem fs = path.getFileSystem(conf);
      try (HadoopChannel ch = HadoopChannel.open(fs, path)) {
        WheelAuditReport a = audit.audit(ch, fileName);
        ArtifactReport r = ArtifactReports.audited(location, a, ch);
        return WheelRows.audited(fileName, ch.status().getLen(), ch.status().getModificationTime(), r, a.languages(),
            a.memorySafe().label(), Optional.of(a.policy()));
      }
    } catch (IOException | RuntimeException e) {
      return unreadable(location, fileName, e);
    }
  }

  /** The row of a wheel that could not be read: a failing verdict with the reason, no hash, nothing else known. */
  static Row unreadable(String location, String fileName, Exception e) {
    String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    Finding f = Finding.error(Codes.ZIP_NOT_A_ZIP, "", "The wheel could not be read: "
        + Untrusted.quote(why, 300) + ".").withFact("readError", Untrusted.printable(why));
    ArtifactReport r = new ArtifactReport(location, "wheel", "", Optional.empty(), List.of(f), List.of(),
        ArtifactReport.Binaries.NONE, Optional.empty());
    return WheelRows.audited(fileName, -1, -1, r, List.of(), MemorySafety.UNKNOWN.label(), Optional.empty());
  }
}
