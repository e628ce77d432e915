package dev.wheeltapper.cli;

import dev.wheeltapper.toolchain.Toolchain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON {@code toolchain} object of {@code docs/cli.md}: {@code compilers}, {@code languages}, {@code bindings},
 * {@code memorySafe}, then {@code evidence} ({@code languages} and {@code bindings}: label to evidence strings;
 * {@code memorySafe}: one sentence).
 */
final class ToolchainJson {
  private ToolchainJson() {}

  static Map<String, Object> of(Toolchain t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("compilers", t.compilers());
    m.put("languages", t.languageLabels());
    m.put("bindings", t.bindingLabels());
    m.put("memorySafe", t.memorySafe().label());
    Map<String, Object> langs = new LinkedHashMap<>();
    t.languages().forEach(e -> langs.put(e.value().label(), e.evidence()));
    Map<String, Object> binds = new LinkedHashMap<>();
    t.bindings().forEach(e -> binds.put(e.value().label(), e.evidence()));
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("languages", Collections.unmodifiableMap(langs));
    ev.put("bindings", Collections.unmodifiableMap(binds));
    ev.put("memorySafe", t.memorySafetyEvidence());
    m.put("evidence", Collections.unmodifiableMap(ev));
    return Collections.unmodifiableMap(m);
  }
}
