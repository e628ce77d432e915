package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The run's scheduler: reports written in submission order whatever the threads, never more than the window processed
 * ahead of the last written, and a report that waits for other projects written only once their wheels are done,
 * even when they come after it and far beyond the window.
 */
class OrderedRunTest {
  private static List<Targets.Target> wheels(List<String> names) {
    return names.stream().map(n -> new Targets.Target(Path.of("/nonexistent", n), n)).toList();
  }

  private static ArtifactReport report(String path) {
    return new ArtifactReport(path, "wheel", "", Optional.empty(), List.of(), List.of(),
        ArtifactReport.Binaries.NONE, Optional.empty());
  }

  private static Progress quiet() {
    return Progress.create(new PrintWriter(new StringWriter()), 0);
  }

  /** Hooks that record what happened; {@code waits} maps a path to the projects it waits for. */
  private static final class Recorder implements OrderedRun.Hooks {
    final List<String> written = Collections.synchronizedList(new ArrayList<>());
    final Set<String> processed = ConcurrentHashMap.newKeySet();
    final List<String> finished = Collections.synchronizedList(new ArrayList<>());
    final java.util.Map<String, Set<String>> waits;
    final AtomicInteger ahead = new AtomicInteger();
    volatile int maxAhead;
    final List<String> all;

    Recorder(List<String> all, java.util.Map<String, Set<String>> waits) {
      this.all = all;
      this.waits = waits;
    }

    @Override
    public ArtifactReport process(Targets.Target t) {
      int a = ahead.incrementAndGet();
      synchronized (this) {
        maxAhead = Math.max(maxAhead, a);
      }
      // later artifacts finish first: the order must still be submission order
      try {
        Thread.sleep(t.display().hashCode() & 3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      processed.add(t.display());
      return report(t.display());
    }

    @Override
    public Set<String> waitsFor(ArtifactReport r) {
      return waits.getOrDefault(r.path(), Set.of());
    }

    @Override
    public ArtifactReport finish(ArtifactReport r) {
      for (String project : waits.get(r.path())) {
        // every wheel of the awaited project is done before the waiting one is finished
        String prefix = project.replace('-', '_') + "-";
        assertThat(processed.stream().filter(p -> p.startsWith(prefix)).count()).as(r.path() + " waits for " + project)
            .isEqualTo(all.stream().filter(p -> p.startsWith(prefix)).count());
      }
      finished.add(r.path());
      return r;
    }

    @Override
    public void write(ArtifactReport r, long fileBytes) {
      ahead.decrementAndGet();
      written.add(r.path());
    }
  }

  @Test
  void reportsComeInSubmissionOrderWithinTheWindow() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      names.add(String.format("p%03d-1.0-py3-none-any.whl", i));
    }
    Recorder rec = new Recorder(names, java.util.Map.of());
    new OrderedRun(wheels(names), 3, 6, quiet()).run(rec);
    assertThat(rec.written).containsExactlyElementsOf(names);
    assertThat(rec.maxAhead).as("artifacts processed but not yet written").isLessThanOrEqualTo(6);
  }

  @Test
  void aWheelWaitingForALaterProjectIsWrittenInItsPlaceOnceThatProjectIsDone() throws Exception {
    List<String> names = new ArrayList<>();
    names.add("torch-2.0-cp311-cp311-manylinux_2_28_x86_64.whl");
    for (int i = 0; i < 100; i++) {
      names.add(String.format("filler%03d-1.0-py3-none-any.whl", i));
    }
    names.add("nvidia_cublas-12.0-py3-none-manylinux_2_17_x86_64.whl");
    names.add("nvidia_cublas-12.1-py3-none-manylinux_2_17_x86_64.whl");
    Recorder rec = new Recorder(names, java.util.Map.of(names.get(0), Set.of("nvidia-cublas")));
    new OrderedRun(wheels(names), 2, 4, quiet()).run(rec);
    assertThat(rec.written).containsExactlyElementsOf(names);
    assertThat(rec.finished).containsExactly(names.get(0));
    // the two awaited wheels ran out of turn: beyond the window by their number only
    assertThat(rec.maxAhead).isLessThanOrEqualTo(4 + 2);
  }

  @Test
  void anEmptyRunWritesNothing() throws Exception {
    Recorder rec = new Recorder(List.of(), java.util.Map.of());
    new OrderedRun(List.of(), 2, 4, quiet()).run(rec);
    assertThat(rec.written).isEmpty();
  }
}
