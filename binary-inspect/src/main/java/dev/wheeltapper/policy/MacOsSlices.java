package dev.wheeltapper.policy;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * delocate's checks of a Mach-O binary against a wheel's macOS platform tags: every architecture the tag promises
 * has a slice ({@code universal2} needs {@code x86_64} and {@code arm64}), and no slice needs a newer macOS than the
 * tag says. An {@code arm64} slice may say 11.0 under a 10.x tag: arm64 Macs start at macOS 11, and installers read
 * such tags that way.
 */
final class MacOsSlices {
  private static final Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(\\w+)");

  /** The architectures a macOS tag's arch part promises. */
  static final Map<String, Set<String>> ARCHES = Map.ofEntries(
      Map.entry("universal2", Set.of("x86_64", "arm64")),
      Map.entry("intel", Set.of("x86_64", "i386")),
      Map.entry("fat", Set.of("i386", "ppc")),
      Map.entry("fat3", Set.of("x86_64", "i386", "ppc")),
      Map.entry("fat64", Set.of("x86_64", "ppc64")),
      Map.entry("fat32", Set.of("i386", "ppc")),
      Map.entry("universal", Set.of("x86_64", "i386", "ppc", "ppc64")));

  private MacOsSlices() {}

  /**
   * Checks one Mach-O binary (one inspection per slice) against the wheel's platform tags. Passes when at least one
   * macOS tag is honoured; otherwise reports why the best-matching tag is not.
   */
  static List<Finding> check(String path, List<PlatformBinary> slices, Set<String> platforms) {
    List<Finding> problems = new ArrayList<>();
    boolean anyMacTag = false;
    for (String platform : platforms) {
      Matcher m = MACOS.matcher(platform);
      if (!m.matches()) {
        continue;
      }
      anyMacTag = true;
      List<Finding> forTag = check(path, slices, platform, Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), m.group(3));
      if (forTag.isEmpty()) {
        return List.of();
      }
      if (problems.isEmpty()) {
        problems = forTag;
      }
    }
    if (!anyMacTag) {
      return List.of(Finding.error(Codes.POLICY_PLATFORM_MISMATCH, path, "A Mach-O binary fits none of the wheel's"
          + " platform tags: " + String.join(", ", platforms) + "."));
    }
    return problems;
  }

  private static List<Finding> check(String path, List<PlatformBinary> slices, String platform, int major,
      int minor, String arch) {
    List<Finding> out = new ArrayList<>();
    Set<String> have = new LinkedHashSet<>();
    for (PlatformBinary s : slices) {
      have.add(normalise(s.machine()));
    }
    Set<String> want = ARCHES.getOrDefault(arch, Set.of(normalise(arch)));
    Set<String> missing = new LinkedHashSet<>(want);
    missing.removeAll(have);
    if (!missing.isEmpty()) {
      out.add(Finding.error(Codes.POLICY_PLATFORM_MISMATCH, path, "The wheel is tagged " + platform + " but this"
          + " binary has no " + String.join(", ", missing) + " slice (it has " + String.join(", ", have) + ")."));
    }
    for (PlatformBinary s : slices) {
      String machine = normalise(s.machine());
      if (!want.contains(machine)) {
        continue;
      }
      Optional<int[]> minos = version(s.minimumOs().orElse(null));
      int[] allowed = machine.equals("arm64") && major < 11 ? new int[] {11, 0} : new int[] {major, minor};
      if (minos.isPresent() && compare(minos.get(), allowed) > 0) {
        out.add(Finding.error(Codes.POLICY_PLATFORM_MISMATCH, path, "The " + machine + " slice needs macOS "
            + s.minimumOs().orElse("?") + " but the wheel is tagged " + platform + " (macOS " + allowed[0]
            + "." + allowed[1] + "): installers would put it on systems that cannot load it."));
      }
    }
    return out;
  }

  private static String normalise(String machine) {
    return switch (machine) {
      case "x86_64h" -> "x86_64";
      case "arm64e" -> "arm64";
      default -> machine;
    };
  }

  private static Optional<int[]> version(String v) {
    if (v == null) {
      return Optional.empty();
    }
    String[] parts = v.split("\\.");
    try {
      return Optional.of(new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static int compare(int[] a, int[] b) {
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }
}
