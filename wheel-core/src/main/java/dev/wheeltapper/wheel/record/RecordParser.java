package dev.wheeltapper.wheel.record;

import dev.wheeltapper.wheel.internal.Utf8;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses RECORD as Python's {@code csv} module reads what it writes (the {@code excel} dialect): comma-separated,
 * fields containing a comma, quote or line break enclosed in {@code "} with inner quotes doubled, lines ending in LF,
 * CR LF or CR, and line breaks allowed inside quoted fields.
 *
 * <p>Each row must have exactly three fields: a non-empty path, an empty hash or {@code
 * algorithm=urlsafe_b64_nopad(digest)} (decoded strictly, see {@link HashValue#decode()}), and an empty size or a
 * non-negative decimal integer (in lenient mode a hash written as a hexadecimal digest of the right length is kept as a
 * row: it still pins the content, and {@code HashValue#decodeHex()} reads it). Beyond what Python's reader accepts, a character after a closing quote other than a
 * comma or line end, an unterminated quoted field, an empty line and bytes that are not UTF-8 are malformed.
 *
 * <p>Two modes: {@link #parse(byte[])} stops at the first malformed line with a {@link RecordFormatException};
 * {@link #parseLenient(byte[])} keeps every good row and reports every bad line, so that a verifier can report each
 * one.
 *
 * <pre>{@code
 * Record record = RecordParser.parse(bytes);                // strict
 * RecordParseResult all = RecordParser.parseLenient(bytes); // every problem
 * }</pre>
 *
 * <p>Stateless and thread-safe. Work and memory are linear in the input, which the caller bounds.
 */
public final class RecordParser {
  private RecordParser() {}

  /**
   * Parses RECORD strictly.
   *
   * @param bytes the whole RECORD file
   * @return the rows
   * @throws RecordFormatException at the first malformed line
   */
  public static Record parse(byte[] bytes) throws RecordFormatException {
    RecordParseResult r = run(bytes, true);
    if (!r.problems().isEmpty()) {
      throw new RecordFormatException(r.problems().get(0));
    }
    return r.record();
  }

  /**
   * Parses RECORD leniently: malformed lines are reported and skipped.
   *
   * @param bytes the whole RECORD file
   * @return the good rows and one problem per malformed line
   */
  public static RecordParseResult parseLenient(byte[] bytes) {
    return run(bytes, false);
  }

  private static RecordParseResult run(byte[] bytes, boolean stopAtFirst) {
    Utf8.Decoded decoded = Utf8.decode(bytes);
    Set<Integer> badLines = new HashSet<>();
    badLines.addAll(decoded.badLines());
    List<RecordEntry> entries = new ArrayList<>();
    List<RecordProblem> problems = new ArrayList<>();
    Csv csv = new Csv(decoded.text());
    while (csv.hasMore()) {
      Csv.Row row = csv.next();
      RecordProblem p = null;
      for (int l = row.startLine; l <= row.endLine && p == null; l++) {
        if (badLines.contains(l)) {
          p = new RecordProblem(l, firstField(row), "not valid UTF-8");
        }
      }
      if (p == null && row.error != null) {
        p = new RecordProblem(row.startLine, firstField(row), row.error);
      }
      if (p == null) {
        Object r = toEntry(row, !stopAtFirst);
        if (r instanceof RecordEntry) {
          entries.add((RecordEntry) r);
        } else {
          p = (RecordProblem) r;
        }
      }
      if (p != null) {
        problems.add(p);
        if (stopAtFirst) {
          break;
        }
      }
    }
    return new RecordParseResult(new Record(entries), problems);
  }

  private static Optional<String> firstField(Csv.Row row) {
    return row.fields.isEmpty() || row.fields.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(row.fields.get(0));
  }

  /** Returns a RecordEntry or a RecordProblem. */
  private static Object toEntry(Csv.Row row, boolean lenient) {
    List<String> f = row.fields;
    int line = row.startLine;
    if (f.isEmpty()) {
      return new RecordProblem(line, Optional.empty(), "empty line");
    }
    if (f.size() != 3) {
      return new RecordProblem(line, firstField(row), "expected 3 fields, found " + f.size());
    }
    String path = f.get(0);
    if (path.isEmpty()) {
      return new RecordProblem(line, Optional.empty(), "empty path");
    }
    Optional<HashValue> hash = Optional.empty();
    if (!f.get(1).isEmpty()) {
      try {
        HashValue h = HashValue.parse(f.get(1));
        try {
          h.decode();
        } catch (HashFormatException e) {
          if (!lenient || h.decodeHex().isEmpty()) {
            throw e;
          }
          // a hexadecimal digest (gmsh): kept, so that the verifier checks the content and warns once
        }
        hash = Optional.of(h);
      } catch (HashFormatException e) {
        return new RecordProblem(line, Optional.of(path), e.getMessage());
      }
    }
    OptionalLong size = OptionalLong.empty();
    String s = f.get(2);
    if (!s.isEmpty()) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return new RecordProblem(line, Optional.of(path), "size '" + s + "' is not a non-negative decimal integer");
        }
      }
      try {
        size = OptionalLong.of(Long.parseLong(s));
      } catch (NumberFormatException e) {
        return new RecordProblem(line, Optional.of(path), "size '" + s + "' is too large");
      }
    }
    return new RecordEntry(path, hash, size);
  }

  /** A CSV reader with Python's excel-dialect rules, tracking physical lines. */
  private static final class Csv {
    static final class Row {
      final List<String> fields = new ArrayList<>();
      int startLine;
      int endLine;
      String error;
    }

    private final String s;
    private int pos;
    private int line = 1;

    Csv(String s) {
      this.s = s;
    }

    boolean hasMore() {
      return pos < s.length();
    }

    /** Consumes one line end at pos, if any; returns whether one was consumed. */
    private boolean eatLineEnd() {
      char c = s.charAt(pos);
      if (c == '\r') {
        pos++;
        if (pos < s.length() && s.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        return true;
      }
      if (c == '\n') {
        pos++;
        line++;
        return true;
      }
      return false;
    }

    Row next() {
      Row row = new Row();
      row.startLine = line;
      if (eatLineEnd()) {
        row.endLine = row.startLine;
        return row; // an empty line: no fields
      }
      StringBuilder field = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          row.fields.add(field.toString());
          break;
        }
        char c = s.charAt(pos);
        if (c == '"' && field.length() == 0) {
          // Quoted field.
          pos++;
          boolean closed = false;
          while (pos < s.length()) {
            char q = s.charAt(pos);
            if (q == '"') {
              if (pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
                field.append('"');
                pos += 2;
                continue;
              }
              pos++;
              closed = true;
              break;
            }
            if (q == '\r' || q == '\n') {
              int before = pos;
              eatLineEnd();
              field.append(s, before, pos);
              continue;
            }
            field.append(q);
            pos++;
          }
          if (!closed) {
            row.fields.add(field.toString());
            row.error = "unterminated quoted field";
            break;
          }
          if (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '\r' && s.charAt(pos) != '\n') {
            row.error = "unexpected character '" + s.charAt(pos) + "' after a closing quote";
            row.fields.add(field.toString());
            row.endLine = line;
            skipToLineEnd();
            return row;
          }
          continue;
        }
        if (c == ',') {
          row.fields.add(field.toString());
          field.setLength(0);
          pos++;
          continue;
        }
        if (c == '\r' || c == '\n') {
          row.fields.add(field.toString());
          row.endLine = line;
          eatLineEnd();
          return row;
        }
        field.append(c);
        pos++;
      }
      row.endLine = line;
      return row;
    }

    private void skipToLineEnd() {
      while (pos < s.length()) {
        if (eatLineEnd()) {
          return;
        }
        pos++;
      }
    }
  }
}
