package dev.wheeltapper.guide;

import java.util.OptionalInt;

/**
 * The options of the OpenSSF guide's run-time table (Table 2) and TL;DR set that a profile judges, spelled as the
 * guide spells them, with the first GCC and Clang major version that has each (the guide's "Supported since").
 * {@code -fPIE -pie} (executables), {@code -fhardened} (an umbrella of rows already here) and the sanitizers (not for
 * production) have no row; the compile-time warnings of Table 1 are one row.
 *
 * <pre>{@code
 * GuideOption.FORTIFY_SOURCE.option();     // "-D_FORTIFY_SOURCE=3"
 * GuideOption.FORTIFY_SOURCE.gccSince();   // OptionalInt[1200]: GCC 12.0
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum GuideOption {
  /** FORTIFY_SOURCE at level 3 (glibc 2.34 headers). */
  FORTIFY_SOURCE("-D_FORTIFY_SOURCE=3", 1200, 900),
  /** libstdc++ precondition checks. */
  GLIBCXX_ASSERTIONS("-D_GLIBCXX_ASSERTIONS", 0, 0),
  /** libc++ hardening mode (libc++ 18). */
  LIBCPP_HARDENING_MODE("_LIBCPP_HARDENING_MODE", -1, 1800),
  /** Only {@code []} is a flexible array member. */
  STRICT_FLEX_ARRAYS("-fstrict-flex-arrays=3", 1300, 1600),
  /** Stack clash protection. */
  STACK_CLASH_PROTECTION("-fstack-clash-protection", 800, 1100),
  /** Stack protector, strong. */
  STACK_PROTECTOR_STRONG("-fstack-protector-strong", 409, 600),
  /** x86-64 CET: IBT and shadow stack. */
  CF_PROTECTION("-fcf-protection=full", 800, 700),
  /** AArch64 BTI and PAC-ret. */
  BRANCH_PROTECTION("-mbranch-protection=standard", 900, 800),
  /** {@code DF_1_NOOPEN}: wrong for a Python extension. */
  NODLOPEN("-Wl,-z,nodlopen", 0, 0),
  /** Non-executable stack. */
  NOEXECSTACK("-Wl,-z,noexecstack", 0, 0),
  /** Full RELRO: one row for both linker options. */
  RELRO_NOW("-Wl,-z,relro -Wl,-z,now", 0, 0),
  /** Position-independent shared object. */
  PIC_SHARED("-fPIC -shared", 0, 0),
  /** Keep null pointer checks. */
  NO_DELETE_NULL_POINTER_CHECKS("-fno-delete-null-pointer-checks", 300, 700),
  /** Defined signed and pointer overflow. */
  NO_STRICT_OVERFLOW("-fno-strict-overflow", 402, 0),
  /** No strict aliasing assumptions. */
  NO_STRICT_ALIASING("-fno-strict-aliasing", 295, 209),
  /** Initialise automatic variables. */
  TRIVIAL_AUTO_VAR_INIT("-ftrivial-auto-var-init", 1200, 800),
  /** Exceptions in C: pthread cancellation unwinds through C frames. */
  EXCEPTIONS("-fexceptions", 295, 206),
  /** Drop unused DT_NEEDED. */
  AS_NEEDED("-Wl,--as-needed", 0, 0),
  /** Do not copy DT_NEEDED of dependencies. */
  NO_COPY_DT_NEEDED_ENTRIES("-Wl,--no-copy-dt-needed-entries", 0, 0),
  /** Zero padding bits (GCC 15, no Clang equivalent). */
  ZERO_INIT_PADDING_BITS("-fzero-init-padding-bits", 1500, -1),
  /** The compile-time warnings of Table 1, as the TL;DR set lists them. */
  WARNINGS("-Wall -Wformat -Wformat=2 -Wconversion -Wimplicit-fallthrough -Werror=format-security", 0, 0);

  private final String option;
  private final int gccSince;
  private final int clangSince;

  GuideOption(String option, int gccSince, int clangSince) {
    this.option = option;
    this.gccSince = gccSince;
    this.clangSince = clangSince;
  }

  /**
   * The option as the guide's table spells it (the JSON {@code option}).
   *
   * @return for example {@code -Wl,-z,relro -Wl,-z,now}
   */
  public String option() {
    return option;
  }

  /**
   * The first GCC version with the option.
   *
   * @return {@code major * 100 + minor}, empty when GCC lacks it (then a GCC-only binary cannot have it)
   */
  public OptionalInt gccSince() {
    return gccSince < 0 ? OptionalInt.empty() : OptionalInt.of(gccSince);
  }

  /**
   * The first Clang version with the option (libc++ for {@code _LIBCPP_HARDENING_MODE}).
   *
   * @return {@code major * 100 + minor}, empty when Clang lacks it
   */
  public OptionalInt clangSince() {
    return clangSince < 0 ? OptionalInt.empty() : OptionalInt.of(clangSince);
  }

  /**
   * Looks an option up by its guide spelling.
   *
   * @param option the spelling
   * @return the option, empty when none is spelled so
   */
  public static java.util.Optional<GuideOption> of(String option) {
    for (GuideOption o : values()) {
      if (o.option.equals(option)) {
        return java.util.Optional.of(o);
      }
    }
    return java.util.Optional.empty();
  }
}
