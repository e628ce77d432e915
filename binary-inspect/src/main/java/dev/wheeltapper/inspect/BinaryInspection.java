package dev.wheeltapper.inspect;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.guide.GuideProfile;
import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What {@link BinaryInspector} found in one native binary: identity (format, bits, byte order, machine, type),
 * hardening, toolchain, needed libraries, the highest symbol version per namespace and the {@code hardening.*}
 * findings. Format-neutral: PE and Mach-O fill the same record, with empty values where a field has no meaning;
 * {@link #hardening()} is the format's own record. The command line renders it ({@code cli.InspectionJson}).
 *
 * <pre>{@code
 * BinaryInspection i = BinaryInspector.forPath("pkg/_x.abi3.so").inWheel().inspect(elf);
 * i.machine();                  // "x86_64"
 * i.toolchain().memorySafe();   // YES
 * i.hardening().format();       // ELF: an ElfHardening
 * i.guide();                    // the OpenSSF guide profile, option by option (ELF)
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
 * @param findings the {@code hardening.*} warnings (and {@code guide.nodlopen})
 * @param guide the OpenSSF compiler hardening guide profile (ELF only; empty for PE and Mach-O)
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
    List<Finding> findings,
    Optional<GuideProfile> guide) {

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
    Objects.requireNonNull(guide, "guide");
  }

  /**
   * An inspection without a guide profile (PE, Mach-O, and callers that predate it).
   *
   * @param path the entry path inside the wheel, or the file path for a bare binary
   * @param format the binary format
   * @param bits 32 or 64, when the format says
   * @param endian {@code little} or {@code big}, when the format says
   * @param machine the machine label
   * @param type the file type label
   * @param hardening the hardening checks
   * @param toolchain compilers, languages, bindings, memory safety
   * @param needed the needed libraries in order
   * @param symbolVersions the highest required version per namespace
   * @param findings the {@code hardening.*} warnings
   */
  public BinaryInspection(String path, NativeFormat format, OptionalInt bits, Optional<String> endian, String machine,
      String type, Hardening hardening, Toolchain toolchain, List<String> needed, Map<String, String> symbolVersions,
      List<Finding> findings) {
    this(path, format, bits, endian, machine, type, hardening, toolchain, needed, symbolVersions, findings,
        Optional.empty());
  }
}
