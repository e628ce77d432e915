package dev.wheeltapper.elf;

import java.util.Objects;

/**
 * One program header ({@code Elf32_Phdr} / {@code Elf64_Phdr}): what the loader maps.
 *
 * <pre>{@code
 * boolean execStack = elf.segments().first(SegmentType.GNU_STACK).map(Segment::isExecutable).orElse(true);
 * }</pre>
 *
 * @param index the index in the program header table
 * @param type the type
 * @param rawType {@code p_type}
 * @param flags {@code p_flags} ({@code PF_X} 1, {@code PF_W} 2, {@code PF_R} 4)
 * @param offset {@code p_offset}
 * @param virtualAddress {@code p_vaddr}
 * @param physicalAddress {@code p_paddr}
 * @param fileSize {@code p_filesz}
 * @param memorySize {@code p_memsz}
 * @param alignment {@code p_align}
 */
public record Segment(
    int index,
    SegmentType type,
    long rawType,
    long flags,
    long offset,
    long virtualAddress,
    long physicalAddress,
    long fileSize,
    long memorySize,
    long alignment) {

  /** {@code PF_X}. */
  public static final long PF_X = 0x1;
  /** {@code PF_W}. */
  public static final long PF_W = 0x2;
  /** {@code PF_R}. */
  public static final long PF_R = 0x4;

  /** Validates the components. */
  public Segment {
    Objects.requireNonNull(type, "type");
  }

  /**
   * Whether {@code PF_R} is set.
   *
   * @return the flag
   */
  public boolean isReadable() {
    return (flags & PF_R) != 0;
  }

  /**
   * Whether {@code PF_W} is set.
   *
   * @return the flag
   */
  public boolean isWritable() {
    return (flags & PF_W) != 0;
  }

  /**
   * Whether {@code PF_X} is set.
   *
   * @return the flag
   */
  public boolean isExecutable() {
    return (flags & PF_X) != 0;
  }

  /**
   * The flags as readelf prints them: three characters from {@code R}, {@code W}, {@code E} or blanks.
   *
   * @return for example {@code "R E"} or {@code "RW "}
   */
  public String flagString() {
    return (isReadable() ? "R" : " ") + (isWritable() ? "W" : " ") + (isExecutable() ? "E" : " ");
  }

  /**
   * Whether a virtual address falls inside the file-backed part of this segment.
   *
   * @param address a virtual address
   * @return true when {@code p_vaddr <= address < p_vaddr + p_filesz}
   */
  public boolean containsFileAddress(long address) {
    return Long.compareUnsigned(address, virtualAddress) >= 0
        && Long.compareUnsigned(address - virtualAddress, fileSize) < 0;
  }
}
