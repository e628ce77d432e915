package dev.wheeltapper.cli;

import dev.wheeltapper.inspect.BinaryInspection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One element of the JSON {@code binaries} array of {@code docs/cli.md}: {@code path}, {@code format}, {@code bits},
 * {@code endian}, {@code machine}, {@code type}, {@code hardening} ({@link HardeningJson}), {@code toolchain}
 * ({@link ToolchainJson}), {@code needed}, {@code symbolVersions}; {@code null} where a field has no meaning.
 */
final class InspectionJson {
  private InspectionJson() {}

  static Map<String, Object> of(BinaryInspection b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", b.path());
    m.put("format", b.format().label());
    m.put("bits", b.bits().isPresent() ? b.bits().getAsInt() : null);
    m.put("endian", b.endian().orElse(null));
    m.put("machine", b.machine());
    m.put("type", b.type());
    m.put("hardening", HardeningJson.of(b.hardening(), b.guide()));
    m.put("toolchain", ToolchainJson.of(b.toolchain()));
    m.put("needed", b.needed());
    m.put("symbolVersions", b.symbolVersions());
    return Collections.unmodifiableMap(m);
  }
}
