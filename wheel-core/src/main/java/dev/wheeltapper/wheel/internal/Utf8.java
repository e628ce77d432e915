package dev.wheeltapper.wheel.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strict UTF-8 decoding that reports where the bytes go wrong. Not exported. */
public final class Utf8 {
  private Utf8() {}

  /**
   * The outcome of a decode.
   *
   * @param text the text, with U+FFFD for each malformed sequence
   * @param badOffsets byte offsets of the malformed sequences, in order
   */
  public record Decoded(String text, List<Integer> badOffsets) {
    /** Copies the offsets. */
    public Decoded {
      badOffsets = List.copyOf(badOffsets);
    }
  }

  /**
   * Decodes, replacing each malformed sequence and recording its offset. The output buffer is sized from the input
   * length, which the caller has already bounded.
   *
   * @param bytes the input
   * @return the text and the offsets of malformed sequences
   */
  public static Decoded decode(byte[] bytes) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    List<Integer> bad = new ArrayList<>();
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      if (r.isError()) {
        bad.add(in.position());
        in.position(in.position() + r.length());
        out.put('\uFFFD');
      } else {
        // Overflow cannot happen: UTF-8 never yields more chars than bytes, plus one for a replacement.
        throw new IllegalStateException("decoder overflow");
      }
    }
    dec.flush(out);
    out.flip();
    return new Decoded(out.toString(), bad);
  }

  /**
   * The 1-based line holding a byte offset; lines end at LF, CR LF or a lone CR.
   *
   * @param bytes the input
   * @param offset the byte offset
   * @return the line number
   */
  public static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
        line++;
      }
    }
    return line;
  }
}
