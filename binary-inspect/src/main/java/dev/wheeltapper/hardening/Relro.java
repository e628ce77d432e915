package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.hex;
import static dev.wheeltapper.hardening.ElfChecks.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ELF {@code relro}, {@code gnuRelro} and {@code bindNow} checks: PT_GNU_RELRO, and immediate binding as the
 * union of DT_BIND_NOW, DF_BIND_NOW and DF_1_NOW; full RELRO needs both.
 *
 * <pre>{@code
 * Optional<Relro.Level> level = elfHardening.relro();   // Optional[FULL]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Relro {
  private Relro() {}

  /** The RELRO level: the value of the {@code relro} check. */
  public enum Level implements CheckValue {
    /** No PT_GNU_RELRO ({@code none}). */
    NONE,
    /** PT_GNU_RELRO with lazy binding ({@code partial}). */
    PARTIAL,
    /** PT_GNU_RELRO and immediate binding ({@code full}). */
    FULL;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static void relro(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.segments().isEmpty()) {
      String why = "no program headers (" + ElfChecks.typeWord(f) + ")";
      r.put(HardeningCheck.RELRO, CheckResult.notApplicable(HardeningCheck.RELRO, why));
      r.put(HardeningCheck.GNU_RELRO,
          CheckResult.notApplicable(HardeningCheck.GNU_RELRO, why));
      r.put(HardeningCheck.BIND_NOW,
          CheckResult.notApplicable(HardeningCheck.BIND_NOW, why));
      return;
    }
    boolean gnuRelro = f.hasSegment(ElfFacts.PT_GNU_RELRO);
    String relroWords = gnuRelro ? "PT_GNU_RELRO present" : "no PT_GNU_RELRO";
    r.put(HardeningCheck.GNU_RELRO, result(HardeningCheck.GNU_RELRO, gnuRelro ? Status.PASS : Status.FAIL,
        gnuRelro ? CheckValue.Flag.YES : CheckValue.Flag.NO, relroWords));

    List<String> now = new ArrayList<>();
    if (f.hasDynamicTag(ElfFacts.DT_BIND_NOW)) {
      now.add("DT_BIND_NOW present");
    }
    long flags = f.flags(ElfFacts.DT_FLAGS);
    if ((flags & ElfFacts.DF_BIND_NOW) != 0) {
      now.add("DT_FLAGS has DF_BIND_NOW (" + hex(flags) + ")");
    }
    long flags1 = f.flags(ElfFacts.DT_FLAGS_1);
    if ((flags1 & ElfFacts.DF_1_NOW) != 0) {
      now.add("DT_FLAGS_1 has DF_1_NOW (" + hex(flags1) + ")");
    }
    boolean bindNow;
    String nowWords;
    if (!f.hasDynamic()) {
      bindNow = true;
      nowWords = "no dynamic section: nothing is bound lazily";
    } else if (now.isEmpty()) {
      bindNow = false;
      nowWords = "no DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW: lazy binding";
    } else {
      bindNow = true;
      nowWords = String.join(", ", now);
    }
    r.put(HardeningCheck.BIND_NOW, result(HardeningCheck.BIND_NOW, bindNow ? Status.PASS : Status.FAIL,
        bindNow ? CheckValue.Flag.YES : CheckValue.Flag.NO, nowWords));

    String evidence = relroWords + ", " + nowWords;
    if (!gnuRelro) {
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.FAIL, Level.NONE, evidence));
    } else if (bindNow) {
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.PASS, Level.FULL, evidence));
    } else {
      r.put(HardeningCheck.RELRO, result(HardeningCheck.RELRO, Status.PARTIAL, Level.PARTIAL, evidence));
    }
  }
}
