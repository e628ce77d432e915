package dev.wheeltapper.elf;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads compressed sections (gABI "Section Compression"): the {@code Elf32_Chdr}/{@code Elf64_Chdr} header of a
 * {@code SHF_COMPRESSED} section, or the legacy GNU {@code .zdebug} header ({@code "ZLIB"} and a big-endian 64-bit
 * size), then inflates zlib with the JDK's {@link Inflater} and Zstandard with aircompressor's pure-Java decoder.
 *
 * <p>Output is bounded twice: never more than the header's {@code ch_size}, and never more than the caller's cap
 * (a zip bomb stops at the cap); the buffer grows with the bytes actually produced, never from {@code ch_size} alone.
 * Output shorter or longer than {@code ch_size}, or data that does not decode, is an {@link ElfFormatException}.
 */
final class CompressedSectionReader {
  private final ElfInput in;

  CompressedSectionReader(ElfInput in) {
    this.in = in;
  }

  Optional<CompressionHeader> header(Section s) throws ElfFormatException {
    if (!s.hasFileBytes()) {
      return Optional.empty();
    }
    if (s.hasFlags(Section.SHF_COMPRESSED)) {
      int size = in.is64 ? 24 : 12;
      ByteBuffer b = in.region(s.offset(), Math.min(size, Math.max(0, s.size())), "compression header of "
          + ElfInput.name(s));
      if (b.remaining() < size) {
        throw new ElfFormatException(s.offset(), ElfInput.name(s) + ": SHF_COMPRESSED but only " + b.remaining()
            + " bytes, fewer than the " + size + "-byte Elf_Chdr");
      }
      return in.is64
          ? Optional.of(new CompressionHeader(ElfInput.u32(b, 0), b.getLong(8), b.getLong(16), size))
          : Optional.of(new CompressionHeader(ElfInput.u32(b, 0), ElfInput.u32(b, 4), ElfInput.u32(b, 8), size));
    }
    if (s.name().startsWith(".zdebug") && Long.compareUnsigned(s.size(), 12) >= 0) {
      ByteBuffer b = in.region(s.offset(), 12, "zdebug header of " + ElfInput.name(s));
      byte[] magic = new byte[4];
      b.get(0, magic);
      if (Arrays.equals(magic, "ZLIB".getBytes(StandardCharsets.US_ASCII))) {
        long size = b.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN).getLong(4);
        return Optional.of(new CompressionHeader(CompressionHeader.ELFCOMPRESS_ZLIB, size, 1, 12));
      }
    }
    return Optional.empty();
  }

  /** The section's bytes, decompressed when compressed, at most {@code cap} of them. */
  ByteBuffer contents(Section s, int cap) throws ElfFormatException {
    Optional<CompressionHeader> h = header(s);
    if (h.isEmpty()) {
      return in.file.contents(s);
    }
    CompressionHeader ch = h.get();
    String what = ElfInput.name(s);
    if (Long.compareUnsigned(ch.size(), cap) > 0) {
      throw new ElfFormatException(s.offset(), what + ": declares " + Long.toUnsignedString(ch.size())
          + " uncompressed bytes, more than the cap of " + cap);
    }
    int declared = (int) ch.size();
    if (Long.compareUnsigned(s.size(), in.limits.maxSectionBytes()) > 0) {
      throw new ElfFormatException(s.offset(), what + ": " + Long.toUnsignedString(s.size())
          + " compressed bytes, more than the limit of " + in.limits.maxSectionBytes());
    }
    ByteBuffer data = in.region(s.offset() + ch.headerSize(), s.size() - ch.headerSize(), what);
    byte[] out;
    if (ch.type() == CompressionHeader.ELFCOMPRESS_ZLIB) {
      out = inflate(data, declared, s.offset(), what);
    } else if (ch.type() == CompressionHeader.ELFCOMPRESS_ZSTD) {
      out = unzstd(data, declared, s.offset(), what);
    } else {
      throw new ElfFormatException(s.offset(), what + ": unknown compression " + ch.typeLabel());
    }
    return ByteBuffer.wrap(out).asReadOnlyBuffer().order(in.header.byteOrder());
  }

  private static byte[] inflate(ByteBuffer data, int declared, long at, String what) throws ElfFormatException {
    Inflater inf = new Inflater();
    try {
      inf.setInput(data.duplicate());
      byte[] out = new byte[Math.min(declared, 1 << 16)];
      int n = 0;
      int idle = 0;
      while (!inf.finished() && idle < 2) {
        if (n == out.length) {
          if (n == declared) {
            break;
          }
          out = Arrays.copyOf(out, (int) Math.min(declared, 2L * out.length));
        }
        int got = inf.inflate(out, n, out.length - n);
        n += got;
        if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break; // the data ends before the stream does
        }
        idle = got == 0 ? idle + 1 : 0;
      }
      if (!inf.finished() && n == declared && inf.inflate(new byte[1]) > 0) {
        throw new ElfFormatException(at, what + ": zlib data inflates past the declared " + declared + " bytes");
      }
      if (!inf.finished() || n != declared) {
        throw new ElfFormatException(at, what + ": zlib data gives " + n + " bytes" + (inf.finished() ? ""
            : " and does not end") + ", the header declares " + declared);
      }
      return out;
    } catch (DataFormatException e) {
      throw new ElfFormatException(at, what + ": zlib data does not inflate: " + e.getMessage());
    } finally {
      inf.end();
    }
  }

  /**
   * One-shot decoding into an array of exactly the declared size: aircompressor's one-shot decoder uses the output as
   * its window, where its streaming decoder would allocate the window a hostile frame header asks for (up to 2 GiB).
   * A frame that states its content size is checked against {@code ch_size} before anything is allocated.
   */
  private static byte[] unzstd(ByteBuffer data, int declared, long at, String what) throws ElfFormatException {
    byte[] compressed = new byte[data.remaining()];
    data.duplicate().get(compressed);
    try {
      long stated = ZstdDecompressor.getDecompressedSize(compressed, 0, compressed.length);
      if (stated >= 0 && stated > declared) {
        throw new ElfFormatException(at, what + ": the zstd frame states " + stated
            + " bytes, more than the header's " + declared);
      }
      byte[] out = new byte[declared];
      int n = new ZstdDecompressor().decompress(compressed, 0, compressed.length, out, 0, out.length);
      if (n != declared) {
        throw new ElfFormatException(at, what + ": zstd data gives " + n + " bytes, the header declares " + declared);
      }
      return out;
    } catch (RuntimeException e) {
      // aircompressor reports corrupt frames, and output that would not fit, with its unchecked exceptions
      throw new ElfFormatException(at, what + ": zstd data does not decode within " + declared + " bytes: "
          + e.getMessage());
    }
  }
}
