package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BoundedReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code LC_SYMTAB} ({@code symtab_command}, {@code <mach-o/loader.h>}) and the symbol table it points to
 * ({@code nlist}/{@code nlist_64}, {@code <mach-o/nlist.h>}): the names of the undefined and defined external
 * symbols, at most {@link MachOSlice#MAX_SYMBOLS}.
 *
 * @param symoff the symbol table's offset in the slice
 * @param nsyms the number of entries
 * @param stroff the string table's offset in the slice
 * @param strsize the string table's size
 */
record SymtabCommand(long symoff, long nsyms, long stroff, long strsize) {
  private static final int SIZE = 24;
  /** The longest symbol name read. */
  private static final int MAX_NAME = 4096;

  /** Reads the command. */
  static SymtabCommand read(ByteBuffer b, long at) throws MachOFormatException {
    LoadCommands.need(b, SIZE, at);
    return new SymtabCommand(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL, b.getInt(16) & 0xffffffffL,
        b.getInt(20) & 0xffffffffL);
  }

  /**
   * Appends the symbol names to {@code undefined} and {@code defined}, skipping debugging (stab) entries and
   * unnamed ones; names that point outside the string table, and a count cut to the limit, go to {@code defects}.
   *
   * @param r the slice, in its byte order
   * @param is64 true for {@code nlist_64}
   * @throws MachOFormatException when the symbol or string table lies outside the slice, or a name cannot be read
   */
  void symbols(BoundedReader<MachOFormatException> r, boolean is64, List<String> undefined, List<String> defined,
      List<String> defects) throws MachOFormatException {
    int each = is64 ? 16 : 12;
    long n = nsyms;
    if (n > MachOSlice.MAX_SYMBOLS) {
      defects.add("nsyms " + nsyms + " exceeds " + MachOSlice.MAX_SYMBOLS + "; reading the first "
          + MachOSlice.MAX_SYMBOLS);
      n = MachOSlice.MAX_SYMBOLS;
    }
    if (!r.contains(symoff, n * each)) {
      throw r.failure(symoff, nsyms + " symbols run past the end of the slice");
    }
    if (!r.contains(stroff, strsize)) {
      throw r.failure(stroff, "string table runs past the end of the slice");
    }
    int bad = 0;
    for (long i = 0; i < n; i++) {
      ByteBuffer e = r.buf(symoff + i * each, each, "nlist");
      long strx = e.getInt(0) & 0xffffffffL;
      int type = e.get(4) & 0xff;
      if ((type & 0xe0) != 0 || strx == 0) {
        continue; // debugging (stab) entry or no name
      }
      if (strx >= strsize) {
        bad++;
        continue;
      }
      String name = r.cstring(stroff + strx, stroff + strsize, MAX_NAME, StandardCharsets.UTF_8, "symbol name");
      // N_TYPE == N_UNDF with N_EXT: an import; any other N_TYPE: defined here
      if ((type & 0x0e) == 0 && (type & 0x01) != 0) {
        undefined.add(name);
      } else if ((type & 0x0e) != 0) {
        defined.add(name);
      }
    }
    if (bad > 0) {
      defects.add(bad + " symbol names point outside the string table");
    }
  }
}
