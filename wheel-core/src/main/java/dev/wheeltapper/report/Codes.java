package dev.wheeltapper.report;

/**
 * The finding codes of the command-line contract ({@code docs/cli.md}). Codes are never renamed; new ones are
 * added in the same {@code area.kebab-name} style, here and in {@link CodeRegistry}, which describes each one (the
 * README's table, {@code docs/findings.md} and the SARIF rules are generated from it).
 */
public final class Codes {
  private Codes() {}

  /** The file is not a readable ZIP archive. */
  public static final String ZIP_NOT_A_ZIP = "zip.not-a-zip";
  /** Two entries share a name. */
  public static final String ZIP_DUPLICATE_ENTRY = "zip.duplicate-entry";
  /** A local file header disagrees with its central directory record. */
  public static final String ZIP_HEADER_MISMATCH = "zip.header-mismatch";
  /** Two entries' data overlap, or an entry points outside the archive. */
  public static final String ZIP_OVERLAPPING_ENTRIES = "zip.overlapping-entries";
  /** Bytes that no entry accounts for. */
  public static final String ZIP_EXTRA_DATA = "zip.extra-data";
  /** An entry name that is absolute, climbs out, or holds backslashes, drive letters or control characters. */
  public static final String ZIP_UNSAFE_PATH = "zip.unsafe-path";
  /** Compression other than stored or deflate, or an encrypted entry. */
  public static final String ZIP_UNSUPPORTED_METHOD = "zip.unsupported-method";
  /** Inflated data fails its CRC-32. */
  public static final String ZIP_CRC_MISMATCH = "zip.crc-mismatch";
  /** A configured limit (entry count, sizes, ratios) was exceeded. */
  public static final String ZIP_LIMIT_EXCEEDED = "zip.limit-exceeded";
  /** An entry whose sizes and CRC follow its data in a data descriptor (a warning: PyPI refuses them on upload). */
  public static final String ZIP_DATA_DESCRIPTOR = "zip.data-descriptor";
  /** A symlink, device, FIFO or socket entry, or a directory entry that carries data. */
  public static final String ZIP_SPECIAL_FILE = "zip.special-file";
  /** Two entry names equal only after case folding (a warning: they clash on case-insensitive file systems). */
  public static final String ZIP_CASE_COLLISION = "zip.case-collision";
  /** A truncated or structurally invalid ZIP record or extra field. */
  public static final String ZIP_MALFORMED = "zip.malformed";
  /** More than one end of central directory record, so readers may disagree on which one is real. */
  public static final String ZIP_MULTIPLE_EOCD = "zip.multiple-eocd";
  /** Commons Compress reads the archive differently from the strict scan (names, order, sizes, CRC, method, offsets). */
  public static final String ZIP_PARSER_CONFUSION = "zip.parser-confusion";

  /** The file name does not follow the wheel naming rules. */
  public static final String WHEEL_FILENAME_INVALID = "wheel.filename-invalid";
  /** No {@code .dist-info} directory, or more than one. */
  public static final String WHEEL_DIST_INFO_MISSING = "wheel.dist-info-missing";
  /** The {@code .dist-info} name or version disagrees with the file name. */
  public static final String WHEEL_DIST_INFO_MISMATCH = "wheel.dist-info-mismatch";
  /** WHEEL missing or unreadable, or an unsupported major Wheel-Version. */
  public static final String WHEEL_WHEEL_FILE_INVALID = "wheel.wheel-file-invalid";
  /** The Tag lines of WHEEL disagree with the file name's tags. */
  public static final String WHEEL_TAG_MISMATCH = "wheel.tag-mismatch";
  /** WHEEL's Build line disagrees with the file name's build tag (warning when WHEEL just lacks the line). */
  public static final String WHEEL_BUILD_MISMATCH = "wheel.build-mismatch";
  /** A Wheel-Version 1.x with a minor version above 0: installers warn and go on (warning). */
  public static final String WHEEL_NEWER_VERSION = "wheel.newer-version";

  /** METADATA missing, unparseable, or missing a required field. */
  public static final String METADATA_INVALID = "metadata.invalid";
  /** METADATA Name or Version disagrees with the file name. */
  public static final String METADATA_MISMATCH = "metadata.mismatch";

  /** No RECORD file. */
  public static final String RECORD_MISSING = "record.missing";
  /** A RECORD line that is not valid CSV of path, hash, size, or a malformed hash. */
  public static final String RECORD_INVALID = "record.invalid";
  /** An archive file that RECORD does not list. */
  public static final String RECORD_UNLISTED_FILE = "record.unlisted-file";
  /** A RECORD row for a file that is not in the archive. */
  public static final String RECORD_MISSING_FILE = "record.missing-file";
  /** Content does not match the RECORD hash. */
  public static final String RECORD_HASH_MISMATCH = "record.hash-mismatch";
  /** Content length does not match the RECORD size. */
  public static final String RECORD_SIZE_MISMATCH = "record.size-mismatch";
  /** A hash algorithm weaker than sha256, or unknown. */
  public static final String RECORD_WEAK_HASH = "record.weak-hash";
  /** A file listed without a hash. */
  public static final String RECORD_NO_HASH = "record.no-hash";
  /** RECORD lists the same path more than once. */
  public static final String RECORD_DUPLICATE_ROW = "record.duplicate-row";

  /** A signature that does not verify. */
  public static final String SIGNATURE_INVALID = "signature.invalid";
  /** A valid signature from a key or certificate outside the trust given. */
  public static final String SIGNATURE_UNTRUSTED = "signature.untrusted";
  /** No signature at all (reported only when a signature is required). */
  public static final String SIGNATURE_MISSING = "signature.missing";
  /** A signature in a form or with an algorithm the verifier does not handle (a note, not a verdict). */
  public static final String SIGNATURE_UNSUPPORTED = "signature.unsupported";
  /** A signature form that PEP 815 deprecates (RECORD.jws, RECORD.p7s): still checked, but no longer specified. */
  public static final String SIGNATURE_DEPRECATED = "signature.deprecated";

  /** A file that claims a native format by its magic number but cannot be parsed. */
  public static final String BINARY_UNPARSEABLE = "binary.unparseable";
  /**
   * A native binary that parses, but with structural damage or a reader limit reached (an ELF, PE or Mach-O defect:
   * a string table without its terminator, a link to the wrong kind of section, a table cut at its limit); the
   * analysis used what could be read, so its verdicts rest on a file that lies somewhere (a warning).
   */
  public static final String BINARY_MALFORMED = "binary.malformed";
  /** A native binary recognised by its magic number in a format without a reader in this version (a note). */
  public static final String BINARY_UNSUPPORTED_FORMAT = "binary.unsupported-format";
  /** A file given to {@code inspect} that is not a native binary (a note). */
  public static final String BINARY_NOT_NATIVE = "binary.not-native";

  /** A binary's architecture or format contradicts the wheel's platform tag. */
  public static final String POLICY_PLATFORM_MISMATCH = "policy.platform-mismatch";
  /**
   * A binary for another platform that the wheel's platform never loads (WebAssembly for a browser, a DLL in a Linux
   * wheel, test data): reported for what it is, not as a broken claim.
   */
  public static final String POLICY_FOREIGN_BINARY = "policy.foreign-binary";
  /** A symbol version or needed library beyond the claimed manylinux/musllinux policy. */
  public static final String POLICY_MANYLINUX_VIOLATION = "policy.manylinux-violation";
  /** An abi3-tagged extension uses symbols outside the Limited API of its claimed version. */
  public static final String POLICY_ABI3_VIOLATION = "policy.abi3-violation";

  /** {@code guide.nodlopen}: linked with {@code -Wl,-z,nodlopen}, so CPython cannot import it. */
  public static final String GUIDE_NODLOPEN = "guide.nodlopen";
  /** A dynamic object without PT_GNU_RELRO: relocated data and the GOT stay writable. */
  public static final String HARDENING_NO_RELRO = "hardening.no-relro";
  /** PT_GNU_RELRO without immediate binding: the PLT part of the GOT stays writable. */
  public static final String HARDENING_PARTIAL_RELRO = "hardening.partial-relro";
  /** C or C++ code without stack protector references. */
  public static final String HARDENING_NO_CANARY = "hardening.no-canary";
  /** PT_GNU_STACK asks for an executable stack (glibc 2.41 refuses to dlopen such a library). */
  public static final String HARDENING_EXECSTACK = "hardening.execstack";
  /** No PT_GNU_STACK on a machine whose default stack is executable. */
  public static final String HARDENING_NO_NX = "hardening.no-nx";
  /** An executable that is not position-independent. */
  public static final String HARDENING_NO_PIE = "hardening.no-pie";
  /** Relocations against read-only text (DT_TEXTREL or DF_TEXTREL). */
  public static final String HARDENING_TEXTREL = "hardening.textrel";
  /** A DT_RPATH or DT_RUNPATH entry that is absolute, empty, relative to the working directory or leaves the wheel. */
  public static final String HARDENING_RPATH = "hardening.rpath";
  /** Fortifiable libc functions imported and none of them fortified. */
  public static final String HARDENING_NO_FORTIFY = "hardening.no-fortify";
  /** A loadable segment both writable and executable. */
  public static final String HARDENING_WX_SEGMENT = "hardening.wx-segment";
  /** A PE image without working ASLR: no DYNAMIC_BASE, or relocations stripped. */
  public static final String HARDENING_NO_ASLR = "hardening.no-aslr";
  /** A Mach-O slice whose embedded code signature no longer matches its code or cannot be read. */
  public static final String HARDENING_INVALID_CODE_SIGNATURE = "hardening.invalid-code-signature";

  /** A file's bytes do not match a hash its index gives for it (PEP 503 {@code #sha256=}, PEP 691 {@code hashes}). */
  public static final String INDEX_HASH_MISMATCH = "index.hash-mismatch";
  /** A metadata sidecar (PEP 658/714) that fails the index's hash for it or differs from the wheel's METADATA. */
  public static final String INDEX_METADATA_MISMATCH = "index.metadata-mismatch";
  /** A file its index marks as yanked (PEP 592), with the reason given. */
  public static final String INDEX_YANKED = "index.yanked";
  /** A file (or its metadata or provenance) the index lists that is missing, refused or unreadable. */
  public static final String INDEX_FILE_MISSING = "index.file-missing";
  /** A project page that cannot be read, or a link on it that cannot be taken. */
  public static final String INDEX_PAGE_INVALID = "index.page-invalid";
  /** A file the index lists that is not a wheel: listed and hash-checked, not audited. */
  public static final String INDEX_NOT_AUDITED = "index.not-audited";
  /** Compiled bytecode ({@code .pyc}, {@code .pyo}) shipped in the wheel (check-wheel-contents W001). */
  public static final String LAYOUT_BYTECODE = "layout.bytecode";
  /** Two or more files with the same RECORD hash and size (check-wheel-contents W002). */
  public static final String LAYOUT_DUPLICATE_FILES = "layout.duplicate-files";
  /** A file at the library's top level that is not a module or a {@code .pth} file (check-wheel-contents W003). */
  public static final String LAYOUT_TOPLEVEL_NON_MODULE = "layout.toplevel-non-module";
  /** A common project-tree name ({@code tests}, {@code docs}, {@code src}, ...) at the library's top level (W005). */
  public static final String LAYOUT_COMMON_TOPLEVEL_NAME = "layout.common-toplevel-name";
  /** An {@code __init__.py} at the library's top level (check-wheel-contents W006). */
  public static final String LAYOUT_TOPLEVEL_INIT = "layout.toplevel-init";
  /** Neither purelib nor platlib holds a file (check-wheel-contents W007, W008). */
  public static final String LAYOUT_EMPTY_LIBRARY = "layout.empty-library";

  /** A waiver whose {@code until=} date has passed matched a finding, which counts again. */
  public static final String GATE_WAIVER_EXPIRED = "gate.waiver-expired";
  /** A PATH given on the command line does not exist. */
  public static final String INPUT_MISSING = "input.missing";
  /** A PATH given on the command line, or a file or directory under it, cannot be read. */
  public static final String INPUT_UNREADABLE = "input.unreadable";
  /** A directory given on the command line holds nothing the command processes. */
  public static final String INPUT_EMPTY = "input.empty";
  /** An artifact needed more memory than the run's heap allows; it was not checked, the rest of the run was. */
  public static final String INPUT_TOO_LARGE = "input.too-large";
}
