package dev.wheeltapper.zip;

import dev.wheeltapper.report.Finding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link ZipScanner} run: the central directory records in order and every structural finding.
 *
 * <p>When {@link #complete()} is false the scan stopped early (a limit was exceeded or the central directory could not
 * be read) and {@link #entries()} holds only what was read before; the reason is among the findings.
 *
 * <pre>{@code
 * ZipScan scan = new ZipScanner().scan(path);
 * if (scan.hasErrors()) { scan.findings().forEach(System.out::println); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param archiveSize the size of the file in bytes
 * @param entries the central directory records read, in central directory order
 * @param findings the structural findings, in the order they were found
 * @param complete whether the whole central directory was read and checked
 * @param zip64 whether the archive has a ZIP64 end of central directory record
 * @param commentLength length of the archive comment in bytes
 */
public record ZipScan(
    long archiveSize,
    List<ScannedEntry> entries,
    List<Finding> findings,
    boolean complete,
    boolean zip64,
    int commentLength) {

  /** Copies the lists and rejects nulls. */
  public ZipScan {
    entries = List.copyOf(entries);
    findings = List.copyOf(findings);
  }

  /**
   * Whether any finding is an error.
   *
   * @return true when the archive fails the structural checks
   */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /**
   * The first entry with exactly this name.
   *
   * @param name the decoded entry name
   * @return the entry, or empty
   */
  public Optional<ScannedEntry> entry(String name) {
    Objects.requireNonNull(name, "name");
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The entries by name, the first one for a duplicated name (duplicates are {@code zip.duplicate-entry} findings).
   * Builds a new map on each call, in linear time: call it once and keep it, for example to look up RECORD rows.
   *
   * @return an unmodifiable map in central directory order
   */
  public Map<String, ScannedEntry> entriesByName() {
    Map<String, ScannedEntry> map = new LinkedHashMap<>();
    for (ScannedEntry e : entries) {
      map.putIfAbsent(e.name(), e);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The findings with the given code.
   *
   * @param code a finding code such as {@code zip.header-mismatch}
   * @return those findings, possibly empty
   */
  public List<Finding> findings(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }
}
