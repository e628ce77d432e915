package dev.wheeltapper.provenance.pep740;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failed checks and notes of one attestation's verification, filled stage by stage; not thread-safe (one per
 * attestation, on one thread).
 */
final class Verification {
  private final Map<Pep740Check, String> failed = new EnumMap<>(Pep740Check.class);
  private final List<String> notes = new ArrayList<>();
  private String unsupported;

  /** Records a failed check; a second failure of the same check is appended to the first. */
  void fail(Pep740Check check, String message) {
    failed.merge(check, message, (a, b) -> a + "; " + b);
  }

  /** Adds a note to the result's detail. */
  void note(String note) {
    notes.add(note);
  }

  /** Marks the attestation as of a kind this verifier does not support. */
  void unsupported(String why) {
    unsupported = why;
  }

  /** The failed checks with their messages, in {@link Pep740Check} order. */
  Map<Pep740Check, String> failed() {
    return Collections.unmodifiableMap(failed);
  }

  List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  Optional<String> unsupportedReason() {
    return Optional.ofNullable(unsupported);
  }
}
