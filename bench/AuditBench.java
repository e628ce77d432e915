import dev.wheeltapper.audit.WheelAudit;
import dev.wheeltapper.verify.WheelVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audit benchmark driver (issue 7), run by bench/audit.sh in source-launch mode: audits every wheel under a
 * directory, in one thread, WARMUP passes then RUNS timed passes, and prints one Markdown table row per mode
 * (verify alone, full audit) with the median pass, wheels per second and MB (10^6 bytes on disk) per second.
 */
public class AuditBench {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int warmup = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    List<Path> wheels;
    try (Stream<Path> s = Files.walk(root)) {
      wheels = s.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
    }
    long bytes = 0;
    for (Path w : wheels) {
      bytes += Files.size(w);
    }
    WheelVerifier verifier = WheelVerifier.builder().parallelism(1).build();
    WheelAudit audit = WheelAudit.of(verifier);
    System.out.printf("%d wheels, %.1f MB on disk%n%n", wheels.size(), bytes / 1e6);
    System.out.println("| in-process, 1 thread (median of " + runs + " passes) | ms per pass | wheels/s | MB/s |");
    System.out.println("|---|---:|---:|---:|");
    for (String mode : List.of("verify only", "audit (verify + binaries + policy)")) {
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < warmup + runs; i++) {
        long t0 = System.nanoTime();
        for (Path w : wheels) {
          if (mode.startsWith("verify")) {
            verifier.verify(w);
          } else {
            audit.audit(w);
          }
        }
        long t = System.nanoTime() - t0;
        if (i >= warmup) {
          times.add(t);
        }
      }
      times.sort(null);
      double ms = times.get(times.size() / 2) / 1e6;
      System.out.printf("| %s | %.0f | %.0f | %.1f |%n", mode, ms, wheels.size() / (ms / 1000),
          bytes / 1e6 / (ms / 1000));
    }
  }
}
