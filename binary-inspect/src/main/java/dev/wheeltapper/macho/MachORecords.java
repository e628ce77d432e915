package dev.wheeltapper.macho;

import java.util.List;
import java.util.Objects;

/**
 * The typed parts of a Mach-O slice that {@link MachOSlice} hands out. Each is an immutable, thread-safe record.
 *
 * <pre>{@code
 * for (MachORecords.Dylib d : slice.dylibs()) {
 *   d.kind();   // LOAD, WEAK, REEXPORT ...
 * }
 * }</pre>
 */
public final class MachORecords {
  private MachORecords() {}

  /**
   * One load command as the table lists it.
   *
   * @param cmd the command number ({@code 0x19} LC_SEGMENT_64, {@code 0x8000001c} LC_RPATH ...)
   * @param offset its offset inside the slice
   * @param size its cmdsize
   */
  public record LoadCommand(long cmd, long offset, long size) {}

  /**
   * One section of a segment.
   *
   * @param name the section name ({@code __text})
   * @param segment the segment name it claims ({@code __TEXT})
   * @param address its VM address
   * @param size its size
   * @param offset its file offset inside the slice
   * @param flags its flags (type in the low byte)
   */
  public record Section(String name, String segment, long address, long size, long offset, long flags) {
    /** Rejects nulls. */
    public Section {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(segment, "segment");
    }
  }

  /**
   * One LC_SEGMENT or LC_SEGMENT_64.
   *
   * @param name the segment name ({@code __TEXT}, {@code __LINKEDIT}, {@code __RESTRICT})
   * @param vmAddress its VM address
   * @param vmSize its VM size
   * @param fileOffset its file offset inside the slice
   * @param fileSize its size in the file
   * @param maxProtection the maximum protection (1 read, 2 write, 4 execute)
   * @param initProtection the initial protection
   * @param flags the segment flags
   * @param sections its sections (at most the reader's limit)
   */
  public record Segment(String name, long vmAddress, long vmSize, long fileOffset, long fileSize, int maxProtection,
      int initProtection, long flags, List<Section> sections) {
    /** Copies. */
    public Segment {
      Objects.requireNonNull(name, "name");
      sections = List.copyOf(sections);
    }

    /**
     * Whether the segment is mapped writable and executable at once.
     *
     * @return true when the initial protection has write and execute
     */
    public boolean writableAndExecutable() {
      return (initProtection & 2) != 0 && (initProtection & 4) != 0;
    }
  }

  /** How a dylib is loaded. */
  public enum DylibKind {
    /** LC_LOAD_DYLIB. */
    LOAD,
    /** LC_LOAD_WEAK_DYLIB: missing at run time is allowed. */
    WEAK,
    /** LC_REEXPORT_DYLIB. */
    REEXPORT,
    /** LC_LAZY_LOAD_DYLIB. */
    LAZY,
    /** LC_LOAD_UPWARD_DYLIB. */
    UPWARD
  }

  /**
   * One dylib the slice links against.
   *
   * @param kind the load command kind
   * @param name the install name as written ({@code @rpath/libfoo.dylib}, {@code /usr/lib/libSystem.B.dylib})
   * @param currentVersion the current version (X.Y.Z packed as {@code xxxx.yy.zz})
   * @param compatibilityVersion the compatibility version
   */
  public record Dylib(DylibKind kind, String name, long currentVersion, long compatibilityVersion) {
    /** Rejects nulls. */
    public Dylib {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The deployment target from LC_BUILD_VERSION or an LC_VERSION_MIN_* command.
   *
   * @param platform the platform ({@code 1} macOS, {@code 2} iOS ...; from the command for LC_VERSION_MIN_*)
   * @param minos the minimum OS version, packed {@code xxxx.yy.zz}
   * @param sdk the SDK version, packed
   * @param command the command it came from ({@code 0x32} LC_BUILD_VERSION, {@code 0x24} LC_VERSION_MIN_MACOSX ...)
   */
  public record BuildVersion(long platform, long minos, long sdk, long command) {
    /**
     * The minimum OS version as text.
     *
     * @return for example {@code 10.9} or {@code 12.1}
     */
    public String minosText() {
      return version(minos);
    }

    /**
     * Unpacks a version {@code xxxx.yy.zz}, dropping a zero patch.
     *
     * @param v the packed version
     * @return the text
     */
    public static String version(long v) {
      long major = (v >>> 16) & 0xffff;
      long minor = (v >>> 8) & 0xff;
      long patch = v & 0xff;
      return major + "." + minor + (patch != 0 ? "." + patch : "");
    }
  }

  /**
   * A {@code linkedit_data_command} such as LC_CODE_SIGNATURE.
   *
   * @param dataOffset the data's offset inside the slice
   * @param dataSize its size
   */
  public record LinkeditData(long dataOffset, long dataSize) {}

  /**
   * LC_ENCRYPTION_INFO or LC_ENCRYPTION_INFO_64.
   *
   * @param cryptOffset the encrypted range's offset
   * @param cryptSize its size
   * @param cryptId the encryption system, 0 when not encrypted
   */
  public record EncryptionInfo(long cryptOffset, long cryptSize, long cryptId) {}
}
