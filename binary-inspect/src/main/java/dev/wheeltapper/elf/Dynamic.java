package dev.wheeltapper.elf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The dynamic table, read through {@code PT_DYNAMIC} (what the loader uses) with string values resolved through
 * {@code DT_STRTAB} mapped by the {@code PT_LOAD} segments; the {@code SHT_DYNAMIC} section is the fallback and a
 * cross-check. Entries stop at the first {@code DT_NULL}, which is not listed. Every tag is kept raw in
 * {@link #entries()}.
 *
 * <pre>{@code
 * Dynamic d = elf.dynamic();
 * List<String> libs = d.needed();
 * boolean now = d.bindNow();
 * List<String> rpath = d.rpath();   // DT_RPATH split on ':'
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Dynamic implements Iterable<DynamicEntry> {
  /** {@code DF_ORIGIN}. */
  public static final long DF_ORIGIN = 0x1;
  /** {@code DF_SYMBOLIC}. */
  public static final long DF_SYMBOLIC = 0x2;
  /** {@code DF_TEXTREL}. */
  public static final long DF_TEXTREL = 0x4;
  /** {@code DF_BIND_NOW}. */
  public static final long DF_BIND_NOW = 0x8;
  /** {@code DF_STATIC_TLS}. */
  public static final long DF_STATIC_TLS = 0x10;
  /** {@code DF_1_NOW}. */
  public static final long DF_1_NOW = 0x1;
  /** {@code DF_1_NODELETE}. */
  public static final long DF_1_NODELETE = 0x8;
  /** {@code DF_1_ORIGIN}. */
  public static final long DF_1_ORIGIN = 0x80;
  /** {@code DF_1_PIE}. */
  public static final long DF_1_PIE = 0x08000000L;

  /** Where the table was read from. */
  public enum Origin {
    /** The {@code PT_DYNAMIC} segment. */
    SEGMENT,
    /** The {@code SHT_DYNAMIC} section (no usable {@code PT_DYNAMIC}). */
    SECTION,
    /** Neither exists: a static executable, an object file, or stripped headers. */
    NONE
  }

  private final List<DynamicEntry> entries;
  private final Origin origin;
  private final long offset;

  Dynamic(List<DynamicEntry> entries, Origin origin, long offset) {
    this.entries = List.copyOf(entries);
    this.origin = origin;
    this.offset = offset;
  }

  /**
   * The entries before the first {@code DT_NULL}.
   *
   * @return an unmodifiable list
   */
  public List<DynamicEntry> entries() {
    return entries;
  }

  /**
   * The entries as a stream.
   *
   * @return a sequential stream
   */
  public Stream<DynamicEntry> stream() {
    return entries.stream();
  }

  @Override
  public Iterator<DynamicEntry> iterator() {
    return entries.iterator();
  }

  /**
   * Where the table came from.
   *
   * @return the origin
   */
  public Origin origin() {
    return origin;
  }

  /**
   * The file offset of the table.
   *
   * @return the offset, -1 for {@link Origin#NONE}
   */
  public long offset() {
    return offset;
  }

  /**
   * Whether the file has a dynamic table.
   *
   * @return false for {@link Origin#NONE}
   */
  public boolean exists() {
    return origin != Origin.NONE;
  }

  /**
   * Whether an entry with the tag exists (any value).
   *
   * @param tag the tag
   * @return true when present
   */
  public boolean has(DynamicTag tag) {
    return entries.stream().anyMatch(e -> e.tag() == tag);
  }

  /**
   * Whether an entry with the raw tag exists.
   *
   * @param rawTag the number
   * @return true when present
   */
  public boolean hasRaw(long rawTag) {
    return entries.stream().anyMatch(e -> e.rawTag() == rawTag);
  }

  /**
   * The entries with a tag.
   *
   * @param tag the tag
   * @return the entries in table order
   */
  public List<DynamicEntry> entries(DynamicTag tag) {
    return entries.stream().filter(e -> e.tag() == tag).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The value of the first entry with a tag.
   *
   * @param tag the tag
   * @return the value, empty when absent
   */
  public OptionalLong value(DynamicTag tag) {
    for (DynamicEntry e : entries) {
      if (e.tag() == tag) {
        return OptionalLong.of(e.value());
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The resolved strings of every entry with a tag, in table order.
   *
   * @param tag a string-valued tag
   * @return the strings (entries whose string could not be resolved are left out and recorded as defects)
   */
  public List<String> strings(DynamicTag tag) {
    List<String> out = new ArrayList<>();
    for (DynamicEntry e : entries) {
      if (e.tag() == tag) {
        e.string().ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The needed libraries ({@code DT_NEEDED}).
   *
   * @return the names, in table order
   */
  public List<String> needed() {
    return strings(DynamicTag.NEEDED);
  }

  /**
   * The shared object name ({@code DT_SONAME}).
   *
   * @return the first one, empty when absent
   */
  public Optional<String> soname() {
    List<String> s = strings(DynamicTag.SONAME);
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
  }

  /**
   * The {@code DT_RPATH} search path, every entry's string split on {@code ':'}.
   *
   * @return the directories, in order, as written (with {@code $ORIGIN} unexpanded)
   */
  public List<String> rpath() {
    return split(strings(DynamicTag.RPATH));
  }

  /**
   * The {@code DT_RUNPATH} search path, split on {@code ':'}.
   *
   * @return the directories, in order, as written
   */
  public List<String> runpath() {
    return split(strings(DynamicTag.RUNPATH));
  }

  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(":", -1)) {
        out.add(part);
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code DT_FLAGS}, OR-ed over every occurrence.
   *
   * @return the flags, 0 when absent
   */
  public long flags() {
    return orAll(DynamicTag.FLAGS);
  }

  /**
   * {@code DT_FLAGS_1}, OR-ed over every occurrence.
   *
   * @return the flags, 0 when absent
   */
  public long flags1() {
    return orAll(DynamicTag.FLAGS_1);
  }

  private long orAll(DynamicTag tag) {
    long v = 0;
    for (DynamicEntry e : entries) {
      if (e.tag() == tag) {
        v |= e.value();
      }
    }
    return v;
  }

  /**
   * Immediate binding as glibc decides it: {@code DT_BIND_NOW} present, or {@code DF_BIND_NOW} in
   * {@code DT_FLAGS}, or {@code DF_1_NOW} in {@code DT_FLAGS_1}.
   *
   * @return true when the loader resolves every symbol at load time
   */
  public boolean bindNow() {
    return has(DynamicTag.BIND_NOW) || (flags() & DF_BIND_NOW) != 0 || (flags1() & DF_1_NOW) != 0;
  }

  /**
   * Text relocations: {@code DT_TEXTREL} present or {@code DF_TEXTREL} in {@code DT_FLAGS}.
   *
   * @return true when the loader must write to read-only segments
   */
  public boolean textrel() {
    return has(DynamicTag.TEXTREL) || (flags() & DF_TEXTREL) != 0;
  }

  /**
   * Whether {@code DF_1_PIE} is set.
   *
   * @return the flag
   */
  public boolean pieFlag() {
    return (flags1() & DF_1_PIE) != 0;
  }

  @Override
  public String toString() {
    return "Dynamic" + entries;
  }
}
