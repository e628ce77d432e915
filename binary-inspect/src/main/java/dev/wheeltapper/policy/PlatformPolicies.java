package dev.wheeltapper.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The manylinux and musllinux policies, read from auditwheel's policy files as auditwheel publishes them
 * ({@code dev/wheeltapper/policy/manylinux-policy.json} and {@code musllinux-policy.json}, byte-identical to
 * pypa/auditwheel's {@code src/auditwheel/policy/} at commit 86154d15d6a53a85aab6187032e86348a3a15df1: manylinux_2_5 to
 * manylinux_2_41, musllinux_1_1 and 1_2). Updating the policies is copying the two files.
 *
 * <pre>{@code
 * PlatformPolicies all = PlatformPolicies.bundled();
 * all.family("manylinux");                          // most compatible first
 * all.byName("manylinux2014").orElseThrow().name(); // "manylinux_2_17"
 * }</pre>
 *
 * <p>Immutable and thread-safe; the bundled data is read once.
 */
public final class PlatformPolicies {
  private static volatile PlatformPolicies bundled;

  private final List<PlatformPolicy> policies;

  private PlatformPolicies(List<PlatformPolicy> policies) {
    List<PlatformPolicy> sorted = new ArrayList<>(policies);
    sorted.sort(Comparator.comparingInt(PlatformPolicy::priority).reversed());
    this.policies = List.copyOf(sorted);
  }

  /**
   * The bundled policies.
   *
   * @return the policies
   * @throws UncheckedIOException when a bundled file is missing or damaged (a packaging error)
   */
  public static PlatformPolicies bundled() {
    PlatformPolicies p = bundled;
    if (p == null) {
      synchronized (PlatformPolicies.class) {
        p = bundled;
        if (p == null) {
          List<PlatformPolicy> all = new ArrayList<>();
          for (String family : List.of("manylinux", "musllinux")) {
            String resource = family + "-policy.json";
            try (InputStream in = PlatformPolicies.class.getResourceAsStream(resource)) {
              if (in == null) {
                throw new IOException("resource " + resource + " is missing");
              }
              all.addAll(read(family, in).all());
            } catch (IOException e) {
              throw new UncheckedIOException("bundled platform policy " + resource + " cannot be read", e);
            }
          }
          p = new PlatformPolicies(all);
          bundled = p;
        }
      }
    }
    return p;
  }

  /**
   * Reads one of auditwheel's policy files, as published.
   *
   * <pre>{@code
   * try (InputStream in = Files.newInputStream(Path.of("manylinux-policy.json"))) {
   *   PlatformPolicies newer = PlatformPolicies.read("manylinux", in);
   * }
   * }</pre>
   *
   * @param family {@code manylinux} or {@code musllinux}: the family every policy of the file belongs to
   * @param json the file (UTF-8 JSON)
   * @return its policies, without the {@code linux} catch-all
   * @throws IOException when it cannot be read, is not such a file, or names a policy outside the family
   */
  public static PlatformPolicies read(String family, InputStream json) throws IOException {
    Objects.requireNonNull(family, "family");
    return new PlatformPolicies(AuditwheelPolicyJson.read(family, json));
  }

  /**
   * Every policy, most compatible first.
   *
   * @return the policies
   */
  public List<PlatformPolicy> all() {
    return policies;
  }

  /**
   * The policies of one family, most compatible (highest priority) first.
   *
   * @param family {@code manylinux} or {@code musllinux}
   * @return the policies
   */
  public List<PlatformPolicy> family(String family) {
    return policies.stream().filter(p -> p.family().equals(family)).toList();
  }

  /**
   * A policy by name or legacy alias.
   *
   * @param name {@code manylinux_2_17} or {@code manylinux2014}
   * @return the policy
   */
  public Optional<PlatformPolicy> byName(String name) {
    Objects.requireNonNull(name, "name");
    return policies.stream().filter(p -> p.name().equals(name) || p.aliases().contains(name)).findFirst();
  }

  /**
   * The policy whose rules apply to a claimed tag: the one of the same family with the newest libc not newer than the
   * tag's (a claimed {@code manylinux_2_29} is judged by {@code manylinux_2_28}'s library list).
   *
   * @param tag the claimed tag
   * @return the policy, empty when the tag is older than every policy of its family
   */
  public Optional<PlatformPolicy> governing(PlatformTag tag) {
    PlatformPolicy best = null;
    for (PlatformPolicy p : family(tag.family())) {
      int[] v = p.libcVersion();
      PlatformTag pt = new PlatformTag(tag.family(), v[0], v[1], tag.arch());
      if (pt.compareLibc(tag) <= 0 && (best == null || p.priority() < best.priority())) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }
}
