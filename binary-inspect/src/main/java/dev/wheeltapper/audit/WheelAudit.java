package dev.wheeltapper.audit;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.elf.ElfLimits;
import dev.wheeltapper.policy.Abi3Check;
import dev.wheeltapper.policy.Abi3Result;
import dev.wheeltapper.policy.BinaryLinkage;
import dev.wheeltapper.policy.PlatformBinary;
import dev.wheeltapper.policy.PlatformCheck;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.policy.TagContradictions;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.toolchain.MemorySafety;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Audits a wheel end to end: verification (integrity and signatures), every native binary found by magic number and
 * inspected without extracting the wheel, the wheel's language mix and memory-safety verdict, contradictions between
 * the binaries and the wheel's tags, the manylinux/musllinux platform policy (auditwheel {@code show} parity) and the
 * abi3 check (abi3audit parity).
 *
 * <p>Contradictions, {@code policy.platform-mismatch}: a native binary in a wheel whose platform tags are all
 * {@code any}, or whose WHEEL says {@code Root-Is-Purelib: true} (warnings); a binary whose format, architecture, word
 * size or byte order fits none of the platform tags under a name the platform's importer or loader opens, and an
 * extension whose file-name suffix names another CPython version than the wheel's {@code cpXY} tags (errors). A
 * binary for another platform that nothing on the wheel's platform loads (a browser's {@code .wasm}, a DLL in a
 * Linux wheel, test data) is {@code policy.foreign-binary}, a warning.
 *
 * <p>One pass over the archive: the verifier's content hook ({@link WheelVerifier#verify(Path,
 * WheelVerifier.EntryListener)}) hands every entry's bytes, as the verifier inflates and checks them, to a probe
 * that recognises native binaries by their magic number and keeps each ELF, PE or Mach-O binary (in memory within a
 * 64 MiB budget per wheel, beyond it in a temporary file deleted after the inspection). The binaries are inspected once
 * verification is done.
 *
 * <pre>{@code
 * WheelAudit audit = WheelAudit.of(WheelVerifier.builder().parallelism(2).build());
 * WheelAuditReport r = audit.audit(Path.of("python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"));
 * r.policy().manylinux().get().satisfied();   // "manylinux_2_31_aarch64"
 * r.findings(Codes.POLICY_MANYLINUX_VIOLATION);
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance may audit many wheels concurrently.
 */
public final class WheelAudit {

  /** Inflated binaries of one wheel are kept in memory up to this many bytes (64 MiB, less on a small heap). */
  private static final long CAPTURE_MEMORY = WheelCapture.defaultBudget();

  private final WheelVerifier verifier;
  private final ElfLimits elfLimits;

  private WheelAudit(WheelVerifier verifier, ElfLimits elfLimits) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.elfLimits = Objects.requireNonNull(elfLimits, "elfLimits");
  }

  /**
   * An audit with the default verifier.
   *
   * @return the audit
   */
  public static WheelAudit defaults() {
    return new WheelAudit(WheelVerifier.defaults(), ElfLimits.defaults());
  }

  /**
   * An audit that verifies with a configured verifier (limits, parallelism, trust policy).
   *
   * @param verifier the verifier
   * @return the audit
   */
  public static WheelAudit of(WheelVerifier verifier) {
    return new WheelAudit(verifier, ElfLimits.defaults());
  }

  /**
   * A copy that reads ELF binaries under other limits (the archive's limits are the verifier's). A binary that
   * reaches one is reported as {@code binary.malformed}, quoting the cut.
   *
   * <pre>{@code
   * WheelAudit strict = WheelAudit.defaults().withElfLimits(ElfLimits.defaults().withMaxSymbols(100_000));
   * }</pre>
   *
   * @param limits the ELF reader's limits
   * @return the copy
   */
  public WheelAudit withElfLimits(ElfLimits limits) {
    return new WheelAudit(verifier, limits);
  }

  /**
   * Audits one wheel. Content problems are findings; only an unreadable file is an exception.
   *
   * @param wheel the wheel file
   * @return the report
   * @throws IOException when the file cannot be read
   */
  public WheelAuditReport audit(Path wheel) throws IOException {
    Objects.requireNonNull(wheel, "wheel");
    return audit(listener -> verifier.verify(wheel, listener));
  }

  /**
   * Audits one wheel read from a channel: the same one pass and bounded memory as {@link #audit(Path)} (entries
   * streamed once through the verifier, native binaries kept within 64 MiB per wheel and beyond it in a temporary
   * file), for wheels on a store that is not a local file system, such as a Hadoop {@code FileSystem} stream adapted
   * to a channel. The report equals the {@code Path} variant's for the same bytes and file name, except that no
   * signature file beside the wheel is looked for.
   *
   * <pre>{@code
   * try (SeekableByteChannel ch = Files.newByteChannel(wheel)) {
   *   WheelAuditReport r = WheelAudit.defaults().audit(ch, "cffi-1.5.0-cp27-none-linux_x86_64.whl");
   *   r.memorySafe();   // NO
   * }
   * }</pre>
   *
   * <p>The channel is read, never written or closed; thread-safe as this audit is, provided no one else moves the
   * channel's position during the call. See {@link WheelVerifier#verify(SeekableByteChannel, String,
   * WheelVerifier.EntryListener)}.
   *
   * @param channel the wheel, open for reading; not closed
   * @param fileName the wheel's file name (it carries the tags)
   * @return the report
   * @throws IOException when the channel cannot be read
   */
  public WheelAuditReport audit(SeekableByteChannel channel, String fileName) throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(fileName, "fileName");
    return audit(listener -> verifier.verify(channel, fileName, listener));
  }

  /** How the one audit below reads its wheel: a path or a channel, through the verifier's content hook. */
  @FunctionalInterface
  private interface Verification {
    VerificationReport run(WheelVerifier.EntryListener listener) throws IOException;
  }

  /** The one code path of both variants. */
  private WheelAuditReport audit(Verification verify) throws IOException {
    VerificationReport verification;
    NativeBinaries.Result binaries;
    Set<String> entryNames;
    try (WheelCapture capture = new WheelCapture(CAPTURE_MEMORY)) {
      verification = verify.run(capture);
      // on the verifier's pool, when it has one: the binaries of a big wheel are inspected in parallel too
      binaries = ParallelInspection.inspect(capture, elfLimits, verification.filename()
          .map(n -> n.tags().stream().map(Tag::platform).distinct().toList()).orElse(List.of()),
          verifier.executor().orElse(null), verifier.parallelism());
      entryNames = capture.entryNames();
    }
    List<Finding> findings = new ArrayList<>(verification.findings());
    findings.addAll(binaries.findings());

    List<Tag> tags = verification.filename().map(WheelFilename::tags).orElse(List.of());
    Set<String> platforms = new LinkedHashSet<>();
    tags.forEach(t -> platforms.add(t.platform()));
    Optional<Boolean> purelib = verification.wheelInfo().flatMap(WheelInfo::rootIsPurelib);
    findings.addAll(TagContradictions.check(tags, purelib, platformBinaries(binaries)));

    // The manylinux/musllinux policy reads ELF linkages only; abi3 reads every format's imports.
    Set<String> elfPaths = new LinkedHashSet<>();
    binaries.inspected().stream().filter(b -> b.format() == NativeFormat.ELF).forEach(b -> elfPaths.add(b.path()));
    List<BinaryLinkage> elfLinkages = binaries.linkages().stream().filter(l -> elfPaths.contains(l.path())).toList();
    PlatformCheck.Outcome platform = PlatformCheck.check(tags, elfLinkages, entryNames);
    findings.addAll(platform.findings());
    // Every ELF, PE and Mach-O extension is judged; with a WebAssembly module (no reader) in the wheel the claim
    // would be judged on some extensions only: no abi3 verdict then, rather than a silent pass.
    Optional<Abi3Result> abi3 = Abi3Check.check(tags, binaries.linkages()).filter(a -> binaries.recognised().isEmpty());
    abi3.ifPresent(a -> findings.addAll(Abi3Check.findings(a)));
    PolicyReport policy = new PolicyReport(List.copyOf(platforms), platform.manylinux(), platform.musllinux(), abi3);

    Set<String> languages = new LinkedHashSet<>();
    binaries.inspected().forEach(b -> languages.addAll(b.toolchain().languageLabels()));
    // nothing read is UNKNOWN: a 0-byte, truncated or not-a-ZIP file has no native code that was seen, not none
    MemorySafety safety = verification.fullyRead() ? memorySafety(binaries) : MemorySafety.UNKNOWN;
    return new WheelAuditReport(verification, binaries, List.copyOf(languages), safety, policy, findings,
        entryNames);
  }

  /**
   * The wheel's memory-safety verdict from its binaries' verdicts.
   *
   * @param binaries the binaries
   * @return {@code YES} without native code or when every binary is memory-safe, {@code NO} when none is,
   *     {@code MIXED} between, {@code UNKNOWN} when some binary gives no evidence (or has no reader yet)
   */
  static MemorySafety memorySafety(NativeBinaries.Result binaries) {
    if (!binaries.recognised().isEmpty()) {
      return MemorySafety.UNKNOWN;
    }
    boolean safe = false;
    boolean unsafe = false;
    for (BinaryInspection b : binaries.inspected()) {
      switch (b.toolchain().memorySafe()) {
        case YES -> safe = true;
        case NO -> unsafe = true;
        case MIXED -> {
          safe = true;
          unsafe = true;
        }
        default -> {
          return MemorySafety.UNKNOWN;
        }
      }
    }
    return safe && unsafe ? MemorySafety.MIXED : unsafe ? MemorySafety.NO : MemorySafety.YES;
  }

  /** The facts the tag checks read of each binary, taken from its inspection (one per Mach-O slice). */
  private static List<PlatformBinary> platformBinaries(NativeBinaries.Result binaries) {
    List<PlatformBinary> out = new ArrayList<>();
    for (BinaryInspection b : binaries.inspected()) {
      out.add(new PlatformBinary(b.path(), b.format(), b.machine(), b.bits(), b.endian(),
          Optional.ofNullable(b.symbolVersions().get("macos")), true));
    }
    for (NativeBinaries.Recognised r : binaries.recognised()) {
      out.add(new PlatformBinary(r.path(), r.format(), "", java.util.OptionalInt.empty(), Optional.empty(),
          Optional.empty(), false));
    }
    return out;
  }
}
