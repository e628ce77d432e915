package dev.wheeltapper.wheel.record;

import java.util.List;

/**
 * The outcome of a lenient RECORD parse: every well-formed row, and one problem per malformed line.
 *
 * <pre>{@code
 * RecordParseResult r = RecordParser.parseLenient(bytes);
 * r.record().entries(); // the good rows
 * r.problems();         // the bad lines, in order
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param record the well-formed rows
 * @param problems the malformed lines, in file order
 */
public record RecordParseResult(Record record, List<RecordProblem> problems) {

  /** Copies the problems. */
  public RecordParseResult {
    java.util.Objects.requireNonNull(record, "record");
    problems = List.copyOf(problems);
  }

  /**
   * Whether every line was well formed.
   *
   * @return true when there are no problems
   */
  public boolean isClean() {
    return problems.isEmpty();
  }
}
