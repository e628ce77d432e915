package dev.wheeltapper.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * glibc {@code ld.so}'s search for a needed library, played out inside one wheel: which {@code DT_NEEDED} entries the
 * loader finds among the wheel's own files, and by which rule. The rules, in the loader's order (ld.so(8); glibc
 * {@code elf/dl-load.c} {@code _dl_map_object}, {@code elf/get-dynamic-info.h}, {@code elf/dl-deps.c}):
 * <ol>
 *   <li>A name with a slash is opened as a path (relative to the process's working directory): never the wheel's.
 *   <li>A name an object already loaded in the same load was requested by, or that is its {@code DT_SONAME}, is that
 *       object: dependencies load breadth first, in {@code DT_NEEDED} order.
 *   <li>Unless the requesting object has {@code DT_RUNPATH}: the {@code DT_RPATH} of the requesting object, then of
 *       the object that loaded it, and so on up the chain of loaders. An object with {@code DT_RUNPATH} has no
 *       {@code DT_RPATH} at all for the loader ({@code get-dynamic-info.h} drops it), so it adds nothing to the chain.
 *   <li>({@code LD_LIBRARY_PATH}: the user's environment, never the wheel's promise.)
 *   <li>The requesting object's own {@code DT_RUNPATH}: it serves that object's direct needs only, never its
 *       dependencies' ({@code $ORIGIN} of an auditwheel-repaired extension finds {@code ../pkg.libs}; a library in
 *       there that needs another relies on rule 2 or 3).
 *   <li>The system ({@code ld.so.cache}, the default directories): the platform policy's allowed libraries.
 * </ol>
 * Search-path entries expand {@code $ORIGIN} (the directory of the object whose entry it is), {@code $LIB}
 * ({@code lib}, {@code lib64} or the Debian multiarch directory, which depends on the system: each is tried and the
 * resolution says which matched) and {@code $PLATFORM} (the machine's {@code AT_PLATFORM}), also in the
 * {@code ${NAME}} form; a path that leaves the wheel, an absolute path, or a path relative to the working directory
 * finds nothing in the wheel.
 *
 * <p>Each binary of the wheel is played as the root of a load (an extension module Python {@code dlopen}s); a library
 * counts as found when the loader finds it in some load that reaches the requesting object, so a bundled library is
 * judged with the search path of the extension that loads it. auditwheel's
 * lddtree is more lenient: it hands the root's {@code DT_RUNPATH} down to every dependency, which glibc does not.
 *
 * <pre>{@code
 * LoaderSearch search = LoaderSearch.of(linkages, entryNames);
 * LoaderSearch.Resolution r = search.resolve(libopenblas, "libgfortran-040039e1.so.5.0.0");
 * r.entry();   // Optional[numpy.libs/libgfortran-040039e1.so.5.0.0]
 * r.how();     // "DT_RPATH $ORIGIN/../../numpy.libs of numpy/core/_multiarray_umath.so, the loader of ..."
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class LoaderSearch {
  /**
   * Most library lookups over all simulated loads of one wheel: a wheel of thousands of binaries that all need each
   * other would otherwise cost the square of its size. Past it the search stops, and what it did not reach reads
   * "not searched" (never found, so never a false pass).
   */
  static final long MAX_LOOKUPS = 2_000_000;
  /** Most loaders walked up one DT_RPATH chain. */
  private static final int MAX_CHAIN = 1024;
  /** Most searched folders named in one resolution's text. */
  private static final int MAX_TRIED_NAMED = 16;

  /**
   * Where the loader finds one needed library of one object.
   *
   * @param library the {@code DT_NEEDED} name
   * @param entry the wheel entry it resolves to; empty when not found in the wheel
   * @param how the rule and the search path that found it, or the directories searched in vain
   */
  public record Resolution(String library, Optional<String> entry, String how) {
    /** Rejects nulls. */
    public Resolution {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(how, "how");
    }

    /**
     * Whether the loader finds the library inside the wheel.
     *
     * @return true when {@link #entry()} is present
     */
    public boolean inWheel() {
      return entry.isPresent();
    }
  }

  private final Set<String> entryNames;
  private final Map<String, BinaryLinkage> byPath = new LinkedHashMap<>();
  /** Per object path, per needed name: the first in-wheel resolution seen, else the last miss. */
  private final Map<String, Map<String, Resolution>> resolutions = new HashMap<>();
  private long lookups;

  private LoaderSearch(List<BinaryLinkage> binaries, Set<String> entryNames) {
    this.entryNames = Set.copyOf(entryNames);
    binaries.forEach(b -> byPath.putIfAbsent(b.path(), b));
  }

  /**
   * Plays the loader's search for every binary of a wheel.
   *
   * @param binaries the wheel's ELF binaries
   * @param entryNames the names of every file entry of the wheel
   * @return the search
   */
  public static LoaderSearch of(List<BinaryLinkage> binaries, Set<String> entryNames) {
    LoaderSearch s = new LoaderSearch(binaries, entryNames);
    // Roots first (binaries no other binary names in DT_NEEDED: the extension modules), then the rest, whose own
    // load matters only for needs no load from a root resolved.
    Set<String> needed = new HashSet<>();
    s.byPath.values().forEach(b -> needed.addAll(b.needed()));
    List<BinaryLinkage> roots = new ArrayList<>();
    List<BinaryLinkage> others = new ArrayList<>();
    for (BinaryLinkage b : s.byPath.values()) {
      boolean isNeeded = needed.contains(b.fileName()) || b.soname().map(needed::contains).orElse(false);
      (isNeeded ? others : roots).add(b);
    }
    for (BinaryLinkage root : roots) {
      s.load(root);
    }
    for (BinaryLinkage b : others) {
      Map<String, Resolution> known = s.resolutions.getOrDefault(b.path(), Map.of());
      if (!b.needed().stream().allMatch(n -> known.containsKey(n) && known.get(n).inWheel())) {
        s.load(b);
      }
    }
    return s;
  }

  /**
   * Whether the search ran to its end; false when a wheel of very many interdependent binaries used up
   * {@link #MAX_LOOKUPS} lookups, and some needs read "not searched".
   *
   * @return true when every load was played out
   */
  public boolean complete() {
    return lookups < MAX_LOOKUPS;
  }

  /**
   * Where the loader finds a needed library of a binary.
   *
   * @param b the requesting binary (one of those the search was built with)
   * @param library its {@code DT_NEEDED} name
   * @return the resolution; not in the wheel when the binary or the name is unknown to the search
   */
  public Resolution resolve(BinaryLinkage b, String library) {
    Resolution r = resolutions.getOrDefault(b.path(), Map.of()).get(library);
    return r != null ? r : new Resolution(library, Optional.empty(), complete()
        ? "not searched: " + b.path() + " does not need it"
        : "not searched: the loader search stopped after " + MAX_LOOKUPS + " lookups in this wheel");
  }

  /** One object of a load and the object that loaded it (null for the root). */
  private record Step(BinaryLinkage object, Step loader) {}

  /** One load with {@code root} dlopen'ed: breadth first over DT_NEEDED, as {@code _dl_map_object_deps}. */
  private void load(BinaryLinkage root) {
    Map<String, String> loadedNames = new HashMap<>(); // requested name or soname -> entry path
    Set<String> loaded = new HashSet<>();
    Deque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(root, null));
    loaded.add(root.path());
    root.soname().ifPresent(n -> loadedNames.put(n, root.path()));
    while (!queue.isEmpty()) {
      Step step = queue.removeFirst();
      BinaryLinkage o = step.object();
      for (String n : o.needed()) {
        if (lookups++ >= MAX_LOOKUPS) {
          return;
        }
        Resolution r = find(o, step.loader(), n, loadedNames);
        record(o, r);
        if (r.entry().isEmpty()) {
          continue;
        }
        String e = r.entry().get();
        loadedNames.putIfAbsent(n, e);
        BinaryLinkage dep = byPath.get(e);
        if (dep != null && loaded.add(e)) {
          dep.soname().ifPresent(x -> loadedNames.putIfAbsent(x, e));
          queue.add(new Step(dep, step));
        }
      }
    }
  }

  private void record(BinaryLinkage o, Resolution r) {
    Map<String, Resolution> m = resolutions.computeIfAbsent(o.path(), k -> new LinkedHashMap<>());
    Resolution old = m.get(r.library());
    if (old == null || !old.inWheel() && r.inWheel()) {
      m.put(r.library(), r);
    }
  }

  private Resolution find(BinaryLinkage o, Step loader, String n, Map<String, String> loadedNames) {
    if (n.contains("/")) {
      return new Resolution(n, Optional.empty(), "a path, opened relative to the working directory (rule 1)");
    }
    String already = loadedNames.get(n);
    if (already != null) {
      return new Resolution(n, Optional.of(already), "already loaded as " + already + " in this load (rule 2)");
    }
    List<String> tried = new ArrayList<>();
    if (o.runpath().isEmpty()) {
      Optional<Resolution> r = searchPath(o, o.rpath(), "DT_RPATH", o.path(), n, tried);
      if (r.isPresent()) {
        return r.get();
      }
      int walked = 0;
      for (Step up = loader; up != null && walked++ < MAX_CHAIN; up = up.loader()) {
        BinaryLinkage l = up.object();
        if (!l.runpath().isEmpty()) {
          continue; // DT_RUNPATH present: its DT_RPATH does not exist for the loader
        }
        r = searchPath(l, l.rpath(), "DT_RPATH", l.path() + ", a loader of " + o.path(), n, tried);
        if (r.isPresent()) {
          return r.get();
        }
      }
    }
    Optional<Resolution> r = searchPath(o, o.runpath(), "DT_RUNPATH", o.path(), n, tried);
    if (r.isPresent()) {
      return r.get();
    }
    return new Resolution(n, Optional.empty(), tried.isEmpty()
        ? "no DT_RPATH or DT_RUNPATH leads into the wheel (searched: the system only)"
        : "not in " + String.join(", ", tried.subList(0, Math.min(tried.size(), MAX_TRIED_NAMED)))
            + (tried.size() > MAX_TRIED_NAMED ? " and " + (tried.size() - MAX_TRIED_NAMED) + " more" : "")
            + " (then the system)");
  }

  private Optional<Resolution> searchPath(BinaryLinkage owner, List<String> dirs, String tag, String whose, String n,
      List<String> tried) {
    for (String d : dirs) {
      for (Expansion x : expand(d, owner)) {
        if (x.dir().isEmpty()) {
          continue;
        }
        String dir = x.dir().get();
        String entry = dir.isEmpty() ? n : dir + "/" + n;
        if (entryNames.contains(entry)) {
          return Optional.of(new Resolution(n, Optional.of(entry), tag + " " + d + " of " + whose
              + x.note() + " (rule " + (tag.equals("DT_RPATH") ? 3 : 5) + ")"));
        }
        tried.add((dir.isEmpty() ? "/" : dir + "/") + " (" + tag + " " + d + " of " + owner.path() + ")");
      }
    }
    return Optional.empty();
  }

  /** One expansion of a search-path entry: the wheel folder it names, or empty when it names none. */
  private record Expansion(Optional<String> dir, String note) {}

  private static List<Expansion> expand(String entry, BinaryLinkage owner) {
    if (entry.isEmpty() || !entry.startsWith("$")) {
      // absolute: the system's; relative or empty: the working directory's
      return List.of(new Expansion(Optional.empty(), ""));
    }
    List<Expansion> out = new ArrayList<>();
    for (String lib : List.of("lib", "lib64", "lib/" + multiarch(owner))) {
      String v = entry.replace("${LIB}", lib).replace("$LIB", lib)
          .replace("${PLATFORM}", platform(owner)).replace("$PLATFORM", platform(owner));
      String note = v.equals(entry.replace("${PLATFORM}", platform(owner)).replace("$PLATFORM", platform(owner)))
          ? "" : ", $LIB as " + lib + " (the value depends on the target system)";
      String rel;
      if (v.equals("$ORIGIN") || v.equals("${ORIGIN}")) {
        rel = "";
      } else if (v.startsWith("$ORIGIN/")) {
        rel = v.substring(8);
      } else if (v.startsWith("${ORIGIN}/")) {
        rel = v.substring(10);
      } else {
        continue; // another token first: not origin-relative
      }
      if (rel.contains("$")) {
        continue; // an unknown token is taken literally: a folder no wheel has
      }
      out.add(new Expansion(resolve(owner.directory(), rel), note));
      if (note.isEmpty()) {
        break; // no $LIB: one expansion
      }
    }
    return out.isEmpty() ? List.of(new Expansion(Optional.empty(), "")) : out;
  }

  /** {@code AT_PLATFORM} as the kernel sets it for the binary's machine. */
  private static String platform(BinaryLinkage b) {
    return switch (b.machine()) {
      case "i386" -> "i686";
      case "arm" -> "v7l";
      default -> b.machine();
    };
  }

  private static String multiarch(BinaryLinkage b) {
    return switch (b.machine()) {
      case "x86_64" -> "x86_64-linux-gnu";
      case "i386" -> "i386-linux-gnu";
      case "aarch64" -> "aarch64-linux-gnu";
      case "arm" -> "arm-linux-gnueabihf";
      case "ppc64le" -> "powerpc64le-linux-gnu";
      case "s390x" -> "s390x-linux-gnu";
      default -> b.machine() + "-linux-gnu";
    };
  }

  /** Joins a wheel folder and a relative path; empty when the result leaves the wheel. */
  static Optional<String> resolve(String base, String rel) {
    Deque<String> parts = new ArrayDeque<>();
    for (String s : (base + "/" + rel).split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty(); // leaves the wheel
        }
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return Optional.of(String.join("/", parts));
  }
}
