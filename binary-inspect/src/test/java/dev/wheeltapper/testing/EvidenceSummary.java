package dev.wheeltapper.testing;

import dev.wheeltapper.dwarf.CompilationUnit;
import dev.wheeltapper.elf.BuildEvidence;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.FunctionEntry;
import dev.wheeltapper.elf.Section;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the evidence channels read from a binary, as lines free of build paths, for comparing a rebuilt fixture with
 * the committed one: each unit's version, language and producer, the compression of each section, the recorded
 * command lines, the annobin string notes, and each function's entry marker, frame and probes.
 */
public final class EvidenceSummary {
  private static final Pattern PREFIX_MAP = Pattern.compile("-f(file|debug)-prefix-map=\\S+");

  private EvidenceSummary() {}

  /**
   * Summarises one binary.
   *
   * @param file the binary
   * @return one line per fact, in a stable order
   * @throws IOException when it cannot be read
   */
  public static List<String> of(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (ElfFile elf = ElfFile.open(file)) {
      BuildEvidence e = BuildEvidence.of(elf);
      for (CompilationUnit cu : e.compilationUnits().units()) {
        out.add("cu v" + cu.version() + " " + cu.languageName().orElse("-") + " "
            + cu.producer().map(EvidenceSummary::normalise).orElse("-"));
      }
      e.compilationUnits().unreadable().forEach(u -> out.add("unreadable " + u.reason()));
      for (Section s : elf.sections()) {
        elf.compressionHeader(s).ifPresent(h -> out.add("compressed " + s.name() + " " + h.typeLabel()));
      }
      e.recordedCommandLines().forEach(l -> out.add("switches " + normalise(l)));
      e.annobinStringNotes().forEach(n -> out.add("annobin " + n));
      for (FunctionEntry f : e.functionEntries().functions()) {
        out.add("function " + f.name() + (f.exported() ? " exported " : " ") + f.prologue().marker() + " frame "
            + f.prologue().frameBytes() + (f.prologue().probes() ? " probes" : ""));
      }
      out.addAll(e.unreadable().keySet());
    }
    return out;
  }

  private static String normalise(String s) {
    return PREFIX_MAP.matcher(s).replaceAll("-ffile-prefix-map=...");
  }
}
