package dev.wheeltapper.elf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The versions a file requires from its libraries ({@code .gnu.version_r}, or {@code DT_VERNEED} when there are no
 * section headers), with numeric "highest version per namespace" queries for platform policies.
 *
 * <pre>{@code
 * Optional<SymbolVersion> glibc = elf.versionRequirements().highest("GLIBC");   // GLIBC_2.29
 * Map<String, SymbolVersion> all = elf.versionRequirements().highestByNamespace();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class VersionRequirements implements Iterable<RequiredVersion> {
  private final List<VersionNeed> needs;
  private final List<RequiredVersion> all;

  VersionRequirements(List<VersionNeed> needs) {
    this.needs = List.copyOf(needs);
    List<RequiredVersion> flat = new ArrayList<>();
    for (VersionNeed n : needs) {
      flat.addAll(n.versions());
    }
    this.all = List.copyOf(flat);
  }

  /**
   * The {@code Verneed} entries, one per library.
   *
   * @return the entries in table order
   */
  public List<VersionNeed> needs() {
    return needs;
  }

  /**
   * Every required version, across libraries.
   *
   * @return the versions in table order
   */
  public List<RequiredVersion> all() {
    return all;
  }

  /**
   * The required versions as a stream.
   *
   * @return a sequential stream
   */
  public Stream<RequiredVersion> stream() {
    return all.stream();
  }

  @Override
  public Iterator<RequiredVersion> iterator() {
    return all.iterator();
  }

  /**
   * Whether nothing is required.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /**
   * The versions required from one library.
   *
   * @param library for example {@code libc.so.6}
   * @return the versions
   */
  public List<RequiredVersion> from(String library) {
    return all.stream().filter(v -> v.library().equals(library)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Whether a version name is required from any library.
   *
   * @param versionName for example {@code GLIBC_2.34}
   * @return true when required
   */
  public boolean requires(String versionName) {
    return all.stream().anyMatch(v -> v.name().equals(versionName));
  }

  /**
   * The required versions of one namespace, sorted ascending.
   *
   * @param namespace for example {@code GLIBC}, {@code GLIBCXX}, {@code CXXABI}, {@code GCC}
   * @return the distinct versions, lowest first
   */
  public List<SymbolVersion> inNamespace(String namespace) {
    return all.stream()
        .map(RequiredVersion::version)
        .filter(v -> v.namespace().equals(namespace))
        .distinct()
        .sorted()
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The highest required version of a namespace, compared numerically.
   *
   * @param namespace for example {@code GLIBC}
   * @return the highest version, empty when none of that namespace is required
   */
  public Optional<SymbolVersion> highest(String namespace) {
    List<SymbolVersion> vs = inNamespace(namespace);
    return vs.isEmpty() ? Optional.empty() : Optional.of(vs.get(vs.size() - 1));
  }

  /**
   * The highest required version of every namespace that has version numbers.
   *
   * @return namespace to highest version, sorted by namespace
   */
  public Map<String, SymbolVersion> highestByNamespace() {
    Map<String, SymbolVersion> out = new TreeMap<>();
    for (RequiredVersion r : all) {
      SymbolVersion v = r.version();
      if (v.numbers().isEmpty()) {
        continue;
      }
      out.merge(v.namespace(), v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "VersionRequirements" + needs;
  }
}
