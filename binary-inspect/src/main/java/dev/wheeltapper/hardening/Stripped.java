package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

import java.util.Optional;

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

  /** PE (informational): no CodeView debug entry naming a PDB. */
  static CheckResult pe(Optional<String> pdbPath) {
    return result(HardeningCheck.STRIPPED, Status.PASS, CheckValue.Flag.of(pdbPath.isEmpty()),
        pdbPath.map(p -> "CodeView entry names the PDB " + p).orElse("no CodeView debug entry"));
  }
}
