package dev.wheeltapper.guide;

import dev.wheeltapper.elf.GnuProperty;
import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.guide.RecordedSwitches.Says;
import java.util.List;
import java.util.Optional;

/**
 * The control-flow rows: {@code -fcf-protection=full} (x86-64) and {@code -mbranch-protection=standard} (AArch64).
 * The GNU property note is the AND of every input object, so one unmarked input (C runtime objects, assembly, a
 * static archive) drops it: a missing note on a module whose exports start with {@code endbr64} or {@code bti c} is
 * an unmarked input, not a missing switch. The shadow-stack half of {@code -fcf-protection} leaves no code mark.
 *
 * <p>Stateless and thread-safe.
 */
final class ControlFlowRows {
  private static final long IBT = 0x1;
  private static final long SHSTK = 0x2;
  private static final long BTI = 0x1;
  private static final long PAC = 0x2;

  private ControlFlowRows() {}

  static List<GuideRow> rows(GuideContext c) {
    return List.of(cf(c), branch(c));
  }

  static GuideRow cf(GuideContext c) {
    GuideOption o = GuideOption.CF_PROTECTION;
    if (!c.x86_64()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.TOOLCHAIN, "x86-64 only; this is "
          + c.facts.machineLabel());
    }
    long bits = feature(c, ElfHardening.X86_FEATURE_1_AND);
    if ((bits & (IBT | SHSTK)) == (IBT | SHSTK)) {
      return new GuideRow(o, GuideStatus.MET, GuideChannel.PROPERTY_NOTE,
          "GNU property note X86_FEATURE_1_AND: IBT and SHSTK, so every input was built with it");
    }
    if (c.versions.predate(o)) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.COMMENT, c.versions.predatesEvidence(o));
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> s.last("-fcf-protection")
        .map(t -> switch (t) {
          case "-fcf-protection", "-fcf-protection=full" -> Says.ON;
          case "-fcf-protection=branch", "-fcf-protection=return" -> Says.PARTIAL;
          default -> Says.OFF;
        }).orElse(Says.OFF)), "-fcf-protection=full");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Optional<GuideRow> noted = annobinLevels(o, c.annobin("cf_protection"));
    if (noted.isPresent()) {
      return noted.get();
    }
    String note = bits == 0 ? (c.facts.propertyNote() ? "a GNU property note without X86_FEATURE_1_AND"
        : "no GNU property note") : "a GNU property note with only " + ((bits & IBT) != 0 ? "IBT" : "SHSTK");
    if (c.in.code().isPresent() && c.in.code().get().examined() > 0) {
      CodeFacts code = c.in.code().get();
      int n = code.examined();
      if (code.endbr64() == n) {
        return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.CODE, "endbr64 at all " + n + " exports: IBT "
            + "(the branch half) was compiled in; the shadow-stack half leaves no code mark; " + note
            + ": an unmarked input (C runtime objects, assembly, a static archive) dropped it, not a missing switch");
      }
      if (code.endbr64() > 0) {
        return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.CODE, "endbr64 at " + code.endbr64() + " of " + n
            + " exports (units disagree); " + note);
      }
      return new GuideRow(o, GuideStatus.NOT_MET, GuideChannel.CODE, "no export of " + n
          + " starts with endbr64: the code was built without IBT; " + note);
    }
    if (bits != 0) {
      return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.PROPERTY_NOTE, note);
    }
    return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.PROPERTY_NOTE, note
        + " (one unmarked input drops it) and the code at the exports was not read; endbr64 at the exports, "
        + "recorded switches or annobin notes would tell");
  }

  static GuideRow branch(GuideContext c) {
    GuideOption o = GuideOption.BRANCH_PROTECTION;
    if (!c.aarch64()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.TOOLCHAIN, "AArch64 only; this is "
          + c.facts.machineLabel());
    }
    long bits = feature(c, ElfHardening.AARCH64_FEATURE_1_AND);
    if ((bits & (BTI | PAC)) == (BTI | PAC)) {
      return new GuideRow(o, GuideStatus.MET, GuideChannel.PROPERTY_NOTE,
          "GNU property note AARCH64_FEATURE_1_AND: BTI and PAC");
    }
    if (c.versions.predate(o)) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.COMMENT, c.versions.predatesEvidence(o));
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> s.last("-mbranch-protection=")
        .map(t -> switch (t) {
          case "-mbranch-protection=standard" -> Says.ON;
          case "-mbranch-protection=none" -> Says.OFF;
          default -> Says.PARTIAL;
        }).orElse(Says.OFF)), "-mbranch-protection=standard");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    String note = bits == 0 ? "no BTI in a GNU property note" : "GNU property note: BTI only";
    if (c.in.code().isPresent() && c.in.code().get().examined() > 0) {
      CodeFacts code = c.in.code().get();
      int n = code.examined();
      int landing = code.btiC() + code.paciasp();
      String counts = "bti c at " + code.btiC() + ", paciasp at " + code.paciasp() + " of " + n + " exports";
      String unmarked = bits == 0 ? "; the missing note is an unmarked input (C runtime objects, assembly, a static "
          + "archive), not a missing switch" : "";
      if (landing >= n && code.paciasp() > 0) {
        return new GuideRow(o, GuideStatus.MET, GuideChannel.CODE, counts + ": BTI landing pads and PAC-ret"
            + unmarked);
      }
      if (landing > 0 || (bits & BTI) != 0) {
        return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.CODE, counts + " (" + note + ")");
      }
      return new GuideRow(o, GuideStatus.NOT_MET, GuideChannel.CODE, counts + ": built without branch protection");
    }
    if (bits != 0) {
      return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.PROPERTY_NOTE, note
          + "; PAC leaves no note bit before binutils 2.42 and the code was not read");
    }
    return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.PROPERTY_NOTE, note
        + " (one unmarked input drops it) and the code at the exports was not read; bti c / paciasp at the exports "
        + "or recorded switches would tell");
  }

  /** The feature bits of one GNU property, 0 when absent. */
  private static long feature(GuideContext c, long type) {
    long v = 0;
    for (GnuProperty p : c.facts.properties()) {
      if (p.type() == type) {
        v = p.value();
      }
    }
    return v;
  }

  /** annobin {@code cf_protection} notes: the option's value + 1 (4 and 8: full). */
  private static Optional<GuideRow> annobinLevels(GuideOption o, List<AnnobinNote> notes) {
    int on = 0;
    int partial = 0;
    int off = 0;
    for (AnnobinNote n : notes) {
      switch (n.value()) {
        case "4", "8" -> on++;
        case "2", "3" -> partial++;
        case "1" -> off++;
        default -> {
          // not a level
        }
      }
    }
    int all = on + partial + off;
    if (all == 0) {
      return Optional.empty();
    }
    GuideStatus s = on == all ? GuideStatus.MET : off == all ? GuideStatus.NOT_MET : GuideStatus.PARTLY_MET;
    return Optional.of(new GuideRow(o, s, GuideChannel.ANNOBIN,
        "annobin cf_protection notes: full in " + on + " of " + all));
  }
}
