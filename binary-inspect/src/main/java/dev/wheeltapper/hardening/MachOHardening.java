package dev.wheeltapper.hardening;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.macho.MachOSlice;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hardening of one Mach-O slice: its 13 checks ({@link HardeningCheck#appliesTo} {@code MACHO}) with
 * checksec.rs's evidence, FORTIFY_SOURCE, the LC_RPATH entries and the state of the embedded code signature.
 * {@link #check} runs the checks ({@link MachOChecks}).
 *
 * <pre>{@code
 * MachOHardening h = MachOHardening.check(slice, CheckContext.wheelEntry("pkg/_x.abi3.so"));
 * h.pie();             // Optional[DSO] for a bundle
 * h.codeSignature();   // Optional[SIGNED]
 * h.signature();       // Optional[VALID]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param results exactly the Mach-O checks' results
 * @param fortify the FORTIFY_SOURCE evidence
 * @param lcRpath the LC_RPATH entries
 * @param signature the code signature's state, empty when it cannot be read
 */
public record MachOHardening(
    Map<HardeningCheck, CheckResult> results, Fortify fortify, SearchPaths lcRpath,
    Optional<dev.wheeltapper.macho.CodeSignature.State> signature) implements Hardening {

  /** Checks the results are exactly the Mach-O checks and copies. */
  public MachOHardening {
    results = OwnChecks.copy(NativeFormat.MACHO, results);
    Objects.requireNonNull(fortify, "fortify");
    Objects.requireNonNull(lcRpath, "lcRpath");
    if (lcRpath.tag() != SearchPaths.Tag.LC_RPATH) {
      throw new IllegalArgumentException("a Mach-O search path is LC_RPATH, not " + lcRpath.tag());
    }
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Runs every Mach-O check.
   *
   * @param slice the slice
   * @param context where the binary sits and whether its code is memory-safe
   * @return the hardening result
   */
  public static MachOHardening check(MachOSlice slice, CheckContext context) {
    return MachOChecks.check(slice, context);
  }

  /**
   * The {@code pie} value.
   *
   * @return {@link Pie.Kind#PIE} or {@link Pie.Kind#EXECUTABLE} for an executable, {@link Pie.Kind#DSO} for a dylib
   *     or bundle
   */
  public Optional<Pie.Kind> pie() {
    return result(HardeningCheck.PIE).value(Pie.Kind.class);
  }

  /**
   * The {@code codeSignature} value.
   *
   * @return the verdict, empty when the signature cannot be read
   */
  public Optional<CodeSignature.Verdict> codeSignature() {
    return result(HardeningCheck.CODE_SIGNATURE).value(CodeSignature.Verdict.class);
  }

  @Override
  public NativeFormat format() {
    return NativeFormat.MACHO;
  }

  @Override
  public List<SearchPaths> searchPaths() {
    return List.of(lcRpath);
  }
}
