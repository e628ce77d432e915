package dev.wheeltapper.hardening;

/**
 * The hardening checks, in report order, each with its key in the JSON {@code hardening} object.
 *
 * <pre>{@code
 * CheckResult relro = hardening.result(HardeningCheck.RELRO);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum HardeningCheck {
  /** RELRO: {@code none}, {@code partial} (PT_GNU_RELRO) or {@code full} (PT_GNU_RELRO and immediate binding). */
  RELRO("relro", false),
  /** PT_GNU_RELRO present. */
  GNU_RELRO("gnuRelro", true),
  /** Immediate binding: DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW. */
  BIND_NOW("bindNow", true),
  /** Stack protector references. */
  CANARY("canary", true),
  /** Non-executable stack. */
  NX("nx", true),
  /** Executable stack (the inverse of {@link #NX}, kept for the JSON contract). */
  EXECSTACK("execstack", true),
  /** Position independence: {@code yes}, {@code no}, {@code dso}. */
  PIE("pie", false),
  /** FORTIFY_SOURCE: {@code full}, {@code partial}, {@code none}, {@code unknown}. */
  FORTIFY("fortify", false),
  /** DT_RPATH entries. */
  RPATH("rpath", false),
  /** DT_RUNPATH entries. */
  RUNPATH("runpath", false),
  /** Relocations against read-only text. */
  TEXTREL("textrel", true),
  /** No {@code .symtab}. */
  STRIPPED("stripped", true),
  /** DWARF sections present. */
  DEBUG_INFO("debugInfo", true),
  /** x86 Indirect Branch Tracking (CET). */
  IBT("ibt", true),
  /** x86 Shadow Stack (CET). */
  SHSTK("shstk", true),
  /** AArch64 Branch Target Identification. */
  BTI("bti", true),
  /** AArch64 Pointer Authentication. */
  PAC("pac", true),
  /** x86-64 micro-architecture level the binary needs: {@code baseline}, {@code v2}, {@code v3}, {@code v4}. */
  ISA_LEVEL("isaLevel", false),
  /** A loadable segment both writable and executable. */
  WX_SEGMENTS("wxSegments", true),
  /** {@code -fstack-clash-protection}. */
  STACK_CLASH("stackClash", true),
  /** {@code -D_GLIBCXX_ASSERTIONS}. */
  GLIBCXX_ASSERTIONS("glibcxxAssertions", true);

  private final String key;
  private final boolean booleanValued;

  HardeningCheck(String key, boolean booleanValued) {
    this.key = key;
    this.booleanValued = booleanValued;
  }

  /**
   * The key in the JSON {@code hardening} object.
   *
   * @return for example {@code relro}, {@code execstack}
   */
  public String key() {
    return key;
  }

  /**
   * Whether the JSON value is a boolean ({@code yes} → true, {@code no} → false, anything else → null).
   *
   * @return true for yes/no checks
   */
  public boolean booleanValued() {
    return booleanValued;
  }
}
