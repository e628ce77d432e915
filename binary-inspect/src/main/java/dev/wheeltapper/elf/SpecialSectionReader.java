package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the gABI special sections that hold plain strings: {@code .comment} (compiler and linker identification) and
 * the program interpreter ({@code PT_INTERP}, else {@code .interp}), the latter read to 4 KiB at most.
 */
final class SpecialSectionReader {
  /** The longest interpreter path read: Linux refuses a PT_INTERP longer than PATH_MAX (4096). */
  private static final long MAX_INTERPRETER = 4096;

  private final ElfInput in;

  SpecialSectionReader(ElfInput in) {
    this.in = in;
  }

  List<String> readComments() throws ElfFormatException {
    Optional<Section> s = in.file.sections().named(".comment");
    if (s.isEmpty() || !s.get().hasFileBytes()) {
      return List.of();
    }
    ByteBuffer b = in.clipped(s.get().offset(), s.get().size(), ".comment");
    List<String> out = new ArrayList<>();
    int start = 0;
    int end = b.limit();
    for (int i = 0; i <= end; i++) {
      if (i == end || b.get(i) == 0) {
        if (i > start) {
          byte[] bytes = new byte[i - start];
          b.get(start, bytes);
          out.add(new String(bytes, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return List.copyOf(out);
  }

  Optional<String> readInterpreter() throws ElfFormatException {
    Optional<Segment> pt = in.segmentsOrEmpty("interpreter").first(SegmentType.INTERP);
    ByteBuffer b;
    if (pt.isPresent()) {
      b = in.clipped(pt.get().offset(), Math.min(pt.get().fileSize() & Long.MAX_VALUE, MAX_INTERPRETER), "PT_INTERP");
    } else {
      Optional<Section> s = in.sectionsOrEmpty("interpreter").named(".interp");
      if (s.isEmpty() || !s.get().hasFileBytes()) {
        return Optional.empty();
      }
      b = in.clipped(s.get().offset(), Math.min(s.get().size() & Long.MAX_VALUE, MAX_INTERPRETER), ".interp");
    }
    int n = 0;
    while (n < b.limit() && b.get(n) != 0) {
      n++;
    }
    byte[] bytes = new byte[n];
    b.get(0, bytes);
    return Optional.of(new String(bytes, StandardCharsets.UTF_8));
  }
}
