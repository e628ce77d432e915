package dev.wheeltapper.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The DWARF sections the compilation unit reader needs, already decompressed, each a read-only buffer positioned at 0
 * (an absent section is an empty buffer). Multi-byte fields are read in {@link #order()}, whatever the buffers' own
 * order.
 *
 * <pre>{@code
 * DwarfSections s = new DwarfSections(info, abbrev, str, lineStr, strOffsets, ByteOrder.LITTLE_ENDIAN);
 * }</pre>
 *
 * <p>Immutable as long as the caller does not change the bytes; the reader takes its own views, so one instance may be
 * read from several threads.
 *
 * @param info {@code .debug_info}
 * @param abbrev {@code .debug_abbrev}
 * @param str {@code .debug_str}
 * @param lineStr {@code .debug_line_str} (DWARF 5)
 * @param strOffsets {@code .debug_str_offsets} (DWARF 5, for {@code DW_FORM_strx*})
 * @param order the object file's byte order
 */
public record DwarfSections(
    ByteBuffer info, ByteBuffer abbrev, ByteBuffer str, ByteBuffer lineStr, ByteBuffer strOffsets, ByteOrder order) {

  /** Rejects nulls and keeps read-only views at position 0. */
  public DwarfSections {
    info = view(info, "info");
    abbrev = view(abbrev, "abbrev");
    str = view(str, "str");
    lineStr = view(lineStr, "lineStr");
    strOffsets = view(strOffsets, "strOffsets");
    Objects.requireNonNull(order, "order");
  }

  /**
   * No DWARF at all.
   *
   * @return sections that are all empty
   */
  public static DwarfSections none() {
    ByteBuffer e = ByteBuffer.allocate(0);
    return new DwarfSections(e, e, e, e, e, ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer view(ByteBuffer b, String what) {
    return Objects.requireNonNull(b, what).slice().asReadOnlyBuffer();
  }
}
