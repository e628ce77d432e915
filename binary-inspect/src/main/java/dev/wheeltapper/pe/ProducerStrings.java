package dev.wheeltapper.pe;

import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.pe.PeRecords.Section;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The compiler identification strings MinGW/GCC ({@code GCC: (...) 13.2.0}, in {@code .rdata$zzz}) and clang
 * ({@code clang version ...}) leave in an image's initialised, non-executable sections: read here, beside the bytes,
 * so that the toolchain rules take them as a list of strings ({@link PeFile#producerStrings()}).
 *
 * <p>Bounded: at most {@value #MAX_PRODUCERS} strings of at most {@value #MAX_LENGTH} characters, from at most
 * {@link #MAX_SCAN} bytes of sections in all; a section outside the file is cut at its end, an unreadable one skipped.
 * Stateless and thread-safe.
 */
final class ProducerStrings {
  private ProducerStrings() {}

  /** The most producer strings kept. */
  static final int MAX_PRODUCERS = 8;
  /** The longest producer string kept; longer ones are cut. */
  static final int MAX_LENGTH = 200;
  /** The most section bytes searched. */
  static final long MAX_SCAN = 64L << 20;

  private static final long IMAGE_SCN_CNT_INITIALIZED_DATA = 0x40L;
  private static final long IMAGE_SCN_MEM_EXECUTE = 0x20000000L;
  private static final byte[][] NEEDLES = {"GCC: (".getBytes(StandardCharsets.US_ASCII),
      "clang version ".getBytes(StandardCharsets.US_ASCII)};

  /**
   * Reads the strings, in file order without duplicates.
   *
   * @param src the image's bytes
   * @param sections its section table
   * @return the strings, at most {@value #MAX_PRODUCERS}
   */
  static List<String> read(ByteSource src, List<Section> sections) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    long budget = MAX_SCAN;
    for (Section sec : sections) {
      long c = sec.characteristics();
      if ((c & IMAGE_SCN_CNT_INITIALIZED_DATA) == 0 || (c & IMAGE_SCN_MEM_EXECUTE) != 0 || sec.sizeOfRawData() == 0
          || budget <= 0) {
        continue;
      }
      long len = Math.min(Math.min(sec.sizeOfRawData(), budget), Math.max(0, src.size() - sec.pointerToRawData()));
      if (len <= 0 || len > Integer.MAX_VALUE) {
        continue;
      }
      budget -= len;
      ByteBuffer b;
      try {
        b = src.slice(sec.pointerToRawData(), (int) len);
      } catch (IOException e) {
        continue; // best effort, as before: an unreadable section holds no producer string
      }
      for (int i = 0; i < len && out.size() < MAX_PRODUCERS; i++) {
        for (byte[] n : NEEDLES) {
          if (b.get(i) == n[0] && i + n.length <= len && matches(b, i, n)) {
            int end = i;
            while (end < len && end - i < MAX_LENGTH && b.get(end) >= 0x20 && b.get(end) < 0x7f) {
              end++;
            }
            byte[] text = new byte[end - i];
            b.get(i, text);
            out.add(new String(text, StandardCharsets.US_ASCII));
            i = end;
            break;
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static boolean matches(ByteBuffer b, int at, byte[] n) {
    for (int k = 0; k < n.length; k++) {
      if (b.get(at + k) != n[k]) {
        return false;
      }
    }
    return true;
  }
}
