package dev.wheeltapper.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The content pass on a pool shared with other work (the command line's one pool of {@code --jobs} threads): when
 * every pool thread is busy elsewhere, the wheel's own thread verifies every entry and computes the whole-file digest
 * itself, never waiting for the helpers still queued (it would wait forever if it did), and the report is the one a
 * sequential verifier gives.
 */
class SharedPoolVerificationTest {

  @Test
  void aBusyPoolNeitherBlocksNorChangesTheReport() throws Exception {
    List<Path> wheels = CorpusVerificationTest.corpusWheels();
    ExecutorService pool = Executors.newFixedThreadPool(1);
    CountDownLatch release = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        release.await(); // the pool's only thread is busy with another artifact until the end of the test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      WheelVerifier shared = WheelVerifier.builder().parallelism(2).executor(pool).build();
      WheelVerifier alone = WheelVerifier.defaults();
      assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
        for (Path w : wheels) {
          assertThat(shared.verify(w)).as(w.toString()).isEqualTo(alone.verify(w));
        }
      });
    } finally {
      release.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }
  }

  @Test
  void aFreePoolGivesTheSameReports() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      WheelVerifier shared = WheelVerifier.builder().parallelism(2).executor(pool).build();
      WheelVerifier alone = WheelVerifier.defaults();
      for (Path w : CorpusVerificationTest.corpusWheels()) {
        assertThat(shared.verify(w)).as(w.toString()).isEqualTo(alone.verify(w));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
