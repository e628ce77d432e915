package dev.wheeltapper.elf;

import java.nio.ByteBuffer;

/**
 * Reads the symbol hash tables ({@code DT_HASH}, and {@code DT_GNU_HASH}'s buckets and chains) for the one thing the
 * reader needs from them: the number of dynamic symbols when there are no section headers to give
 * {@code .dynsym}'s size. Every chain walk is bounded by the file and {@link ElfLimits#maxSymbols()}.
 */
final class HashTableReader {
  private final ElfInput in;
  private final Defects defects;

  HashTableReader(ElfInput in) {
    this.in = in;
    this.defects = in.defects;
  }

  /**
   * The number of dynamic symbols at {@code symOff}: {@code DT_HASH}'s {@code nchain}, else one past the last symbol
   * of {@code DT_GNU_HASH}'s last chain; 0 (with a defect) when neither is usable.
   */
  long dynamicSymbolCount(Dynamic d, Segments segs, long symOff, int ent) {
    long fileLimit = (in.size() - symOff) / ent;
    if (d.has(DynamicTag.HASH)) {
      long ho = ElfInput.fileOffset(segs, d.value(DynamicTag.HASH).getAsLong());
      if (ho >= 0 && in.contains(ho, 8)) {
        try {
          // nchain is the symbol count; the symbol reader bounds it by the file and records a defect when it lies
          return ElfInput.u32(in.region(ho, 8, "DT_HASH"), 4);
        } catch (ElfFormatException e) {
          defects.add(e.offset(), "DT_HASH", e.reason());
        }
      }
    }
    if (d.has(DynamicTag.GNU_HASH)) {
      long go = ElfInput.fileOffset(segs, d.value(DynamicTag.GNU_HASH).getAsLong());
      try {
        return gnuHashCount(go, fileLimit);
      } catch (ElfFormatException e) {
        defects.add(e.offset(), "DT_GNU_HASH", e.reason());
      }
    }
    defects.add(symOff, "DT_SYMTAB", "no usable DT_HASH or DT_GNU_HASH to count the dynamic symbols");
    return 0;
  }

  private long gnuHashCount(long go, long fileLimit) throws ElfFormatException {
    ElfLimits limits = in.limits;
    ByteBuffer h = in.region(go, 16, "DT_GNU_HASH");
    long nbuckets = ElfInput.u32(h, 0);
    long symoffset = ElfInput.u32(h, 4);
    long bloomSize = ElfInput.u32(h, 8);
    long bucketsOff = go + 16 + bloomSize * (in.is64 ? 8 : 4);
    if (nbuckets > limits.maxSymbols() || bloomSize > limits.maxSymbols()) {
      throw new ElfFormatException(go, "DT_GNU_HASH sizes are implausible");
    }
    ByteBuffer buckets = in.region(bucketsOff, nbuckets * 4, "DT_GNU_HASH buckets");
    long maxSym = 0;
    for (int i = 0; i < nbuckets; i++) {
      maxSym = Math.max(maxSym, ElfInput.u32(buckets, i * 4));
    }
    if (maxSym < symoffset) {
      return Math.min(symoffset, fileLimit);
    }
    long chains = bucketsOff + nbuckets * 4;
    long bound = Math.min(fileLimit, limits.maxSymbols());
    // Walk the last chain to its end bit; bounded by the symbol limit and the file.
    boolean ended = false;
    while (maxSym < bound) {
      long co = chains + (maxSym - symoffset) * 4;
      if (!in.contains(co, 4)) {
        defects.add(co, "DT_GNU_HASH", "chain runs past the end of the file");
        break;
      }
      long v = ElfInput.u32(in.region(co, 4, "DT_GNU_HASH chain"), 0);
      maxSym++;
      if ((v & 1) != 0) {
        ended = true;
        break;
      }
    }
    if (!ended) {
      defects.add(chains, "DT_GNU_HASH", "the last hash chain has no end within " + maxSym + " symbols");
    }
    return Math.min(maxSym, fileLimit);
  }
}
