package dev.wheeltapper.hardening;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code hardening.*} warnings of {@link Hardening#findings}, written once for the three formats: each failed
 * check the format has gives its code, chosen from typed values (the RELRO level, the ELF stack permission, the
 * Mach-O signature verdict, the search path kinds), never from evidence text.
 */
final class HardeningFindings {
  private HardeningFindings() {}

  static List<Finding> of(Hardening h, String path) {
    List<Finding> out = new ArrayList<>();
    CheckResult relro = h.result(HardeningCheck.RELRO);
    if (relro.value() == Relro.Level.NONE) {
      out.add(Finding.warning(Codes.HARDENING_NO_RELRO, path, "no RELRO: " + relro.evidence()));
    } else if (relro.value() == Relro.Level.PARTIAL) {
      out.add(Finding.warning(Codes.HARDENING_PARTIAL_RELRO, path, "partial RELRO: " + relro.evidence()));
    }
    fail(out, h, HardeningCheck.CANARY, Codes.HARDENING_NO_CANARY, path, "no stack protector: ");
    CheckResult nx = h.result(HardeningCheck.NX);
    if (nx.status() == Status.FAIL) {
      boolean explicit = h instanceof ElfHardening elf && elf.stack() == ElfHardening.Stack.EXECUTABLE_BY_HEADER;
      out.add(Finding.warning(explicit ? Codes.HARDENING_EXECSTACK : Codes.HARDENING_NO_NX, path,
          "executable stack: " + nx.evidence()));
    }
    fail(out, h, HardeningCheck.PIE, Codes.HARDENING_NO_PIE, path, "not a position-independent executable: ");
    fail(out, h, HardeningCheck.TEXTREL, Codes.HARDENING_TEXTREL, path, "text relocations: ");
    List<String> unsafe = new ArrayList<>();
    h.searchPaths().forEach(p -> unsafe.addAll(p.unsafeWords()));
    if (!unsafe.isEmpty()) {
      out.add(Finding.warning(Codes.HARDENING_RPATH, path, "unsafe library search path: " + String.join(", ", unsafe)));
    }
    fail(out, h, HardeningCheck.FORTIFY, Codes.HARDENING_NO_FORTIFY, path, "no FORTIFY_SOURCE: ");
    fail(out, h, HardeningCheck.ASLR, Codes.HARDENING_NO_ASLR, path, "no ASLR: ");
    if (h instanceof MachOHardening m && m.codeSignature().orElse(null) == CodeSignature.Verdict.INVALID) {
      out.add(Finding.warning(Codes.HARDENING_INVALID_CODE_SIGNATURE, path,
          "code signature does not match: " + m.result(HardeningCheck.CODE_SIGNATURE).evidence()));
    }
    fail(out, h, HardeningCheck.WX_SEGMENTS, Codes.HARDENING_WX_SEGMENT, path, "writable and executable memory: ");
    return List.copyOf(out);
  }

  private static void fail(List<Finding> out, Hardening h, HardeningCheck c, String code, String path, String words) {
    CheckResult r = h.result(c);
    if (r.status() == Status.FAIL) {
      out.add(Finding.warning(code, path, words + r.evidence()));
    }
  }
}
