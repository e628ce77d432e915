package dev.wheeltapper.guide;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The profiles of several binaries (a wheel's) counted per option: how many applicable C/C++ binaries stand at each
 * status, and the wheel's verdict per option ({@link #wheelStatus}) from which a run's share of native wheels
 * meeting each option is counted.
 *
 * <pre>{@code
 * GuideSummary s = GuideSummary.of(profiles);
 * s.counts().get(GuideOption.RELRO_NOW).met();   // 3 of s.applicable() binaries
 * s.wheelStatus(GuideOption.RELRO_NOW);          // MET when every C/C++ binary meets it
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param binaries how many profiles were counted
 * @param applicable how many of them hold C or C++ code
 * @param counts per option, the statuses of the applicable binaries
 */
public record GuideSummary(int binaries, int applicable, Map<GuideOption, Counts> counts) {

  /**
   * The statuses of one option over a wheel's applicable binaries.
   *
   * @param met binaries meeting it
   * @param partlyMet binaries partly meeting it
   * @param notMet binaries not meeting it
   * @param notApplicable binaries where it does not apply
   * @param undeterminable binaries that cannot tell
   */
  public record Counts(int met, int partlyMet, int notMet, int notApplicable, int undeterminable) {
    /**
     * The count of one status.
     *
     * @param s the status
     * @return how many binaries
     */
    public int of(GuideStatus s) {
      return switch (s) {
        case MET -> met;
        case PARTLY_MET -> partlyMet;
        case NOT_MET -> notMet;
        case NOT_APPLICABLE -> notApplicable;
        case UNDETERMINABLE -> undeterminable;
      };
    }
  }

  /** Copies. */
  public GuideSummary {
    Objects.requireNonNull(counts, "counts");
    counts = Collections.unmodifiableMap(new EnumMap<>(counts.isEmpty() ? new EnumMap<>(GuideOption.class)
        : counts));
  }

  /**
   * Counts profiles.
   *
   * @param profiles the profiles (a wheel's ELF binaries)
   * @return the summary
   */
  public static GuideSummary of(Collection<GuideProfile> profiles) {
    int[][] n = new int[GuideOption.values().length][GuideStatus.values().length];
    int applicable = 0;
    for (GuideProfile p : profiles) {
      if (!p.applicable()) {
        continue;
      }
      applicable++;
      for (GuideRow r : p.rows()) {
        n[r.option().ordinal()][r.status().ordinal()]++;
      }
    }
    Map<GuideOption, Counts> counts = new EnumMap<>(GuideOption.class);
    for (GuideOption o : GuideOption.values()) {
      int[] c = n[o.ordinal()];
      counts.put(o, new Counts(c[GuideStatus.MET.ordinal()], c[GuideStatus.PARTLY_MET.ordinal()],
          c[GuideStatus.NOT_MET.ordinal()], c[GuideStatus.NOT_APPLICABLE.ordinal()],
          c[GuideStatus.UNDETERMINABLE.ordinal()]));
    }
    return new GuideSummary(profiles.size(), applicable, counts);
  }

  /**
   * The wheel's verdict on one option: {@code not-met} when any C/C++ binary misses it; {@code met} when every one
   * where it applies meets it; {@code partly-met} when some meet it and the rest are partly met or cannot tell;
   * {@code undeterminable} when none can tell; {@code not-applicable} when it applies to none (or there is no C/C++
   * binary).
   *
   * @param option the option
   * @return the verdict
   */
  public GuideStatus wheelStatus(GuideOption option) {
    Counts c = counts.get(option);
    if (c == null || applicable == 0 || c.notApplicable() == applicable) {
      return GuideStatus.NOT_APPLICABLE;
    }
    if (c.notMet() > 0) {
      return GuideStatus.NOT_MET;
    }
    if (c.met() + c.notApplicable() == applicable) {
      return GuideStatus.MET;
    }
    return c.met() + c.partlyMet() > 0 ? GuideStatus.PARTLY_MET : GuideStatus.UNDETERMINABLE;
  }
}
