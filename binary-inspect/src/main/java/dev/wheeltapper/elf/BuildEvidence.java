package dev.wheeltapper.elf;

import dev.wheeltapper.dwarf.CompilationUnits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a build left in an ELF file about how it was built, beyond the structure the hardening checks already read:
 * the evidence channels of the OpenSSF compiler hardening guide's profile, as typed values, so that the checks never
 * read bytes. Taken once per file by {@link #of(ElfFile)}; each channel that cannot be read is named in
 * {@link #unreadable()} with why, so "no evidence" and "evidence unreadable" stay apart.
 *
 * <pre>{@code
 * BuildEvidence e = BuildEvidence.of(elf);
 * e.compilationUnits().producerCounts();   // {"GNU C17 12.2.0 -mtune=generic ... -fstack-clash-protection ..."=3}
 * e.recordedCommandLines();                // .GCC.command.line strings
 * e.functionEntries().exported();          // PyInit_* and the rest, each with its entry marker and frame
 * }</pre>
 *
 * <p>Symbols, {@code DT_NEEDED}, the GNU property note, {@code .comment} and the annobin binary notes are not repeated
 * here: they are in {@code hardening.ElfFacts} already. Immutable and thread-safe.
 *
 * @param compilationUnits {@code DW_AT_producer}, {@code DW_AT_language}, {@code DW_AT_name} of every unit of
 *     {@code .debug_info} (compressed or not)
 * @param recordedCommandLines the strings of {@code .GCC.command.line} ({@code -frecord-gcc-switches},
 *     {@code -frecord-command-line}); GCC 11 and later write one producer-like string per unit
 * @param annobinStringNotes the string notes of {@code .annobin.notes}
 * @param functionEntries the function symbols with what their first bytes show
 * @param versionedLibraries the files {@code .gnu.version_r} names ({@code vn_file}), in order: a {@code DT_NEEDED}
 *     library missing here supplies no versioned symbol (the absence of {@code --as-needed} where it supplies none)
 * @param unreadable channel name to why it could not be read
 */
public record BuildEvidence(
    CompilationUnits compilationUnits,
    List<String> recordedCommandLines,
    List<AnnobinStringNote> annobinStringNotes,
    FunctionEntries functionEntries,
    List<String> versionedLibraries,
    Map<String, String> unreadable) {

  /** The channel name of {@link #compilationUnits()}. */
  public static final String DEBUG_INFO = ".debug_info";
  /** The channel name of {@link #recordedCommandLines()}. */
  public static final String GCC_COMMAND_LINE = ".GCC.command.line";
  /** The channel name of {@link #annobinStringNotes()}. */
  public static final String ANNOBIN_NOTES = AnnobinStringNote.SECTION;
  /** The channel name of {@link #functionEntries()}. */
  public static final String FUNCTION_ENTRIES = "function entries";
  /** The channel name of {@link #versionedLibraries()}. */
  public static final String VERSION_NEEDS = ".gnu.version_r";

  /** Copies the collections. */
  public BuildEvidence {
    Objects.requireNonNull(compilationUnits, "compilationUnits");
    recordedCommandLines = List.copyOf(recordedCommandLines);
    annobinStringNotes = List.copyOf(annobinStringNotes);
    Objects.requireNonNull(functionEntries, "functionEntries");
    versionedLibraries = List.copyOf(versionedLibraries);
    unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
  }

  /**
   * No evidence (a file not read, or a test that states none).
   *
   * @return empty channels
   */
  public static BuildEvidence none() {
    return new BuildEvidence(CompilationUnits.none(), List.of(), List.of(), FunctionEntries.none(), List.of(),
        Map.of());
  }

  /**
   * Reads every channel of a file; never throws: a channel that cannot be read is empty and named in
   * {@link #unreadable()}.
   *
   * @param elf the file
   * @return the evidence
   */
  public static BuildEvidence of(ElfFile elf) {
    Map<String, String> bad = new LinkedHashMap<>();
    CompilationUnits cus = CompilationUnits.none();
    try {
      cus = elf.compilationUnits();
      cus.stopReason().ifPresent(r -> bad.put(DEBUG_INFO, r));
    } catch (ElfFormatException e) {
      bad.put(DEBUG_INFO, e.getMessage());
    }
    List<String> lines = List.of();
    try {
      lines = elf.recordedCommandLines();
    } catch (ElfFormatException e) {
      bad.put(GCC_COMMAND_LINE, e.getMessage());
    }
    List<AnnobinStringNote> notes = List.of();
    try {
      notes = elf.annobinStringNotes();
    } catch (ElfFormatException e) {
      bad.put(ANNOBIN_NOTES, e.getMessage());
    }
    FunctionEntries entries = FunctionEntries.none();
    try {
      entries = elf.functionEntries();
    } catch (ElfFormatException e) {
      bad.put(FUNCTION_ENTRIES, e.getMessage());
    }
    List<String> files = new ArrayList<>();
    try {
      elf.versionRequirements().needs().forEach(n -> files.add(n.library()));
    } catch (ElfFormatException e) {
      bad.put(VERSION_NEEDS, e.getMessage());
    }
    return new BuildEvidence(cus, lines, notes, entries, files, bad);
  }
}
