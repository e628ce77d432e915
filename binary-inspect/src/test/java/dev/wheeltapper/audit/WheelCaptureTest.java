package dev.wheeltapper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.verify.WheelVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a capture keeps a binary in one array of its declared size, reserved from the budget before it is
 * allocated, and sends it to a temporary file when the declared size does not fit the budget or the bytes outrun it,
 * so the heap never holds more than the budget, whatever the central directory claims.
 */
class WheelCaptureTest {
  private static byte[] elf(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31);
    }
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, b, 0, 8);
    return b;
  }

  /** Feeds the bytes in chunks of 1000, as an inflater would. */
  private static WheelCapture.Captured capture(WheelCapture c, String name, byte[] bytes, long declared) {
    WheelVerifier.EntrySink sink = c.entry(name, 0, declared).orElseThrow();
    for (int off = 0; off < bytes.length; off += 1000) {
      sink.accept(bytes, off, Math.min(1000, bytes.length - off));
    }
    sink.end(true);
    return c.captured().stream().filter(x -> x.path.equals(name)).findFirst().orElseThrow();
  }

  private static byte[] kept(WheelCapture.Captured x) throws IOException {
    return x.bytes != null ? Arrays.copyOf(x.bytes, x.length) : Files.readAllBytes(x.file);
  }

  @Test
  void aBinaryWithinTheBudgetIsOneArrayOfItsDeclaredSize() throws IOException {
    byte[] b = elf(10_000);
    try (WheelCapture c = new WheelCapture(20_000)) {
      WheelCapture.Captured x = capture(c, "a.so", b, b.length);
      assertThat(x.format).isEqualTo(NativeFormat.ELF);
      assertThat(x.bytes).hasSize(b.length).isEqualTo(b);
      assertThat(x.file).isNull();
      assertThat(x.complete).isTrue();
      // the budget left is 10,000: a second binary of 10,001 declared bytes goes to a file
      WheelCapture.Captured y = capture(c, "b.so", elf(10_001), 10_001);
      assertThat(y.bytes).isNull();
      assertThat(kept(y)).isEqualTo(elf(10_001));
      c.release(x);
      assertThat(capture(c, "c.so", elf(20_000), 20_000).bytes).as("the budget came back").isNotNull();
    }
  }

  @Test
  void bytesBeyondTheDeclaredSizeGoToAFileAndGiveTheirReservationBack() throws IOException {
    byte[] b = elf(50_000);
    try (WheelCapture c = new WheelCapture(60_000)) {
      WheelCapture.Captured x = capture(c, "lying.so", b, 1_000);
      assertThat(x.bytes).isNull();
      assertThat(kept(x)).isEqualTo(b);
      assertThat(x.size).isEqualTo(b.length);
      assertThat(capture(c, "next.so", elf(60_000), 60_000).bytes).as("nothing stays reserved").isNotNull();
      assertThat(c.temporaryFiles()).hasSize(1);
    }
  }

  @Test
  void aShortEntryKeepsItsArrayAndSaysHowMuchOfItWasFilled() throws IOException {
    byte[] b = elf(3_000);
    try (WheelCapture c = new WheelCapture(1 << 20)) {
      WheelCapture.Captured x = capture(c, "short.so", b, 8_000);
      assertThat(x.bytes).hasSize(8_000);
      assertThat(x.length).isEqualTo(3_000);
      assertThat(kept(x)).isEqualTo(b);
    }
  }

  @Test
  void aDeclaredSizeBeyondAnyArrayIsNeverAllocated() throws IOException {
    byte[] b = elf(5_000);
    try (WheelCapture c = new WheelCapture(Long.MAX_VALUE)) {
      WheelCapture.Captured x = capture(c, "huge.so", b, 1L << 40);
      assertThat(x.bytes).isNull();
      assertThat(kept(x)).isEqualTo(b);
    }
  }

  @Test
  void theDefaultBudgetIsASixteenthOfTheHeapAtMost64MiB() {
    assertThat(WheelCapture.defaultBudget()).isLessThanOrEqualTo(64L << 20)
        .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 16);
  }
}
