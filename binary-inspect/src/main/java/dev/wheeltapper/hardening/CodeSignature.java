package dev.wheeltapper.hardening;

import dev.wheeltapper.macho.MachOSlice;
import java.io.IOException;
import java.util.Optional;

/**
 * The Mach-O {@code codeSignature} check: LC_CODE_SIGNATURE with data whose page hashes match the slice
 * ({@link dev.wheeltapper.macho.CodeSignature}). An invalid or malformed signature fails with {@link Verdict#INVALID},
 * which {@link Hardening#findings} reports as {@code hardening.invalid-code-signature}; an absent one fails with
 * {@link Verdict#UNSIGNED}. (A PE image's {@code codeSignature} is its {@link Authenticode} result.)
 *
 * <pre>{@code
 * machOHardening.codeSignature();   // Optional[SIGNED]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CodeSignature {
  private CodeSignature() {}

  /** The state of the embedded signature: the value of the Mach-O {@code codeSignature} check. */
  public enum Verdict implements CheckValue {
    /** A signature whose hashes match ({@code yes}). */
    SIGNED("yes"),
    /** No LC_CODE_SIGNATURE ({@code no}). */
    UNSIGNED("no"),
    /** A signature that no longer matches the slice, or cannot be parsed ({@code invalid}). */
    INVALID("invalid");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  static CheckResult codeSignature(Optional<dev.wheeltapper.macho.CodeSignature> read, String unreadable) {
    if (read.isEmpty()) {
      return new CheckResult(HardeningCheck.CODE_SIGNATURE, Status.UNKNOWN, CheckValue.Missing.UNKNOWN,
          "the signature cannot be read: " + unreadable);
    }
    dev.wheeltapper.macho.CodeSignature cs = read.get();
    return switch (cs.state()) {
      case ABSENT -> new CheckResult(HardeningCheck.CODE_SIGNATURE, Status.FAIL, Verdict.UNSIGNED, cs.detail());
      case VALID -> new CheckResult(HardeningCheck.CODE_SIGNATURE, Status.PASS, Verdict.SIGNED, cs.detail());
      case INVALID, MALFORMED -> new CheckResult(HardeningCheck.CODE_SIGNATURE, Status.FAIL, Verdict.INVALID,
          cs.detail());
    };
  }

  /** The Mach-O signature as read (empty when it cannot be read) and the check result it gives. */
  record Read(Optional<dev.wheeltapper.macho.CodeSignature> signature, CheckResult result) {}

  /** Mach-O: verifies the embedded signature (its page hashes recomputed). */
  static Read macho(MachOSlice s) {
    try {
      Optional<dev.wheeltapper.macho.CodeSignature> cs = Optional.of(s.verifyCodeSignature());
      return new Read(cs, codeSignature(cs, ""));
    } catch (IOException e) {
      return new Read(Optional.empty(), codeSignature(Optional.empty(), String.valueOf(e.getMessage())));
    }
  }
}
