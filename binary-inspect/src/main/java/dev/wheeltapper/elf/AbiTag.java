package dev.wheeltapper.elf;

/**
 * The {@code NT_GNU_ABI_TAG} note: the oldest kernel the object supports.
 *
 * <pre>{@code
 * elf.notes().abiTag().map(AbiTag::toString);   // "Linux 3.2.0"
 * }</pre>
 *
 * @param os 0 Linux, 1 GNU/Hurd, 2 Solaris, 3 FreeBSD
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch level
 */
public record AbiTag(long os, long major, long minor, long patch) {
  /**
   * The operating system name as readelf prints it.
   *
   * @return {@code Linux}, {@code Hurd}, {@code Solaris}, {@code FreeBSD}, or {@code Unknown}
   */
  public String osName() {
    switch ((int) Math.min(os, 99)) {
      case 0:
        return "Linux";
      case 1:
        return "Hurd";
      case 2:
        return "Solaris";
      case 3:
        return "FreeBSD";
      default:
        return "Unknown";
    }
  }

  @Override
  public String toString() {
    return osName() + " " + major + "." + minor + "." + patch;
  }
}
