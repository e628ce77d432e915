package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.ERROR;
import static dev.wheeltapper.report.Severity.NOTE;
import static dev.wheeltapper.report.Severity.WARNING;

import java.util.List;

/** The registry entries of the {@code index} codes: a simple repository's promises held against the bytes. */
final class IndexCodeTable {
  private IndexCodeTable() {}

  static List<Code> codes() {
    return List.of(
        new Code(Codes.INDEX_HASH_MISMATCH, ERROR,
            ERROR.label(),
            "A file's bytes do not match a hash its index gives (`#sha256=` fragment, PEP 691 `hashes`).",
            "the index vouches for other bytes than it serves: a tampered file or mirror; installers refuse it",
            CodeRegistry.tools(
                "refuse (pip: \"THESE PACKAGES DO NOT MATCH THE HASHES\" for a link's `#sha256=`)",
                "refuses (\"Hash mismatch\")",
                "—",
                "—"),
            List.of("IndexFileCheck")),
        new Code(Codes.INDEX_METADATA_MISMATCH, ERROR,
            ERROR.label(),
            "A metadata sidecar (PEP 658/714) fails the index's hash for it, is unavailable, or is not the wheel's "
                + "METADATA byte for byte.",
            "an installer resolves with the sidecar and installs the wheel: dependencies resolved from one metadata "
                + "and installed from another",
            CodeRegistry.tools(
                "resolve with the sidecar (its hash checked), install the wheel; only a name or version difference "
                    + "is caught (pip: \"MetadataInconsistent\")",
                "resolves with the sidecar, installs the wheel",
                "writes the sidecar from the uploaded wheel's METADATA",
                "—"),
            List.of("IndexFileCheck")),
        new Code(Codes.INDEX_YANKED, WARNING,
            WARNING.label(),
            "The index marks the file as yanked (PEP 592), with the reason it gives.",
            "a yanked file is still served and intact, but installers skip it unless a requirement pins its exact "
                + "version: worth an operator's attention, not a failure",
            CodeRegistry.tools(
                "skip it unless pinned with `==`; warn when installing it (\"The candidate selected for download or "
                    + "install is a yanked version\")",
                "skips it unless pinned; warns",
                "keeps serving it, marked",
                "—"),
            List.of("IndexFileCheck")),
        new Code(Codes.INDEX_FILE_MISSING, ERROR,
            ERROR.label(),
            "A file the index lists (or its metadata sidecar or provenance) is missing, unreadable, too large, or a "
                + "link the index may not follow.",
            "the index promises a file it cannot serve: installs that pick it fail; the rest of the run goes on",
            CodeRegistry.tools(
                "fail the install (\"404 Client Error\")",
                "fails the install",
                "—",
                "—"),
            List.of("IndexFileCheck")),
        new Code(Codes.INDEX_PAGE_INVALID, ERROR,
            "error (warning for one link of a readable page that cannot be taken)",
            "A project page that cannot be read (missing, malformed, past a limit), or a link on it that cannot be "
                + "taken (no usable file name or URL, a malformed hash).",
            "a project page an installer cannot read leaves the project uninstallable; one bad link loses one file",
            CodeRegistry.tools(
                "fail to find the project (\"No matching distribution\"); skip a link it cannot parse",
                "fails to find the project; skips a bad link",
                "—",
                "—"),
            List.of("IndexFileCheck")),
        new Code(Codes.INDEX_NOT_AUDITED, NOTE,
            NOTE.label(),
            "A file the index lists that is not a wheel (an sdist, an egg, an installer): listed and its hashes "
                + "checked, not audited.",
            "wheeltapper audits wheels; the file is counted so that nothing the index lists goes unmentioned",
            CodeRegistry.tools("—", "—", "—", "—"),
            List.of("IndexFileCheck")));
  }
}
