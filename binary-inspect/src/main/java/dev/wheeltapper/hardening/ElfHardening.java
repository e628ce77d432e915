package dev.wheeltapper.hardening;

import dev.wheeltapper.bytes.NativeFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hardening of one ELF file: its 21 checks ({@link HardeningCheck#appliesTo} {@code ELF}), FORTIFY_SOURCE, the
 * DT_RPATH and DT_RUNPATH entries and the stack permission that decides between {@code hardening.execstack} and
 * {@code hardening.no-nx}. {@link #check} runs the checks ({@link ElfChecks}).
 *
 * <pre>{@code
 * ElfHardening h = ElfHardening.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * h.relro();                                 // Optional[FULL]
 * h.pie();                                   // Optional[DSO]
 * h.flag(HardeningCheck.CANARY);             // Optional[true]
 * h.result(HardeningCheck.RELRO).value().label();   // "full", as in the JSON
 * h.stack();                                 // NOT_EXECUTABLE
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param results exactly the ELF checks' results
 * @param fortify the FORTIFY_SOURCE evidence
 * @param searchPaths the DT_RPATH entries, then the DT_RUNPATH entries
 * @param stack what the program headers say about the stack
 */
public record ElfHardening(
    Map<HardeningCheck, CheckResult> results, Fortify fortify, List<SearchPaths> searchPaths, Stack stack)
    implements Hardening {

  /** GNU property type X86_FEATURE_1_AND ({@code elf.h}). */
  public static final long X86_FEATURE_1_AND = 0xc0000002L;
  /** GNU property type X86_ISA_1_NEEDED ({@code elf.h}). */
  public static final long X86_ISA_1_NEEDED = 0xc0008002L;
  /** GNU property type AARCH64_FEATURE_1_AND ({@code elf.h}). */
  public static final long AARCH64_FEATURE_1_AND = 0xc0000000L;

  /** The stack permission the loader gives. */
  public enum Stack {
    /** Not executable: PT_GNU_STACK without PF_X, or a machine whose default stack is not executable. */
    NOT_EXECUTABLE,
    /** Executable because the (last) PT_GNU_STACK has PF_X: {@code hardening.execstack}. */
    EXECUTABLE_BY_HEADER,
    /** Executable because no PT_GNU_STACK overrides the machine's executable default: {@code hardening.no-nx}. */
    EXECUTABLE_BY_DEFAULT,
    /** No program headers (a relocatable object): nothing is loaded. */
    NOT_LOADED
  }

  /** Checks the results are exactly the ELF checks and copies. */
  public ElfHardening {
    results = OwnChecks.copy(NativeFormat.ELF, results);
    Objects.requireNonNull(fortify, "fortify");
    searchPaths = List.copyOf(searchPaths);
    Objects.requireNonNull(stack, "stack");
  }

  /**
   * Runs every ELF check.
   *
   * @param facts the file
   * @param context where the file sits and whether its code is memory-safe
   * @return the hardening result
   */
  public static ElfHardening check(ElfFacts facts, CheckContext context) {
    return ElfChecks.check(facts, context);
  }

  /**
   * The {@code relro} value.
   *
   * @return the level, empty when there are no program headers (a relocatable object)
   */
  public Optional<Relro.Level> relro() {
    return result(HardeningCheck.RELRO).value(Relro.Level.class);
  }

  /**
   * The {@code pie} value.
   *
   * @return the kind, empty for a file that is not loaded by itself (a relocatable object, a core file)
   */
  public Optional<Pie.Kind> pie() {
    return result(HardeningCheck.PIE).value(Pie.Kind.class);
  }

  /**
   * The {@code isaLevel} value.
   *
   * @return the x86-64 level the file needs, empty for another machine
   */
  public Optional<IsaLevel.Level> isaLevel() {
    return result(HardeningCheck.ISA_LEVEL).value(IsaLevel.Level.class);
  }

  @Override
  public NativeFormat format() {
    return NativeFormat.ELF;
  }
}
