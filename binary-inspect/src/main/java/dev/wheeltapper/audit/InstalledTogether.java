package dev.wheeltapper.audit;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.pep508.InvalidRequirementException;
import dev.wheeltapper.pep508.Requirement;
import dev.wheeltapper.policy.BinaryLinkage;
import dev.wheeltapper.policy.PlatformCheck;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.WheelFilename;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform policy of wheels installed together: a library a wheel does not bundle, but that a wheel it requires
 * ({@code Requires-Dist}) ships, is found by the loader once both are installed into one {@code site-packages} (torch
 * and the {@code nvidia-*} wheels through {@code DT_RPATH $ORIGIN/../../nvidia/cublas/lib}, PyQt5 and PyQt5-Qt5, the
 * cmeel wheels). No reference tool does this. The wheel's own verdict stays auditwheel's (a violation on its own is
 * still an error); this is added information: which claims hold on the wheel's own, which with its dependencies.
 *
 * <pre>{@code
 * InstalledTogether run = new InstalledTogether();
 * reports.forEach(run::add);                       // every wheel of a directory or index
 * run.resolve(torchReport).forEach(r -> System.out.println(r.family() + " ok with dependencies: "
 *     + r.okWithDependencies() + " " + r.providedBy()));
 * }</pre>
 *
 * <p>Thread-safe: wheels may be added concurrently; resolve once all are added. It keeps, per wheel, its name, its
 * requirements and the names of its library entries, and the linkages only of wheels with external libraries.
 */
public final class InstalledTogether {

  /**
   * One family's claim judged with the required wheels of the run installed beside the wheel.
   *
   * @param family {@code manylinux} or {@code musllinux}
   * @param okOnItsOwn the wheel's own verdict ({@link PlatformResult#ok()})
   * @param okWithDependencies the verdict with the required wheels' files beside it
   * @param providedBy per library the wheel does not bundle: the providing wheel's file name, {@code !}, the entry
   * @param stillExternal libraries neither bundled, nor allowed, nor provided by a required wheel of the run
   */
  public record Result(String family, boolean okOnItsOwn, boolean okWithDependencies, Map<String, String> providedBy,
      List<String> stillExternal) {
    /** Copies and rejects nulls. */
    public Result {
      Objects.requireNonNull(family, "family");
      providedBy = java.util.Collections.unmodifiableMap(new TreeMap<>(providedBy));
      stillExternal = List.copyOf(stillExternal);
    }
  }

  /** What a wheel offers others: its name and library entries. */
  private record Offer(String fileName, String name, Set<String> libraryEntries) {}

  /**
   * What a wheel with external libraries needs to be judged again with the wheels installed beside it: kept by a
   * caller that stores a wheel's result (a cache) so that a later run can judge it without auditing it again.
   *
   * <pre>{@code
   * Optional<InstalledTogether.Need> n = run.need(fileName);   // after add(report)
   * later.restore(fileName, normalizedName, libraryEntries, n.get());
   * }</pre>
   *
   * @param tags the wheel's tags
   * @param linkages its ELF binaries' linkage
   * @param entryNames every entry name of the wheel
   * @param requires the normalized names of the projects it requires
   * @param manylinux its manylinux verdict alone, if it claims one
   * @param musllinux its musllinux verdict alone, if it claims one
   */
  public record Need(List<Tag> tags, List<BinaryLinkage> linkages, Set<String> entryNames, Set<String> requires,
      Optional<PlatformResult> manylinux, Optional<PlatformResult> musllinux) {
    /** Copies and rejects nulls. */
    public Need {
      tags = List.copyOf(tags);
      linkages = List.copyOf(linkages);
      entryNames = Set.copyOf(entryNames);
      requires = Set.copyOf(requires);
      Objects.requireNonNull(manylinux, "manylinux");
      Objects.requireNonNull(musllinux, "musllinux");
    }
  }

  private final Map<String, Offer> offers = new ConcurrentHashMap<>();
  private final Map<String, Need> needs = new ConcurrentHashMap<>();

  /** An empty run. */
  public InstalledTogether() {}

  /**
   * Records a wheel of the run.
   *
   * @param r its audit
   */
  public void add(WheelAuditReport r) {
    Optional<WheelFilename> f = r.verification().filename();
    if (f.isEmpty()) {
      return;
    }
    String fileName = r.verification().fileName();
    offer(fileName, f.get().normalizedName(), libraryEntries(r.entryNames()));
    Optional<PlatformResult> many = r.policy().manylinux();
    Optional<PlatformResult> musl = r.policy().musllinux();
    boolean external = many.map(p -> !p.externalLibraries().isEmpty()).orElse(false)
        || musl.map(p -> !p.externalLibraries().isEmpty()).orElse(false);
    if (!external) {
      return;
    }
    Set<String> requires = new HashSet<>();
    for (String req : r.verification().metadata().map(m -> m.requiresDist()).orElse(List.of())) {
      try {
        requires.add(WheelFilename.normalizeName(Requirement.parse(req).name()));
      } catch (InvalidRequirementException e) {
        // metadata.invalid reports it; an unreadable requirement provides nothing
      }
    }
    Set<String> elf = new HashSet<>();
    r.binaries().inspected().stream().filter(b -> b.format() == NativeFormat.ELF).forEach(b -> elf.add(b.path()));
    List<BinaryLinkage> linkages = r.binaries().linkages().stream().filter(l -> elf.contains(l.path())).toList();
    needs.put(fileName, new Need(f.get().tags(), linkages, r.entryNames(), requires, many, musl));
  }

  /**
   * Records what a wheel of the run offers the others, without its audit: what a caller that kept only a wheel's
   * library entries (a cached result) adds. A wheel added this way needs nothing itself.
   *
   * @param fileName the wheel's file name
   * @param normalizedName its normalized project name
   * @param libraryEntries its library entries, as {@link #libraryEntries} selects them
   */
  public void offer(String fileName, String normalizedName, Collection<String> libraryEntries) {
    offers.put(fileName, new Offer(fileName, normalizedName, Set.copyOf(libraryEntries)));
  }

  /**
   * What a wheel added before needs to be judged again, if it names external libraries.
   *
   * @param fileName the wheel's file name
   * @return its need; empty when it names none (or was added by {@link #offer} alone)
   */
  public Optional<Need> need(String fileName) {
    return Optional.ofNullable(needs.get(fileName));
  }

  /**
   * Records a wheel of the run from what a caller kept of an earlier audit ({@link #need}), as {@link #add} would.
   *
   * @param fileName the wheel's file name
   * @param normalizedName its normalized project name
   * @param libraryEntries its library entries, as {@link #libraryEntries} selects them
   * @param need what it needs to be judged again
   */
  public void restore(String fileName, String normalizedName, Collection<String> libraryEntries, Need need) {
    offer(fileName, normalizedName, libraryEntries);
    needs.put(fileName, need);
  }

  /**
   * The entries of a wheel that may provide a library to another ({@code *.so*}, {@code *.dylib}, {@code *.dll}).
   *
   * @param entryNames every entry name of the wheel
   * @return those entries, in the given order
   */
  public static List<String> libraryEntries(Collection<String> entryNames) {
    List<String> libs = new ArrayList<>();
    for (String e : entryNames) {
      String base = e.substring(e.lastIndexOf('/') + 1);
      if (base.contains(".so") || base.endsWith(".dylib") || base.endsWith(".dll")) {
        libs.add(e);
      }
    }
    return libs;
  }

  /**
   * The families of a wheel's claims judged with the required wheels of the run beside it.
   *
   * @param r a wheel added before
   * @return one result per family whose verdict names external libraries; empty when none does, or when no wheel it
   *     requires is in the run
   */
  public List<Result> resolve(WheelAuditReport r) {
    return resolve(r.verification().fileName());
  }

  /**
   * The families of a wheel's claims judged with the required wheels of the run beside it, by the wheel's file name:
   * what a caller that has released the wheel's audit keeps.
   *
   * @param fileName the file name of a wheel added before
   * @return as {@link #resolve(WheelAuditReport)}
   */
  public List<Result> resolve(String fileName) {
    Need need = needs.get(fileName);
    if (need == null) {
      return List.of();
    }
    Set<String> entries = new HashSet<>(need.entryNames());
    Map<String, String> owner = new LinkedHashMap<>();
    for (Offer o : offers.values()) {
      if (need.requires().contains(o.name()) && !o.fileName().equals(fileName)) {
        for (String e : o.libraryEntries()) {
          if (entries.add(e)) {
            owner.put(e, o.fileName());
          }
        }
      }
    }
    if (owner.isEmpty()) {
      return List.of();
    }
    PlatformCheck.Outcome together = PlatformCheck.check(need.tags(), need.linkages(), entries);
    List<Result> out = new ArrayList<>();
    judged(need.manylinux(), together.manylinux(), owner).ifPresent(out::add);
    judged(need.musllinux(), together.musllinux(), owner).ifPresent(out::add);
    return out;
  }

  private static Optional<Result> judged(Optional<PlatformResult> claimed, Optional<PlatformResult> together,
      Map<String, String> owner) {
    if (claimed.isEmpty() || claimed.get().externalLibraries().isEmpty() || together.isEmpty()) {
      return Optional.empty();
    }
    PlatformResult alone = claimed.get();
    Map<String, String> provided = new TreeMap<>();
    for (String lib : alone.externalLibraries()) {
      if (!together.get().externalLibraries().contains(lib)) {
        owner.forEach((entry, wheel) -> {
          if (entry.endsWith("/" + lib) || entry.equals(lib)) {
            provided.putIfAbsent(lib, wheel + "!" + entry);
          }
        });
      }
    }
    return Optional.of(new Result(alone.family(), alone.ok(), together.get().ok(), provided,
        together.get().externalLibraries()));
  }
}
