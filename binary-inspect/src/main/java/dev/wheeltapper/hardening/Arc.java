package dev.wheeltapper.hardening;

import java.util.Set;

/**
 * The Mach-O {@code arc} check: Objective-C automatic reference counting, an import of {@code _objc_release}; not
 * applicable without Objective-C code.
 *
 * <p>Stateless and thread-safe.
 */
final class Arc {
  private Arc() {}

  static CheckResult macho(Set<String> imports) {
    if (imports.contains("_objc_release")) {
      return new CheckResult(HardeningCheck.ARC, Status.PASS, CheckValue.Flag.YES, "imports _objc_release");
    }
    boolean objc = imports.stream().anyMatch(n -> n.startsWith("_objc_"));
    return new CheckResult(HardeningCheck.ARC, Status.NOT_APPLICABLE, CheckValue.Flag.NO, "no _objc_release import"
        + (objc ? " (other Objective-C runtime imports; ARC applies to Objective-C code)" : ": no Objective-C code"));
  }
}
