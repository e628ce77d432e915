package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.hex;
import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.elf.Segment;
import dev.wheeltapper.macho.MachOSlice;
import dev.wheeltapper.pe.PeRecords.Header;
import java.util.Map;
import java.util.Set;

/**
 * The ELF {@code nx} and {@code execstack} checks: the last PT_GNU_STACK decides, only its PF_X counts, and a
 * missing one means an executable stack on machines whose glibc default is executable.
 *
 * <p>Stateless and thread-safe.
 */
final class ExecStack {
  private ExecStack() {}

  /**
   * Machines whose glibc {@code DEFAULT_STACK_PERMS} lacks PF_X, so a missing PT_GNU_STACK still means a
   * non-executable stack: aarch64 (183), ARC (93, 195), C-SKY (252), IA-64 (50), LoongArch (258), Nios II (113),
   * RISC-V (243).
   */
  static final Set<Integer> NON_EXEC_STACK_DEFAULT = Set.of(183, 93, 195, 252, 50, 258, 113, 243);

  static ElfHardening.Stack stack(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    if (f.segments().isEmpty()) {
      String why = "no program headers (" + ElfChecks.typeWord(f) + ")";
      r.put(HardeningCheck.NX, CheckResult.notApplicable(HardeningCheck.NX, why));
      r.put(HardeningCheck.EXECSTACK,
          CheckResult.notApplicable(HardeningCheck.EXECSTACK, why));
      return ElfHardening.Stack.NOT_LOADED;
    }
    Segment last = null;
    int count = 0;
    for (Segment s : f.segments()) {
      if (s.rawType() == ElfFacts.PT_GNU_STACK) {
        last = s; // glibc's loop keeps the last one
        count++;
      }
    }
    boolean exec;
    String evidence;
    ElfHardening.Stack stack;
    if (last != null) {
      exec = last.isExecutable();
      stack = exec ? ElfHardening.Stack.EXECUTABLE_BY_HEADER : ElfHardening.Stack.NOT_EXECUTABLE;
      String which = count > 1 ? "the last of " + count + " PT_GNU_STACK headers" : "PT_GNU_STACK";
      evidence = exec
          ? "PT_GNU_STACK has PF_X (flags " + last.flagString().trim() + (count > 1 ? ", " + which : "") + ")"
          : which + " flags " + last.flagString().trim() + ", no PF_X"
              + (last.memorySize() != 0 ? " (stack size " + hex(last.memorySize()) + " requested, not executable)"
                  : "");
    } else if (NON_EXEC_STACK_DEFAULT.contains(f.machine())) {
      exec = false;
      stack = ElfHardening.Stack.NOT_EXECUTABLE;
      evidence = "no PT_GNU_STACK; the default stack on " + f.machineLabel() + " is not executable";
    } else {
      exec = true;
      stack = ElfHardening.Stack.EXECUTABLE_BY_DEFAULT;
      evidence = "no PT_GNU_STACK: the loader's default stack on " + f.machineLabel()
          + " is executable (glibc 2.41 refuses to dlopen such a library)";
    }
    r.put(HardeningCheck.NX, result(HardeningCheck.NX, exec ? Status.FAIL : Status.PASS,
        exec ? CheckValue.Flag.NO : CheckValue.Flag.YES, evidence));
    r.put(HardeningCheck.EXECSTACK, result(HardeningCheck.EXECSTACK, exec ? Status.FAIL : Status.PASS,
        exec ? CheckValue.Flag.YES : CheckValue.Flag.NO, evidence));
    return stack;
  }

  /** PE {@code nx}: NX_COMPAT (DEP), implied for a .NET image. */
  static CheckResult pe(Header h, boolean dotnet) {
    boolean nx = h.has(Header.NX_COMPAT) || dotnet;
    return CheckResult.yesNo(HardeningCheck.NX, nx, nx ? "NX_COMPAT (DEP)" : "no NX_COMPAT: DEP off");
  }

  /** Mach-O {@code nx} and {@code execstack}: MH_ALLOW_STACK_EXECUTION. */
  static void macho(MachOSlice s, Map<HardeningCheck, CheckResult> r) {
    boolean execStack = (s.flags() & MachOSlice.MH_ALLOW_STACK_EXECUTION) != 0;
    String why = "header flags 0x" + Long.toHexString(s.flags()) + (execStack ? " has" : " lacks")
        + " MH_ALLOW_STACK_EXECUTION";
    r.put(HardeningCheck.NX, CheckResult.yesNo(HardeningCheck.NX, !execStack, why));
    r.put(HardeningCheck.EXECSTACK, new CheckResult(HardeningCheck.EXECSTACK, execStack ? Status.FAIL : Status.PASS,
        CheckValue.Flag.of(execStack), why));
  }
}
