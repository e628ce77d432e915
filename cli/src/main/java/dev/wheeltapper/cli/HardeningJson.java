package dev.wheeltapper.cli;

import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.hardening.Fortify;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.RpathEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON {@code hardening} object of one binary ({@code docs/cli.md}), from the format's own record: the contract's
 * keys ({@code relro}, {@code canary}, {@code nx}, {@code pie}, {@code fortify}, {@code rpath}, {@code runpath},
 * {@code textrel}, {@code execstack}, {@code stripped}, {@code ibt}, {@code shstk}) for every format, {@code null}
 * where the format has no such check; then only the format's own further checks, its search path entries and
 * {@code checks} (status, value, evidence of each of its checks).
 */
final class HardeningJson {
  /** The keys of the contract's example object, present for every format. */
  private static final List<HardeningCheck> CONTRACT = List.of(HardeningCheck.RELRO, HardeningCheck.CANARY,
      HardeningCheck.NX, HardeningCheck.PIE, HardeningCheck.FORTIFY, HardeningCheck.RPATH, HardeningCheck.RUNPATH,
      HardeningCheck.TEXTREL, HardeningCheck.EXECSTACK, HardeningCheck.STRIPPED, HardeningCheck.IBT,
      HardeningCheck.SHSTK);
  /** The further keys in report order, each written only for the formats it belongs to. */
  private static final List<HardeningCheck> FURTHER = List.of(HardeningCheck.GNU_RELRO, HardeningCheck.BIND_NOW,
      HardeningCheck.DEBUG_INFO, HardeningCheck.BTI, HardeningCheck.PAC, HardeningCheck.ISA_LEVEL,
      HardeningCheck.WX_SEGMENTS, HardeningCheck.STACK_CLASH, HardeningCheck.GLIBCXX_ASSERTIONS,
      HardeningCheck.DYNAMIC_BASE, HardeningCheck.ASLR, HardeningCheck.HIGH_ENTROPY_VA, HardeningCheck.GUARD_CF,
      HardeningCheck.SAFE_SEH, HardeningCheck.SEH, HardeningCheck.GS, HardeningCheck.FORCE_INTEGRITY,
      HardeningCheck.APPCONTAINER, HardeningCheck.ISOLATION, HardeningCheck.RFG, HardeningCheck.CET_COMPAT,
      HardeningCheck.AUTHENTICODE, HardeningCheck.RELOCS_STRIPPED, HardeningCheck.NX_HEAP, HardeningCheck.ARC,
      HardeningCheck.CODE_SIGNATURE, HardeningCheck.RESTRICT, HardeningCheck.ENCRYPTED);

  private HardeningJson() {}

  static Map<String, Object> of(Hardening h) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (HardeningCheck c : CONTRACT) {
      if (c == HardeningCheck.FORTIFY) {
        m.put("fortify", fortify(h.fortify(), h.result(c)));
      } else if (c == HardeningCheck.RPATH) {
        m.put("rpath", h.rpath().stream().map(RpathEntry::entry).toList());
      } else if (c == HardeningCheck.RUNPATH) {
        m.put("runpath", h.runpath().stream().map(RpathEntry::entry).toList());
      } else {
        m.put(c.key(), h.result(c).jsonValue());
      }
    }
    for (HardeningCheck c : FURTHER) {
      if (c.appliesTo(h.format())) {
        m.put(c.key(), h.result(c).jsonValue());
      }
    }
    if (HardeningCheck.RPATH.appliesTo(h.format())) {
      m.put("rpathEntries", entries(h.rpath()));
    }
    if (HardeningCheck.RUNPATH.appliesTo(h.format())) {
      m.put("runpathEntries", entries(h.runpath()));
    }
    Map<String, Object> checks = new LinkedHashMap<>();
    for (CheckResult r : h.results().values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("status", r.status().label());
      one.put("value", r.value().label());
      one.put("evidence", r.evidence());
      checks.put(r.check().key(), Collections.unmodifiableMap(one));
    }
    m.put("checks", Collections.unmodifiableMap(checks));
    return Collections.unmodifiableMap(m);
  }

  /** As {@link #of(Hardening)}, with the OpenSSF guide profile as {@code guide} ({@code null} without one). */
  static Map<String, Object> of(Hardening h, java.util.Optional<dev.wheeltapper.guide.GuideProfile> guide) {
    Map<String, Object> m = new LinkedHashMap<>(of(h));
    m.put("guide", GuideJson.of(guide));
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> fortify(Fortify f, CheckResult level) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fortified", f.fortified().size());
    m.put("fortifiable", f.fortifiable());
    m.put("level", level.jsonValue());
    m.put("fortifiedFunctions", f.fortified());
    m.put("unprotectedFunctions", f.unprotected());
    return Collections.unmodifiableMap(m);
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
}
