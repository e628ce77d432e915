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
  GLIBCXX_ASSERTIONS("glibcxxAssertions", true),
  /** PE: IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE set. */
  DYNAMIC_BASE("dynamicBase", true),
  /** PE: working ASLR, winchecksec's meaning: DYNAMIC_BASE and relocations not stripped (or a .NET image). */
  ASLR("aslr", true),
  /** PE: HIGH_ENTROPY_VA with working ASLR (64-bit images only). */
  HIGH_ENTROPY_VA("highEntropyVa", true),
  /** PE: Control Flow Guard (GUARD_CF with working ASLR). */
  GUARD_CF("guardCf", true),
  /** PE: SafeSEH handler table (32-bit x86 only). */
  SAFE_SEH("safeSeh", true),
  /** PE: structured exception handling allowed (not NO_SEH). */
  SEH("seh", true),
  /** PE: /GS security cookie in the load configuration. */
  GS("gs", true),
  /** PE: FORCE_INTEGRITY (signature checked at load). */
  FORCE_INTEGRITY("forceIntegrity", true),
  /** PE: APPCONTAINER. */
  APPCONTAINER("appContainer", true),
  /** PE: isolation allowed (not NO_ISOLATION). */
  ISOLATION("isolation", true),
  /** PE: Return Flow Guard. */
  RFG("rfg", true),
  /** PE: CET shadow stack compatible (debug entry type 20, CET_COMPAT). */
  CET_COMPAT("cetCompat", true),
  /** PE: a valid Authenticode signature over the image (the publisher is not checked against a trust root). */
  AUTHENTICODE("authenticode", true),
  /** PE: relocations stripped, so the image loads only at its fixed ImageBase. */
  RELOCS_STRIPPED("relocsStripped", true),
  /** Mach-O: MH_NO_HEAP_EXECUTION. */
  NX_HEAP("nxHeap", true),
  /** Mach-O: Objective-C automatic reference counting ({@code _objc_release} imported). */
  ARC("arc", true),
  /** Mach-O: LC_CODE_SIGNATURE present; PE: see {@link #AUTHENTICODE}. */
  CODE_SIGNATURE("codeSignature", true),
  /** Mach-O: a {@code __RESTRICT} segment (dyld ignores DYLD_* variables). */
  RESTRICT("restrict", true),
  /** Mach-O: LC_ENCRYPTION_INFO with a non-zero cryptid. */
  ENCRYPTED("encrypted", true);

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
