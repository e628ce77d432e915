package dev.wheeltapper.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifying a 2 GiB wheel works in a JVM limited to a 64 MiB heap: nothing is held whole, nothing is allocated from a
 * declared size. The wheel is streamed to disk by the test (stored entries, so its size is its content) and verified
 * by a child JVM started with {@code -Xmx64m}.
 */
class LowMemoryVerificationTest {
  private static final long TWO_GIB = 2L << 30;
  private static final int BLOB = 256 << 20;

  @TempDir Path tmp;

  /** Entry point of the child JVM: verifies the wheel and exits 0 only when it passes. */
  public static void main(String[] args) throws Exception {
    VerificationReport r = WheelVerifier.builder().parallelism(2).build().verify(Path.of(args[0]));
    System.out.println("passed=" + r.passed() + " inflated=" + r.bytesInflated() + " max-heap="
        + Runtime.getRuntime().maxMemory() + " findings=" + r.findings());
    System.exit(r.passed() ? 0 : 1);
  }

  @Test
  void aTwoGibWheelVerifiesWithA64MibHeap() throws Exception {
    Path wheel = tmp.resolve("big-1.0-py3-none-any.whl");
    writeStoredWheel(wheel);
    assertThat(Files.size(wheel)).isGreaterThan(TWO_GIB);

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        LowMemoryVerificationTest.class.getName(), wheel.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(out).contains("passed=true").contains("inflated=" + (TWO_GIB + expectedMetadataBytes));
    assertThat(p.exitValue()).as(out).isZero();
  }

  private long expectedMetadataBytes;

  /** A sound wheel of 8 stored 256 MiB blobs plus its dist-info, written sequentially without data descriptors. */
  private void writeStoredWheel(Path wheel) throws Exception {
    byte[] block = new byte[1 << 20];
    new Random(42).nextBytes(block);
    List<String> record = new ArrayList<>();
    List<byte[]> central = new ArrayList<>();
    long offset = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wheel), 1 << 20)) {
      // The blobs: same content, so CRC and SHA-256 are computed once.
      CRC32 crc = new CRC32();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < BLOB / block.length; i++) {
        crc.update(block);
        sha.update(block);
      }
      String blobHash = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
      for (int b = 0; b < TWO_GIB / BLOB; b++) {
        String name = "big/blob" + b + ".bin";
        offset += writeEntry(out, central, offset, name, crc.getValue(), BLOB, null, block);
        record.add(name + ",sha256=" + blobHash + "," + BLOB);
      }
      String[][] small = {
        {"big/__init__.py", "X = 1\n"},
        {"big-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: big\nVersion: 1.0\n"},
        {"big-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
      };
      for (String[] f : small) {
        byte[] data = f[1].getBytes(StandardCharsets.UTF_8);
        offset += writeSmall(out, central, offset, f[0], data);
        record.add(f[0] + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(
            MessageDigest.getInstance("SHA-256").digest(data)) + "," + data.length);
        expectedMetadataBytes += data.length;
      }
      record.add("big-1.0.dist-info/RECORD,,");
      byte[] rec = (String.join("\n", record) + "\n").getBytes(StandardCharsets.UTF_8);
      offset += writeSmall(out, central, offset, "big-1.0.dist-info/RECORD", rec);
      expectedMetadataBytes += rec.length;
      long cdStart = offset;
      long cdSize = 0;
      for (byte[] c : central) {
        out.write(c);
        cdSize += c.length;
      }
      ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
      eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
          .putShort((short) central.size()).putShort((short) central.size())
          .putInt((int) cdSize).putInt((int) cdStart).putShort((short) 0);
      out.write(eocd.array());
    }
  }

  private static long writeSmall(OutputStream out, List<byte[]> central, long offset, String name, byte[] data)
      throws IOException {
    CRC32 crc = new CRC32();
    crc.update(data);
    return writeEntry(out, central, offset, name, crc.getValue(), data.length, data, null);
  }

  /** Writes a stored entry (local header + data) and remembers its central record; returns the bytes written. */
  private static long writeEntry(OutputStream out, List<byte[]> central, long offset, String name, long crc,
      long size, byte[] data, byte[] block) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer lfh = ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN);
    lfh.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) size).putInt((int) size)
        .putShort((short) n.length).putShort((short) 0).put(n);
    out.write(lfh.array());
    if (data != null) {
      out.write(data);
    } else {
      for (long w = 0; w < size; w += block.length) {
        out.write(block);
      }
    }
    ByteBuffer cd = ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN);
    cd.putInt(0x02014b50).putShort((short) ((3 << 8) | 20)).putShort((short) 20).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) size)
        .putInt((int) size).putShort((short) n.length).putShort((short) 0).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0).putInt((int) (0100644L << 16)).putInt((int) offset).put(n);
    central.add(cd.array());
    return lfh.capacity() + size;
  }
}
