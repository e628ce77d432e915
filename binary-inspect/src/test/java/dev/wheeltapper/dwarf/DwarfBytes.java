package dev.wheeltapper.dwarf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds DWARF sections byte by byte for the hostile-input tests: unit headers of every version and width, abbreviation
 * tables, LEB128 numbers and strings, little-endian.
 */
public final class DwarfBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private DwarfBytes() {}

  /**
   * A new, empty section.
   *
   * @return the builder
   */
  public static DwarfBytes section() {
    return new DwarfBytes();
  }

  /**
   * Appends bytes.
   *
   * @param values each an unsigned byte
   * @return this
   */
  public DwarfBytes u8(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  /**
   * Appends a little-endian 16-bit value.
   *
   * @param v the value
   * @return this
   */
  public DwarfBytes u16(int v) {
    return u8(v & 0xff, v >>> 8 & 0xff);
  }

  /**
   * Appends a little-endian 32-bit value.
   *
   * @param v the value
   * @return this
   */
  public DwarfBytes u32(long v) {
    return u16((int) (v & 0xffff)).u16((int) (v >>> 16 & 0xffff));
  }

  /**
   * Appends a little-endian 64-bit value.
   *
   * @param v the value
   * @return this
   */
  public DwarfBytes u64(long v) {
    return u32(v & 0xffffffffL).u32(v >>> 32);
  }

  /**
   * Appends an unsigned LEB128.
   *
   * @param v the value
   * @return this
   */
  public DwarfBytes uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  /**
   * Appends a NUL-terminated string.
   *
   * @param s the string
   * @return this
   */
  public DwarfBytes string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
    out.write(0);
    return this;
  }

  /**
   * Appends another builder's bytes.
   *
   * @param other the bytes
   * @return this
   */
  public DwarfBytes bytes(byte[] other) {
    out.write(other, 0, other.length);
    return this;
  }

  /**
   * The bytes so far.
   *
   * @return a copy
   */
  public byte[] toBytes() {
    return out.toByteArray();
  }

  /**
   * A DWARF 2-4 unit: 32-bit length, version, abbreviation offset 0, address size 8, then the DIE bytes.
   *
   * @param version 2, 3 or 4
   * @param die the first DIE (abbreviation code and attribute values)
   * @return the unit
   */
  public static byte[] unit4(int version, byte[] die) {
    byte[] body = section().u16(version).u32(0).u8(8).bytes(die).toBytes();
    return section().u32(body.length).bytes(body).toBytes();
  }

  /**
   * A DWARF 5 compile unit: 32-bit length, version 5, {@code DW_UT_compile}, address size 8, abbreviation offset 0.
   *
   * @param die the first DIE
   * @return the unit
   */
  public static byte[] unit5(byte[] die) {
    byte[] body = section().u16(5).u8(1, 8).u32(0).bytes(die).toBytes();
    return section().u32(body.length).bytes(body).toBytes();
  }

  /**
   * The standard abbreviation table of these tests: code 1, {@code DW_TAG_compile_unit}, no children, with
   * {@code DW_AT_producer} in {@code producerForm}, {@code DW_AT_language} {@code DW_FORM_data1} and
   * {@code DW_AT_name} {@code DW_FORM_strp}.
   *
   * @param producerForm the producer's form
   * @return the table
   */
  public static byte[] abbrev(int producerForm) {
    return section().uleb(1).uleb(0x11).u8(0).uleb(0x25).uleb(producerForm).uleb(0x13).uleb(0x0b).uleb(0x03)
        .uleb(0x0e).u8(0, 0).u8(0).toBytes();
  }

  /**
   * Sections from arrays.
   *
   * @param info {@code .debug_info}
   * @param abbrev {@code .debug_abbrev}
   * @param str {@code .debug_str}
   * @return the sections (no line strings, no string offsets)
   */
  public static DwarfSections sections(byte[] info, byte[] abbrev, byte[] str) {
    return new DwarfSections(ByteBuffer.wrap(info), ByteBuffer.wrap(abbrev), ByteBuffer.wrap(str),
        ByteBuffer.allocate(0), ByteBuffer.allocate(0), ByteOrder.LITTLE_ENDIAN);
  }
}
