package dev.wheeltapper.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole audit ({@link WheelVerifier} and {@link NativeBinaries#inspectWheel(Path)}, as {@code wheeltapper audit}
 * runs them) of the largest corpus wheel and of a generated wheel larger than 2 GiB, in a child JVM started with
 * {@code -Xmx64m}: nothing is held whole, nothing is allocated from a declared size.
 *
 * <p>The generated wheel holds a 256 MiB native extension (a real ELF followed by zero padding, so the inspection
 * reads a large binary through the temporary-file path) and seven 256 MiB blobs of zeros, all stored. The zeros are
 * holes of a sparse file: the test writes a few KiB, yet every byte is read, inflated and hashed by the audit.
 */
class LowMemoryAuditTest {
  private static final long MIB = 1L << 20;
  private static final long BLOB = 256 * MIB;
  private static final int BLOBS = 8;

  @TempDir Path tmp;

  /** Entry point of the child JVM: audits each wheel and prints one line per wheel. */
  public static void main(String[] args) throws Exception {
    boolean allPassed = true;
    for (String a : args) {
      Path wheel = Path.of(a);
      VerificationReport r = WheelVerifier.builder().parallelism(2).build().verify(wheel);
      NativeBinaries.Result b = NativeBinaries.inspectWheel(wheel);
      String binaries = b.inspected().stream()
          .map(i -> i.path() + ":" + i.toolchain().languages().size())
          .collect(Collectors.joining(","));
      System.out.println("wheel=" + wheel.getFileName() + " passed=" + r.passed() + " inflated=" + r.bytesInflated()
          + " binaries=[" + binaries + "] binaryFindings=" + b.findings().size() + " max-heap="
          + Runtime.getRuntime().maxMemory() + " errors=" + r.errors());
      allPassed &= r.passed();
    }
    System.exit(allPassed ? 0 : 1);
  }

  @Test
  void theLargestCorpusWheelAndATwoGibWheelAreAuditedWithA64MibHeap() throws Exception {
    Path big = tmp.resolve("big-1.0-cp312-abi3-manylinux_2_17_x86_64.whl");
    long inflated = writeSparseWheel(big);
    assertThat(Files.size(big)).isGreaterThan(2L << 30);
    Path mscl = Corpus.corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), LowMemoryAuditTest.class.getName(),
        mscl.toString(), big.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    System.out.print(out);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(out)
        .contains("wheel=" + mscl.getFileName() + " passed=true")
        .contains("binaries=[python_mscl/_mscl.so:")
        .contains("wheel=" + big.getFileName() + " passed=true inflated=" + inflated
            + " binaries=[big/_ext.abi3.so:")
        .contains("max-heap=" + maxHeapOf64m(out));
  }

  /** The child's reported heap ceiling (the JVM rounds -Xmx64m a little); it must stay at or below 64 MiB. */
  private static String maxHeapOf64m(String out) {
    String v = out.replaceAll("(?s).*max-heap=(\\d+).*", "$1");
    assertThat(Long.parseLong(v)).isLessThanOrEqualTo(64 * MIB);
    return v;
  }

  /** Writes the sparse wheel; returns the bytes the verifier must inflate (every entry's size). */
  private static long writeSparseWheel(Path wheel) throws Exception {
    byte[] elf;
    try (InputStream in = LowMemoryAuditTest.class.getResourceAsStream("ElfFuzzTestInputs/reader/t64.so")) {
      elf = in.readAllBytes();
    }
    byte[] zeros = new byte[(int) MIB];
    // Digests of the two blob kinds, computed once.
    CRC32 zeroCrc = new CRC32();
    MessageDigest zeroSha = MessageDigest.getInstance("SHA-256");
    CRC32 elfCrc = new CRC32();
    MessageDigest elfSha = MessageDigest.getInstance("SHA-256");
    elfCrc.update(elf);
    elfSha.update(elf);
    for (long n = 0; n < BLOB; n += zeros.length) {
      zeroCrc.update(zeros);
      zeroSha.update(zeros);
      int len = (int) Math.min(zeros.length, BLOB - elf.length - n);
      if (len > 0) {
        elfCrc.update(zeros, 0, len);
        elfSha.update(zeros, 0, len);
      }
    }
    String zeroHash = b64(zeroSha.digest());
    String elfHash = b64(elfSha.digest());

    List<byte[]> central = new ArrayList<>();
    List<String> record = new ArrayList<>();
    long inflated = 0;
    try (FileChannel ch = FileChannel.open(wheel, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int b = 0; b < BLOBS; b++) {
        boolean isElf = b == 0;
        String name = isElf ? "big/_ext.abi3.so" : "big/blob" + b + ".bin";
        long offset = ch.position();
        ch.write(localHeader(name, isElf ? elfCrc.getValue() : zeroCrc.getValue(), BLOB));
        if (isElf) {
          ch.write(ByteBuffer.wrap(elf));
        }
        // The rest is a hole: zeros on reading, nothing on disk.
        ch.position(offset + localHeaderLength(name) + BLOB);
        central.add(centralRecord(name, isElf ? elfCrc.getValue() : zeroCrc.getValue(), BLOB, offset));
        record.add(name + ",sha256=" + (isElf ? elfHash : zeroHash) + "," + BLOB);
        inflated += BLOB;
      }
      String[][] small = {
        {"big/__init__.py", "from ._ext import *\n"},
        {"big-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: big\nVersion: 1.0\n"},
        {"big-1.0.dist-info/WHEEL",
          "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: cp312-abi3-manylinux_2_17_x86_64\n"},
      };
      for (String[] f : small) {
        byte[] data = f[1].getBytes(StandardCharsets.UTF_8);
        writeSmall(ch, central, f[0], data);
        record.add(f[0] + ",sha256=" + b64(MessageDigest.getInstance("SHA-256").digest(data)) + "," + data.length);
        inflated += data.length;
      }
      record.add("big-1.0.dist-info/RECORD,,");
      byte[] rec = (String.join("\n", record) + "\n").getBytes(StandardCharsets.UTF_8);
      writeSmall(ch, central, "big-1.0.dist-info/RECORD", rec);
      inflated += rec.length;
      long cdStart = ch.position();
      long cdSize = 0;
      for (byte[] c : central) {
        ch.write(ByteBuffer.wrap(c));
        cdSize += c.length;
      }
      ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
      eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
          .putShort((short) central.size()).putShort((short) central.size())
          .putInt((int) cdSize).putInt((int) cdStart).putShort((short) 0);
      ch.write(eocd.flip());
    }
    return inflated;
  }

  private static String b64(byte[] digest) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static void writeSmall(FileChannel ch, List<byte[]> central, String name, byte[] data) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(data);
    long offset = ch.position();
    ch.write(localHeader(name, crc.getValue(), data.length));
    ch.write(ByteBuffer.wrap(data));
    central.add(centralRecord(name, crc.getValue(), data.length, offset));
  }

  private static int localHeaderLength(String name) {
    return 30 + name.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ByteBuffer localHeader(String name, long crc, long size) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer lfh = ByteBuffer.allocate(30 + n.length).order(ByteOrder.LITTLE_ENDIAN);
    lfh.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) size).putInt((int) size)
        .putShort((short) n.length).putShort((short) 0).put(n);
    return lfh.flip();
  }

  private static byte[] centralRecord(String name, long crc, long size, long offset) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer cd = ByteBuffer.allocate(46 + n.length).order(ByteOrder.LITTLE_ENDIAN);
    cd.putInt(0x02014b50).putShort((short) ((3 << 8) | 20)).putShort((short) 20).putShort((short) 0x800)
        .putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) size)
        .putInt((int) size).putShort((short) n.length).putShort((short) 0).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0).putInt((int) (0100755L << 16)).putInt((int) offset).put(n);
    return cd.array();
  }
}
