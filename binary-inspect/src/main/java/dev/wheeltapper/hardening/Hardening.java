package dev.wheeltapper.hardening;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The hardening of one binary: one {@link CheckResult} per {@link HardeningCheck}, the FORTIFY_SOURCE evidence and
 * the classified RPATH/RUNPATH entries. One model for every format: a check without meaning for a format or machine
 * is {@link Status#NOT_APPLICABLE} and its JSON value is null.
 *
 * <pre>{@code
 * Hardening h = ElfHardening.check(facts, CheckContext.wheelEntry("pkg/_x.so"));
 * h.result(HardeningCheck.RELRO).value();       // "full"
 * h.toJsonMap();                                // {"relro": "full", "canary": true, ...}
 * List<Finding> f = h.findings("pkg/_x.so");   // hardening.* warnings
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param results one result per check, in {@link HardeningCheck} order
 * @param fortify the FORTIFY_SOURCE evidence
 * @param rpath the DT_RPATH entries
 * @param runpath the DT_RUNPATH entries
 */
public record Hardening(
    Map<HardeningCheck, CheckResult> results, Fortify fortify, List<RpathEntry> rpath, List<RpathEntry> runpath) {

  /**
   * The finding code for a PE image without working ASLR ({@code hardening.*} family of {@code docs/cli.md}; not yet
   * in {@code Codes}).
   */
  public static final String NO_ASLR = "hardening.no-aslr";
  /**
   * A Mach-O slice whose embedded code signature no longer matches its code (modified after signing; arm64 macOS
   * refuses to load it) or cannot be read.
   */
  public static final String INVALID_CODE_SIGNATURE = "hardening.invalid-code-signature";

  /**
   * Fills every check missing from {@code results} with {@link Status#NOT_APPLICABLE}: for a format's checker, so
   * checks of other formats read n/a (JSON null).
   *
   * @param results the results so far, completed in place
   * @param why the evidence of the filled results ({@code "not a PE check"})
   */
  public static void fillNotApplicable(Map<HardeningCheck, CheckResult> results, String why) {
    for (HardeningCheck c : HardeningCheck.values()) {
      results.computeIfAbsent(c, k -> new CheckResult(k, Status.NOT_APPLICABLE, CheckResult.NOT_APPLICABLE, why));
    }
  }

  /** Validates that every check has a result and copies. */
  public Hardening {
    Objects.requireNonNull(results, "results");
    EnumMap<HardeningCheck, CheckResult> copy = new EnumMap<>(HardeningCheck.class);
    for (HardeningCheck c : HardeningCheck.values()) {
      CheckResult r = results.get(c);
      if (r == null || r.check() != c) {
        throw new IllegalArgumentException("missing or misfiled result for " + c);
      }
      copy.put(c, r);
    }
    results = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(fortify, "fortify");
    rpath = List.copyOf(rpath);
    runpath = List.copyOf(runpath);
  }

  /**
   * The result of one check.
   *
   * @param check the check
   * @return its result, never null
   */
  public CheckResult result(HardeningCheck check) {
    return results.get(check);
  }

  /**
   * The status of one check.
   *
   * @param check the check
   * @return its status
   */
  public Status status(HardeningCheck check) {
    return results.get(check).status();
  }

  /**
   * The results in report order.
   *
   * @return every result
   */
  public List<CheckResult> list() {
    return List.copyOf(results.values());
  }

  /**
   * The JSON {@code hardening} object of {@code docs/cli.md}, in contract order ({@code relro}, {@code canary},
   * {@code nx}, {@code pie}, {@code fortify}, {@code rpath}, {@code runpath}, {@code textrel}, {@code execstack},
   * {@code stripped}, {@code ibt}, {@code shstk}), then the extra fields ({@code gnuRelro}, {@code bindNow},
   * {@code debugInfo}, {@code bti}, {@code pac}, {@code isaLevel}, {@code wxSegments}, {@code stackClash},
   * {@code glibcxxAssertions}, the PE and Mach-O checks ({@code dynamicBase}, {@code aslr} ... {@code encrypted},
   * null for ELF), {@code rpathEntries}, {@code runpathEntries}, {@code checks} with status and evidence).
   *
   * @return an ordered, unmodifiable map of String, Boolean, Integer, List and Map values (nulls where meaningless)
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("relro", value(HardeningCheck.RELRO));
    m.put("canary", value(HardeningCheck.CANARY));
    m.put("nx", value(HardeningCheck.NX));
    m.put("pie", value(HardeningCheck.PIE));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("fortified", fortify.fortified().size());
    f.put("fortifiable", fortify.fortifiable());
    f.put("level", value(HardeningCheck.FORTIFY));
    f.put("fortifiedFunctions", fortify.fortified());
    f.put("unprotectedFunctions", fortify.unprotected());
    m.put("fortify", Collections.unmodifiableMap(f));
    m.put("rpath", rpath.stream().map(RpathEntry::entry).collect(Collectors.toUnmodifiableList()));
    m.put("runpath", runpath.stream().map(RpathEntry::entry).collect(Collectors.toUnmodifiableList()));
    m.put("textrel", value(HardeningCheck.TEXTREL));
    m.put("execstack", value(HardeningCheck.EXECSTACK));
    m.put("stripped", value(HardeningCheck.STRIPPED));
    m.put("ibt", value(HardeningCheck.IBT));
    m.put("shstk", value(HardeningCheck.SHSTK));
    for (HardeningCheck c : List.of(HardeningCheck.GNU_RELRO, HardeningCheck.BIND_NOW, HardeningCheck.DEBUG_INFO,
        HardeningCheck.BTI, HardeningCheck.PAC, HardeningCheck.ISA_LEVEL, HardeningCheck.WX_SEGMENTS,
        HardeningCheck.STACK_CLASH, HardeningCheck.GLIBCXX_ASSERTIONS, HardeningCheck.DYNAMIC_BASE,
        HardeningCheck.ASLR, HardeningCheck.HIGH_ENTROPY_VA, HardeningCheck.GUARD_CF, HardeningCheck.SAFE_SEH,
        HardeningCheck.SEH, HardeningCheck.GS, HardeningCheck.FORCE_INTEGRITY, HardeningCheck.APPCONTAINER,
        HardeningCheck.ISOLATION, HardeningCheck.RFG, HardeningCheck.CET_COMPAT, HardeningCheck.AUTHENTICODE,
        HardeningCheck.RELOCS_STRIPPED, HardeningCheck.NX_HEAP, HardeningCheck.ARC, HardeningCheck.CODE_SIGNATURE,
        HardeningCheck.RESTRICT, HardeningCheck.ENCRYPTED)) {
      m.put(c.key(), value(c));
    }
    m.put("rpathEntries", entries(rpath));
    m.put("runpathEntries", entries(runpath));
    Map<String, Object> checks = new LinkedHashMap<>();
    for (CheckResult r : results.values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("status", r.status().label());
      one.put("value", r.value());
      one.put("evidence", r.evidence());
      checks.put(r.check().key(), Collections.unmodifiableMap(one));
    }
    m.put("checks", Collections.unmodifiableMap(checks));
    return Collections.unmodifiableMap(m);
  }

  private Object value(HardeningCheck c) {
    return results.get(c).jsonValue();
  }

  private static List<Map<String, Object>> entries(List<RpathEntry> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RpathEntry e : list) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("entry", e.entry());
      one.put("kind", e.kind().label());
      one.put("safe", e.safe());
      out.add(Collections.unmodifiableMap(one));
    }
    return List.copyOf(out);
  }

  /**
   * The {@code hardening.*} warnings for the failed checks: {@code hardening.no-relro},
   * {@code hardening.partial-relro}, {@code hardening.no-canary}, {@code hardening.execstack},
   * {@code hardening.no-nx}, {@code hardening.no-pie}, {@code hardening.textrel}, {@code hardening.rpath},
   * {@code hardening.no-fortify}, {@code hardening.no-aslr}, {@code hardening.wx-segment}.
   *
   * @param path the binary's path for the findings (entry path in the wheel, or file path)
   * @return the findings, in check order
   */
  public List<Finding> findings(String path) {
    List<Finding> out = new ArrayList<>();
    CheckResult relro = result(HardeningCheck.RELRO);
    if (relro.status() == Status.FAIL) {
      out.add(Finding.warning(Codes.HARDENING_NO_RELRO, path, "no RELRO: " + relro.evidence()));
    } else if (relro.status() == Status.PARTIAL) {
      out.add(Finding.warning(Codes.HARDENING_PARTIAL_RELRO, path, "partial RELRO: " + relro.evidence()));
    }
    CheckResult canary = result(HardeningCheck.CANARY);
    if (canary.status() == Status.FAIL) {
      out.add(Finding.warning(Codes.HARDENING_NO_CANARY, path, "no stack protector: " + canary.evidence()));
    }
    CheckResult nx = result(HardeningCheck.NX);
    if (nx.status() == Status.FAIL) {
      boolean explicit = result(HardeningCheck.EXECSTACK).evidence().startsWith("PT_GNU_STACK has PF_X");
      out.add(Finding.warning(explicit ? Codes.HARDENING_EXECSTACK : Codes.HARDENING_NO_NX, path,
          "executable stack: " + nx.evidence()));
    }
    CheckResult pie = result(HardeningCheck.PIE);
    if (pie.status() == Status.FAIL) {
      out.add(Finding.warning(Codes.HARDENING_NO_PIE, path, "not a position-independent executable: "
          + pie.evidence()));
    }
    CheckResult textrel = result(HardeningCheck.TEXTREL);
    if (textrel.status() == Status.FAIL) {
      out.add(Finding.warning(Codes.HARDENING_TEXTREL, path, "text relocations: " + textrel.evidence()));
    }
    List<String> unsafe = new ArrayList<>();
    for (RpathEntry e : rpath) {
      if (!e.safe()) {
        unsafe.add("DT_RPATH " + e);
      }
    }
    for (RpathEntry e : runpath) {
      if (!e.safe()) {
        unsafe.add("DT_RUNPATH " + e);
      }
    }
    if (!unsafe.isEmpty()) {
      out.add(Finding.warning(Codes.HARDENING_RPATH, path, "unsafe library search path: " + String.join(", ", unsafe)));
    }
    CheckResult fort = result(HardeningCheck.FORTIFY);
    if (fort.status() == Status.FAIL) {
      out.add(Finding.warning(Codes.HARDENING_NO_FORTIFY, path, "no FORTIFY_SOURCE: " + fort.evidence()));
    }
    CheckResult aslr = result(HardeningCheck.ASLR);
    if (aslr.status() == Status.FAIL) {
      out.add(Finding.warning(NO_ASLR, path, "no ASLR: " + aslr.evidence()));
    }
    CheckResult signature = result(HardeningCheck.CODE_SIGNATURE);
    if (signature.status() == Status.FAIL && signature.value().equals(CheckResult.INVALID)) {
      out.add(Finding.warning(INVALID_CODE_SIGNATURE, path, "code signature does not match: " + signature.evidence()));
    }
    CheckResult wx = result(HardeningCheck.WX_SEGMENTS);
    if (wx.status() == Status.FAIL) {
      out.add(Finding.warning(Codes.HARDENING_WX_SEGMENT, path, "writable and executable memory: " + wx.evidence()));
    }
    return List.copyOf(out);
  }
}
