package dev.wheeltapper.wheel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Builds small, well-formed test archives with java.util.zip, and opens them from memory. */
final class TestZips {
  private TestZips() {}

  /** Entries in insertion order; values are UTF-8 text or raw bytes. */
  static final class Builder {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    Builder text(String name, String content) {
      entries.put(name, content.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Builder bytes(String name, byte[] content) {
      entries.put(name, content);
      return this;
    }

    byte[] build() {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(out)) {
          for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            zos.putNextEntry(new ZipEntry(e.getKey()));
            zos.write(e.getValue());
            zos.closeEntry();
          }
        }
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Wheel open(String fileName) throws ArchiveRefusedException {
      return Wheel.open(new SeekableInMemoryByteChannel(build()), fileName);
    }

    Wheel open(String fileName, ReadLimits limits) throws ArchiveRefusedException {
      return Wheel.open(new SeekableInMemoryByteChannel(build()), fileName, limits);
    }
  }

  static Builder zip() {
    return new Builder();
  }

  /** A minimal valid wheel foo-1.0 with METADATA, WHEEL and RECORD. */
  static Builder minimalWheel() {
    return zip()
        .text("foo/__init__.py", "")
        .text("foo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n")
        .text(
            "foo-1.0.dist-info/WHEEL",
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        .text(
            "foo-1.0.dist-info/RECORD",
            "foo/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\nfoo-1.0.dist-info/RECORD,,\n");
  }

  static Wheel open(byte[] zip, String fileName) throws ArchiveRefusedException {
    return Wheel.open(new SeekableInMemoryByteChannel(zip), fileName);
  }

  /** Offsets of every central directory header (PK\1\2) in a java.util.zip archive. */
  static int[] centralHeaders(byte[] zip) {
    return signatures(zip, 0x02014b50);
  }

  /** Offsets of every data descriptor (PK\7\8) in a java.util.zip archive. */
  static int[] dataDescriptors(byte[] zip) {
    return signatures(zip, 0x08074b50);
  }

  static int[] localHeaders(byte[] zip) {
    return signatures(zip, 0x04034b50);
  }

  private static int[] signatures(byte[] b, int sig) {
    return java.util.stream.IntStream.range(0, b.length - 3)
        .filter(i -> le32(b, i) == sig)
        .toArray();
  }

  /** The offset of the central directory header of the named entry. */
  static int centralHeader(byte[] zip, String name) {
    for (int off : centralHeaders(zip)) {
      int len = (zip[off + 28] & 0xff) | (zip[off + 29] & 0xff) << 8;
      if (new String(zip, off + 46, len, StandardCharsets.UTF_8).equals(name)) {
        return off;
      }
    }
    throw new IllegalArgumentException("no central header for " + name);
  }

  static int le32(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }

  static void put32(byte[] b, int i, long v) {
    for (int k = 0; k < 4; k++) {
      b[i + k] = (byte) (v >>> (8 * k));
    }
  }

  static void put16(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
  }
}
