package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.macho.MachOSlice;

/**
 * The ELF {@code pie} check: position-independent executable versus shared object in annocheck's order (DF_1_PIE,
 * DT_SONAME, PT_INTERP, DT_DEBUG).
 *
 * <pre>{@code
 * Optional<Pie.Kind> kind = elfHardening.pie();   // Optional[DSO] for an extension module
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Pie {
  private Pie() {}

  /** What position independence the loader sees: the value of the {@code pie} check. */
  public enum Kind implements CheckValue {
    /** A position-independent executable ({@code yes}). */
    PIE("yes"),
    /** An executable loaded at a fixed address ({@code no}). */
    EXECUTABLE("no"),
    /** A shared object (ELF) or dylib/bundle (Mach-O), position-independent by construction ({@code dso}). */
    DSO("dso");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  static CheckResult pie(ElfFacts f) {
    if (f.elfType() == ElfFacts.ET_EXEC) {
      return result(HardeningCheck.PIE, Status.FAIL, Kind.EXECUTABLE, "ET_EXEC: loaded at a fixed address");
    }
    if (f.elfType() != ElfFacts.ET_DYN) {
      return CheckResult.notApplicable(HardeningCheck.PIE, ElfChecks.typeWord(f) + ", not loaded by itself");
    }
    // annocheck is_shared_lib(): dynamic segment, DF_1_PIE, DT_SONAME, PT_INTERP, DT_DEBUG, else shared object
    if (!f.hasDynamic()) {
      return result(HardeningCheck.PIE, Status.PASS, Kind.PIE, "ET_DYN without a dynamic section (static PIE)");
    }
    if ((f.flags(ElfFacts.DT_FLAGS_1) & ElfFacts.DF_1_PIE) != 0) {
      return result(HardeningCheck.PIE, Status.PASS, Kind.PIE, "ET_DYN with DF_1_PIE in DT_FLAGS_1");
    }
    if (f.soname().isPresent()) {
      return result(HardeningCheck.PIE, Status.NOT_APPLICABLE, Kind.DSO,
          "ET_DYN with DT_SONAME " + f.soname().get() + ": a shared object");
    }
    if (f.hasSegment(ElfFacts.PT_INTERP)) {
      return result(HardeningCheck.PIE, Status.PASS, Kind.PIE, "ET_DYN with PT_INTERP");
    }
    if (f.hasDynamicTag(ElfFacts.DT_DEBUG)) {
      return result(HardeningCheck.PIE, Status.PASS, Kind.PIE, "ET_DYN with DT_DEBUG");
    }
    return result(HardeningCheck.PIE, Status.NOT_APPLICABLE, Kind.DSO,
        "ET_DYN without DF_1_PIE, DT_SONAME, PT_INTERP or DT_DEBUG: a shared object"
            + (f.hasSegment(ElfFacts.PT_PHDR) ? " (PT_PHDR alone does not make a PIE)" : ""));
  }

  /** PE position independence is ASLR ({@link Aslr}). */
  static CheckResult pe() {
    return CheckResult.notApplicable(HardeningCheck.PIE, "PE position independence is ASLR (see aslr)");
  }

  /** Mach-O: MH_PIE for an executable; a dylib or bundle is position-independent by construction. */
  static CheckResult macho(MachOSlice s) {
    if (s.fileType() == MachOSlice.MH_EXECUTE) {
      boolean pie = (s.flags() & MachOSlice.MH_PIE) != 0;
      return new CheckResult(HardeningCheck.PIE, pie ? Status.PASS : Status.FAIL, pie ? Kind.PIE : Kind.EXECUTABLE,
          "header flags 0x" + Long.toHexString(s.flags()) + (pie ? " has" : " lack") + " MH_PIE");
    }
    return new CheckResult(HardeningCheck.PIE, Status.NOT_APPLICABLE, Kind.DSO,
        "MH_" + s.typeLabel().toUpperCase(java.util.Locale.ROOT) + ": loaded at an address dyld chooses; MH_PIE"
            + " applies to executables");
  }
}
