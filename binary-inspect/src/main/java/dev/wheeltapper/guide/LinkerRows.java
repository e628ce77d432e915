package dev.wheeltapper.guide;

import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Pie;
import dev.wheeltapper.hardening.Relro;
import dev.wheeltapper.hardening.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The linker options' rows: {@code -Wl,-z,nodlopen}, {@code -Wl,-z,noexecstack}, {@code -Wl,-z,relro -Wl,-z,now},
 * {@code -fPIC -shared}, {@code -Wl,--as-needed}, {@code -Wl,--no-copy-dt-needed-entries}. The first four leave
 * structural marks the loader itself reads, so they are certain.
 *
 * <p>Stateless and thread-safe.
 */
final class LinkerRows {
  /** {@code DF_1_NOOPEN}: the object cannot be {@code dlopen()}ed. */
  static final long DF_1_NOOPEN = 0x40;

  /** Versioned glibc and GCC runtime libraries: one of them NEEDED but unversioned is a library nothing uses. */
  private static final Set<String> VERSIONED_RUNTIMES = Set.of("libc.so.6", "libm.so.6", "libpthread.so.0",
      "libdl.so.2", "librt.so.1", "libutil.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libcrypt.so.1",
      "libresolv.so.2", "libnsl.so.1");

  private LinkerRows() {}

  static List<GuideRow> rows(GuideContext c) {
    ElfFacts f = c.facts;
    ElfHardening h = c.in.hardening();
    List<GuideRow> out = new ArrayList<>();
    out.add(nodlopen(c));
    out.add(switch (h.stack()) {
      case NOT_EXECUTABLE -> row(GuideOption.NOEXECSTACK, GuideStatus.MET, GuideChannel.PROGRAM_HEADERS,
          f.hasSegment(ElfFacts.PT_GNU_STACK) ? "PT_GNU_STACK without PF_X"
              : "no PT_GNU_STACK, and " + f.machineLabel() + "'s default stack is not executable");
      case EXECUTABLE_BY_HEADER -> row(GuideOption.NOEXECSTACK, GuideStatus.NOT_MET, GuideChannel.PROGRAM_HEADERS,
          "PT_GNU_STACK asks for an executable stack (glibc 2.41 and later refuse to dlopen the module)");
      case EXECUTABLE_BY_DEFAULT -> row(GuideOption.NOEXECSTACK, GuideStatus.NOT_MET, GuideChannel.PROGRAM_HEADERS,
          "no PT_GNU_STACK: " + f.machineLabel() + "'s default stack is executable");
      case NOT_LOADED -> row(GuideOption.NOEXECSTACK, GuideStatus.NOT_APPLICABLE, GuideChannel.PROGRAM_HEADERS,
          "no program headers: a relocatable object is not loaded");
    });
    out.add(relro(h));
    out.add(pic(f, h));
    out.add(asNeeded(c));
    out.add(commandLineOnly(c, GuideOption.NO_COPY_DT_NEEDED_ENTRIES, "-Wl,--no-copy-dt-needed-entries",
        "leaves no mark in the output (and has been ld's default since binutils 2.22)"));
    return out;
  }

  private static GuideRow nodlopen(GuideContext c) {
    boolean noopen = (c.facts.flags(ElfFacts.DT_FLAGS_1) & DF_1_NOOPEN) != 0;
    boolean executable = c.in.hardening().pie().map(k -> k != Pie.Kind.DSO).orElse(false);
    if (executable) {
      return row(GuideOption.NODLOPEN, GuideStatus.NOT_APPLICABLE, GuideChannel.DYNAMIC_SECTION,
          "an executable is not dlopen()ed" + (noopen ? " (DF_1_NOOPEN set, harmless here)" : ""));
    }
    if (noopen) {
      return row(GuideOption.NODLOPEN, GuideStatus.NOT_MET, GuideChannel.DYNAMIC_SECTION,
          "DF_1_NOOPEN is set: glibc refuses to dlopen() this object, so CPython cannot import it (or any module "
              + "that needs it); the guide's advice is wrong for Python extensions (guide.nodlopen)");
    }
    return row(GuideOption.NODLOPEN, GuideStatus.NOT_APPLICABLE, GuideChannel.DYNAMIC_SECTION,
        "DF_1_NOOPEN not set, as it must not be: CPython imports extension modules with dlopen(), and glibc refuses "
            + "a nodlopen object (the guide's own 'when not to use' covers plugins)");
  }

  private static GuideRow relro(ElfHardening h) {
    Optional<Relro.Level> level = h.relro();
    String evidence = h.result(HardeningCheck.RELRO).evidence();
    if (level.isEmpty()) {
      return row(GuideOption.RELRO_NOW, GuideStatus.NOT_APPLICABLE, GuideChannel.PROGRAM_HEADERS,
          "no program headers: a relocatable object is not loaded");
    }
    return switch (level.get()) {
      case FULL -> row(GuideOption.RELRO_NOW, GuideStatus.MET, GuideChannel.PROGRAM_HEADERS,
          "full RELRO: " + evidence);
      case PARTIAL -> row(GuideOption.RELRO_NOW, GuideStatus.PARTLY_MET, GuideChannel.PROGRAM_HEADERS,
          "partial RELRO (-z relro without -z now): " + evidence);
      case NONE -> row(GuideOption.RELRO_NOW, GuideStatus.NOT_MET, GuideChannel.PROGRAM_HEADERS,
          "no RELRO: " + evidence);
    };
  }

  private static GuideRow pic(ElfFacts f, ElfHardening h) {
    Optional<Pie.Kind> kind = h.pie();
    if (kind.isEmpty() || kind.get() != Pie.Kind.DSO) {
      return row(GuideOption.PIC_SHARED, GuideStatus.NOT_APPLICABLE, GuideChannel.PROGRAM_HEADERS,
          kind.isEmpty() ? "not a loadable object" : "an executable: the guide's -fPIE -pie applies instead (pie: "
              + kind.get().label() + ")");
    }
    CheckResult textrel = h.result(HardeningCheck.TEXTREL);
    if (textrel.status() == Status.FAIL) {
      return row(GuideOption.PIC_SHARED, GuideStatus.NOT_MET, GuideChannel.DYNAMIC_SECTION,
          "a shared object with text relocations, so some code was not compiled -fPIC: " + textrel.evidence());
    }
    return row(GuideOption.PIC_SHARED, GuideStatus.MET, GuideChannel.DYNAMIC_SECTION,
        "ET_DYN shared object without DT_TEXTREL or DF_TEXTREL");
  }

  /** {@code --as-needed} leaves no mark; its absence shows as a versioned runtime NEEDED but never used. */
  private static GuideRow asNeeded(GuideContext c) {
    Optional<GuideRow> recorded = commandLine(c, GuideOption.AS_NEEDED, "-Wl,--as-needed");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    if (!c.in.versionedLibraries().isEmpty()) {
      List<String> unused = new ArrayList<>();
      for (String n : c.facts.needed()) {
        if (VERSIONED_RUNTIMES.contains(n) && !c.in.versionedLibraries().contains(n)) {
          unused.add(n);
        }
      }
      if (!unused.isEmpty()) {
        return row(GuideOption.AS_NEEDED, GuideStatus.NOT_MET, GuideChannel.VERSION_REQUIREMENTS,
            "DT_NEEDED " + RecordedSwitches.sample(unused) + " but .gnu.version_r requires no symbol version from "
                + (unused.size() == 1 ? "it" : "them") + ": nothing is used, and --as-needed would have dropped "
                + (unused.size() == 1 ? "it" : "them"));
      }
    }
    return row(GuideOption.AS_NEEDED, GuideStatus.UNDETERMINABLE, GuideChannel.VERSION_REQUIREMENTS,
        c.in.versionedLibraries().isEmpty()
            ? "no version requirements read to show an unused DT_NEEDED; --as-needed itself leaves no mark (Clang's "
                + "recorded command line would tell)"
            : "every versioned runtime NEEDED is used; --as-needed itself leaves no mark (Clang's recorded command "
                + "line would tell)");
  }

  /**
   * {@code --no-copy-dt-needed-entries}, ld's default: only an explicit {@code --copy-dt-needed-entries} on a recorded
   * link line is a miss, and only an explicit switch a hit.
   */
  private static GuideRow commandLineOnly(GuideContext c, GuideOption o, String token, String why) {
    String opposite = token.replace("--no-copy", "--copy");
    RecordedSwitches.Tally t = c.switches.tallyLink(s -> !s.clang() ? RecordedSwitches.Says.SILENT
        : s.tokens().stream().anyMatch(x -> x.startsWith("-Wl,") && x.contains(opposite.substring(4)))
            ? RecordedSwitches.Says.OFF
            : s.tokens().stream().anyMatch(x -> x.startsWith("-Wl,") && x.contains(token.substring(4)))
                ? RecordedSwitches.Says.ON : RecordedSwitches.Says.SILENT);
    return RecordedSwitches.row(o, t, token).orElseGet(() -> row(o, GuideStatus.UNDETERMINABLE, GuideChannel.NONE,
        o.option() + " " + why + "; only Clang's recorded link command line (-frecord-command-line) would tell"));
  }

  private static Optional<GuideRow> commandLine(GuideContext c, GuideOption o, String token) {
    RecordedSwitches.Tally t = c.switches.tallyLink(s -> !s.clang() ? RecordedSwitches.Says.SILENT
        : s.tokens().stream().anyMatch(x -> x.equals(token) || x.startsWith("-Wl,") && x.contains(token.substring(4)))
            ? RecordedSwitches.Says.ON : RecordedSwitches.Says.OFF);
    return RecordedSwitches.row(o, t, token);
  }

  static GuideRow row(GuideOption o, GuideStatus s, GuideChannel ch, String evidence) {
    return new GuideRow(o, s, ch, evidence);
  }
}
