package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.macho.MachORecords.BuildVersion;
import dev.wheeltapper.macho.MachORecords.Dylib;
import dev.wheeltapper.macho.MachORecords.DylibKind;
import dev.wheeltapper.macho.MachORecords.EncryptionInfo;
import dev.wheeltapper.macho.MachORecords.LinkeditData;
import dev.wheeltapper.macho.MachORecords.LoadCommand;
import dev.wheeltapper.macho.MachORecords.Section;
import dev.wheeltapper.macho.MachORecords.Segment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>The header and load command table must be sound ({@link MachOFormatException} otherwise); a damaged symbol table
 * or string is recorded in {@link #defects()}. Immutable and thread-safe.
 */
public final class MachOSlice {
  /** At most this many load commands. */
  public static final int MAX_COMMANDS = 4096;
  /** At most this many sections per segment. */
  public static final int MAX_SECTIONS = 1024;
  /** At most this many symbols are read. */
  public static final int MAX_SYMBOLS = 1_000_000;

  /** MH_PIE. */
  public static final long MH_PIE = 0x200000L;
  /** MH_ALLOW_STACK_EXECUTION. */
  public static final long MH_ALLOW_STACK_EXECUTION = 0x20000L;
  /** MH_NO_HEAP_EXECUTION. */
  public static final long MH_NO_HEAP_EXECUTION = 0x1000000L;
  /** MH_EXECUTE. */
  public static final long MH_EXECUTE = 2;
  /** MH_DYLIB. */
  public static final long MH_DYLIB = 6;
  /** MH_BUNDLE. */
  public static final long MH_BUNDLE = 8;

  static final long LC_SEGMENT = 0x1;
  static final long LC_SYMTAB = 0x2;
  static final long LC_DYSYMTAB = 0xb;
  static final long LC_LOAD_DYLIB = 0xc;
  static final long LC_ID_DYLIB = 0xd;
  static final long LC_SEGMENT_64 = 0x19;
  static final long LC_UUID = 0x1b;
  static final long LC_CODE_SIGNATURE = 0x1d;
  static final long LC_LAZY_LOAD_DYLIB = 0x20;
  static final long LC_ENCRYPTION_INFO = 0x21;
  static final long LC_DYLD_INFO = 0x22;
  static final long LC_VERSION_MIN_MACOSX = 0x24;
  static final long LC_VERSION_MIN_IPHONEOS = 0x25;
  static final long LC_ENCRYPTION_INFO_64 = 0x2c;
  static final long LC_VERSION_MIN_TVOS = 0x2f;
  static final long LC_VERSION_MIN_WATCHOS = 0x30;
  static final long LC_BUILD_VERSION = 0x32;
  static final long LC_LOAD_WEAK_DYLIB = 0x80000018L;
  static final long LC_RPATH = 0x8000001cL;
  static final long LC_REEXPORT_DYLIB = 0x8000001fL;
  static final long LC_DYLD_INFO_ONLY = 0x80000022L;
  static final long LC_LOAD_UPWARD_DYLIB = 0x80000023L;
  static final long LC_DYLD_EXPORTS_TRIE = 0x80000033L;
  static final long LC_DYLD_CHAINED_FIXUPS = 0x80000034L;

  private final ByteSource src;
  private final long offset;
  private final long size;
  private final boolean is64;
  private final boolean littleEndian;
  private final int cpuType;
  private final int cpuSubtype;
  private final long fileType;
  private final long flags;
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

  MachOSlice(ByteSource src, long offset, long size) throws MachOFormatException {
    this.src = src;
    this.offset = offset;
    this.size = size;
    if (size < 28) {
      throw new MachOFormatException(offset, "a " + size + "-byte slice cannot hold a Mach-O header");
    }
    Rd probe = new Rd(src, offset, size, ByteOrder.LITTLE_ENDIAN);
    long m = probe.u32(0, "magic");
    ByteOrder order;
    if (m == 0xfeedfaceL || m == 0xfeedfacfL) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (m == 0xcefaedfeL || m == 0xcffaedfeL) {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new MachOFormatException(offset, "no Mach-O magic (0x" + Long.toHexString(m) + ")");
    }
    littleEndian = order == ByteOrder.LITTLE_ENDIAN;
    is64 = m == 0xfeedfacfL || m == 0xcffaedfeL;
    Rd r = new Rd(src, offset, size, order);
    int headerSize = is64 ? 32 : 28;
    ByteBuffer h = r.buf(0, headerSize, "Mach-O header");
    cpuType = h.getInt(4);
    cpuSubtype = h.getInt(8);
    fileType = h.getInt(12) & 0xffffffffL;
    long ncmds = h.getInt(16) & 0xffffffffL;
    long sizeofcmds = h.getInt(20) & 0xffffffffL;
    flags = h.getInt(24) & 0xffffffffL;
    if (ncmds > MAX_COMMANDS) {
      throw new MachOFormatException(offset + 16, "ncmds " + ncmds + " exceeds " + MAX_COMMANDS);
    }
    if (!r.contains(headerSize, sizeofcmds)) {
      throw new MachOFormatException(offset + 20, "sizeofcmds " + sizeofcmds + " runs past the end of the slice");
    }
    List<String> def = new ArrayList<>();
    List<LoadCommand> cmds = new ArrayList<>();
    List<Segment> segs = new ArrayList<>();
    List<Dylib> libs = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    Optional<String> id = Optional.empty();
    Optional<BuildVersion> build = Optional.empty();
    List<String> tools = new ArrayList<>();
    Optional<String> uid = Optional.empty();
    Optional<LinkeditData> sig = Optional.empty();
    Optional<EncryptionInfo> enc = Optional.empty();
    boolean chained = false;
    boolean info = false;
    long symoff = -1;
    long nsyms = 0;
    long stroff = 0;
    long strsize = 0;
    long at = headerSize;
    long end = headerSize + sizeofcmds;
    for (long i = 0; i < ncmds; i++) {
      if (end - at < 8) {
        throw new MachOFormatException(offset + at, "load command " + i + " of " + ncmds + " runs past sizeofcmds");
      }
      ByteBuffer c = r.buf(at, 8, "load command");
      long cmd = c.getInt(0) & 0xffffffffL;
      long cmdsize = c.getInt(4) & 0xffffffffL;
      if (cmdsize < 8 || cmdsize > end - at || cmdsize > (1 << 24)) {
        throw new MachOFormatException(offset + at, "load command 0x" + Long.toHexString(cmd) + " has cmdsize "
            + cmdsize + " outside the command table");
      }
      cmds.add(new LoadCommand(cmd, at, cmdsize));
      ByteBuffer b = r.buf(at, (int) cmdsize, "load command");
      try {
        if (cmd == LC_SEGMENT || cmd == LC_SEGMENT_64) {
          segs.add(segment(b, cmd == LC_SEGMENT_64, at));
        } else if (cmd == LC_LOAD_DYLIB || cmd == LC_LOAD_WEAK_DYLIB || cmd == LC_REEXPORT_DYLIB
            || cmd == LC_LAZY_LOAD_DYLIB || cmd == LC_LOAD_UPWARD_DYLIB) {
          need(b, 24, at);
          DylibKind kind = cmd == LC_LOAD_DYLIB ? DylibKind.LOAD : cmd == LC_LOAD_WEAK_DYLIB ? DylibKind.WEAK
              : cmd == LC_REEXPORT_DYLIB ? DylibKind.REEXPORT : cmd == LC_LAZY_LOAD_DYLIB ? DylibKind.LAZY
              : DylibKind.UPWARD;
          libs.add(new Dylib(kind, lcStr(b, at), b.getInt(16) & 0xffffffffL, b.getInt(20) & 0xffffffffL));
        } else if (cmd == LC_ID_DYLIB) {
          need(b, 24, at);
          id = Optional.of(lcStr(b, at));
        } else if (cmd == LC_RPATH) {
          need(b, 12, at);
          paths.add(lcStr(b, at));
        } else if (cmd == LC_BUILD_VERSION) {
          need(b, 24, at);
          build = Optional.of(new BuildVersion(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL,
              b.getInt(16) & 0xffffffffL, cmd));
          long ntools = b.getInt(20) & 0xffffffffL;
          long room = (b.capacity() - 24) / 8;
          for (int t = 0; t < Math.min(Math.min(ntools, room), 16); t++) {
            long tool = b.getInt(24 + 8 * t) & 0xffffffffL;
            String name = tool == 1 ? "clang" : tool == 2 ? "swift" : tool == 3 ? "ld" : tool == 4 ? "lld"
                : "tool-" + tool;
            tools.add(name + " " + BuildVersion.version(b.getInt(28 + 8 * t) & 0xffffffffL));
          }
        } else if (cmd == LC_VERSION_MIN_MACOSX || cmd == LC_VERSION_MIN_IPHONEOS || cmd == LC_VERSION_MIN_TVOS
            || cmd == LC_VERSION_MIN_WATCHOS) {
          need(b, 16, at);
          long platform = cmd == LC_VERSION_MIN_MACOSX ? 1 : cmd == LC_VERSION_MIN_IPHONEOS ? 2
              : cmd == LC_VERSION_MIN_TVOS ? 3 : 4;
          if (build.isEmpty()) {
            build = Optional.of(new BuildVersion(platform, b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL,
                cmd));
          }
        } else if (cmd == LC_UUID) {
          need(b, 24, at);
          byte[] u = new byte[16];
          b.get(8, u);
          uid = Optional.of(HexFormat.of().formatHex(u));
        } else if (cmd == LC_CODE_SIGNATURE) {
          need(b, 16, at);
          sig = Optional.of(new LinkeditData(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL));
        } else if (cmd == LC_ENCRYPTION_INFO || cmd == LC_ENCRYPTION_INFO_64) {
          need(b, 20, at);
          enc = Optional.of(new EncryptionInfo(b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL,
              b.getInt(16) & 0xffffffffL));
        } else if (cmd == LC_DYLD_CHAINED_FIXUPS) {
          chained = true;
        } else if (cmd == LC_DYLD_INFO || cmd == LC_DYLD_INFO_ONLY) {
          info = true;
        } else if (cmd == LC_SYMTAB) {
          need(b, 24, at);
          symoff = b.getInt(8) & 0xffffffffL;
          nsyms = b.getInt(12) & 0xffffffffL;
          stroff = b.getInt(16) & 0xffffffffL;
          strsize = b.getInt(20) & 0xffffffffL;
        }
      } catch (MachOFormatException e) {
        def.add("load command 0x" + Long.toHexString(cmd) + ": " + e.getMessage());
      }
      at += cmdsize;
    }
    commands = List.copyOf(cmds);
    segments = List.copyOf(segs);
    dylibs = List.copyOf(libs);
    rpaths = List.copyOf(paths);
    installName = id;
    buildVersion = build;
    buildTools = List.copyOf(tools);
    uuid = uid;
    codeSignature = sig;
    encryption = enc;
    chainedFixups = chained;
    dyldInfo = info;
    List<String> und = new ArrayList<>();
    List<String> dfn = new ArrayList<>();
    if (symoff >= 0 && nsyms > 0) {
      try {
        symbols(r, symoff, nsyms, stroff, strsize, und, dfn, def);
      } catch (MachOFormatException e) {
        def.add("symbol table: " + e.getMessage());
      }
    }
    undefined = List.copyOf(und);
    defined = List.copyOf(dfn);
    defects = List.copyOf(def);
  }

  private static void need(ByteBuffer b, int n, long at) throws MachOFormatException {
    if (b.capacity() < n) {
      throw new MachOFormatException(at, "command of " + b.capacity() + " bytes is shorter than its " + n
          + "-byte structure");
    }
  }

  /** An lc_str: an offset from the command start to a NUL-terminated string inside the command. */
  private static String lcStr(ByteBuffer b, long at) throws MachOFormatException {
    long off = b.getInt(8) & 0xffffffffL;
    if (off < 12 || off >= b.capacity()) {
      throw new MachOFormatException(at, "string offset " + off + " outside the " + b.capacity() + "-byte command");
    }
    int n = (int) off;
    int endAt = n;
    while (endAt < b.capacity() && b.get(endAt) != 0) {
      endAt++;
    }
    byte[] bytes = new byte[endAt - n];
    b.get(n, bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Segment segment(ByteBuffer b, boolean wide, long at) throws MachOFormatException {
    int head = wide ? 72 : 56;
    need(b, head, at);
    String name = Rd.fixed(b, 8, 16);
    long vmaddr = wide ? b.getLong(24) : b.getInt(24) & 0xffffffffL;
    long vmsize = wide ? b.getLong(32) : b.getInt(28) & 0xffffffffL;
    long fileoff = wide ? b.getLong(40) : b.getInt(32) & 0xffffffffL;
    long filesize = wide ? b.getLong(48) : b.getInt(36) & 0xffffffffL;
    int maxprot = b.getInt(wide ? 56 : 40);
    int initprot = b.getInt(wide ? 60 : 44);
    long nsects = b.getInt(wide ? 64 : 48) & 0xffffffffL;
    long segFlags = b.getInt(wide ? 68 : 52) & 0xffffffffL;
    int each = wide ? 80 : 68;
    long room = (b.capacity() - head) / each;
    if (nsects > room || nsects > MAX_SECTIONS) {
      throw new MachOFormatException(at, "segment " + name + " declares " + nsects + " sections, room for " + room);
    }
    List<Section> sects = new ArrayList<>();
    for (int i = 0; i < nsects; i++) {
      int s = head + each * i;
      sects.add(new Section(Rd.fixed(b, s, 16), Rd.fixed(b, s + 16, 16),
          wide ? b.getLong(s + 32) : b.getInt(s + 32) & 0xffffffffL,
          wide ? b.getLong(s + 40) : b.getInt(s + 36) & 0xffffffffL,
          b.getInt(s + (wide ? 48 : 40)) & 0xffffffffL, b.getInt(s + (wide ? 64 : 56)) & 0xffffffffL));
    }
    return new Segment(name, vmaddr, vmsize, fileoff, filesize, maxprot, initprot, segFlags, sects);
  }

  private void symbols(Rd r, long symoff, long nsyms, long stroff, long strsize, List<String> und,
      List<String> dfn, List<String> def) throws MachOFormatException {
    int each = is64 ? 16 : 12;
    long n = nsyms;
    if (n > MAX_SYMBOLS) {
      def.add("nsyms " + nsyms + " exceeds " + MAX_SYMBOLS + "; reading the first " + MAX_SYMBOLS);
      n = MAX_SYMBOLS;
    }
    if (!r.contains(symoff, n * each)) {
      throw new MachOFormatException(r.base() + symoff, nsyms + " symbols run past the end of the slice");
    }
    if (!r.contains(stroff, strsize)) {
      throw new MachOFormatException(r.base() + stroff, "string table runs past the end of the slice");
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
      String name = r.cstring(stroff + strx, stroff + strsize, "symbol name");
      if ((type & 0x0e) == 0 && (type & 0x01) != 0) {
        und.add(name);
      } else if ((type & 0x0e) != 0) {
        dfn.add(name);
      }
    }
    if (bad > 0) {
      def.add(bad + " symbol names point outside the string table");
    }
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
    return is64 ? 64 : 32;
  }

  /**
   * Whether the slice is little-endian.
   *
   * @return true for x86 and arm
   */
  public boolean littleEndian() {
    return littleEndian;
  }

  /**
   * The cputype.
   *
   * @return {@code 0x01000007} x86_64, {@code 0x0100000c} arm64, {@code 7} i386 ...
   */
  public int cpuType() {
    return cpuType;
  }

  /**
   * The cpusubtype.
   *
   * @return the subtype, with capability bits
   */
  public int cpuSubtype() {
    return cpuSubtype;
  }

  /**
   * The machine label.
   *
   * @return {@code x86_64}, {@code arm64}, {@code arm64e}, {@code i386}, {@code ppc}, {@code arm} ...
   */
  public String machineLabel() {
    return MachOFile.cpuLabel(cpuType, cpuSubtype);
  }

  /**
   * The filetype.
   *
   * @return {@code 2} MH_EXECUTE, {@code 6} MH_DYLIB, {@code 8} MH_BUNDLE ...
   */
  public long fileType() {
    return fileType;
  }

  /**
   * The file type label.
   *
   * @return {@code exec}, {@code dylib}, {@code bundle}, {@code object}, ... or {@code type-N}
   */
  public String typeLabel() {
    switch ((int) fileType) {
      case 1:
        return "object";
      case 2:
        return "exec";
      case 6:
        return "dylib";
      case 7:
        return "dylinker";
      case 8:
        return "bundle";
      case 9:
        return "dylib-stub";
      case 10:
        return "dsym";
      case 11:
        return "kext-bundle";
      default:
        return "type-" + fileType;
    }
  }

  /**
   * The header flags.
   *
   * @return the flags ({@link #MH_PIE} ...)
   */
  public long flags() {
    return flags;
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
