package dev.wheeltapper.hardening;

import dev.wheeltapper.elf.Symbols;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A symbol table as {@link ElfFacts.Sym}s made on access from the reader's {@link Symbols}, which themselves decode
 * on access: a snapshot of a 1.7-million-symbol library holds no name (issue 19). Valid while the {@code ElfFile}
 * it came from is open, which the inspection that takes the snapshot is.
 *
 * <p>Immutable and thread-safe.
 */
final class SymbolView extends AbstractList<ElfFacts.Sym> implements RandomAccess {
  private final Symbols symbols;

  SymbolView(Symbols symbols) {
    this.symbols = symbols;
  }

  @Override
  public ElfFacts.Sym get(int index) {
    return new ElfFacts.Sym(symbols.name(index), symbols.isDefined(index), symbols.rawType(index));
  }

  /** Whether symbol {@code index} is defined, its name left undecoded. */
  boolean defined(int index) {
    return symbols.isDefined(index);
  }

  /** Every symbol's name hash, as the reader kept them (no name decoded). */
  int[] nameHashes() {
    int[] h = new int[symbols.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = symbols.nameHash(i);
    }
    return h;
  }

  /** Symbol {@code index}'s name alone. */
  String name(int index) {
    return symbols.name(index);
  }

  @Override
  public int size() {
    return symbols.size();
  }
}
