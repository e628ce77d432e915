package dev.wheeltapper.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails after writing part of its rows and is retried (as after an executor loss) leaves no duplicate row:
 * {@code local[2,3]} allows three attempts per task, and the job's test hook fails every task's first attempt after its
 * first wheel. Its own session, since the master differs from {@link AuditJobCorpusTest}'s.
 */
class AuditJobRetryTest {
  @TempDir Path tmp;

  @Test
  void aRetriedTaskWritesNoDuplicateRows() throws IOException, InterruptedException {
    SparkSession spark = SparkTests.session("local[2,3]");
    try {
      AtomicInteger failedTasks = new AtomicInteger();
      spark.sparkContext().addSparkListener(new SparkListener() {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
          if (end.reason() != Success$.MODULE$) {
            failedTasks.incrementAndGet();
          }
        }
      });
      spark.conf().set(AuditJob.FAIL_FIRST_ATTEMPT, "true");
      List<Path> wheels = SparkTests.corpusWheels(tmp.resolve("wheels"), 12);
      List<String> lines = new ArrayList<>();
      wheels.forEach(w -> lines.add(w.toString()));
      Path listing = Files.write(tmp.resolve("listing.txt"), lines);
      String out = tmp.resolve("out").toString();

      AuditJob.Result r = new AuditJob(spark).run(new TextListing(listing.toString()), out);

      assertThat(r.audited()).isEqualTo(wheels.size());
      // Listener events are delivered on their own thread: wait for them, boundedly.
      for (int i = 0; i < 100 && failedTasks.get() == 0; i++) {
        Thread.sleep(100);
      }
      assertThat(failedTasks.get()).as("tasks whose first attempt failed").isPositive();
      Dataset<Row> rows = spark.read().parquet(out + "/wheels");
      assertThat(rows.count()).isEqualTo(wheels.size());
      assertThat(rows.select("path").distinct().count()).isEqualTo(wheels.size());
      Dataset<Row> findings = spark.read().parquet(out + "/findings");
      long expected = rows.agg(sum(col("errors").plus(col("warnings")).plus(col("notes")))).first().getLong(0);
      assertThat(findings.count()).isEqualTo(expected);
      assertThat(findings.select("wheelPath", "ordinal").distinct().count()).isEqualTo(expected);
      assertThat(spark.read().json(out + "/wheels.jsonl").count()).isEqualTo(wheels.size());
    } finally {
      spark.stop();
    }
  }
}
