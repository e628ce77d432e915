package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.ERROR;
import static dev.wheeltapper.report.Severity.WARNING;

import java.util.List;

/** The registry entries of the {@code wheel}, {@code metadata} and {@code record} codes. */
final class WheelCodeTable {
  private WheelCodeTable() {}

  static List<Code> codes() {
    return List.of(
        new Code(Codes.WHEEL_FILENAME_INVALID, ERROR,
            ERROR.label(),
            "The file name does not follow the wheel naming rules.",
            "installers and the index refuse a name they cannot parse",
            CodeRegistry.tools(
                "refuse (pip: invalid wheel filename; wheel: \"Bad wheel filename\")",
                "refuses",
                "refuses (`parse_wheel_filename`; \"unsupported platform tag\")",
                "cannot read it"),
            List.of("DistInfoConsistency")),
        new Code(Codes.WHEEL_DIST_INFO_MISSING, ERROR,
            ERROR.label(),
            "No `.dist-info` directory, or more than one.",
            "installers refuse a wheel without exactly one `.dist-info`",
            CodeRegistry.tools(
                "refuse (\".dist-info directory not found\"; installer: \"Wheel doesn't contain exactly one "
                    + ".dist-info directory\")",
                "refuses",
                "refuses (\"WHEEL not found at …\")",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.WHEEL_DIST_INFO_MISMATCH, ERROR,
            ERROR.label(),
            "The `.dist-info` name or version disagrees with the file name.",
            "installers refuse a name mismatch; the index finds dist-info files by the file name's name and version",
            CodeRegistry.tools(
                "refuse a name mismatch (pip: \"… does not start with …\"; installer: \"… doesn't match wheel "
                    + "filename\")",
                "not recorded",
                "refuses (looks for `{name}-{version}.dist-info/WHEEL`: \"WHEEL not found at …\")",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.WHEEL_WHEEL_FILE_INVALID, ERROR,
            ERROR.label(),
            "WHEEL missing or unreadable, an unsupported major Wheel-Version, or no Root-Is-Purelib.",
            "installers refuse a missing WHEEL or an unsupported major Wheel-Version; without Root-Is-Purelib the "
                + "install scheme is undefined",
            CodeRegistry.tools(
                "pip refuses (\"WHEEL is missing Wheel-Version\", \"… is not compatible with this version of pip\")",
                "refuses an unreadable WHEEL (uv#2149)",
                "refuses a missing WHEEL (\"WHEEL not found at …\")",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.WHEEL_NEWER_VERSION, WARNING,
            WARNING.label(),
            "A Wheel-Version 1.x with x > 0.",
            "installers warn on a newer 1.x and go on",
            CodeRegistry.tools(
                "pip warns (\"Installing from a newer Wheel-Version\")",
                "not recorded",
                "—",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.WHEEL_TAG_MISMATCH, WARNING,
            WARNING.label(),
            "The Tag lines of WHEEL (expanded) disagree with the file name's tags; installers go by the file name.",
            "installers use the file name's tags and never read `Tag` lines: a consistency defect, not a refusal "
                + "(pypa/wheel's `wheel tags` refuses to retag it)",
            CodeRegistry.tools(
                "ignore `Tag` (pip reads WHEEL only for Wheel-Version)",
                "installs by the file name (uv#2149)",
                "— (checks the file name's tags)",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.WHEEL_BUILD_MISMATCH, WARNING,
            WARNING.label(),
            "WHEEL's Build disagrees with the file name; installers go by the file name.",
            "installers sort and install by the file name's build tag and never read `Build` (pypa/wheel's `wheel "
                + "tags` refuses it)",
            CodeRegistry.tools(
                "ignore `Build`",
                "not recorded",
                "—",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.METADATA_INVALID, ERROR,
            ERROR.label(),
            "METADATA missing, unparseable, or missing Metadata-Version, Name or Version.",
            "installers and the index need Metadata-Version, Name and Version; without METADATA there is nothing "
                + "to resolve",
            CodeRegistry.tools(
                "pip refuses (\"could not read … file\")",
                "refuses (needs it to resolve)",
                "refuses (\"does not contain the required METADATA file\"; twine: \"Metadata is missing required "
                    + "fields: Name, Version\")",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.METADATA_MISMATCH, ERROR,
            ERROR.label(),
            "METADATA Name or Version disagrees with the file name.",
            "resolvers and the index key on name and version: another release would be installed than the one "
                + "resolved",
            CodeRegistry.tools(
                "pip refuses (\"Requested … has inconsistent version: expected …, but metadata has …\")",
                "refuses (uv#983, uv#1002)",
                "refuses (\"Version in filename should be …\")",
                "—"),
            List.of("DistInfoConsistency")),
        new Code(Codes.RECORD_MISSING, ERROR,
            ERROR.label(),
            "No RECORD.",
            "nothing vouches for the content, and installers need RECORD to install and uninstall",
            CodeRegistry.tools(
                "installer: \"Unable to retrieve `RECORD` …\"; wheel: \"Missing …/RECORD file\"",
                "not recorded",
                "refuses (\"does not contain the required RECORD file\")",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_INVALID, ERROR,
            "error (warning when RECORD's own row carries a hash or size)",
            "A malformed RECORD line, hash or unsafe row path, or a signature file listed.",
            "a RECORD that cannot be read vouches for nothing; unsafe row paths are deleted on uninstall; a listed "
                + "signature file cannot be signed; a hash on RECORD's own row is harmless",
            CodeRegistry.tools(
                "installer: \"entry in RECORD file for … is invalid\", \"RECORD file incorrectly contains hash / "
                    + "size\", \"digital signature file … is incorrectly contained in RECORD\"; pip: CSV syntax only",
                "refuses (\"RECORD file is invalid\"); escaping row paths since GHSA-pjjw-68hj-v9mw",
                "— (names only)",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_DUPLICATE_ROW, ERROR,
            ERROR.label(),
            "RECORD lists a path twice.",
            "two rows for one path: which hash vouches is ambiguous (wheel-inspect: `RecordConflictError`)",
            CodeRegistry.tools(
                "—",
                "not recorded",
                "— (names compared as a set)",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_UNLISTED_FILE, ERROR,
            ERROR.label(),
            "An archive file that RECORD does not list.",
            "the specification fails the installation; nothing vouches for the file",
            CodeRegistry.tools(
                "installer: \"… is not mentioned in RECORD\"; pip: not checked",
                "refuses (\"RECORD file doesn't match wheel contents\", uv#8798)",
                "refuses from 2026-02-01 (\"Record is missing …\")",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_MISSING_FILE, ERROR,
            ERROR.label(),
            "A RECORD row for a file the archive lacks.",
            "RECORD describes another wheel (not reported after a limit stop; wheel-inspect: `FileMissingError`)",
            CodeRegistry.tools(
                "installer: not reported; pip: —",
                "not recorded",
                "refuses from 2026-02-01 (\"Wheel is missing …\")",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_HASH_MISMATCH, ERROR,
            ERROR.label(),
            "Content does not match the RECORD hash.",
            "integrity broken: the content is not what RECORD vouches for",
            CodeRegistry.tools(
                "installer: \"hash … didn't match RECORD\"; wheel: \"Hash mismatch\"; pip: not checked",
                "not checked (uv#888)",
                "— (names only)",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_SIZE_MISMATCH, ERROR,
            ERROR.label(),
            "Content length does not match the RECORD size.",
            "integrity broken",
            CodeRegistry.tools(
                "installer: \"size … didn't match RECORD\"; wheel: \"file size mismatch\"; pip: not checked",
                "not checked (uv#888)",
                "— (names only)",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_WEAK_HASH, ERROR,
            ERROR.label(),
            "A RECORD hash with md5, sha1 or an unknown algorithm.",
            "the specification forbids md5 and sha1; a collision-prone hash vouches for nothing (installer accepts "
                + "any hashlib algorithm: laxer than the spec)",
            CodeRegistry.tools(
                "installer accepts; wheel: \"Weak hash algorithm (…) is not permitted by PEP 427\"",
                "— (no RECORD hash check)",
                "—",
                "—"),
            List.of("RecordCheck")),
        new Code(Codes.RECORD_NO_HASH, ERROR,
            ERROR.label(),
            "A file listed in RECORD without a hash.",
            "the specification fails the installation unless every file is hashed",
            CodeRegistry.tools(
                "installer: \"hash … is not included in RECORD\"; wheel: \"No hash found for file\"; pip: —",
                "— (no RECORD hash check)",
                "— (names only)",
                "—"),
            List.of("RecordCheck")));
  }
}
