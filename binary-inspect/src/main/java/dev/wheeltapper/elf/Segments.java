package dev.wheeltapper.elf;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable, ordered selection of program headers with fluent filters.
 *
 * <pre>{@code
 * boolean relro = elf.segments().has(SegmentType.GNU_RELRO);
 * Optional<Segment> stack = elf.segments().last(SegmentType.GNU_STACK);   // the loader honours the last one
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Segments extends Selection<Segment> {

  Segments(List<Segment> list) {
    super(list);
  }

  /**
   * The segments of one type.
   *
   * @param type the type
   * @return the selection
   */
  public Segments ofType(SegmentType type) {
    return matching(s -> s.type() == type);
  }

  /**
   * The segments a predicate accepts.
   *
   * @param predicate the test
   * @return the selection
   */
  public Segments matching(Predicate<? super Segment> predicate) {
    return new Segments(list.stream().filter(predicate).collect(Collectors.toList()));
  }

  /**
   * Whether a segment of this type exists.
   *
   * @param type the type
   * @return true when at least one
   */
  public boolean has(SegmentType type) {
    return list.stream().anyMatch(s -> s.type() == type);
  }

  /**
   * The first segment of a type.
   *
   * @param type the type
   * @return the segment, empty when none
   */
  public Optional<Segment> first(SegmentType type) {
    return list.stream().filter(s -> s.type() == type).findFirst();
  }

  /**
   * The last segment of a type (glibc honours the last {@code PT_GNU_STACK}).
   *
   * @param type the type
   * @return the segment, empty when none
   */
  public Optional<Segment> last(SegmentType type) {
    Segment found = null;
    for (Segment s : list) {
      if (s.type() == type) {
        found = s;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The {@code PT_LOAD} segment whose file-backed part holds a virtual address.
   *
   * @param address the virtual address
   * @return the segment, empty when no load segment maps it from the file
   */
  public Optional<Segment> loadContaining(long address) {
    for (Segment s : list) {
      if (s.type() == SegmentType.LOAD && s.containsFileAddress(address)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "Segments" + list;
  }
}
