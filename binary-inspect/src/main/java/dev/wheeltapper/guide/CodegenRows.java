package dev.wheeltapper.guide;

import dev.wheeltapper.guide.RecordedSwitches.Says;
import dev.wheeltapper.guide.RecordedSwitches.Source;
import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.hardening.HardeningCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The code-generation rows: {@code -fstrict-flex-arrays=3}, {@code -fstack-clash-protection},
 * {@code -fstack-protector-strong}, {@code -fno-delete-null-pointer-checks}, {@code -fno-strict-overflow},
 * {@code -fno-strict-aliasing}, {@code -ftrivial-auto-var-init}, {@code -fexceptions},
 * {@code -fzero-init-padding-bits} and the compile-time warnings. Most leave no mark of their own: the recorded
 * switches tell (GCC's {@code DW_AT_producer} and {@code .GCC.command.line} carry every {@code -f} option), else the
 * row is undeterminable and says so. Stack protector and stack clash also leave symbols and code.
 *
 * <p>Stateless and thread-safe.
 */
final class CodegenRows {
  private static final String SWITCHES = "only the recorded switches (GCC's DW_AT_producer under -g, "
      + ".GCC.command.line under -frecord-gcc-switches) or Clang's recorded command line would tell";

  private CodegenRows() {}

  static List<GuideRow> rows(GuideContext c) {
    List<GuideRow> out = new ArrayList<>();
    out.add(switchesOnly(c, GuideOption.STRICT_FLEX_ARRAYS, s -> s.last("-fstrict-flex-arrays").map(t -> switch (t) {
      case "-fstrict-flex-arrays=3", "-fstrict-flex-arrays" -> Says.ON;
      case "-fstrict-flex-arrays=1", "-fstrict-flex-arrays=2" -> Says.PARTIAL;
      default -> Says.OFF;
    }).orElse(Says.OFF), "it changes only what __builtin_object_size assumes: no mark of its own"));
    out.add(stackClash(c));
    out.add(stackProtector(c));
    out.add(switchesOnly(c, GuideOption.NO_DELETE_NULL_POINTER_CHECKS,
        s -> last(s, "-fno-delete-null-pointer-checks", "-fdelete-null-pointer-checks"),
        "it changes only which checks the optimiser may drop: no mark of its own"));
    out.add(switchesOnly(c, GuideOption.NO_STRICT_OVERFLOW, CodegenRows::overflow,
        "it changes only what the optimiser may assume: no mark of its own"));
    out.add(switchesOnly(c, GuideOption.NO_STRICT_ALIASING,
        s -> last(s, "-fno-strict-aliasing", "-fstrict-aliasing"),
        "it changes only what the optimiser may assume: no mark of its own"));
    out.add(switchesOnly(c, GuideOption.TRIVIAL_AUTO_VAR_INIT, s -> s.last("-ftrivial-auto-var-init=")
        .map(t -> t.endsWith("=uninitialized") ? Says.OFF : Says.ON).orElse(Says.OFF),
        "stores of zero or a pattern into locals are ordinary code: no mark of its own"));
    out.add(exceptions(c));
    out.add(padding(c));
    out.add(warnings(c));
    return out;
  }

  /** The last of a {@code -fno-X}/{@code -fX} pair: on when the wanted one wins. */
  private static Says last(Source s, String wanted, String opposite) {
    return s.last(wanted, opposite).map(t -> t.equals(wanted) ? Says.ON : Says.OFF).orElse(Says.OFF);
  }

  private static Says overflow(Source s) {
    Optional<String> t = s.last("-fno-strict-overflow", "-fstrict-overflow");
    if (t.isPresent() && t.get().equals("-fno-strict-overflow")) {
      return Says.ON;
    }
    // -fwrapv defines signed overflow only; -fno-strict-overflow adds pointers (-fwrapv-pointer)
    Optional<String> w = s.last("-fwrapv", "-fno-wrapv");
    if (w.isPresent() && w.get().equals("-fwrapv")) {
      return s.has("-fwrapv-pointer") ? Says.ON : Says.PARTIAL;
    }
    return Says.OFF;
  }

  /** A row only the recorded switches can decide; not applicable when every recorded compiler predates it. */
  private static GuideRow switchesOnly(GuideContext c, GuideOption o, Function<Source, Says> judge, String why) {
    if (c.versions.predate(o)) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.COMMENT, c.versions.predatesEvidence(o));
    }
    return RecordedSwitches.row(o, c.switches.tally(judge), o.option()).orElseGet(() -> new GuideRow(o,
        GuideStatus.UNDETERMINABLE, GuideChannel.NONE, why + "; " + SWITCHES));
  }

  static GuideRow stackClash(GuideContext c) {
    GuideOption o = GuideOption.STACK_CLASH_PROTECTION;
    if (c.versions.predate(o)) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.COMMENT, c.versions.predatesEvidence(o));
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(
        s -> last(s, "-fstack-clash-protection", "-fno-stack-clash-protection")), o.option());
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Optional<GuideRow> noted = annobinBool(o, c.annobin("stack_clash"));
    if (noted.isPresent()) {
      return noted.get();
    }
    if (c.in.code().isPresent()) {
      CodeFacts code = c.in.code().get();
      int probed = code.probedFrames();
      int bare = code.unprobedLargeFrames();
      if (probed > 0 && bare == 0) {
        return new GuideRow(o, GuideStatus.MET, GuideChannel.CODE, functions(probed) + " probe their large frames "
            + "page by page, none allocates a page or more unprobed");
      }
      if (bare > 0) {
        return new GuideRow(o, probed > 0 ? GuideStatus.PARTLY_MET : GuideStatus.NOT_MET, GuideChannel.CODE,
            functions(bare) + " allocate a page or more of stack without probing ("
                + RecordedSwitches.sample(code.unprobedNames()) + ")" + (probed > 0 ? "; " + probed
                + " others probe (units disagree)" : ""));
      }
      return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.CODE, "no frame of a page or more and no "
          + "probe: the option only shows in large or variable frames; " + SWITCHES);
    }
    return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.NONE, "probes show only in the code of large "
        + "frames, which was not read; annobin notes or " + SWITCHES);
  }

  static GuideRow stackProtector(GuideContext c) {
    GuideOption o = GuideOption.STACK_PROTECTOR_STRONG;
    if (c.versions.predate(o)) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.COMMENT, c.versions.predatesEvidence(o)
          + "; " + c.in.hardening().result(dev.wheeltapper.hardening.HardeningCheck.CANARY).evidence());
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> s.last("-fstack-protector",
        "-fno-stack-protector").map(t -> switch (t) {
          case "-fstack-protector-strong", "-fstack-protector-all" -> Says.ON;
          case "-fstack-protector", "-fstack-protector-explicit" -> Says.PARTIAL;
          default -> Says.OFF;
        }).orElse(Says.OFF)), "-fstack-protector-strong (or -all)");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    int on = 0;
    int partial = 0;
    int off = 0;
    for (AnnobinNote n : c.annobin("2")) {
      switch (n.value()) {
        case "2", "3" -> on++;
        case "1", "4" -> partial++;
        case "0" -> off++;
        default -> {
          // not a level
        }
      }
    }
    if (on + partial + off > 0) {
      int all = on + partial + off;
      return new GuideRow(o, on == all ? GuideStatus.MET : off == all ? GuideStatus.NOT_MET : GuideStatus.PARTLY_MET,
          GuideChannel.ANNOBIN, "annobin stack_prot notes: strong or all in " + on + " of " + all);
    }
    CheckResult canary = c.in.hardening().result(HardeningCheck.CANARY);
    return switch (canary.status()) {
      case PASS -> new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.DYNAMIC_SYMBOLS, "a stack protector is "
          + "in use (" + canary.evidence() + "); strong, plain or all leave the same symbol: annobin notes or "
          + SWITCHES);
      case FAIL -> new GuideRow(o, GuideStatus.NOT_MET, GuideChannel.DYNAMIC_SYMBOLS, "no function has a canary: "
          + canary.evidence());
      default -> new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.NONE, canary.evidence());
    };
  }

  static GuideRow exceptions(GuideContext c) {
    GuideOption o = GuideOption.EXCEPTIONS;
    RecordedSwitches.Tally t = c.switches.tally(s -> s.cxx() ? Says.SILENT
        : last(s, "-fexceptions", "-fno-exceptions"));
    if (t.spoke() > 0 && t.on().size() == t.spoke()) {
      return RecordedSwitches.row(o, t, o.option()).orElseThrow();
    }
    for (String marker : List.of("__pthread_register_cancel", "__pthread_unregister_cancel")) {
      if (c.references(marker)) {
        return new GuideRow(o, GuideStatus.NOT_MET, c.imports(marker) ? GuideChannel.DYNAMIC_SYMBOLS
            : GuideChannel.SYMTAB, "calls " + marker + ": C code with pthread_cleanup_push built without "
            + "-fexceptions, so a cancelled thread unwinds past its cleanup handlers");
      }
    }
    if (t.spoke() > 0) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, t.channel(), "-fexceptions in " + t.on().size() + " of "
          + t.spoke() + " C units, and no pthread cancellation cleanup built without it (no "
          + "__pthread_register_cancel): the case the guide adds it for does not arise");
    }
    return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.DYNAMIC_SYMBOLS, "no pthread cancellation cleanup "
        + "built without -fexceptions (no __pthread_register_cancel): the case the guide adds it for (multi-threaded "
        + "C with glibc pthreads) does not arise");
  }

  static GuideRow padding(GuideContext c) {
    GuideOption o = GuideOption.ZERO_INIT_PADDING_BITS;
    if (c.versions.clangOnly()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.COMMENT,
          "built by Clang (" + c.versions.describe() + "), which has no such option (GCC 15)");
    }
    return switchesOnly(c, o, s -> s.last("-fzero-init-padding-bits=").map(t -> switch (t) {
      case "-fzero-init-padding-bits=all" -> Says.ON;
      case "-fzero-init-padding-bits=union" -> Says.PARTIAL;
      default -> Says.OFF;
    }).orElse(Says.OFF), "zeroed padding is ordinary code: no mark of its own");
  }

  /** The TL;DR warnings; GCC never records {@code -W}, so only Clang's command line speaks. */
  static GuideRow warnings(GuideContext c) {
    GuideOption o = GuideOption.WARNINGS;
    List<String> wanted = List.of(o.option().split(" "));
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> {
      if (!s.clang()) {
        return Says.SILENT;
      }
      long n = wanted.stream().filter(s::has).count();
      return n == wanted.size() ? Says.ON : n > 0 ? Says.PARTIAL : Says.OFF;
    }), "all six TL;DR warnings");
    return recorded.orElseGet(() -> new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.NONE,
        "compile-time only: no effect on the generated code, and GCC never records -W options; only Clang's "
            + "recorded command line (or annobin's -Wall and -Wformat-security bits) would tell"));
  }

  private static String functions(int n) {
    return n == 1 ? "1 function" : n + " functions";
  }

  /** annobin boolean notes: on ({@code +}) and off ({@code !}). */
  private static Optional<GuideRow> annobinBool(GuideOption o, List<AnnobinNote> notes) {
    long on = notes.stream().filter(n -> n.kind() == '+').count();
    long off = notes.stream().filter(n -> n.kind() == '!').count();
    if (on + off == 0) {
      return Optional.empty();
    }
    return Optional.of(new GuideRow(o, off == 0 ? GuideStatus.MET : on == 0 ? GuideStatus.NOT_MET
        : GuideStatus.PARTLY_MET, GuideChannel.ANNOBIN, "annobin notes: on in " + on + " of " + (on + off)));
  }
}
