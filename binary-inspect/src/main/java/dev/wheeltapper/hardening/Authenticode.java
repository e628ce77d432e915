package dev.wheeltapper.hardening;

import dev.wheeltapper.pe.PeFile;
import java.util.Locale;
import java.util.Map;

/**
 * The PE {@code authenticode} check, also the PE {@code codeSignature}: passes when
 * {@link dev.wheeltapper.pe.Authenticode#verify} finds a valid signature over the image (the signer is not checked
 * against a trust root).
 *
 * <p>Stateless and thread-safe.
 */
final class Authenticode {
  private Authenticode() {}

  static void pe(PeFile pe, Map<HardeningCheck, CheckResult> r) {
    dev.wheeltapper.pe.Authenticode.Result auth = dev.wheeltapper.pe.Authenticode.verify(pe);
    boolean signed = auth.status() == dev.wheeltapper.pe.Authenticode.Status.VALID;
    String sigWhy = auth.status() == dev.wheeltapper.pe.Authenticode.Status.ABSENT ? "no certificate table"
        : "Authenticode " + auth.status().name().toLowerCase(Locale.ROOT)
            + auth.signer().map(s -> ", signer " + s).orElse("") + ": " + auth.reason();
    r.put(HardeningCheck.AUTHENTICODE, CheckResult.yesNo(HardeningCheck.AUTHENTICODE, signed, sigWhy));
    r.put(HardeningCheck.CODE_SIGNATURE, CheckResult.yesNo(HardeningCheck.CODE_SIGNATURE, signed, sigWhy));
  }
}
