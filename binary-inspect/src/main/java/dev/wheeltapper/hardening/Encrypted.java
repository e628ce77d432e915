package dev.wheeltapper.hardening;

import dev.wheeltapper.macho.MachOSlice;

/**
 * The Mach-O {@code encrypted} check (informational): LC_ENCRYPTION_INFO with a non-zero cryptid.
 *
 * <p>Stateless and thread-safe.
 */
final class Encrypted {
  private Encrypted() {}

  static CheckResult macho(MachOSlice s) {
    if (s.encryption().isEmpty()) {
      return CheckResult.notApplicable(HardeningCheck.ENCRYPTED, "no LC_ENCRYPTION_INFO");
    }
    long id = s.encryption().get().cryptId();
    return new CheckResult(HardeningCheck.ENCRYPTED, Status.PASS, CheckValue.Flag.of(id != 0),
        "LC_ENCRYPTION_INFO cryptid " + id);
  }
}
