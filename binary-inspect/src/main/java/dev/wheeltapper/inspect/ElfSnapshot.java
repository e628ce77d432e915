package dev.wheeltapper.inspect;

import dev.wheeltapper.elf.BuildEvidence;
import dev.wheeltapper.elf.DynamicEntry;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.Note;
import dev.wheeltapper.elf.Notes;
import dev.wheeltapper.elf.Section;
import dev.wheeltapper.elf.SectionType;
import dev.wheeltapper.elf.SymbolVersion;
import dev.wheeltapper.hardening.AnnobinNotes;
import dev.wheeltapper.hardening.ElfFacts;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot of an ELF file that the hardening and toolchain checks read ({@link ElfFacts}), taken through the
 * {@code elf} reader's typed API: the checks never read bytes.
 *
 * <pre>{@code
 * ElfFacts facts = ElfSnapshot.of(elf);
 * }</pre>
 *
 * <p>Stateless and thread-safe (an {@link ElfFile} itself is used by one thread at a time).
 */
public final class ElfSnapshot {
  private ElfSnapshot() {}

  private static final Logger LOG = LoggerFactory.getLogger(ElfSnapshot.class);

  /** At most this many annobin notes are read. */
  private static final int MAX_ANNOBIN_NOTES = 100_000;

  /**
   * Takes the snapshot the checks read.
   *
   * @param elf the binary
   * @return its facts
   * @throws ElfFormatException when a structure cannot be read
   */
  public static ElfFacts of(ElfFile elf) throws ElfFormatException {
    var h = elf.header();
    ElfFacts.Builder b = ElfFacts.builder(h.bits(), h.littleEndian(), h.rawType(), h.rawMachine(), h.machineLabel());
    elf.segments().forEach(b::segment);
    var dyn = elf.dynamic();
    b.hasDynamic(dyn.exists());
    for (DynamicEntry e : dyn.entries()) {
      if (e.rawTag() != 0) {
        b.dynamic(e);
      }
    }
    dyn.needed().forEach(b::needed);
    dyn.rpath().forEach(b::rpath);
    dyn.runpath().forEach(b::runpath);
    dyn.soname().ifPresent(b::soname);
    b.dynamicSymbols(elf.dynamicSymbols()); // decoded on access while elf is open, not copied (issue 19)
    List<Section> sections = elf.sections().list();
    boolean symtab = false;
    for (Section s : sections) {
      b.section(s.name());
      symtab |= s.rawType() == SectionType.SYMTAB.value();
    }
    if (symtab) {
      // optional evidence below: a damaged part is skipped (the reader records it as a defect), never fatal
      try {
        b.staticSymbols(elf.symbolTable());
      } catch (ElfFormatException e) {
        LOG.debug("skipping .symtab: {}", e.getMessage());
      }
    }
    b.hasSymtab(symtab);
    try {
      elf.comments().forEach(b::comment);
    } catch (ElfFormatException e) {
      LOG.debug("skipping .comment: {}", e.getMessage());
    }
    Notes notes = elf.notes();
    for (Note n : notes) {
      if (n.isGnu(Note.NT_GNU_PROPERTY_TYPE_0)) {
        b.propertyNote();
      } else if (!n.owner().startsWith("GA")) {
        b.note(n.owner(), n.type());
      }
    }
    notes.gnuProperties().list().forEach(b::property);
    AnnobinNotes.of(notes, MAX_ANNOBIN_NOTES).forEach(b::annobin);
    try {
      for (Map.Entry<String, SymbolVersion> e : elf.versionRequirements().highestByNamespace().entrySet()) {
        b.versionHighest(e.getKey(), e.getValue().number());
      }
    } catch (ElfFormatException e) {
      LOG.debug("skipping version requirements: {}", e.getMessage());
    }
    // the guide's evidence channels; BuildEvidence.of never throws (unreadable channels are named in it)
    b.buildEvidence(BuildEvidence.of(elf));
    return b.build();
  }
}
