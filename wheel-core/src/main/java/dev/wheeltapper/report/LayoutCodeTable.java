package dev.wheeltapper.report;

import static dev.wheeltapper.report.Severity.WARNING;

import java.util.List;
import java.util.Map;

/**
 * The registry entries of the {@code layout} codes: the lints of check-wheel-contents (jwodder/check-wheel-contents,
 * checks W001-W008) on what a wheel ships, read from its RECORD and central directory. Every one is a warning: an
 * installer installs such a wheel, and check-wheel-contents itself exits non-zero on them only because it is a lint.
 */
final class LayoutCodeTable {
  /** The lint these codes follow, the column after {@link CodeRegistry#TOOLS}. */
  static final String CHECK_WHEEL_CONTENTS = "check-wheel-contents";

  private LayoutCodeTable() {}

  private static Map<String, String> tools(String pypi, String cwc) {
    Map<String, String> m = CodeRegistry.tools("install it", "installs it", pypi, "—");
    m.put(CHECK_WHEEL_CONTENTS, cwc);
    return m;
  }

  static List<Code> codes() {
    return List.of(
        new Code(Codes.LAYOUT_BYTECODE, WARNING,
            WARNING.label(),
            "Compiled bytecode (`.pyc`, `.pyo`) shipped in the wheel.",
            "bytecode is specific to one interpreter version, installers compile their own, and a stale `.pyc` "
                + "can shadow its source; RECORD still vouches for it, so it is not an integrity problem",
            tools("—", "W001 \"Wheel contains .pyc/.pyo files\""),
            List.of("LayoutLints")),
        new Code(Codes.LAYOUT_DUPLICATE_FILES, WARNING,
            WARNING.label(),
            "Two or more files with the same RECORD hash and size (empty and coding-line-only files excepted).",
            "usually a packaging slip (a file copied into two packages, a build tree shipped twice); harmless to "
                + "install, and a vendored library shipped twice is worth a look",
            tools("—", "W002 \"Wheel contains duplicate files\" (same exceptions)"),
            List.of("LayoutLints")),
        new Code(Codes.LAYOUT_TOPLEVEL_NON_MODULE, WARNING,
            WARNING.label(),
            "A file at the top level of purelib/platlib that is not a module (`.py`, `.so`, `.pyd`) or a `.pth` "
                + "file: it lands loose in site-packages, outside any package.",
            "a `README`, `LICENSE` or `py.typed` at the top level is installed straight into site-packages, where "
                + "it clashes with every other project that does the same; a stub `X.pyi` beside its top-level module "
                + "`X` is not reported (type checkers read it)",
            tools("—", "W003 \"Wheel contains non-module at library toplevel\" (also for a stub beside its module)"),
            List.of("LayoutLints")),
        new Code(Codes.LAYOUT_COMMON_TOPLEVEL_NAME, WARNING,
            WARNING.label(),
            "A common project-tree name (`tests`, `test`, `docs`, `src`, `build`, ...) at the top level of "
                + "purelib/platlib.",
            "a top-level `tests` or `docs` package shadows, and is overwritten by, every other project that ships "
                + "one; usually a `find_packages()` without `exclude`; not reported for the project's own name (the "
                + "`build` project's `build/` package)",
            tools("—", "W005 \"Wheel contains common toplevel name in library\" (same names; its `--toplevel` "
                + "option allows the project's own)"),
            List.of("LayoutLints")),
        new Code(Codes.LAYOUT_TOPLEVEL_INIT, WARNING,
            WARNING.label(),
            "An `__init__.py` at the top level of purelib/platlib.",
            "it installs as `site-packages/__init__.py`, which belongs to no package and clashes with any other "
                + "wheel that makes the same mistake",
            tools("—", "W006 \"__init__.py at top level of library\""),
            List.of("LayoutLints")),
        new Code(Codes.LAYOUT_EMPTY_LIBRARY, WARNING,
            WARNING.label(),
            "Neither purelib nor platlib holds a file: the wheel installs no importable code.",
            "usually a build that found no packages; not reported for a metapackage (nothing but `.dist-info`, with "
                + "`Requires-Dist`) or a command-line tool shipped in `.data/scripts`, and the message says what the "
                + "`.data` directory holds",
            tools("—", "W007 \"Wheel library is empty\", W008 \"Wheel is empty\" (also for metapackages and "
                + "scripts)"),
            List.of("LayoutLints")));
  }
}
