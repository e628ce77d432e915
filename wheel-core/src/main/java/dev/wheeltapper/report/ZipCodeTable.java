package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.ERROR;
import static dev.wheeltapper.report.Severity.WARNING;

import java.util.List;

/** The registry entries of the {@code zip} codes: the archive. */
final class ZipCodeTable {
  private ZipCodeTable() {}

  static List<Code> codes() {
    return List.of(
        new Code(Codes.ZIP_NOT_A_ZIP, ERROR,
            ERROR.label(),
            "The file is not a readable ZIP archive.",
            "nothing can read it as a wheel",
            CodeRegistry.tools(
                "refuse (zipfile: \"File is not a zip file\")",
                "refuses",
                "refuses (`is_zipfile`)",
                "cannot open it"),
            List.of("WheelVerifier", "CentralDirectory", "EndOfCentralDirectoryRecord")),
        new Code(Codes.ZIP_DUPLICATE_ENTRY, ERROR,
            ERROR.label(),
            "Two entries share a name (also after Unicode NFC).",
            "parser confusion: readers pick different copies; also names equal after NFC, and a name that is both "
                + "a file and a folder",
            CodeRegistry.tools(
                "install one copy silently (zipfile keeps the last)",
                "refuses repeated local entries with different contents",
                "refuses (\"Duplicate filename in local headers\" / \"… in central directory\")",
                "—"),
            List.of("EntryNameRules")),
        new Code(Codes.ZIP_HEADER_MISMATCH, ERROR,
            ERROR.label(),
            "A local file header (or data descriptor) disagrees with the central directory.",
            "parser confusion: a streaming reader and a central-directory reader see different sizes, CRCs, names "
                + "or offsets; also data longer or shorter than declared",
            CodeRegistry.tools(
                "zipfile compares only the name (\"File name in directory … and header … differ\")",
                "refuses (`BadCrc32`, `BadCompressedSize`, `BadUncompressedSize`, offset mismatches)",
                "refuses (\"Mis-matched data size\", \"Mismatched central directory offset\")",
                "—"),
            List.of("EntryReader", "CentralDirectory", "CentralDirectoryFileHeader", "DataDescriptor", "LocalFileHeader", "UnicodePathExtraField", "Zip64EndOfCentralDirectory", "Zip64ExtendedInformation")),
        new Code(Codes.ZIP_OVERLAPPING_ENTRIES, ERROR,
            ERROR.label(),
            "Entries overlap, or one points outside the archive.",
            "parser confusion and zip bombs: one byte range read as two files, or an entry outside the archive",
            CodeRegistry.tools(
                "zipfile refuses quoted overlaps (\"Overlapped entries\", CVE-2024-0450 fix)",
                "refuses (malo's malicious set)",
                "refuses (its record walk finds a central entry without its local header)",
                "—"),
            List.of("ArchiveLayout", "LocalFileHeader")),
        new Code(Codes.ZIP_EXTRA_DATA, ERROR,
            ERROR.label(),
            "Bytes before, between or after the entries that nothing accounts for.",
            "parser confusion: a prefix stub or trailing bytes can hold a second archive view",
            CodeRegistry.tools(
                "accept (zipfile adjusts offsets for a prefix)",
                "refuses (`TrailingContents`; a prefix gives `UnexpectedHeaderError`)",
                "refuses (\"Trailing data\", \"Unknown record signature\")",
                "—"),
            List.of("ArchiveLayout", "CentralDirectory", "EndOfCentralDirectoryRecord", "Zip64EndOfCentralDirectory")),
        new Code(Codes.ZIP_UNSAFE_PATH, ERROR,
            "error (warning for a non-ASCII name without the UTF-8 flag)",
            "An entry name with an absolute path, `..`, a backslash, a drive letter, NUL or a control character.",
            "absolute paths, `..`, backslashes, drive letters and control characters escape or differ by platform; "
                + "an unflagged non-ASCII name only decodes differently (zipfile reads CP437)",
            CodeRegistry.tools(
                "pip refuses escaping paths (\"… trying to install outside the target directory\")",
                "refuses non-UTF-8 local names (`LocalHeaderNotUtf8`)",
                "refuses (\"Invalid character in filename\", \"Filename not unicode\")",
                "—"),
            List.of("EntryNameRules", "UnicodePathExtraField")),
        new Code(Codes.ZIP_UNSUPPORTED_METHOD, ERROR,
            ERROR.label(),
            "Compression other than stored or deflate, or encryption.",
            "PyPI takes only stored and deflate; other methods read differently by reader, and encrypted content "
                + "cannot be verified",
            CodeRegistry.tools(
                "zipfile also reads bzip2 and LZMA; encrypted entries fail (no password)",
                "not recorded",
                "refuses (\"File does not use a supported compression type\")",
                "—"),
            List.of("EntryReader", "CentralDirectoryFileHeader")),
        new Code(Codes.ZIP_CRC_MISMATCH, ERROR,
            ERROR.label(),
            "Inflated data fails its CRC-32.",
            "integrity broken: the stored data is not what was written",
            CodeRegistry.tools(
                "refuse on read (zipfile: \"Bad CRC-32\")",
                "refuses (`BadCrc32`)",
                "— (reads only WHEEL and METADATA)",
                "—"),
            List.of("EntryReader")),
        new Code(Codes.ZIP_LIMIT_EXCEEDED, ERROR,
            "error (note when findings beyond the per-code cap were dropped)",
            "Entry count, total size, ratio or metadata size beyond the limits.",
            "zip-bomb defence (entry count, total size, ratios, metadata file size): reading stops; the entry "
                + "ratio (200) applies only to entries inflating past 64 MiB, the archive ratio (50) only past 64 MiB, "
                + "as PyPI's rule",
            CodeRegistry.tools(
                "no limits (zipfile inflates what is declared)",
                "not recorded",
                "refuses past 64 MiB at ratio > 50 (\"File exceeds compression ratio of 50\")",
                "—"),
            List.of("EntryReader", "CentralDirectory", "ParserDifferential", "ScanContext", "ContentPass")),
        new Code(Codes.ZIP_DATA_DESCRIPTOR, WARNING,
            WARNING.label(),
            "An entry uses a data descriptor (PyPI refuses them on upload).",
            "valid ZIP that every installer accepts; only PyPI's upload policy refuses it",
            CodeRegistry.tools(
                "accept",
                "accepts",
                "refuses (\"ZIP contains a data descriptor\")",
                "—"),
            List.of("LocalFileHeader")),
        new Code(Codes.ZIP_SPECIAL_FILE, ERROR,
            "error for a symlink, device, FIFO or socket, or a directory declaring data; warning for a directory "
                + "storing compressed bytes beyond the 2-byte empty deflate stream, or a mode contradicting the name",
            "A symlink, device, FIFO or socket entry, or a directory carrying data.",
            "special files escape or misbehave in extractors that honour modes, a directory with data is a hidden "
                + "payload; hidden compressed bytes reach no file; Python's zipfile deflates directories to the 2-byte "
                + "empty stream, which is clean",
            CodeRegistry.tools(
                "write regular files only (the mode gives the executable bit)",
                "not recorded",
                "—",
                "—"),
            List.of("CentralDirectoryFileHeader")),
        new Code(Codes.ZIP_CASE_COLLISION, WARNING,
            WARNING.label(),
            "Two names equal after case folding.",
            "both names install; they clash only on case-insensitive file systems (Windows, macOS)",
            CodeRegistry.tools(
                "install both (one overwrites the other there)",
                "not recorded",
                "—",
                "—"),
            List.of("EntryNameRules")),
        new Code(Codes.ZIP_MALFORMED, ERROR,
            ERROR.label(),
            "A truncated or invalid record or extra field.",
            "parser confusion: truncated records or extra fields readers parse differently (two ZIP64 or Unicode "
                + "Path extras, a ZIP64 marker without its extra field, a split archive)",
            CodeRegistry.tools(
                "zipfile refuses some (\"Corrupt extra field 7075\", \"Truncated central directory\")",
                "refuses (`InvalidExtraFieldHeader`, `DuplicateExtraFieldHeader`, "
                    + "`Zip64ExtendedInformationFieldTooLong`)",
                "refuses (\"Malformed zip file\", \"Invalid duplicate extra in local file\")",
                "—"),
            List.of("ZipScanner")),
        new Code(Codes.ZIP_MULTIPLE_EOCD, ERROR,
            ERROR.label(),
            "More than one end of central directory record.",
            "parser confusion: readers choosing different end records see different archives",
            CodeRegistry.tools(
                "accept (zipfile takes the last end record)",
                "refuses (`ZipInZip`, content after the first end record)",
                "refuses (trailing data or multiple end records)",
                "—"),
            List.of("ArchiveLayout")),
        new Code(Codes.ZIP_PARSER_CONFUSION, ERROR,
            ERROR.label(),
            "Commons Compress, the ZIP reader most Java tools use, reads the archive differently from the strict reader.",
            "parser confusion with Java readers: the strict scan accepted the archive, but Commons Compress's `ZipFile` "
                + "sees other names, another order, other sizes, CRC-32, method or data offsets, or cannot read it at "
                + "all; compared only when no other error was found, so a confusion the strict checks already name is "
                + "reported once, under their code",
            CodeRegistry.tools(
                "accept (the strict checks, which model zipfile and installers, passed)",
                "not recorded",
                "not recorded (its checks passed as the strict ones did)",
                "—"),
            List.of("ParserDifferential")));
  }
}
