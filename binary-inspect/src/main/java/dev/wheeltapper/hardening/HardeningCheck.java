package dev.wheeltapper.hardening;

import dev.wheeltapper.bytes.NativeFormat;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hardening checks, in report order, each with its key in the JSON {@code hardening} object and the formats it
 * belongs to ({@link #appliesTo}).
 *
 * <pre>{@code
 * CheckResult relro = hardening.result(HardeningCheck.RELRO);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum HardeningCheck {
  /** RELRO: {@code none}, {@code partial} (PT_GNU_RELRO) or {@code full} (PT_GNU_RELRO and immediate binding). */
  RELRO("relro", false, EnumSet.of(NativeFormat.ELF)),
  /** PT_GNU_RELRO present. */
  GNU_RELRO("gnuRelro", true, EnumSet.of(NativeFormat.ELF)),
  /** Immediate binding: DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW. */
  BIND_NOW("bindNow", true, EnumSet.of(NativeFormat.ELF)),
  /** Stack protector references. */
  CANARY("canary", true, EnumSet.of(NativeFormat.ELF, NativeFormat.PE, NativeFormat.MACHO)),
  /** Non-executable stack. */
  NX("nx", true, EnumSet.of(NativeFormat.ELF, NativeFormat.PE, NativeFormat.MACHO)),
  /** Executable stack (the inverse of {@link #NX}, kept for the JSON contract). */
  EXECSTACK("execstack", true, EnumSet.of(NativeFormat.ELF, NativeFormat.MACHO)),
  /** Position independence: {@code yes}, {@code no}, {@code dso}. */
  PIE("pie", false, EnumSet.of(NativeFormat.ELF, NativeFormat.PE, NativeFormat.MACHO)),
  /** FORTIFY_SOURCE: {@code full}, {@code partial}, {@code none}, {@code unknown}. */
  FORTIFY("fortify", false, EnumSet.of(NativeFormat.ELF, NativeFormat.PE, NativeFormat.MACHO)),
  /** DT_RPATH entries. */
  RPATH("rpath", false, EnumSet.of(NativeFormat.ELF, NativeFormat.MACHO)),
  /** DT_RUNPATH entries. */
  RUNPATH("runpath", false, EnumSet.of(NativeFormat.ELF)),
  /** Relocations against read-only text. */
  TEXTREL("textrel", true, EnumSet.of(NativeFormat.ELF)),
  /** No {@code .symtab}. */
  STRIPPED("stripped", true, EnumSet.of(NativeFormat.ELF, NativeFormat.PE)),
  /** DWARF sections present. */
  DEBUG_INFO("debugInfo", true, EnumSet.of(NativeFormat.ELF, NativeFormat.MACHO)),
  /** x86 Indirect Branch Tracking (CET). */
  IBT("ibt", true, EnumSet.of(NativeFormat.ELF)),
  /** x86 Shadow Stack (CET). */
  SHSTK("shstk", true, EnumSet.of(NativeFormat.ELF)),
  /** AArch64 Branch Target Identification. */
  BTI("bti", true, EnumSet.of(NativeFormat.ELF)),
  /** AArch64 Pointer Authentication. */
  PAC("pac", true, EnumSet.of(NativeFormat.ELF)),
  /** x86-64 micro-architecture level the binary needs: {@code baseline}, {@code v2}, {@code v3}, {@code v4}. */
  ISA_LEVEL("isaLevel", false, EnumSet.of(NativeFormat.ELF)),
  /** A loadable segment both writable and executable. */
  WX_SEGMENTS("wxSegments", true, EnumSet.of(NativeFormat.ELF, NativeFormat.PE, NativeFormat.MACHO)),
  /** {@code -fstack-clash-protection}. */
  STACK_CLASH("stackClash", true, EnumSet.of(NativeFormat.ELF)),
  /** {@code -D_GLIBCXX_ASSERTIONS}. */
  GLIBCXX_ASSERTIONS("glibcxxAssertions", true, EnumSet.of(NativeFormat.ELF)),
  /** PE: IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE set. */
  DYNAMIC_BASE("dynamicBase", true, EnumSet.of(NativeFormat.PE)),
  /** PE: working ASLR, winchecksec's meaning: DYNAMIC_BASE and relocations not stripped (or a .NET image). */
  ASLR("aslr", true, EnumSet.of(NativeFormat.PE)),
  /** PE: HIGH_ENTROPY_VA with working ASLR (64-bit images only). */
  HIGH_ENTROPY_VA("highEntropyVa", true, EnumSet.of(NativeFormat.PE)),
  /** PE: Control Flow Guard (GUARD_CF with working ASLR). */
  GUARD_CF("guardCf", true, EnumSet.of(NativeFormat.PE)),
  /** PE: SafeSEH handler table (32-bit x86 only). */
  SAFE_SEH("safeSeh", true, EnumSet.of(NativeFormat.PE)),
  /** PE: structured exception handling allowed (not NO_SEH). */
  SEH("seh", true, EnumSet.of(NativeFormat.PE)),
  /** PE: /GS security cookie in the load configuration. */
  GS("gs", true, EnumSet.of(NativeFormat.PE)),
  /** PE: FORCE_INTEGRITY (signature checked at load). */
  FORCE_INTEGRITY("forceIntegrity", true, EnumSet.of(NativeFormat.PE)),
  /** PE: APPCONTAINER. */
  APPCONTAINER("appContainer", true, EnumSet.of(NativeFormat.PE)),
  /** PE: isolation allowed (not NO_ISOLATION). */
  ISOLATION("isolation", true, EnumSet.of(NativeFormat.PE)),
  /** PE: Return Flow Guard. */
  RFG("rfg", true, EnumSet.of(NativeFormat.PE)),
  /** PE: CET shadow stack compatible (debug entry type 20, CET_COMPAT). */
  CET_COMPAT("cetCompat", true, EnumSet.of(NativeFormat.PE)),
  /** PE: a valid Authenticode signature over the image (the publisher is not checked against a trust root). */
  AUTHENTICODE("authenticode", true, EnumSet.of(NativeFormat.PE)),
  /** PE: relocations stripped, so the image loads only at its fixed ImageBase. */
  RELOCS_STRIPPED("relocsStripped", true, EnumSet.of(NativeFormat.PE)),
  /** Mach-O: MH_NO_HEAP_EXECUTION. */
  NX_HEAP("nxHeap", true, EnumSet.of(NativeFormat.MACHO)),
  /** Mach-O: Objective-C automatic reference counting ({@code _objc_release} imported). */
  ARC("arc", true, EnumSet.of(NativeFormat.MACHO)),
  /** Mach-O: LC_CODE_SIGNATURE present; PE: see {@link #AUTHENTICODE}. */
  CODE_SIGNATURE("codeSignature", true, EnumSet.of(NativeFormat.PE, NativeFormat.MACHO)),
  /** Mach-O: a {@code __RESTRICT} segment (dyld ignores DYLD_* variables). */
  RESTRICT("restrict", true, EnumSet.of(NativeFormat.MACHO)),
  /** Mach-O: LC_ENCRYPTION_INFO with a non-zero cryptid. */
  ENCRYPTED("encrypted", true, EnumSet.of(NativeFormat.MACHO));

  private final String key;
  private final boolean booleanValued;
  private final Set<NativeFormat> formats;

  HardeningCheck(String key, boolean booleanValued, EnumSet<NativeFormat> formats) {
    this.key = key;
    this.booleanValued = booleanValued;
    this.formats = java.util.Collections.unmodifiableSet(formats);
  }

  /**
   * Whether this check belongs to a format: a format's {@link Hardening} record holds exactly its own checks, and its
   * JSON object names only theirs.
   *
   * @param format the binary format
   * @return true when the format's checker answers this check
   */
  public boolean appliesTo(NativeFormat format) {
    return formats.contains(format);
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
