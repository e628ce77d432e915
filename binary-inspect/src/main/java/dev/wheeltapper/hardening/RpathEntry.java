package dev.wheeltapper.hardening;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a DT_RPATH or DT_RUNPATH list, classified.
 *
 * <pre>{@code
 * RpathEntry e = RpathEntry.classify("$ORIGIN/../pkg.libs", Optional.of("pkg/_x.so"));
 * e.kind();      // ORIGIN_INSIDE
 * e.resolved();  // "pkg.libs"
 * RpathEntry.classify("$ORIGIN/../../..", Optional.of("pkg/_x.so")).kind();  // ORIGIN_ESCAPES
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param entry the entry as written
 * @param kind the classification
 * @param resolved for {@code $ORIGIN} entries inside the wheel the directory relative to the wheel root (empty string
 *     for the root itself); otherwise the entry as written
 */
public record RpathEntry(String entry, RpathKind kind, String resolved) {

  /** Wheel {@code .data} directories whose content installs beside the top-level packages. */
  private static final Pattern DATA_LIB = Pattern.compile("^[^/]+\\.data/(?:purelib|platlib)/");

  /** Rejects nulls. */
  public RpathEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resolved, "resolved");
  }

  /**
   * Splits a DT_RPATH/DT_RUNPATH string on {@code :} and classifies each entry.
   *
   * @param value the colon-separated list
   * @param pathInWheel the binary's entry path inside its wheel, when it comes from one
   * @return the entries in order (an empty string gives one {@link RpathKind#EMPTY} entry)
   */
  public static List<RpathEntry> classifyAll(String value, Optional<String> pathInWheel) {
    List<RpathEntry> out = new ArrayList<>();
    for (String part : value.split(":", -1)) {
      out.add(classify(part, pathInWheel));
    }
    return out;
  }

  /**
   * Classifies one entry.
   *
   * @param entry the entry
   * @param pathInWheel the binary's entry path inside its wheel ({@code pkg/_x.so}), when it comes from one
   * @return the classified entry
   */
  public static RpathEntry classify(String entry, Optional<String> pathInWheel) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(pathInWheel, "pathInWheel");
    if (entry.isEmpty()) {
      return new RpathEntry(entry, RpathKind.EMPTY, entry);
    }
    String rest = null;
    if (entry.startsWith("$ORIGIN")) {
      rest = entry.substring("$ORIGIN".length());
    } else if (entry.startsWith("${ORIGIN}")) {
      rest = entry.substring("${ORIGIN}".length());
    }
    if (rest != null && (rest.isEmpty() || rest.startsWith("/"))) {
      if (pathInWheel.isEmpty()) {
        return new RpathEntry(entry, RpathKind.ORIGIN, entry);
      }
      Deque<String> dir = new ArrayDeque<>();
      String installed = DATA_LIB.matcher(pathInWheel.get()).replaceFirst("");
      String[] binary = installed.split("/", -1);
      for (int i = 0; i < binary.length - 1; i++) {
        push(dir, binary[i]);
      }
      for (String seg : rest.split("/", -1)) {
        if (seg.isEmpty() || seg.equals(".")) {
          continue;
        }
        if (seg.equals("..")) {
          if (dir.isEmpty()) {
            return new RpathEntry(entry, RpathKind.ORIGIN_ESCAPES, entry);
          }
          dir.removeLast();
        } else {
          dir.addLast(seg);
        }
      }
      return new RpathEntry(entry, RpathKind.ORIGIN_INSIDE, String.join("/", dir));
    }
    if (entry.startsWith("/")) {
      return new RpathEntry(entry, RpathKind.ABSOLUTE, entry);
    }
    return new RpathEntry(entry, RpathKind.RELATIVE, entry);
  }

  private static void push(Deque<String> dir, String seg) {
    if (seg.isEmpty() || seg.equals(".")) {
      return;
    }
    if (seg.equals("..")) {
      // an entry path with ".." is itself unsafe and reported by the ZIP checks; stay at the root here
      if (!dir.isEmpty()) {
        dir.removeLast();
      }
      return;
    }
    dir.addLast(seg);
  }

  /**
   * Whether the entry is acceptable in a wheel.
   *
   * @return {@link RpathKind#safe()}
   */
  public boolean safe() {
    return kind.safe();
  }

  /**
   * For the text report.
   *
   * @return {@code $ORIGIN/../pkg.libs (origin-inside: pkg.libs)}
   */
  @Override
  public String toString() {
    return (entry.isEmpty() ? "\"\"" : entry) + " (" + kind.label()
        + (kind == RpathKind.ORIGIN_INSIDE ? ": " + (resolved.isEmpty() ? "wheel root" : resolved) : "") + ")";
  }
}
