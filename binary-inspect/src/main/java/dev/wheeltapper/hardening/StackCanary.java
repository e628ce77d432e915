package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

import dev.wheeltapper.hardening.ElfFacts.Sym;
import dev.wheeltapper.macho.MachOSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ELF {@code canary} check: a reference to a stack protector symbol in {@code .dynsym} or {@code .symtab}; not
 * applicable to memory-safe code.
 *
 * <p>Stateless and thread-safe.
 */
final class StackCanary {
  private StackCanary() {}

  /** Stack protector symbols of GCC/clang ({@code __stack_chk_*}) and ICC ({@code __intel_security_cookie}). */
  static final Set<String> CANARY_SYMBOLS =
      Set.of("__stack_chk_fail", "__stack_chk_guard", "__stack_chk_fail_local", "__intel_security_cookie");

  private static final int[] CANARY_HASHES = CANARY_SYMBOLS.stream().mapToInt(String::hashCode).toArray();

  /** The canary names of a table: the names' hashes compared first, so only a match is decoded. */
  private static void find(List<Sym> table, Set<String> found, String defined, String undefined) {
    int[] hashes = ElfFacts.nameHashes(table);
    for (int i = 0; i < hashes.length; i++) {
      for (int c : CANARY_HASHES) {
        if (hashes[i] == c) {
          Sym s = table.get(i);
          if (CANARY_SYMBOLS.contains(s.name())) {
            found.add(s.name() + (s.defined() ? defined : undefined));
          }
          break;
        }
      }
    }
  }

  static CheckResult canary(ElfFacts f, CheckContext ctx) {
    Set<String> found = new TreeSet<>();
    find(f.dynamicSymbols(), found, " (defined, .dynsym)", " (imported, .dynsym)");
    find(f.staticSymbols(), found, " (defined, .symtab)", " (undefined, .symtab)");
    if (!found.isEmpty()) {
      return result(HardeningCheck.CANARY, Status.PASS, CheckValue.Flag.YES, "references " + String.join(", ", found));
    }
    if (ctx.memorySafeOnly().isPresent()) {
      return result(HardeningCheck.CANARY, Status.NOT_APPLICABLE, CheckValue.Flag.NO,
          "no stack protector symbols, and none expected: " + ctx.memorySafeOnly().get());
    }
    if (f.dynamicSymbols().isEmpty() && f.staticSymbols().isEmpty()) {
      return result(HardeningCheck.CANARY, Status.UNKNOWN, CheckValue.Missing.UNKNOWN,
          "no symbol table to read (static and stripped)");
    }
    return result(HardeningCheck.CANARY, Status.FAIL, CheckValue.Flag.NO,
        "no __stack_chk_fail, __stack_chk_guard, __stack_chk_fail_local or __intel_security_cookie in "
            + (f.hasSymtab() ? ".dynsym or .symtab" : ".dynsym"));
  }

  /**
   * PE {@code canary}: the /GS result ({@link Gs}), or MinGW's {@code -fstack-protector}, whose canary lives in libssp
   * rather than in a load configuration.
   */
  static CheckResult pe(CheckResult gs, Set<String> imports) {
    if (gs.status() != Status.PASS && (imports.contains("__stack_chk_fail") || imports.contains("__stack_chk_guard"))) {
      return new CheckResult(HardeningCheck.CANARY, Status.PASS, CheckValue.Flag.YES,
          "imports __stack_chk_fail (GCC -fstack-protector); /GS: " + gs.evidence());
    }
    return new CheckResult(HardeningCheck.CANARY, gs.status(), gs.value(), "/GS: " + gs.evidence());
  }

  /** Mach-O {@code canary}: an import of {@code ___stack_chk_fail} or {@code ___stack_chk_guard}. */
  static CheckResult macho(MachOSlice s, Set<String> imports, CheckContext context) {
    List<String> canary = new ArrayList<>();
    for (String n : List.of("___stack_chk_fail", "___stack_chk_guard")) {
      if (imports.contains(n)) {
        canary.add(n);
      }
    }
    if (!canary.isEmpty()) {
      return new CheckResult(HardeningCheck.CANARY, Status.PASS, CheckValue.Flag.YES,
          "imports " + String.join(", ", canary));
    } else if (context.memorySafeOnly().isPresent()) {
      return new CheckResult(HardeningCheck.CANARY, Status.NOT_APPLICABLE, CheckValue.Flag.NO,
          "no ___stack_chk_* import; " + context.memorySafeOnly().get());
    } else if (s.undefinedSymbols().isEmpty() && s.definedSymbols().isEmpty()) {
      return new CheckResult(HardeningCheck.CANARY, Status.UNKNOWN, CheckValue.Missing.UNKNOWN, "no symbol table");
    }
    return new CheckResult(HardeningCheck.CANARY, Status.FAIL, CheckValue.Flag.NO,
        "no ___stack_chk_fail or ___stack_chk_guard import");
  }
}
