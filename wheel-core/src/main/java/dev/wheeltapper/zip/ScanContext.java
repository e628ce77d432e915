package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scan's shared state: the bounded positional reader over the archive, the findings (capped per code), the
 * entries read so far and the positions the end records established. Each APPNOTE 4.3 record class reads and reports
 * through it. Not thread-safe: one context serves one scan.
 */
final class ScanContext {
  final ChannelSource src;
  final ZipLimits limits;
  final long size;
  final List<ScannedEntry> entries = new ArrayList<>();
  /** Whether the whole central directory was read and checked. */
  boolean complete = true;
  /** Whether a ZIP64 end of central directory locator was found. */
  boolean zip64;
  int commentLength;
  /** Bytes prepended to the archive that its offsets do not count. */
  long shift;
  /** Where the central directory starts and where it ends (the ZIP64 end record or the end record). */
  long cdStart;
  long cdEnd;
  /** Sum of the declared uncompressed sizes, saturating. */
  long totalDeclared;
  /** Positions of end-record signatures other than the chosen one. */
  final List<Long> otherEocds = new ArrayList<>();
  /** The shared small buffer {@link #readFixed} fills; valid until the next call. */
  final byte[] fixed = new byte[64];

  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Integer> perCode = new HashMap<>();
  private int suppressed;

  ScanContext(ChannelSource src, ZipLimits limits) {
    this.src = src;
    this.limits = limits;
    this.size = src.size();
  }

  /** Keeps at most {@code maxFindings} findings per code, so one flood cannot hide another kind of defect. */
  void add(Finding f) {
    int seen = perCode.merge(f.code(), 1, Integer::sum);
    if (seen <= limits.maxFindings()) {
      findings.add(f);
    } else {
      suppressed++;
    }
  }

  void error(String code, String path, String message) {
    add(Finding.error(code, path, message));
  }

  void warning(String code, String path, String message) {
    add(Finding.warning(code, path, message));
  }

  ZipScan result() {
    List<Finding> out = new ArrayList<>(findings);
    if (suppressed > 0) {
      out.add(Finding.note(Codes.ZIP_LIMIT_EXCEEDED, "",
          suppressed + " further structural findings were not kept (at most " + limits.maxFindings()
          + " per code)."));
    }
    return new ZipScan(size, entries, out, complete, zip64, commentLength);
  }

  /** Reads exactly {@code len} bytes at {@code pos} into a new array, or null when the file ends first. */
  byte[] readExact(long pos, int len) throws IOException {
    if (pos < 0 || len < 0 || pos > size - len) {
      return null;
    }
    byte[] b = new byte[len];
    return src.read(pos, b, 0, len) == len ? b : null;
  }

  /** Reads {@code len} (at most 64) bytes into {@link #fixed}; false when the file ends first. */
  boolean readFixed(long pos, int len) throws IOException {
    if (pos < 0 || pos > size - len) {
      return false;
    }
    return src.read(pos, fixed, 0, len) == len;
  }

  /** Reads up to {@code len} (at most 64) bytes at {@code pos} into {@link #fixed}; returns how many were read. */
  int readUpTo(long pos, int len) throws IOException {
    return pos >= 0 && pos < size ? src.read(pos, fixed, 0, (int) Math.min(len, size - pos)) : 0;
  }

  boolean sigAt(long pos, int signature) throws IOException {
    return readFixed(pos, 4) && Bytes.sig(fixed, 0, signature);
  }

  static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** Strict UTF-8 decoding; null when the bytes are not valid UTF-8. */
  static String decodeUtf8(byte[] raw) {
    try {
      CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
