package dev.wheeltapper.wheel.record;

import java.util.List;
import java.util.Optional;

/**
 * A wheel's RECORD: its rows in file order. Rows are not de-duplicated; {@link #find(String)} returns the first row
 * for a path.
 *
 * <pre>{@code
 * Record record = wheel.record();
 * for (RecordEntry row : record.entries()) {
 *   System.out.println(row.path() + " " + row.hash().map(HashValue::toString).orElse("-"));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries the rows in file order
 */
public record Record(List<RecordEntry> entries) {

  /** Copies the rows. */
  public Record {
    entries = List.copyOf(entries);
  }

  /**
   * The first row whose path is exactly {@code path}.
   *
   * @param path a path as written in RECORD
   * @return the row, or empty
   */
  public Optional<RecordEntry> find(String path) {
    for (RecordEntry e : entries) {
      if (e.path().equals(path)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
