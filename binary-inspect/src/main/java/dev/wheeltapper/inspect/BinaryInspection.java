package dev.wheeltapper.inspect;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What {@link BinaryInspector} found in one native binary: identity (format, bits, byte order, machine, type),
 * hardening, toolchain, needed libraries, the highest symbol version per namespace and the {@code hardening.*}
 * findings. Format-neutral: PE and Mach-O fill the same record, with empty values where a field has no meaning.
 *
 * <pre>{@code
 * BinaryInspection i = BinaryInspector.inspectWheelEntry(elf, "pkg/_x.abi3.so");
 * i.machine();                  // "x86_64"
 * i.toolchain().memorySafe();   // YES
 * Map<String, Object> json = i.toJsonMap();   // one element of the JSON "binaries" array
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the entry path inside the wheel, or the file path for a bare binary
 * @param format the binary format
 * @param bits 32 or 64, when the format says
 * @param endian {@code little} or {@code big}, when the format says
 * @param machine the machine label ({@code x86_64}, {@code aarch64}, {@code i686}, ...)
 * @param type the file type label ({@code dyn}, {@code exec}, {@code rel}, ...)
 * @param hardening the hardening checks
 * @param toolchain compilers, languages, bindings, memory safety
 * @param needed the needed libraries in order
 * @param symbolVersions the highest required version per namespace ({@code GLIBC -> 2.17})
 * @param findings the {@code hardening.*} warnings
 */
public record BinaryInspection(
    String path,
    NativeFormat format,
    OptionalInt bits,
    Optional<String> endian,
    String machine,
    String type,
    Hardening hardening,
    Toolchain toolchain,
    List<String> needed,
    Map<String, String> symbolVersions,
    List<Finding> findings) {

  /** Copies and rejects nulls. */
  public BinaryInspection {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bits, "bits");
    Objects.requireNonNull(endian, "endian");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hardening, "hardening");
    Objects.requireNonNull(toolchain, "toolchain");
    needed = List.copyOf(needed);
    symbolVersions = Collections.unmodifiableMap(new TreeMap<>(symbolVersions));
    findings = List.copyOf(findings);
  }

  /**
   * One element of the JSON {@code binaries} array of {@code docs/cli.md}: {@code path}, {@code format},
   * {@code bits}, {@code endian}, {@code machine}, {@code type}, {@code hardening}, {@code toolchain},
   * {@code needed}, {@code symbolVersions}.
   *
   * @return an ordered, unmodifiable map (nulls where a field has no meaning)
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("format", format.label());
    m.put("bits", bits.isPresent() ? bits.getAsInt() : null);
    m.put("endian", endian.orElse(null));
    m.put("machine", machine);
    m.put("type", type);
    m.put("hardening", hardening.toJsonMap());
    m.put("toolchain", toolchain.toJsonMap());
    m.put("needed", needed);
    m.put("symbolVersions", symbolVersions);
    return Collections.unmodifiableMap(m);
  }

  /**
   * A few lines for the text report: identity, every check with its evidence, languages and bindings with theirs.
   *
   * @return the text, lines separated by {@code \n}
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(path).append(": ").append(format.label());
    bits.ifPresent(v -> b.append(' ').append(v).append("-bit"));
    endian.ifPresent(e -> b.append(' ').append(e).append("-endian"));
    b.append(' ').append(machine).append(' ').append(type).append('\n');
    hardening.list().forEach(r -> b.append("  ").append(r).append('\n'));
    toolchain.languages().forEach(l -> b.append("  language ").append(l.value().label()).append(": ")
        .append(String.join("; ", l.evidence())).append('\n'));
    toolchain.bindings().forEach(l -> b.append("  binding ").append(l.value().label()).append(": ")
        .append(String.join("; ", l.evidence())).append('\n'));
    b.append("  memory-safe ").append(toolchain.memorySafe().label()).append(": ")
        .append(toolchain.memorySafetyEvidence()).append('\n');
    if (!toolchain.compilers().isEmpty()) {
      b.append("  compilers: ").append(String.join(" | ", toolchain.compilers())).append('\n');
    }
    return b.toString();
  }
}
