package dev.wheeltapper.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One manylinux or musllinux policy of the bundled policy data: the libraries a wheel may need from the system, the
 * symbols it must not import from them, and the symbol versions it may require, per architecture.
 *
 * <pre>{@code
 * PlatformPolicy p = PlatformPolicies.bundled().byName("manylinux2014").orElseThrow();
 * p.name();                                  // "manylinux_2_17"
 * p.allows("x86_64", "GLIBC_2.17");          // true
 * p.allows("x86_64", "GLIBC_2.28");          // false
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param family {@code manylinux} or {@code musllinux}
 * @param name the PEP 600 / PEP 656 name without architecture ({@code manylinux_2_17}, {@code musllinux_1_2})
 * @param priority auditwheel's priority: higher is more compatible (older libc)
 * @param aliases legacy names ({@code manylinux2014})
 * @param libraryWhitelist sonames the system provides
 * @param blacklist per whitelisted soname, symbols a wheel must not import from it
 * @param symbolVersions per architecture, per namespace ({@code GLIBC}), the allowed version names without the
 *     namespace ({@code 2.17}); an architecture with an empty map is covered without version limits
 */
public record PlatformPolicy(
    String family,
    String name,
    int priority,
    List<String> aliases,
    Set<String> libraryWhitelist,
    Map<String, Set<String>> blacklist,
    Map<String, Map<String, Set<String>>> symbolVersions) {

  /** Copies and rejects nulls. */
  public PlatformPolicy {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    libraryWhitelist = Set.copyOf(libraryWhitelist);
    blacklist = Map.copyOf(blacklist);
    symbolVersions = Map.copyOf(symbolVersions);
  }

  /**
   * The libc version of the policy: {@code [2, 17]} for {@code manylinux_2_17}, {@code [1, 2]} for
   * {@code musllinux_1_2}.
   *
   * @return major and minor
   */
  public int[] libcVersion() {
    PlatformTag t = PlatformTag.parse(name + "_any").orElseThrow();
    return new int[] {t.major(), t.minor()};
  }

  /**
   * Whether the policy covers an architecture (auditwheel's architecture names: {@code x86_64}, {@code i686},
   * {@code aarch64}, {@code armv7l}, {@code ppc64le}, {@code s390x}, {@code riscv64}, {@code loongarch64}).
   *
   * @param arch the architecture
   * @return true when the policy lists it
   */
  public boolean covers(String arch) {
    return symbolVersions.containsKey(arch);
  }

  /**
   * Whether a required version (a {@code vna_name} such as {@code GLIBCXX_3.4.22}) is allowed. As auditwheel does,
   * the namespace is the text before the first {@code _}, and a namespace the policy does not list is not limited.
   *
   * @param arch the architecture
   * @param versionName the required version
   * @return false only when the policy limits the namespace and does not list the version
   */
  public boolean allows(String arch, String versionName) {
    Map<String, Set<String>> byNamespace = symbolVersions.get(arch);
    if (byNamespace == null) {
      return false;
    }
    int cut = versionName.indexOf('_');
    if (cut < 0) {
      return true;
    }
    Set<String> allowed = byNamespace.get(versionName.substring(0, cut));
    return allowed == null || allowed.contains(versionName.substring(cut + 1));
  }

  /**
   * This policy with the glibc symbol versions of every glibc up to a version allowed too: what a PEP 600 claim
   * between two policies ({@code manylinux_2_25}) promises beyond its governing policy ({@code manylinux_2_24}).
   *
   * @param major the glibc major version (2)
   * @param minor the glibc minor version
   * @return the widened policy, named as this one
   */
  public PlatformPolicy allowingGlibcUpTo(int major, int minor) {
    Map<String, Map<String, Set<String>>> widened = new java.util.HashMap<>();
    symbolVersions.forEach((arch, byNamespace) -> {
      Map<String, Set<String>> m = new java.util.HashMap<>(byNamespace);
      Set<String> glibc = new java.util.HashSet<>(byNamespace.getOrDefault("GLIBC", Set.of()));
      for (int i = 0; i <= minor && i < 1000; i++) {
        glibc.add(major + "." + i);
      }
      m.put("GLIBC", Set.copyOf(glibc));
      widened.put(arch, Map.copyOf(m));
    });
    return new PlatformPolicy(family, name, priority, aliases, libraryWhitelist, blacklist, widened);
  }
}
