package dev.wheeltapper.hardening;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.pe.PeFile;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hardening of one PE image: its 21 checks ({@link HardeningCheck#appliesTo} {@code PE}) with winchecksec's
 * meanings and FORTIFY_SOURCE (MinGW only). A PE image has no run-time search path. {@link #check} runs the checks
 * ({@link PeChecks}).
 *
 * <pre>{@code
 * try (PeFile pe = PeFile.open(path)) {
 *   PeHardening h = PeHardening.check(pe, CheckContext.bareFile());
 *   h.result(HardeningCheck.ASLR).status();   // PASS
 *   h.flag(HardeningCheck.ASLR);              // Optional[true]
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param results exactly the PE checks' results
 * @param fortify the FORTIFY_SOURCE evidence (empty lists for an image without {@code __*_chk} imports)
 */
public record PeHardening(Map<HardeningCheck, CheckResult> results, Fortify fortify) implements Hardening {

  /** Checks the results are exactly the PE checks and copies. */
  public PeHardening {
    results = OwnChecks.copy(NativeFormat.PE, results);
    Objects.requireNonNull(fortify, "fortify");
  }

  /**
   * Runs every PE check.
   *
   * @param pe the image
   * @param context where the image sits and whether its code is memory-safe
   * @return the hardening result
   */
  public static PeHardening check(PeFile pe, CheckContext context) {
    return PeChecks.check(pe, context);
  }

  @Override
  public NativeFormat format() {
    return NativeFormat.PE;
  }

  @Override
  public List<SearchPaths> searchPaths() {
    return List.of();
  }
}
