package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.ERROR;
import static dev.wheeltapper.report.Severity.NOTE;
import static dev.wheeltapper.report.Severity.WARNING;

import java.util.List;

/** The registry entries of the {@code signature}, {@code binary}, {@code policy} and {@code hardening} codes. */
final class NativeCodeTable {
  private NativeCodeTable() {}

  static List<Code> codes() {
    return List.of(
        new Code(Codes.SIGNATURE_INVALID, ERROR,
            ERROR.label(),
            "A signature that does not verify (or a RECORD signature over a RECORD that does not match).",
            "authenticity broken: a signature that does not verify, or a RECORD signature over a RECORD the "
                + "content does not match",
            CodeRegistry.tools(
                "— (installers may assume signatures were checked)",
                "— (no attestation verification; uv#9122)",
                "refuses (\"Could not verify the uploaded artifact using the included attestation\")",
                "—"),
            List.of("SignatureResult", "DistInfoConsistency", "SignatureDispatch")),
        new Code(Codes.SIGNATURE_UNTRUSTED, WARNING,
            "warning (error with `--require-signature`)",
            "A valid signature from a key, certificate or publisher outside the trust given.",
            "intact, but its key, chain, log or publisher is outside the trust given; a PEP 740 attestation "
                + "without a pinned identity (`--identity`, or `--any-identity`) is untrusted",
            CodeRegistry.tools(
                "—",
                "—",
                "verifies against the upload's Trusted Publisher",
                "—"),
            List.of("SignatureResult")),
        new Code(Codes.SIGNATURE_MISSING, ERROR,
            "error with `--require-signature`, otherwise not reported",
            "No signature at all (reported only when a signature is required).",
            "signatures are optional; only a caller who requires one fails the wheel",
            CodeRegistry.tools(
                "—",
                "—",
                "optional (\"an empty attestation set is not permitted\" when sent)",
                "—"),
            List.of("TrustPolicy")),
        new Code(Codes.SIGNATURE_UNSUPPORTED, NOTE,
            NOTE.label(),
            "A signature form or algorithm that is not verified.",
            "a form or algorithm this verifier does not check: no verdict either way",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "—"),
            List.of("SignatureResult")),
        new Code(Codes.SIGNATURE_DEPRECATED, NOTE,
            NOTE.label(),
            "RECORD.jws or RECORD.p7s, signature forms deprecated by PEP 815.",
            "RECORD.jws and RECORD.p7s are deprecated by PEP 815; still checked, and they vouch for RECORD only",
            CodeRegistry.tools(
                "ignore them (installer exempts them from RECORD)",
                "—",
                "exempt from the RECORD comparison",
                "—"),
            List.of("Deprecation")),
        new Code(Codes.BINARY_UNPARSEABLE, ERROR,
            ERROR.label(),
            "A file that claims a native format by its magic number but cannot be parsed.",
            "claims a native format by magic number but cannot be parsed: a loader fails on it too, and no check "
                + "can vouch for it",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "not recorded"),
            List.of("NativeBinaries")),
        new Code(Codes.BINARY_MALFORMED, WARNING,
            WARNING.label(),
            "A native binary that parses, but with structural damage or a reader limit reached; the verdicts rest "
                + "on what could be read.",
            "parses, with structural damage loaders tolerate (a string table without terminator, a table cut at a "
                + "reader limit); the verdicts rest on what could be read",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "not recorded"),
            List.of("BinaryInspector")),
        new Code(Codes.BINARY_UNSUPPORTED_FORMAT, NOTE,
            NOTE.label(),
            "A native format recognised by its magic number without a reader in this version (WebAssembly).",
            "WebAssembly: recognised, no reader in this version",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "—"),
            List.of("NativeBinaries")),
        new Code(Codes.BINARY_NOT_NATIVE, NOTE,
            NOTE.label(),
            "A file given to `inspect` that is not a native binary.",
            "`inspect` was given a file that is not a native binary: nothing to judge",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "—"),
            List.of("Checks")),
        new Code(Codes.POLICY_PLATFORM_MISMATCH, ERROR,
            "error (warning for a native binary in a `none-any` or Root-Is-Purelib wheel)",
            "A binary's format, architecture, word size, byte order, CPython suffix, Mach-O slices or macOS "
                + "deployment target contradict the wheel's tags.",
            "a binary the platform would load cannot load where the tags say (format, architecture, word size, "
                + "byte order, CPython suffix, missing Mach-O slice, macOS deployment target); native code in a pure "
                + "wheel is a deviation installers accept",
            CodeRegistry.tools(
                "— (install by tag)",
                "— (installs by tag)",
                "— (checks the tag's spelling only)",
                "auditwheel: the tag must fit the binaries' architecture"),
            List.of("PlatformCheck", "MacOsSlices", "TagContradictions")),
        new Code(Codes.POLICY_FOREIGN_BINARY, WARNING,
            WARNING.label(),
            "A binary for another platform that nothing on the wheel's platform imports or loads (a browser's "
                + "`.wasm`, a DLL in a Linux wheel, test data).",
            "a binary for another platform that the wheel's platform never imports or loads (a browser's `.wasm`, "
                + "a DLL in a Linux wheel, test data): reported for what it is, not as a broken claim",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "not recorded"),
            List.of("TagContradictions")),
        new Code(Codes.POLICY_MANYLINUX_VIOLATION, ERROR,
            ERROR.label(),
            "Symbol versions, libraries outside the policy, blacklisted symbols or libpython beyond the claimed "
                + "manylinux/musllinux policy.",
            "the binaries cannot load on every system the manylinux/musllinux tag promises: symbol versions beyond "
                + "the policy, libraries neither allowed nor bundled where the loader looks, blacklisted symbols, "
                + "libpython, `PyFPE_jbuf`, an x86-64 ISA level above baseline",
            CodeRegistry.tools(
                "— (install by tag)",
                "— (installs by tag)",
                "— (tag spelling only)",
                "auditwheel show: \"constrains the platform tag to …\", external libraries, blacklisted symbols, "
                    + "\"unsupported ISA extensions\""),
            List.of("PlatformCheck")),
        new Code(Codes.POLICY_ABI3_VIOLATION, ERROR,
            ERROR.label(),
            "An abi3 extension imports symbols outside the Stable ABI of its claimed version.",
            "the extension cannot load on every CPython the abi3 tag promises: symbols outside the Stable ABI, or "
                + "newer than the tagged `cpXY`",
            CodeRegistry.tools(
                "—",
                "—",
                "—",
                "abi3audit: non-ABI3 symbols, symbols newer than the tag, a version-specific suffix in an abi3 "
                    + "wheel"),
            List.of("Abi3Check")),
        new Code(Codes.HARDENING_NO_RELRO, WARNING,
            WARNING.label(),
            "A dynamic object without PT_GNU_RELRO: relocated data and the GOT stay writable.",
            "relocated data and the GOT stay writable; loads everywhere",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "checksec \"No RELRO\"; annocheck gnu-relro fails; hardening-check \"Read-only relocations\" fails"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_PARTIAL_RELRO, WARNING,
            WARNING.label(),
            "PT_GNU_RELRO without immediate binding: the PLT part of the GOT stays writable.",
            "the PLT part of the GOT stays writable; common on PyPI (numpy 2.4.6 has no BIND_NOW)",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "checksec \"Partial RELRO\"; annocheck bind-now fails; hardening-check \"Immediate binding\" fails"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_NO_CANARY, WARNING,
            WARNING.label(),
            "C or C++ code without a stack protector.",
            "C or C++ code without stack protector references; not reported for pure Rust or Go",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "checksec \"No canary found\"; hardening-check \"Stack protected: no\"; annocheck reads build "
                    + "notes instead"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_EXECSTACK, WARNING,
            WARNING.label(),
            "PT_GNU_STACK asks for an executable stack.",
            "glibc ≥ 2.41 refuses to dlopen it, but older glibc inside every manylinux promise loads it; an error "
                + "candidate once auditwheel's rejection lands",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "auditwheel: rejection proposed (#634, PR #732, open)",
                "checksec \"NX disabled\"; annocheck gnu-stack fails"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_NO_NX, WARNING,
            WARNING.label(),
            "No PT_GNU_STACK on a machine whose default stack is executable.",
            "no PT_GNU_STACK where the machine's default stack is executable: as `hardening.execstack`",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "auditwheel: as for exec stack (#732)",
                "checksec \"NX disabled\"; annocheck \"maybe\""),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_NO_PIE, WARNING,
            WARNING.label(),
            "An executable that is not position-independent.",
            "an executable at a fixed address; shared objects are never asked to be PIEs (annocheck's order)",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "checksec \"No PIE\"; annocheck pie fails (executables only); hardening-check fails"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_TEXTREL, WARNING,
            WARNING.label(),
            "Relocations against read-only text (DT_TEXTREL or DF_TEXTREL).",
            "text relocations keep code writable at load; glibc still loads them",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "annocheck textrel fails; checksec and hardening-check do not check"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_RPATH, WARNING,
            WARNING.label(),
            "An RPATH/RUNPATH entry that is absolute, empty, relative to the working directory or leaves the wheel.",
            "the loader searches outside the wheel (absolute, empty, working-directory or escaping entry); "
                + "`$ORIGIN` paths inside the wheel, such as auditwheel's `$ORIGIN/../<pkg>.libs`, are safe",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "auditwheel repair drops entries outside the wheel (\"points outside the wheel -- discarding it\")",
                "checksec flags any RPATH; annocheck run-path fails on `..` and calls DT_RPATH deprecated"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_NO_FORTIFY, WARNING,
            WARNING.label(),
            "Fortifiable libc functions imported, none of them fortified.",
            "fortifiable libc functions imported and none fortified",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "checksec fortify \"No\"; hardening-check fails when only unprotected functions appear"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_WX_SEGMENT, WARNING,
            WARNING.label(),
            "A loadable segment both writable and executable.",
            "a loadable segment both writable and executable",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "annocheck rwx-seg fails; pwntools \"RWX segments\"; checksec does not check"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_NO_ASLR, WARNING,
            WARNING.label(),
            "A PE image without working ASLR (no DYNAMIC_BASE, or relocations stripped).",
            "a PE image without DYNAMIC_BASE, or with relocations stripped, loads at a fixed address",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "winchecksec: ASLR needs DYNAMIC_BASE and relocations; checksec.rs reads DYNAMIC_BASE only"),
            List.of("HardeningFindings")),
        new Code(Codes.HARDENING_INVALID_CODE_SIGNATURE, WARNING,
            WARNING.label(),
            "A Mach-O slice whose embedded code signature no longer matches its code or cannot be read.",
            "a Mach-O slice modified after signing, or whose signature cannot be read: arm64 macOS refuses to load "
                + "it, Intel macOS loads it, and an ad-hoc re-sign repairs it",
            CodeRegistry.hardeningTools(
                "—",
                "—",
                "—",
                "—",
                "checksec.rs only sees that LC_CODE_SIGNATURE exists"),
            List.of("HardeningFindings")),
        new Code(Codes.GUIDE_NODLOPEN, ERROR,
            ERROR.label(),
            "A shared object linked with -Wl,-z,nodlopen (DF_1_NOOPEN), as the OpenSSF guide recommends.",
            "glibc refuses to dlopen() a DF_1_NOOPEN object, and one pulled in as a dependency: CPython cannot "
                + "import the module (\"shared object cannot be dlopen()ed\"); the guide's advice is for programs",
            CodeRegistry.hardeningTools(
                "— (the import fails at run time)",
                "—",
                "—",
                "—",
                "— (annocheck, checksec and hardening-check do not read DF_1_NOOPEN)"),
            List.of("GuideProfile")));
  }
}
