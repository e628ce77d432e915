package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One ELF note ({@code Elf_Nhdr} with its name and descriptor), from an {@code SHT_NOTE} section or a
 * {@code PT_NOTE} segment.
 *
 * <pre>{@code
 * for (Note n : elf.notes()) System.out.println(n.owner() + " " + n.type() + " " + n.descriptorSize());
 * }</pre>
 *
 * <p>Immutable and thread-safe (the name and descriptor are copied in and out).
 */
public final class Note {
  /** {@code NT_GNU_ABI_TAG}. */
  public static final long NT_GNU_ABI_TAG = 1;
  /** {@code NT_GNU_HWCAP}. */
  public static final long NT_GNU_HWCAP = 2;
  /** {@code NT_GNU_BUILD_ID}. */
  public static final long NT_GNU_BUILD_ID = 3;
  /** {@code NT_GNU_GOLD_VERSION}. */
  public static final long NT_GNU_GOLD_VERSION = 4;
  /** {@code NT_GNU_PROPERTY_TYPE_0}. */
  public static final long NT_GNU_PROPERTY_TYPE_0 = 5;
  /** {@code NT_GO_BUILDID}: owner {@code "Go"}. */
  public static final long NT_GO_BUILDID = 4;
  /** {@code NT_FDO_PACKAGING_METADATA}: owner {@code "FDO"}, a JSON descriptor ({@code .note.package}). */
  public static final long NT_FDO_PACKAGING_METADATA = 0xcafe1a7eL;

  private final String owner;
  private final byte[] name;
  private final long type;
  private final byte[] descriptor;
  private final boolean littleEndian;
  private final String source;
  private final long offset;

  Note(String owner, byte[] name, long type, byte[] descriptor, boolean littleEndian, String source, long offset) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.name = name.clone();
    this.type = type;
    this.descriptor = descriptor.clone();
    this.littleEndian = littleEndian;
    this.source = Objects.requireNonNull(source, "source");
    this.offset = offset;
  }

  /**
   * The owner name without its terminating NUL, for example {@code GNU}, {@code Go}, {@code FDO}.
   *
   * @return the name
   */
  public String owner() {
    return owner;
  }

  /**
   * The raw name bytes, all {@code n_namesz} of them with any terminating NULs: {@link #owner()} decodes them as text,
   * which loses what some owners store after a NUL or as binary (annobin's {@code GA} notes put the attribute and its
   * value in the name).
   *
   * <pre>{@code
   * byte[] name = note.nameBytes();   // 'G' 'A' '*' 0x02 0x03 0x00 for annobin's stack_prot = 3
   * }</pre>
   *
   * @return a fresh copy
   */
  public byte[] nameBytes() {
    return name.clone();
  }

  /**
   * {@code n_type}, whose meaning depends on the owner.
   *
   * @return the type
   */
  public long type() {
    return type;
  }

  /**
   * The descriptor length ({@code n_descsz}).
   *
   * @return the byte count
   */
  public int descriptorSize() {
    return descriptor.length;
  }

  /**
   * The descriptor bytes.
   *
   * @return a fresh copy
   */
  public byte[] descriptorBytes() {
    return descriptor.clone();
  }

  /**
   * The descriptor as a read-only buffer in the file's byte order.
   *
   * @return a read-only buffer positioned at 0
   */
  public ByteBuffer descriptor() {
    return ByteBuffer.wrap(descriptor)
        .asReadOnlyBuffer()
        .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
  }

  /**
   * Where the note was found: the section name, or {@code PT_NOTE[i]} for a segment.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The file offset of the note header.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * Whether the owner is {@code GNU} and the type matches.
   *
   * @param gnuType for example {@link #NT_GNU_BUILD_ID}
   * @return true on match
   */
  public boolean isGnu(long gnuType) {
    return owner.equals("GNU") && type == gnuType;
  }

  /**
   * The descriptor as lower-case hex (how readelf prints a build id).
   *
   * @return the hex string
   */
  public String descriptorHex() {
    StringBuilder sb = new StringBuilder(descriptor.length * 2);
    for (byte b : descriptor) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Note
        && ((Note) o).owner.equals(owner)
        && ((Note) o).type == type
        && Arrays.equals(((Note) o).descriptor, descriptor)
        && ((Note) o).offset == offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, type, offset, Arrays.hashCode(descriptor));
  }

  @Override
  public String toString() {
    return "Note[" + owner + ", type=0x" + Long.toHexString(type) + ", " + descriptor.length + " bytes, " + source + "]";
  }
}
