package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.BoundedReader;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.macho.MachORecords.BuildVersion;
import dev.wheeltapper.macho.MachORecords.Dylib;
import dev.wheeltapper.macho.MachORecords.EncryptionInfo;
import dev.wheeltapper.macho.MachORecords.LinkeditData;
import dev.wheeltapper.macho.MachORecords.LoadCommand;
import dev.wheeltapper.macho.MachORecords.Segment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One architecture of a Mach-O file (the whole file when thin): header, load commands, segments and sections, linked
 * dylibs, LC_RPATH entries, deployment target, UUID, code signature, encryption info, chained fixups and the symbol
 * table's names. Every offset here is relative to the slice start.
 *
 * <pre>{@code
 * MachOSlice s = macho.slices().get(0);
 * s.machineLabel();              // "arm64"
 * s.typeLabel();                 // "bundle"
 * s.buildVersion().map(BuildVersion::minosText);   // Optional[11.0]
 * s.undefinedSymbols().contains("___stack_chk_fail");
 * }</pre>
 *
 * <p>Each part is read by the class named for it in {@code <mach-o/loader.h>}: {@link MachHeader}, then the load
 * command table ({@code LoadCommands}) with one class per command read: {@code SegmentCommand},
 * {@code DylibCommand}, {@code RpathCommand}, {@code BuildVersionCommand}, {@code UuidCommand},
 * {@code LinkeditDataCommand} (LC_CODE_SIGNATURE, whose superblob {@code CodeSignatures} reads),
 * {@code EncryptionInfoCommand} and {@code SymtabCommand}.
 *
 * <p>The header and load command table must be sound ({@link MachOFormatException} otherwise); a damaged symbol table
 * or string is recorded in {@link #defects()}. Immutable and thread-safe.
 */
public final class MachOSlice {
  /** At most this many load commands. */
  public static final int MAX_COMMANDS = MachHeader.MAX_COMMANDS;
  /** At most this many sections per segment. */
  public static final int MAX_SECTIONS = 1024;
  /** At most this many symbols are read. */
  public static final int MAX_SYMBOLS = 1_000_000;

  /** MH_PIE. */
  public static final long MH_PIE = MachHeader.MH_PIE;
  /** MH_ALLOW_STACK_EXECUTION. */
  public static final long MH_ALLOW_STACK_EXECUTION = MachHeader.MH_ALLOW_STACK_EXECUTION;
  /** MH_NO_HEAP_EXECUTION. */
  public static final long MH_NO_HEAP_EXECUTION = MachHeader.MH_NO_HEAP_EXECUTION;
  /** MH_EXECUTE. */
  public static final long MH_EXECUTE = MachHeader.MH_EXECUTE;
  /** MH_DYLIB. */
  public static final long MH_DYLIB = MachHeader.MH_DYLIB;
  /** MH_BUNDLE. */
  public static final long MH_BUNDLE = MachHeader.MH_BUNDLE;

  private final ByteSource src;
  private final long offset;
  private final long size;
  private final MachHeader header;
  private final List<LoadCommand> commands;
  private final List<Segment> segments;
  private final List<Dylib> dylibs;
  private final List<String> rpaths;
  private final Optional<String> installName;
  private final Optional<BuildVersion> buildVersion;
  private final List<String> buildTools;
  private final Optional<String> uuid;
  private final Optional<LinkeditData> codeSignature;
  private final Optional<EncryptionInfo> encryption;
  private final boolean chainedFixups;
  private final boolean dyldInfo;
  private final List<String> undefined;
  private final List<String> defined;
  private final List<String> defects;

  /**
   * Reads a slice.
   *
   * @param src the file, for the code signature's hashes
   * @param slice the slice's window of the file (any byte order: the header's magic decides)
   */
  MachOSlice(ByteSource src, BoundedReader<MachOFormatException> slice) throws MachOFormatException {
    this.src = src;
    this.offset = slice.base();
    this.size = slice.size();
    header = MachHeader.read(slice);
    BoundedReader<MachOFormatException> r = slice.window(0, slice.size(), header.order());
    LoadCommands lc = LoadCommands.read(r, header);
    commands = List.copyOf(lc.commands);
    segments = List.copyOf(lc.segments);
    dylibs = List.copyOf(lc.dylibs);
    rpaths = List.copyOf(lc.rpaths);
    installName = lc.installName;
    buildVersion = lc.buildVersion;
    buildTools = List.copyOf(lc.buildTools);
    uuid = lc.uuid;
    codeSignature = lc.codeSignature;
    encryption = lc.encryption;
    chainedFixups = lc.chainedFixups;
    dyldInfo = lc.dyldInfo;
    List<String> def = new ArrayList<>(lc.defects);
    List<String> und = new ArrayList<>();
    List<String> dfn = new ArrayList<>();
    if (lc.symtab.isPresent() && lc.symtab.get().nsyms() > 0) {
      try {
        lc.symtab.get().symbols(r, header.bits() == 64, und, dfn, def);
      } catch (MachOFormatException e) {
        def.add("symbol table: " + e.getMessage());
      }
    }
    undefined = List.copyOf(und);
    defined = List.copyOf(dfn);
    defects = List.copyOf(def);
  }

  /**
   * The mach_header(_64).
   *
   * @return the header
   */
  public MachHeader header() {
    return header;
  }

  /**
   * The slice's offset in the file (0 when thin).
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * The slice's size.
   *
   * @return the number of bytes
   */
  public long size() {
    return size;
  }

  /**
   * 32 or 64.
   *
   * @return the word size in bits
   */
  public int bits() {
    return header.bits();
  }

  /**
   * Whether the slice is little-endian.
   *
   * @return true for x86 and arm
   */
  public boolean littleEndian() {
    return header.littleEndian();
  }

  /**
   * The cputype.
   *
   * @return {@code 0x01000007} x86_64, {@code 0x0100000c} arm64, {@code 7} i386 ...
   */
  public int cpuType() {
    return header.cpuType();
  }

  /**
   * The cpusubtype.
   *
   * @return the subtype, with capability bits
   */
  public int cpuSubtype() {
    return header.cpuSubtype();
  }

  /**
   * The machine label.
   *
   * @return {@code x86_64}, {@code arm64}, {@code arm64e}, {@code i386}, {@code ppc}, {@code arm} ...
   */
  public String machineLabel() {
    return MachOFile.cpuLabel(header.cpuType(), header.cpuSubtype());
  }

  /**
   * The filetype.
   *
   * @return {@code 2} MH_EXECUTE, {@code 6} MH_DYLIB, {@code 8} MH_BUNDLE ...
   */
  public long fileType() {
    return header.fileType();
  }

  /**
   * The file type label.
   *
   * @return {@code exec}, {@code dylib}, {@code bundle}, {@code object}, ... or {@code type-N}
   */
  public String typeLabel() {
    return header.typeLabel();
  }

  /**
   * The header flags.
   *
   * @return the flags ({@link #MH_PIE} ...)
   */
  public long flags() {
    return header.flags();
  }

  /**
   * The load commands in table order.
   *
   * @return the commands
   */
  public List<LoadCommand> loadCommands() {
    return commands;
  }

  /**
   * The segments.
   *
   * @return LC_SEGMENT and LC_SEGMENT_64 in order
   */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * The linked dylibs.
   *
   * @return in load command order
   */
  public List<Dylib> dylibs() {
    return dylibs;
  }

  /**
   * The LC_RPATH entries.
   *
   * @return the paths as written
   */
  public List<String> rpaths() {
    return rpaths;
  }

  /**
   * The LC_ID_DYLIB install name of a dylib.
   *
   * @return the name, when present
   */
  public Optional<String> installName() {
    return installName;
  }

  /**
   * The deployment target: LC_BUILD_VERSION, else the first LC_VERSION_MIN_*.
   *
   * @return the version, when recorded
   */
  public Optional<BuildVersion> buildVersion() {
    return buildVersion;
  }

  /**
   * The tools LC_BUILD_VERSION names, with their versions.
   *
   * @return for example {@code [ld 1022.1]}
   */
  public List<String> buildTools() {
    return buildTools;
  }

  /**
   * The LC_UUID.
   *
   * @return 32 hex digits
   */
  public Optional<String> uuid() {
    return uuid;
  }

  /**
   * The LC_CODE_SIGNATURE command; {@link #verifyCodeSignature()} checks what it points to.
   *
   * @return the data range
   */
  public Optional<LinkeditData> codeSignature() {
    return codeSignature;
  }

  /**
   * Verifies the embedded code signature offline: recomputes every CodeDirectory's code page hashes over this slice
   * and its special slots over the requirements and entitlements blobs. Reads the slice again (hashing every byte up
   * to the code limit), so call it while the file is open; not cached.
   *
   * <pre>{@code
   * CodeSignature cs = slice.verifyCodeSignature();
   * if (cs.state() == CodeSignature.State.INVALID) System.out.println(cs.detail());
   * }</pre>
   *
   * @return the verdict: absent, valid, invalid (modified after signing) or malformed
   * @throws IOException when the file cannot be read
   */
  public CodeSignature verifyCodeSignature() throws IOException {
    return CodeSignatures.verify(src, offset, size, codeSignature);
  }

  /**
   * The LC_ENCRYPTION_INFO(_64) command.
   *
   * @return the info, when present
   */
  public Optional<EncryptionInfo> encryption() {
    return encryption;
  }

  /**
   * Whether LC_DYLD_CHAINED_FIXUPS is present (macOS 12 and later linkers).
   *
   * @return true when present
   */
  public boolean chainedFixups() {
    return chainedFixups;
  }

  /**
   * Whether LC_DYLD_INFO or LC_DYLD_INFO_ONLY is present (the older compressed fixups).
   *
   * @return true when present
   */
  public boolean dyldInfo() {
    return dyldInfo;
  }

  /**
   * The undefined external symbols (imports), with their leading underscore ({@code ___stack_chk_fail}).
   *
   * @return the names in table order
   */
  public List<String> undefinedSymbols() {
    return undefined;
  }

  /**
   * The defined, non-debugging symbols.
   *
   * @return the names in table order
   */
  public List<String> definedSymbols() {
    return defined;
  }

  /**
   * Damage found in optional parts.
   *
   * @return the defects, each a sentence
   */
  public List<String> defects() {
    return defects;
  }
}
