package dev.wheeltapper.verify;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.DistInfoFiles;
import dev.wheeltapper.wheel.record.HashFormatException;
import dev.wheeltapper.wheel.record.HashValue;
import dev.wheeltapper.wheel.record.RecordEntry;
import dev.wheeltapper.wheel.record.RecordParseResult;
import dev.wheeltapper.wheel.record.RecordParser;
import dev.wheeltapper.wheel.record.RecordProblem;
import dev.wheeltapper.zip.EntryPaths;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipScan;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RECORD (PEP 376, PEP 427): parsing, its rows (paths, hashes, sizes, signature files, its own row), files listed but
 * absent and present but unlisted, and each entry's hash and size against its row. Codes: {@code record.missing},
 * {@code record.invalid}, {@code record.duplicate-row}, {@code record.no-hash}, {@code record.weak-hash}, {@code
 * record.unlisted-file}, {@code record.missing-file}, {@code record.hash-mismatch}, {@code record.size-mismatch}.
 */
final class RecordCheck {
  private RecordCheck() {}

  /** The RECORD rows the content pass checks against. */
  record Rows(
      Map<String, RecordEntry> byPath, Set<String> malformedPaths, Map<String, byte[]> expected, String recordPath) {
    static final Rows EMPTY = new Rows(Map.of(), Set.of(), Map.of(), "");
  }

  /** Reads and checks RECORD; empty rows when there is none or it cannot be read. */
  static Rows read(RunState s, ZipScan scan, DistInfoDirectory d) throws IOException {
    Optional<ScannedEntry> recordEntry = s.files.entry(d.resolve("RECORD"));
    if (recordEntry.isEmpty() && !scan.complete()) {
      return Rows.EMPTY; // not seen, maybe not read: the limit finding stands alone
    }
    if (recordEntry.isEmpty()) {
      s.findings.add(Finding.error(Codes.RECORD_MISSING, d.resolve("RECORD"),
          "The wheel has no RECORD file, so nothing vouches for its content."));
      return Rows.EMPTY;
    }
    Optional<byte[]> bytes = DistInfoConsistency.readSmall(s, recordEntry.get());
    if (bytes.isEmpty()) {
      return Rows.EMPTY;
    }
    s.recordBytes = bytes.get();
    return check(s, bytes.get(), d);
  }

  private static Rows check(RunState s, byte[] bytes, DistInfoDirectory d) {
    CappedFindings findings = s.findings;
    String recordPath = d.resolve("RECORD");
    RecordParseResult parsed = RecordParser.parseLenient(bytes);
    s.record = Optional.of(parsed.record());
    for (RecordProblem p : parsed.problems()) {
      findings.add(Finding.error(Codes.RECORD_INVALID, p.path().orElse(recordPath),
          "RECORD line " + p.line() + ": " + p.reason()).withFact("line", String.valueOf(p.line())));
    }
    Map<String, RecordEntry> byPath = new HashMap<>();
    Map<String, byte[]> expected = new HashMap<>();
    int hexRows = 0;
    String hexExample = "";
    for (RecordEntry row : parsed.record().entries()) {
      String path = row.path();
      if (byPath.putIfAbsent(path, row) != null) {
        findings.add(Finding.error(Codes.RECORD_DUPLICATE_ROW, path, "RECORD lists " + path + " more than once."));
        continue;
      }
      List<String> unsafe = EntryPaths.problems(path);
      if (!unsafe.isEmpty()) {
        findings.add(Finding.error(Codes.RECORD_INVALID, path,
            "RECORD row path " + String.join(", ", unsafe) + "."));
      }
      String base = path.startsWith(d.name() + "/") ? path.substring(d.name().length() + 1) : null;
      if (base != null && DistInfoFiles.SIGNATURE_FILES.contains(base)) {
        findings.add(Finding.error(Codes.RECORD_INVALID, path,
            base + " must not be listed in RECORD: a signature cannot cover the file that lists it."));
        continue;
      }
      if (path.equals(recordPath)) {
        if (row.hash().isPresent() || row.size().isPresent()) {
          findings.add(Finding.warning(Codes.RECORD_INVALID, path,
              "RECORD lists a hash or size for itself; the row should leave both empty."));
        }
        continue;
      }
      if (row.hash().isEmpty()) {
        findings.add(Finding.error(Codes.RECORD_NO_HASH, path, "RECORD lists " + path + " without a hash."));
        continue;
      }
      HashValue h = row.hash().get();
      Optional<String> refusal = RecordHash.refusal(h.algorithm());
      if (refusal.isPresent()) {
        findings.add(Finding.error(Codes.RECORD_WEAK_HASH, path, "RECORD hash of " + path + ": " + refusal.get() + ".")
            .withFact("algorithm", h.algorithm()));
        continue;
      }
      try {
        expected.put(path, h.decode());
      } catch (HashFormatException ex) {
        Optional<byte[]> hex = h.decodeHex();
        if (hex.isPresent()) {
          expected.put(path, hex.get()); // still pins the content: checked below, reported once as a warning
          if (hexRows++ == 0) {
            hexExample = path;
          }
        } else {
          findings.add(Finding.error(Codes.RECORD_INVALID, path, "RECORD hash of " + path + ": "
              + ex.getMessage()));
        }
      }
      if (row.size().isEmpty()) {
        findings.add(Finding.error(Codes.RECORD_INVALID, path, "RECORD lists a hash for " + path + " but no size."));
      }
    }
    if (hexRows > 0) {
      findings.add(Finding.warning(Codes.RECORD_INVALID, recordPath, "RECORD writes " + hexRows + " hash"
          + (hexRows == 1 ? "" : "es") + " (e.g. of " + hexExample + ") as hexadecimal digests, not the URL-safe"
          + " base64 of PEP 376; pip and uv never read them, and the content was checked against them.")
          .withFact("count", String.valueOf(hexRows)).withFact("entry", hexExample));
    }
    Set<String> malformed = new HashSet<>();
    for (RecordProblem p : parsed.problems()) {
      p.path().ifPresent(malformed::add); // already reported as record.invalid, not again as unlisted
    }
    return new Rows(byPath, malformed, expected, recordPath);
  }

  /** A file in the archive that RECORD does not list (RECORD itself and the signature files exempt). */
  static void checkListed(RunState s, Rows rows, String path, List<Finding> out) {
    if (rows.recordPath().isEmpty()) {
      return;
    }
    boolean listed = rows.byPath().containsKey(path) || rows.malformedPaths().contains(path);
    boolean exempt = path.equals(rows.recordPath()) || s.isSignatureFile(path);
    if (!listed && !exempt) {
      out.add(Finding.error(Codes.RECORD_UNLISTED_FILE, path,
          path + " is in the archive but not listed in RECORD, so nothing vouches for it."));
    }
  }

  /** RECORD rows with no file in the archive, in path order. */
  static void checkPresent(RunState s, Rows rows, Set<String> present) {
    for (String path : rows.byPath().keySet().stream().sorted().toList()) {
      if (!present.contains(path) && !path.equals(rows.recordPath())) {
        s.findings.add(Finding.error(Codes.RECORD_MISSING_FILE, path,
            "RECORD lists " + path + " but the archive has no such file.").withFact("entry", path));
      }
    }
  }

  /** An entry read completely against its row: the hash (when the row pins one) and the size. */
  static void checkContent(RecordEntry row, byte[] expected, byte[] actual, long produced, List<Finding> out) {
    String path = row.path();
    if (expected != null && !Arrays.equals(actual, expected)) {
      String algorithm = row.hash().orElseThrow().algorithm();
      String actualValue = HashValue.of(algorithm, actual).value();
      String expectedValue = row.hash().orElseThrow().value();
      out.add(Finding.error(Codes.RECORD_HASH_MISMATCH, path,
          "The " + algorithm + " of " + path + " is " + actualValue + " but RECORD says " + expectedValue + ".")
          .withFact("algorithm", algorithm).withFact("expected", expectedValue).withFact("actual", actualValue));
    }
    if (row.size().isPresent() && row.size().getAsLong() != produced) {
      out.add(Finding.error(Codes.RECORD_SIZE_MISMATCH, path,
          path + " is " + produced + " bytes long but RECORD says " + row.size().getAsLong() + ".")
          .withFact("expected", String.valueOf(row.size().getAsLong())).withFact("actual", String.valueOf(produced)));
    }
  }
}
