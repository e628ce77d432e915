package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeRecords.Header;
import java.util.Map;

/**
 * The PE {@code aslr}, {@code dynamicBase} and {@code relocsStripped} checks, winchecksec's meaning: working ASLR is
 * DYNAMIC_BASE with relocations kept (an image whose relocations are stripped loads only at its ImageBase), or a .NET
 * image.
 *
 * <p>Stateless and thread-safe.
 */
final class Aslr {
  private Aslr() {}

  /** Puts the three results; returns whether ASLR works, which high-entropy VA and CFG need. */
  static boolean pe(Header h, boolean dotnet, Map<HardeningCheck, CheckResult> r) {
    boolean dyn = h.has(Header.DYNAMIC_BASE);
    r.put(HardeningCheck.DYNAMIC_BASE, CheckResult.yesNo(HardeningCheck.DYNAMIC_BASE, dyn,
        "DllCharacteristics 0x" + Integer.toHexString(h.dllCharacteristics()) + (dyn ? " has" : " lacks")
            + " DYNAMIC_BASE"));
    boolean stripped = h.relocsStripped();
    r.put(HardeningCheck.RELOCS_STRIPPED, new CheckResult(HardeningCheck.RELOCS_STRIPPED,
        stripped ? Status.FAIL : Status.PASS, CheckValue.Flag.of(stripped),
        stripped ? "IMAGE_FILE_RELOCS_STRIPPED: loads only at ImageBase 0x" + Long.toHexString(h.imageBase())
            : "relocations kept"));
    boolean aslr = (dyn && !stripped) || dotnet;
    String aslrWhy = dotnet ? "a .NET image (CLR header)"
        : dyn && !stripped ? "DYNAMIC_BASE and relocations kept"
        : (dyn ? "DYNAMIC_BASE but relocations stripped" : "no DYNAMIC_BASE")
            + (stripped ? ", IMAGE_FILE_RELOCS_STRIPPED, fixed ImageBase 0x" + Long.toHexString(h.imageBase())
                : ", ImageBase 0x" + Long.toHexString(h.imageBase()));
    r.put(HardeningCheck.ASLR, CheckResult.yesNo(HardeningCheck.ASLR, aslr, aslrWhy));
    return aslr;
  }
}
