package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

/**
 * The ELF {@code stripped} check (informational): no {@code .symtab}.
 *
 * <p>Stateless and thread-safe.
 */
final class Stripped {
  private Stripped() {}

  static CheckResult stripped(ElfFacts f) {
    return f.hasSymtab()
        ? result(HardeningCheck.STRIPPED, Status.PASS, CheckValue.Flag.NO,
            ".symtab present (" + f.staticSymbols().size() + " symbols)")
        : result(HardeningCheck.STRIPPED, Status.PASS, CheckValue.Flag.YES, "no .symtab");
  }
}
