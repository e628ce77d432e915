package dev.wheeltapper.cli;

import dev.wheeltapper.guide.GuideOption;
import dev.wheeltapper.guide.GuideProfile;
import dev.wheeltapper.guide.GuideRow;
import dev.wheeltapper.guide.GuideStatus;
import dev.wheeltapper.guide.GuideSummary;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.report.Untrusted;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenSSF guide in the text report: per ELF binary with C or C++ code one count line and a line per option it
 * misses or partly meets; per run, the share of native wheels meeting each option. {@link TextReport} calls it.
 */
final class GuideText {
  private GuideText() {}

  /** The lines of one artifact's binaries. */
  static void block(PrintWriter out, List<BinaryInspection> binaries) {
    for (BinaryInspection b : binaries) {
      if (b.guide().isEmpty()) {
        continue;
      }
      GuideProfile p = b.guide().get();
      if (!p.applicable()) {
        out.printf("      guide %s: not applicable (%s)%n", p(b.path()), p(p.scope()));
        continue;
      }
      Map<GuideStatus, Integer> n = new EnumMap<>(GuideStatus.class);
      p.rows().forEach(r -> n.merge(r.status(), 1, Integer::sum));
      out.printf("      guide %s: %d met, %d partly met, %d not met, %d undeterminable, %d not applicable%n",
          p(b.path()), n.getOrDefault(GuideStatus.MET, 0), n.getOrDefault(GuideStatus.PARTLY_MET, 0),
          n.getOrDefault(GuideStatus.NOT_MET, 0), n.getOrDefault(GuideStatus.UNDETERMINABLE, 0),
          n.getOrDefault(GuideStatus.NOT_APPLICABLE, 0));
      for (GuideRow r : p.rows()) {
        if (r.status() == GuideStatus.NOT_MET || r.status() == GuideStatus.PARTLY_MET) {
          out.printf("        %-10s %s: %s%n", r.status().label(), r.option().option(), p(r.evidence()));
        }
      }
    }
  }

  /** The run's share of native wheels (artifacts with a C/C++ ELF binary) meeting each option; nothing without. */
  static void run(PrintWriter out, List<ArtifactReport> reports) {
    RunShare share = new RunShare();
    reports.forEach(share::add);
    share.print(out);
  }

  /**
   * The run's per-option counts, kept as artifacts are written: a few integers per option, whatever the run's size.
   * Not thread-safe: the writing thread owns it.
   */
  static final class RunShare {
    private final int[] met = new int[GuideOption.values().length];
    private final int[] notMet = new int[GuideOption.values().length];
    private final int[] unknown = new int[GuideOption.values().length];
    private final int[] applicable = new int[GuideOption.values().length];
    private int wheels;

    /** Counts one artifact (nothing when it has no C/C++ ELF binary). */
    void add(ArtifactReport r) {
      GuideSummary s = GuideSummary.of(GuideJson.profiles(r.binaries().inspected()));
      if (s.applicable() == 0) {
        return;
      }
      wheels++;
      for (GuideOption o : GuideOption.values()) {
        GuideStatus w = s.wheelStatus(o);
        if (w != GuideStatus.NOT_APPLICABLE) {
          applicable[o.ordinal()]++;
        }
        if (w == GuideStatus.MET) {
          met[o.ordinal()]++;
        } else if (w == GuideStatus.NOT_MET) {
          notMet[o.ordinal()]++;
        } else if (w == GuideStatus.UNDETERMINABLE) {
          unknown[o.ordinal()]++;
        }
      }
    }

    /** How many artifacts had C/C++ ELF code. */
    int wheels() {
      return wheels;
    }

    /**
     * The counts of one option: artifacts where it applies, and those meeting it, not meeting it, undeterminable.
     *
     * @param o the option
     * @return {@code {applicable, met, notMet, undeterminable}}
     */
    int[] counts(GuideOption o) {
      int i = o.ordinal();
      return new int[] {applicable[i], met[i], notMet[i], unknown[i]};
    }

    /** Writes the share per option; nothing when no artifact had C/C++ ELF code. */
    void print(PrintWriter out) {
      if (wheels == 0) {
        return;
      }
      out.printf("OpenSSF compiler hardening guide, per option: artifacts whose every C/C++ ELF binary meets it, of "
          + "%d with C/C++ ELF code (where it applies)%n", wheels);
      for (GuideOption o : GuideOption.values()) {
        int a = applicable[o.ordinal()];
        out.printf("  %-40s %s%n", o.option().length() > 40 ? o.option().substring(0, 37) + "..." : o.option(),
            a == 0 ? "not applicable" : "met by " + met[o.ordinal()] + " of " + a + " ("
                + (100 * met[o.ordinal()] / a) + "%), not met by " + notMet[o.ordinal()] + ", undeterminable in "
                + unknown[o.ordinal()]);
      }
    }
  }

  private static String p(String s) {
    return Untrusted.printable(s);
  }
}
