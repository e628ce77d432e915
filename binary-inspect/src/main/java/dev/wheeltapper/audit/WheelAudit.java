package dev.wheeltapper.audit;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.elf.ElfLimits;
import dev.wheeltapper.policy.Abi3Check;
import dev.wheeltapper.policy.Abi3Result;
import dev.wheeltapper.policy.BinaryLinkage;
import dev.wheeltapper.policy.PlatformCheck;
import dev.wheeltapper.policy.PlatformTag;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.toolchain.MemorySafety;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * that recognises native binaries by their magic number and keeps each ELF binary (in memory within a 64 MiB budget
 * per wheel, beyond it in a temporary file deleted after the inspection). The binaries are inspected once
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
  private static final Pattern CPYTHON_SUFFIX = Pattern.compile(".*\\.cpython-(\\d)(\\d{1,3})[a-z]*-([^.]+)\\.so$");
  private static final Pattern CP_TAG = Pattern.compile("cp(\\d)(\\d{1,3})");

  /** Inflated ELF binaries of one wheel are kept in memory up to this many bytes, beyond it in temporary files. */
  private static final long CAPTURE_MEMORY = 64L << 20;

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
    VerificationReport verification;
    NativeBinaries.Result binaries;
    Set<String> entryNames;
    try (WheelCapture capture = new WheelCapture(CAPTURE_MEMORY)) {
      verification = verifier.verify(wheel, capture);
      binaries = NativeBinaries.inspectCaptured(capture, elfLimits);
      entryNames = capture.entryNames();
    }
    List<Finding> findings = new ArrayList<>(verification.findings());
    findings.addAll(binaries.findings());

    List<Tag> tags = verification.filename().map(WheelFilename::tags).orElse(List.of());
    Set<String> platforms = new LinkedHashSet<>();
    tags.forEach(t -> platforms.add(t.platform()));
    Optional<Boolean> purelib = verification.wheelInfo().flatMap(WheelInfo::rootIsPurelib);
    findings.addAll(contradictions(tags, platforms, purelib, binaries));

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

  private static List<Finding> contradictions(List<Tag> tags, Set<String> platforms, Optional<Boolean> purelib,
      NativeBinaries.Result binaries) {
    List<Finding> out = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    binaries.inspected().forEach(b -> paths.add(b.path()));
    binaries.recognised().forEach(r -> paths.add(r.path()));
    if (tags.isEmpty()) {
      return out;
    }
    boolean anyOnly = platforms.stream().allMatch(p -> p.equals("any"));
    for (String path : paths) {
      if (anyOnly) {
        out.add(Finding.warning(Codes.POLICY_PLATFORM_MISMATCH, path, "A native binary in a wheel tagged for any"
            + " platform (" + String.join(".", platforms) + "): it loads nowhere but on the platform it was built"
            + " for."));
      }
      if (purelib.orElse(false)) {
        out.add(Finding.warning(Codes.POLICY_PLATFORM_MISMATCH, path, "A native binary in a wheel whose WHEEL says"
            + " Root-Is-Purelib: true: it is installed into purelib, where platform-specific files do not belong."));
      }
    }
    if (!anyOnly) {
      Map<String, List<BinaryInspection>> machO = new LinkedHashMap<>();
      for (BinaryInspection b : binaries.inspected()) {
        if (b.format() == NativeFormat.MACHO) {
          machO.computeIfAbsent(b.path(), k -> new ArrayList<>()).add(b); // one inspection per slice
        } else if (platforms.stream().noneMatch(p -> fits(p, b.format(), b.machine()))) {
          String what = "A " + b.format().label() + " " + b.machine() + " binary (" + b.bits().orElse(0) + "-bit, "
              + b.endian().orElse("?") + "-endian)";
          out.add(mismatch(b.path(), what, platforms));
        }
      }
      machO.forEach((path, slices) -> {
        if (loadedOnThePlatform(path, platforms)) {
          out.addAll(MacOsSlices.check(path, slices, platforms));
        } else if (platforms.stream().noneMatch(p -> fits(p, NativeFormat.MACHO, ""))) {
          out.add(mismatch(path, "A Mach-O binary", platforms));
        }
      });
      for (NativeBinaries.Recognised r : binaries.recognised()) {
        if (platforms.stream().noneMatch(p -> fits(p, r.format(), ""))) {
          out.add(mismatch(r.path(), "A " + r.format().label() + " binary", platforms));
        }
      }
    }
    out.addAll(suffixContradictions(tags, paths));
    return out;
  }

  /**
   * A binary that fits none of the platform tags: an error when the platform's importer or loader would load it (an
   * extension module, a shared library under a name the loader opens), else a warning that says what it is (a
   * WebAssembly payload for a browser, a DLL in a Linux wheel, test data), which no installer or loader minds.
   */
  private static Finding mismatch(String path, String what, Set<String> platforms) {
    String tags = String.join(", ", platforms);
    if (loadedOnThePlatform(path, platforms)) {
      return Finding.error(Codes.POLICY_PLATFORM_MISMATCH, path, what + " fits none of the wheel's platform tags: "
          + tags + ", yet its name is one the platform's importer or loader opens.");
    }
    return Finding.warning(Codes.POLICY_FOREIGN_BINARY, path, what + " for another platform than the wheel's ("
        + tags + "), shipped as data: " + (testData(path) ? "it lies in a test or fixture folder, and " : "")
        + "no importer or loader of the wheel's platform opens a file of this name.");
  }

  private static final Pattern LINUX_LOADABLE = Pattern.compile(".*\\.so(\\.[0-9][0-9.]*)?");
  private static final Set<String> TEST_FOLDERS = Set.of("tests", "test", "testing", "testdata", "test_data",
      "fixtures", "_test_data");

  /** Whether the wheel's platform would import or load a file of this name from its own folders. */
  static boolean loadedOnThePlatform(String path, Set<String> platforms) {
    if (testData(path)) {
      return false;
    }
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    for (String p : platforms) {
      boolean loads;
      if (p.startsWith("win")) {
        loads = name.endsWith(".pyd") || name.endsWith(".dll");
      } else if (p.startsWith("macosx") || p.startsWith("ios")) {
        loads = name.endsWith(".so") || name.endsWith(".dylib");
      } else if (p.startsWith("emscripten") || p.startsWith("pyodide") || p.startsWith("wasi")) {
        loads = name.endsWith(".so");
      } else if (p.equals("any")) {
        loads = false;
      } else {
        loads = LINUX_LOADABLE.matcher(name).matches();
      }
      if (loads) {
        return true;
      }
    }
    return false;
  }

  private static boolean testData(String path) {
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (TEST_FOLDERS.contains(parts[i].toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static List<Finding> suffixContradictions(List<Tag> tags, List<String> paths) {
    List<Finding> out = new ArrayList<>();
    Set<String> cpVersions = new LinkedHashSet<>();
    boolean abi3 = false;
    for (Tag t : tags) {
      Matcher m = CP_TAG.matcher(t.interpreter());
      if (m.matches()) {
        cpVersions.add(m.group(1) + "." + m.group(2));
      }
      abi3 |= t.abi().equals("abi3");
    }
    if (cpVersions.isEmpty() || abi3) {
      return out; // nothing to compare with; abi3 wheels are judged by the abi3 check
    }
    for (String path : paths) {
      Matcher m = CPYTHON_SUFFIX.matcher(path.substring(path.lastIndexOf('/') + 1));
      if (m.matches()) {
        String v = m.group(1) + "." + m.group(2);
        if (!cpVersions.contains(v)) {
          out.add(Finding.error(Codes.POLICY_PLATFORM_MISMATCH, path, "The extension's file name says CPython " + v
              + " (cpython-" + m.group(1) + m.group(2) + "-" + m.group(3) + "), but the wheel is tagged for CPython "
              + String.join(", ", cpVersions) + ": that interpreter will not import it."));
        }
      }
    }
    return out;
  }

  /**
   * Whether a binary of a format and machine can load on a platform tag.
   *
   * @param platform the platform part of a tag
   * @param format the binary's format
   * @param machine for ELF, the machine label ({@code x86_64}, {@code arm}, {@code ppc64le}, ...)
   * @return false only when the tag clearly names another format or architecture
   */
  static boolean fits(String platform, NativeFormat format, String machine) {
    if (platform.startsWith("win")) {
      if (format != NativeFormat.PE) {
        return false;
      }
      Set<String> want = switch (platform) {
        case "win_amd64" -> Set.of("x86_64");
        case "win32" -> Set.of("i386", "i686");
        case "win_arm64" -> Set.of("aarch64", "arm64");
        default -> null;
      };
      return want == null || machine.isEmpty() || want.contains(machine);
    }
    if (platform.startsWith("macosx") || platform.startsWith("ios")) {
      return format == NativeFormat.MACHO;
    }
    if (platform.startsWith("emscripten") || platform.startsWith("pyodide") || platform.startsWith("wasi")) {
      return format == NativeFormat.WASM;
    }
    Optional<PlatformTag> t = PlatformTag.parse(platform);
    if (t.isEmpty()) {
      return true; // an unknown platform: nothing to contradict
    }
    if (format != NativeFormat.ELF) {
      return false;
    }
    Optional<Set<String>> machines = machinesOf(t.get().arch());
    return machines.isEmpty() || machines.get().contains(machine);
  }

  private static Optional<Set<String>> machinesOf(String arch) {
    Set<String> m = switch (arch) {
      case "x86_64" -> Set.of("x86_64");
      case "i686", "i586", "i386", "x86" -> Set.of("i386");
      case "aarch64", "arm64", "arm64_v8a" -> Set.of("aarch64");
      case "ppc64le" -> Set.of("ppc64le");
      case "ppc64" -> Set.of("ppc64");
      case "ppc" -> Set.of("ppc");
      case "s390x" -> Set.of("s390x");
      case "riscv64" -> Set.of("riscv64");
      case "loongarch64" -> Set.of("loongarch64");
      case "mips64", "mips64el" -> Set.of("mips64");
      case "mips", "mipsel" -> Set.of("mips");
      case "sparc64" -> Set.of("sparc64");
      default -> arch.startsWith("armv") || arch.startsWith("armeabi") ? Set.of("arm") : null;
    };
    return Optional.ofNullable(m);
  }
}
