package dev.wheeltapper.elf;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every query over an ELF table shares: the selected items as an unmodifiable list, a stream, iteration, and
 * the size. {@link Sections}, {@link Segments}, {@link Symbols} and {@link Notes} add their own filters, each of which
 * returns a new selection.
 *
 * <pre>{@code
 * boolean canary = elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists();
 * for (Section s : elf.sections().withType(SectionType.NOTE)) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the item type
 */
public abstract class Selection<T> implements Iterable<T> {
  /** The selected items, in table order. */
  final List<T> list;

  Selection(List<T> list) {
    this.list = List.copyOf(list);
  }

  /** A selection over a list that is already unmodifiable (a table decoded on access): not copied. */
  Selection(List<T> unmodifiable, boolean trusted) {
    this.list = trusted ? unmodifiable : List.copyOf(unmodifiable);
  }

  /**
   * The selected items.
   *
   * @return an unmodifiable list in table order
   */
  public final List<T> list() {
    return list;
  }

  /**
   * The selected items as a stream.
   *
   * @return a sequential stream
   */
  public final Stream<T> stream() {
    return list.stream();
  }

  @Override
  public final Iterator<T> iterator() {
    return list.iterator();
  }

  /**
   * How many items are selected.
   *
   * @return the count
   */
  public final int size() {
    return list.size();
  }

  /**
   * Whether none is selected.
   *
   * @return true when empty
   */
  public final boolean isEmpty() {
    return list.isEmpty();
  }

  /**
   * Whether any is selected.
   *
   * @return true when not empty
   */
  public final boolean exists() {
    return !list.isEmpty();
  }
}
