package dev.wheeltapper.policy;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contradictions between a wheel's tags and the native binaries it carries, as the platform's installer, importer
 * and loader see them: a binary in a wheel tagged for any platform or installed into purelib, a binary whose format or
 * architecture fits none of the platform tags (an error under a name the platform loads, else a foreign binary shipped
 * as data), a Mach-O binary against its macOS tags ({@link MacOsSlices}), and a CPython extension whose file-name
 * suffix names another interpreter than the tags. The manylinux/musllinux policy itself is {@link PlatformCheck}.
 *
 * <pre>{@code
 * List<Finding> f = TagContradictions.check(filename.tags(), Optional.of(false), binaries);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TagContradictions {
  private static final Pattern CPYTHON_SUFFIX = Pattern.compile(".*\\.cpython-(\\d)(\\d{1,3})[a-z]*-([^.]+)\\.so$");
  private static final Pattern CP_TAG = Pattern.compile("cp(\\d)(\\d{1,3})");

  private TagContradictions() {}

  /**
   * The contradictions between a wheel's tags and its binaries.
   *
   * @param tags the wheel's expanded tags (empty when the file name is unreadable: nothing is checked)
   * @param purelib the WHEEL file's {@code Root-Is-Purelib}, when present
   * @param binaries every native binary of the wheel, one per Mach-O slice
   * @return the findings, in the order of the binaries
   */
  public static List<Finding> check(List<Tag> tags, Optional<Boolean> purelib, List<PlatformBinary> binaries) {
    List<Finding> out = new ArrayList<>();
    Set<String> platforms = new LinkedHashSet<>();
    tags.forEach(t -> platforms.add(t.platform()));
    List<String> paths = new ArrayList<>();
    binaries.stream().filter(PlatformBinary::inspected).forEach(b -> paths.add(b.path()));
    binaries.stream().filter(b -> !b.inspected()).forEach(r -> paths.add(r.path()));
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
      Map<String, List<PlatformBinary>> machO = new LinkedHashMap<>();
      for (PlatformBinary b : binaries.stream().filter(PlatformBinary::inspected).toList()) {
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
      for (PlatformBinary r : binaries.stream().filter(b -> !b.inspected()).toList()) {
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

  /**
   * Whether the wheel's platform would import or load a file of this name from its own folders.
   *
   * @param path the entry path
   * @param platforms the platform parts of the wheel's tags
   * @return true when an importer or loader of one of the platforms opens it
   */
  public static boolean loadedOnThePlatform(String path, Set<String> platforms) {
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
  public static boolean fits(String platform, NativeFormat format, String machine) {
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
