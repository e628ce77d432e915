package dev.wheeltapper.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One finding code as the registry describes it: its id, default severity, what it means, why it has that severity,
 * what other tools do with the same case, and the classes that emit it.
 *
 * <p>The {@link CodeRegistry} holds one per code; {@code docs/findings.md}, the README's code table and the SARIF
 * {@code rules} are generated from it.
 *
 * <pre>{@code
 * Code c = CodeRegistry.find(Codes.RECORD_HASH_MISMATCH).orElseThrow();
 * c.severity();   // Severity.ERROR
 * c.summary();    // "Content does not match the RECORD hash."
 * c.help();       // "error: integrity broken: ... What other tools do: installer: ..."
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the code, {@code area.kebab-name}, as {@link Finding#code()} carries it
 * @param severity the severity the code is emitted at, unless {@code severityRule} names an exception
 * @param severityRule when each severity applies, starting with {@code severity}'s label ({@code "error (warning
 *     for RECORD's own row)"}); just the label when there is no exception
 * @param summary one sentence: what the code means
 * @param why why it has this severity, lower case, without a final period
 * @param elsewhere what other tools do with the same case: tool (such as {@code "uv"}) to behaviour, in table order;
 *     {@code "—"} when the tool does not look at the case
 * @param emittedBy the simple names of the classes that emit it (such as {@code "WheelVerifier"}), never empty
 */
public record Code(String id, Severity severity, String severityRule, String summary, String why,
    Map<String, String> elsewhere, List<String> emittedBy) {

  /** What a tool does with a case it does not look at. */
  public static final String NOT_CHECKED = "—";

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");
  private static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z0-9]*");

  /** Validates the id, the severity rule and the emitters, and rejects nulls. */
  public Code {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(severityRule, "severityRule");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(why, "why");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("code must look like area.kebab-name: " + id);
    }
    if (!severityRule.equals(severity.label()) && !severityRule.startsWith(severity.label() + " ")) {
      throw new IllegalArgumentException(id + ": severity rule must start with " + severity.label());
    }
    if (summary.isBlank() || why.isBlank()) {
      throw new IllegalArgumentException(id + ": summary and why must not be blank");
    }
    elsewhere = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(elsewhere, "elsewhere")));
    emittedBy = List.copyOf(emittedBy);
    if (emittedBy.isEmpty()) {
      throw new IllegalArgumentException(id + ": no emitting class");
    }
    for (String c : emittedBy) {
      if (!CLASS.matcher(c).matches()) {
        throw new IllegalArgumentException(id + ": not a simple class name: " + c);
      }
    }
  }

  /**
   * The area of the code, the part before the first dot ({@code record} for {@code record.hash-mismatch}).
   *
   * @return the area
   */
  public String area() {
    return id.substring(0, id.indexOf('.'));
  }

  /**
   * The longer help text: the severity rule, why, and what the other tools that look at the case do.
   *
   * @return one paragraph of plain text
   */
  public String help() {
    StringBuilder sb = new StringBuilder(severityRule).append(": ").append(why).append('.');
    StringJoiner others = new StringJoiner("; ", " What other tools do: ", ".");
    others.setEmptyValue("");
    elsewhere.forEach((tool, behaviour) -> {
      if (!behaviour.equals(NOT_CHECKED)) {
        others.add(tool + ": " + behaviour);
      }
    });
    return sb.append(others).toString();
  }
}
