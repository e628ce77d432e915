package dev.wheeltapper.hardening;

import dev.wheeltapper.elf.Symbol;
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
    Symbol s = symbols.list().get(index);
    return new ElfFacts.Sym(s.name(), s.isDefined(), s.rawType());
  }

  @Override
  public int size() {
    return symbols.size();
  }
}
