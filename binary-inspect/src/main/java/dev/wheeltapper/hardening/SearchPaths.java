package dev.wheeltapper.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The run-time library search paths of one binary under their real kind ({@code rpath} and {@code runpath} of the
 * JSON contract): the one rule for DT_RPATH, DT_RUNPATH and LC_RPATH. Each entry is classified by
 * {@link RpathEntry#classify}; an LC_RPATH entry's {@code @loader_path} reads as {@code $ORIGIN} and
 * {@code @executable_path} (the Python interpreter's directory) leaves the wheel.
 *
 * <pre>{@code
 * SearchPaths p = SearchPaths.lcRpath(List.of("@loader_path/../.dylibs"), Optional.of("pkg/_x.so"));
 * p.safe();   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param tag where the entries come from
 * @param entries the classified entries, in file order
 */
public record SearchPaths(Tag tag, List<RpathEntry> entries) {

  /** Where a search path list comes from. */
  public enum Tag {
    /** ELF {@code DT_RPATH}: searched before {@code LD_LIBRARY_PATH}. */
    DT_RPATH,
    /** ELF {@code DT_RUNPATH}: searched after {@code LD_LIBRARY_PATH}. */
    DT_RUNPATH,
    /** Mach-O {@code LC_RPATH}: what {@code @rpath} expands to. */
    LC_RPATH
  }

  /** Whether the listed directories are safe to search: the value of the {@code rpath} and {@code runpath} checks. */
  public enum Verdict implements CheckValue {
    /** No entry ({@code none}). */
    NONE,
    /** Every entry is safe ({@code safe}). */
    SAFE,
    /** At least one entry is unsafe ({@link RpathKind#safe()} false; {@code unsafe}). */
    UNSAFE;

    @Override
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Copies and rejects nulls. */
  public SearchPaths {
    Objects.requireNonNull(tag, "tag");
    entries = List.copyOf(entries);
  }

  /**
   * ELF dynamic entries of one tag, each value split at {@code :}.
   *
   * @param tag {@link Tag#DT_RPATH} or {@link Tag#DT_RUNPATH}
   * @param values the tag's string values
   * @param pathInWheel the binary's entry path inside its wheel
   * @return the classified entries
   */
  public static SearchPaths elf(Tag tag, List<String> values, Optional<String> pathInWheel) {
    List<RpathEntry> out = new ArrayList<>();
    for (String v : values) {
      out.addAll(RpathEntry.classifyAll(v, pathInWheel));
    }
    return new SearchPaths(tag, out);
  }

  /**
   * Mach-O LC_RPATH entries, one path each.
   *
   * @param values the entries as written
   * @param pathInWheel the binary's entry path inside its wheel
   * @return the classified entries
   */
  public static SearchPaths lcRpath(List<String> values, Optional<String> pathInWheel) {
    List<RpathEntry> out = new ArrayList<>();
    for (String v : values) {
      out.add(classifyLoaderPath(v, pathInWheel));
    }
    return new SearchPaths(Tag.LC_RPATH, out);
  }

  /**
   * Classifies one LC_RPATH entry: {@code @loader_path} is the binary's directory (ELF's {@code $ORIGIN});
   * {@code @executable_path} is the Python interpreter's directory, outside the wheel; {@code @rpath} inside an
   * LC_RPATH is relative.
   *
   * @param entry the entry as written
   * @param pathInWheel the binary's entry path inside its wheel
   * @return the classified entry, keeping the entry as written
   */
  public static RpathEntry classifyLoaderPath(String entry, Optional<String> pathInWheel) {
    if (entry.startsWith("@loader_path")) {
      RpathEntry e = RpathEntry.classify("$ORIGIN" + entry.substring("@loader_path".length()), pathInWheel);
      return new RpathEntry(entry, e.kind(), e.resolved());
    }
    if (entry.startsWith("@executable_path")) {
      return new RpathEntry(entry, RpathKind.ABSOLUTE, entry);
    }
    RpathEntry e = RpathEntry.classify(entry, pathInWheel);
    return new RpathEntry(entry, e.kind(), e.resolved());
  }

  /**
   * Whether every entry stays inside the wheel.
   *
   * @return true when no entry is unsafe (and for an empty list)
   */
  public boolean safe() {
    return entries.stream().allMatch(RpathEntry::safe);
  }

  /**
   * The unsafe entries, each named with its tag ({@code DT_RUNPATH /opt/lib (absolute)}).
   *
   * @return the words for a finding, empty when all are safe
   */
  public List<String> unsafeWords() {
    List<String> out = new ArrayList<>();
    for (RpathEntry e : entries) {
      if (!e.safe()) {
        out.add(tag + " " + e);
      }
    }
    return out;
  }

  /**
   * The check result: {@code none} (pass), {@code safe} (pass) or {@code unsafe} (fail).
   *
   * @param check {@link HardeningCheck#RPATH} or {@link HardeningCheck#RUNPATH}
   * @return the result
   */
  public CheckResult result(HardeningCheck check) {
    if (entries.isEmpty()) {
      return new CheckResult(check, Status.PASS, Verdict.NONE, "no " + tag);
    }
    List<String> words = new ArrayList<>();
    entries.forEach(e -> words.add(e.toString()));
    boolean ok = safe();
    return new CheckResult(check, ok ? Status.PASS : Status.FAIL, ok ? Verdict.SAFE : Verdict.UNSAFE,
        tag + " " + String.join(", ", words));
  }
}
