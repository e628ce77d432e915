package dev.wheeltapper.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests {@link Oracles} skipped and prints the count when a module's tests end, with the build's running
 * total: each module writes its skips to {@code target/oracle-skips/<module>.txt} at the repository root (emptied when
 * the root project builds), so the last module's line is the whole build's count. Registered through
 * {@code META-INF/services}; surefire finds it on every module's test class path.
 *
 * <p>Not thread-safe on its own; JUnit calls a listener from one thread at a time.
 */
public final class OracleSkipReport implements TestExecutionListener {
  private final List<String> skipped = new ArrayList<>();
  private TestPlan plan;

  /** Creates the listener (called by the service loader). */
  public OracleSkipReport() {}

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      String why = result.getThrowable().map(Throwable::getMessage).orElse("");
      if (why.startsWith(Oracles.REASON_PREFIX)) {
        // a class skipped in @BeforeAll counts as the tests it holds
        long tests = test.isTest() || plan == null ? 1
            : plan.getDescendants(test).stream().filter(TestIdentifier::isTest).count();
        for (long i = 0; i < Math.max(1, tests); i++) {
          skipped.add(className(test) + " " + test.getDisplayName() + ": " + why);
        }
      }
    }
  }

  private static String className(TestIdentifier test) {
    String id = test.getUniqueId();
    int at = id.indexOf("[class:");
    if (at < 0) {
      return "";
    }
    String cls = id.substring(at + "[class:".length(), id.indexOf(']', at));
    return cls.substring(cls.lastIndexOf('.') + 1);
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    String module = Paths.get("").toAbsolutePath().getFileName().toString();
    TreeMap<String, Integer> byModule = new TreeMap<>();
    try {
      Path dir = Corpus.repositoryRoot().resolve("target").resolve("oracle-skips");
      Files.createDirectories(dir);
      Files.write(dir.resolve(module + ".txt"), skipped, StandardCharsets.UTF_8);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files.sorted()::iterator) {
          String name = f.getFileName().toString();
          byModule.put(name.substring(0, name.length() - ".txt".length()), Files.readAllLines(f).size());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException e) {
      byModule.put(module, skipped.size()); // outside a checkout: this module only
    }
    int total = byModule.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder sb = new StringBuilder();
    sb.append("[wheeltapper] oracle tests skipped in ").append(module).append(": ").append(skipped.size())
        .append("; in this build so far: ").append(total).append(' ').append(byModule);
    if (total > 0) {
      sb.append(Oracles.required() ? "" : " (install the oracles, as .ci/run does, to run them all)");
    }
    skipped.stream().distinct().forEach(s -> sb.append("\n[wheeltapper]   skipped ").append(s));
    System.out.println(sb);
  }
}
