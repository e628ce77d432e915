package dev.wheeltapper.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.pe.PeRecords.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GCC and clang producer strings of a PE image, and the bounds of their search. */
class ProducerStringsTest {
  private static final long DATA = 0x40L;
  private static final long EXEC = 0x20000000L;

  private static Section section(long offset, long size, long characteristics) {
    return new Section(".rdata", size, 0x1000, size, offset, characteristics);
  }

  private static void put(byte[] b, int at, String s) {
    byte[] a = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(a, 0, b, at, a.length);
  }

  @Test
  void initialisedNonExecutableSectionsInFileOrderWithoutDuplicates() {
    byte[] b = new byte[4096];
    put(b, 10, "clang version 17.0.6\0GCC: (GNU) 13.2.0\0clang version 17.0.6\0");
    put(b, 1024, "GCC: (in code) 1.0\0");
    put(b, 2048, "GCC: (uninitialised) 1.0\0");
    put(b, 4090, "GCC: ("); // cut by the end of the file
    List<String> found = ProducerStrings.read(ByteSources.of(b), List.of(section(0, 512, DATA),
        section(1024, 512, DATA | EXEC), section(2048, 512, 0x80L), section(4000, 1 << 20, DATA),
        section(1 << 20, 16, DATA), section(0, 0, DATA)));
    assertThat(found).containsExactly("clang version 17.0.6", "GCC: (GNU) 13.2.0", "GCC: (");
  }

  @Test
  void atMostEightStringsOfAtMost200Characters() {
    byte[] b = new byte[8192];
    put(b, 0, "GCC: (" + "x".repeat(300) + "\0");
    for (int i = 0; i < 20; i++) {
      put(b, 1000 + 100 * i, "GCC: (GNU) " + i + "\0");
    }
    List<String> found = ProducerStrings.read(ByteSources.of(b), List.of(section(0, b.length, DATA)));
    assertThat(found).hasSize(ProducerStrings.MAX_PRODUCERS);
    assertThat(found.get(0)).hasSize(ProducerStrings.MAX_LENGTH).startsWith("GCC: (xxx");
    assertThat(found.get(1)).isEqualTo("GCC: (GNU) 0");
  }

  @Test
  void theSearchStopsAfter64MiBOfSections() {
    int mib = 1 << 20;
    byte[] b = new byte[60 * mib];
    put(b, 42 * mib, "GCC: (reached) 1\0");
    put(b, 50 * mib, "GCC: (beyond the budget) 1\0");
    // the first section uses 40 MiB of the budget, the second gets the remaining 24 MiB: up to 44 MiB
    List<String> found = ProducerStrings.read(ByteSources.of(b),
        List.of(section(0, 40L * mib, DATA), section(20L * mib, 40L * mib, DATA)));
    assertThat(found).containsExactly("GCC: (reached) 1");
  }
}
