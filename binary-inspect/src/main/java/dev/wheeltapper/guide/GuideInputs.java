package dev.wheeltapper.guide;

import dev.wheeltapper.dwarf.CompilationUnit;
import dev.wheeltapper.elf.AnnobinStringNote;
import dev.wheeltapper.elf.BuildEvidence;
import dev.wheeltapper.elf.FunctionEntries;
import dev.wheeltapper.elf.FunctionEntry;
import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.isa.Prologue;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every evidence channel of one ELF binary a {@link GuideProfile} reads, typed: the ELF snapshot and its hardening
 * checks, the toolchain verdict, the libraries {@code .gnu.version_r} names, the compilation units'
 * {@code DW_AT_producer}, the {@code .GCC.command.line} strings, annobin notes and the code at the exports. The
 * inspection facade fills it from the readers; tests state it directly.
 *
 * <pre>{@code
 * GuideInputs in = GuideInputs.of(facts, hardening, toolchain)
 *     .withUnits(List.of(new CompileUnit("lib.c", "GNU C17 12.2.0 -O2 -fstack-clash-protection")));
 * GuideProfile p = GuideProfile.of(in, GuidePlatform.unknown());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param facts the ELF snapshot
 * @param hardening its hardening checks
 * @param toolchain its toolchain verdict
 * @param versionedLibraries the files {@code .gnu.version_r} requires versions from ({@code libc.so.6})
 * @param units the compilation units with a {@code DW_AT_producer}, in file order
 * @param commandLines the NUL-separated strings of {@code .GCC.command.line}
 * @param annobin annobin notes of both forms ({@code .gnu.build.attributes} and {@code .annobin.notes})
 * @param code the code at the exports, when it was read
 */
public record GuideInputs(ElfFacts facts, ElfHardening hardening, Toolchain toolchain,
    List<String> versionedLibraries, List<CompileUnit> units, List<String> commandLines, List<AnnobinNote> annobin,
    Optional<CodeFacts> code) {

  /** Copies and rejects nulls. */
  public GuideInputs {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(hardening, "hardening");
    Objects.requireNonNull(toolchain, "toolchain");
    versionedLibraries = List.copyOf(versionedLibraries);
    units = List.copyOf(units);
    commandLines = List.copyOf(commandLines);
    annobin = List.copyOf(annobin);
    Objects.requireNonNull(code, "code");
  }

  /**
   * The inputs of one snapshot: its facts and their build evidence ({@link ElfFacts#buildEvidence()}: DWARF
   * producers, {@code .GCC.command.line}, both annobin forms, the code at the function entries, the version
   * requirements).
   *
   * @param facts the ELF snapshot
   * @param hardening its hardening checks
   * @param toolchain its toolchain verdict
   * @return the inputs
   */
  public static GuideInputs of(ElfFacts facts, ElfHardening hardening, Toolchain toolchain) {
    BuildEvidence e = facts.buildEvidence();
    List<CompileUnit> units = new ArrayList<>();
    for (CompilationUnit u : e.compilationUnits().units()) {
      u.producer().ifPresent(p -> units.add(new CompileUnit(u.name().orElse(""), p)));
    }
    List<AnnobinNote> annobin = new ArrayList<>(facts.annobin());
    for (AnnobinStringNote n : e.annobinStringNotes()) {
      stringNote(n).ifPresent(annobin::add);
    }
    return new GuideInputs(facts, hardening, toolchain, e.versionedLibraries(), units, e.recordedCommandLines(),
        annobin, code(e.functionEntries()));
  }

  /** The string form of {@code .annobin.notes} in the binary form's terms (annobin's two-letter codes). */
  private static Optional<AnnobinNote> stringNote(AnnobinStringNote n) {
    return switch (n.code()) {
      case "FL" -> Optional.of(new AnnobinNote('*', "FORTIFY", n.value()));
      case "SP" -> Optional.of(new AnnobinNote('*', "2", n.value()));
      case "CF" -> Optional.of(new AnnobinNote('*', "cf_protection", n.value()));
      case "SC" -> Optional.of(new AnnobinNote(n.value().equals("0") ? '!' : '+', "stack_clash", ""));
      case "GA" -> Optional.of(new AnnobinNote(n.value().equals("0") ? '!' : '+', "GLIBCXX_ASSERTIONS", ""));
      default -> Optional.empty();
    };
  }

  /** What the function entries show: markers at the exports, stack probes in every function read. */
  private static Optional<CodeFacts> code(FunctionEntries entries) {
    int examined = 0;
    int endbr = 0;
    int bti = 0;
    int pac = 0;
    int probed = 0;
    int unprobed = 0;
    List<String> names = new ArrayList<>();
    for (FunctionEntry f : entries.functions()) {
      Prologue p = f.prologue();
      if (p.bytesRead() == 0) {
        continue;
      }
      if (f.exported()) {
        examined++;
        switch (p.marker()) {
          case ENDBR64 -> endbr++;
          case BTI_C, BTI_JC -> bti++;
          case PACIASP, PACIBSP -> pac++;
          default -> {
            // no landing pad
          }
        }
      }
      if (p.probes()) {
        probed++;
      } else if (p.largeUnprobedFrame()) {
        unprobed++;
        if (names.size() < 3) {
          names.add(f.name());
        }
      }
    }
    if (examined == 0 && probed == 0 && unprobed == 0) {
      return Optional.empty();
    }
    return Optional.of(new CodeFacts(examined, endbr, bti, pac, probed, unprobed, names));
  }

  /**
   * With the libraries {@code .gnu.version_r} names.
   *
   * @param libraries the file names
   * @return a copy
   */
  public GuideInputs withVersionedLibraries(List<String> libraries) {
    return new GuideInputs(facts, hardening, toolchain, libraries, units, commandLines, annobin, code);
  }

  /**
   * With the compilation units' producers.
   *
   * @param compileUnits the units
   * @return a copy
   */
  public GuideInputs withUnits(List<CompileUnit> compileUnits) {
    return new GuideInputs(facts, hardening, toolchain, versionedLibraries, compileUnits, commandLines, annobin,
        code);
  }

  /**
   * With the {@code .GCC.command.line} strings.
   *
   * @param lines the strings
   * @return a copy
   */
  public GuideInputs withCommandLines(List<String> lines) {
    return new GuideInputs(facts, hardening, toolchain, versionedLibraries, units, lines, annobin, code);
  }

  /**
   * With further annobin notes (the string form {@code .annobin.notes}), after the snapshot's.
   *
   * @param notes the notes
   * @return a copy
   */
  public GuideInputs withMoreAnnobin(List<AnnobinNote> notes) {
    List<AnnobinNote> all = new ArrayList<>(annobin);
    all.addAll(notes);
    return new GuideInputs(facts, hardening, toolchain, versionedLibraries, units, commandLines, all, code);
  }

  /**
   * With the code at the exports.
   *
   * @param facts what the entry-point reader found
   * @return a copy
   */
  public GuideInputs withCode(CodeFacts facts) {
    return new GuideInputs(this.facts, hardening, toolchain, versionedLibraries, units, commandLines, annobin,
        Optional.of(facts));
  }
}
