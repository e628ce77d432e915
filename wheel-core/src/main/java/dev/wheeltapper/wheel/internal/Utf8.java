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
   * @param badLines the 1-based lines (ending at LF, CR LF or a lone CR) holding malformed sequences, ascending
   * @param firstBadOffset the byte offset of the first malformed sequence, or -1
   */
  public record Decoded(String text, List<Integer> badLines, int firstBadOffset) {
    /** Copies the lines. */
    public Decoded {
      badLines = List.copyOf(badLines);
    }
  }

  /**
   * Decodes, replacing each malformed sequence. Time and memory are linear in the input (which the caller has
   * bounded): lines are counted in one forward pass, and each bad line is recorded once.
   *
   * @param bytes the input
   * @return the text and where it was malformed
   */
  public static Decoded decode(byte[] bytes) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    List<Integer> badLines = new ArrayList<>();
    int firstBad = -1;
    int line = 1;
    int scanned = 0;
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      if (!r.isError()) {
        // UTF-8 never yields more chars than bytes, so the buffer cannot overflow.
        throw new IllegalStateException("decoder overflow");
      }
      int at = in.position();
      for (; scanned < at; scanned++) {
        if (isLineEnd(bytes, scanned)) {
          line++;
        }
      }
      if (firstBad < 0) {
        firstBad = at;
      }
      if (badLines.isEmpty() || badLines.get(badLines.size() - 1) != line) {
        badLines.add(line);
      }
      in.position(at + r.length());
      out.put('\uFFFD');
    }
    dec.flush(out);
    out.flip();
    return new Decoded(out.toString(), badLines, firstBad);
  }

  private static boolean isLineEnd(byte[] b, int i) {
    return b[i] == '\n' || b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n');
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
      if (isLineEnd(bytes, i)) {
        line++;
      }
    }
    return line;
  }
}
