package dev.wheeltapper.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The manylinux and musllinux policies bundled as {@code dev/wheeltapper/policy/platform-policy.txt}: auditwheel's
 * policy data (manylinux_2_5 to manylinux_2_41, musllinux_1_1 and 1_2), reformatted, with its provenance in the
 * file's header.
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
  private static final String RESOURCE = "platform-policy.txt";
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
   * @throws UncheckedIOException when the bundled resource is missing or damaged (a packaging error)
   */
  public static PlatformPolicies bundled() {
    PlatformPolicies p = bundled;
    if (p == null) {
      synchronized (PlatformPolicies.class) {
        p = bundled;
        if (p == null) {
          try (InputStream in = PlatformPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IOException("resource " + RESOURCE + " is missing");
            }
            p = parse(in);
          } catch (IOException e) {
            throw new UncheckedIOException("bundled platform policy data cannot be read", e);
          }
          bundled = p;
        }
      }
    }
    return p;
  }

  /**
   * Reads policy data in the bundled format.
   *
   * @param in the data (UTF-8)
   * @return the policies
   * @throws IOException when it cannot be read or is malformed
   */
  public static PlatformPolicies parse(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<PlatformPolicy> out = new ArrayList<>();
    String[] head = null;
    Set<String> whitelist = new HashSet<>();
    Map<String, Set<String>> blacklist = new HashMap<>();
    Map<String, Map<String, Set<String>>> versions = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#") || line.startsWith("format ")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "policy" -> {
          if (f.length < 4 || head != null) {
            throw new IOException("line " + lineNo + ": malformed policy line");
          }
          head = f;
        }
        case "whitelist" -> whitelist.addAll(Arrays.asList(f).subList(1, f.length));
        case "blacklist" -> {
          if (f.length < 2) {
            throw new IOException("line " + lineNo + ": malformed blacklist line");
          }
          blacklist.put(f[1], Set.copyOf(Arrays.asList(f).subList(2, f.length)));
        }
        case "versions" -> {
          if (f.length < 2) {
            throw new IOException("line " + lineNo + ": malformed versions line");
          }
          Map<String, Set<String>> ns = versions.computeIfAbsent(f[1], k -> new HashMap<>());
          if (f.length > 2) {
            ns.put(f[2], Set.copyOf(Arrays.asList(f).subList(3, f.length)));
          }
        }
        case "end" -> {
          if (head == null) {
            throw new IOException("line " + lineNo + ": end without policy");
          }
          Map<String, Map<String, Set<String>>> frozen = new HashMap<>();
          versions.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
          int priority;
          try {
            priority = Integer.parseInt(head[3]);
          } catch (NumberFormatException e) {
            throw new IOException("line " + lineNo + ": bad priority " + head[3], e);
          }
          if (PlatformTag.parse(head[2] + "_any").isEmpty()) {
            throw new IOException("line " + lineNo + ": bad policy name " + head[2]);
          }
          out.add(new PlatformPolicy(head[1], head[2], priority, Arrays.asList(head).subList(4, head.length),
              whitelist, blacklist, frozen));
          head = null;
          whitelist = new HashSet<>();
          blacklist = new HashMap<>();
          versions = new LinkedHashMap<>();
        }
        default -> throw new IOException("line " + lineNo + ": unknown line kind " + f[0]);
      }
    }
    if (head != null) {
      throw new IOException("policy " + head[2] + " has no end line");
    }
    return new PlatformPolicies(out);
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
