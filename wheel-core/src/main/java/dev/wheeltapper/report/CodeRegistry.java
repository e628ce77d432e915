package dev.wheeltapper.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every finding code the library and the command line emit, each with its default severity, summary, help text and
 * emitting classes: the one place codes are described. The README's code table, {@code docs/findings.md} and the
 * SARIF {@code rules} are generated from it, and a test fails when main code emits a code that is not here.
 *
 * <p>{@link Codes} keeps the codes as {@code String} constants (what call sites pass to {@link Finding}); the entries
 * live in one table per area group ({@code ZipCodeTable}, {@code WheelCodeTable}, {@code NativeCodeTable}, {@code
 * IndexCodeTable}), in the
 * live in one table per area group ({@code ZipCodeTable}, {@code WheelCodeTable}, {@code NativeCodeTable}, {@code InputCodeTable}), in the
 * order of {@code docs/findings.md}.
 *
 * <pre>{@code
 * for (Code c : CodeRegistry.all()) {
 *   System.out.println(c.id() + " " + c.severity().label() + " " + c.summary());
 * }
 * CodeRegistry.find("zip.not-a-zip").map(Code::help).ifPresent(System.out::println);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CodeRegistry {
  /** The reference tools compared with in every area, in column order. */
  static final List<String> TOOLS = List.of("pip / installer", "uv", "PyPI upload", "auditwheel / abi3audit");
  /** The hardening checkers compared with in the {@code hardening} area, after {@link #TOOLS}. */
  static final String HARDENING_CHECKERS = "checksec / annocheck / hardening-check";

  private static final List<Code> ALL;
  private static final Map<String, Code> BY_ID;

  static {
    List<Code> all = new ArrayList<>(ZipCodeTable.codes());
    all.addAll(WheelCodeTable.codes());
    all.addAll(NativeCodeTable.codes());
    all.addAll(IndexCodeTable.codes());
    all.addAll(LayoutCodeTable.codes());
    all.addAll(GateCodeTable.codes());
    all.addAll(InputCodeTable.codes());
    Map<String, Code> byId = new LinkedHashMap<>();
    for (Code c : all) {
      if (byId.put(c.id(), c) != null) {
        throw new ExceptionInInitializerError("code registered twice: " + c.id());
      }
    }
    ALL = List.copyOf(all);
    BY_ID = Map.copyOf(byId);
  }

  private CodeRegistry() {}

  /**
   * Every registered code, grouped by area in the order of {@code docs/findings.md}.
   *
   * @return the codes, unmodifiable
   */
  public static List<Code> all() {
    return ALL;
  }

  /**
   * The registered code with an id.
   *
   * @param id a finding code, such as {@code "record.hash-mismatch"}
   * @return its entry, or empty for a code the registry does not know
   */
  public static Optional<Code> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** What pip / installer, uv, PyPI and auditwheel / abi3audit do, in {@link #TOOLS} order. */
  static Map<String, String> tools(String pip, String uv, String pypi, String auditwheel) {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> values = List.of(pip, uv, pypi, auditwheel);
    for (int i = 0; i < TOOLS.size(); i++) {
      m.put(TOOLS.get(i), values.get(i));
    }
    return m;
  }

  /** {@link #tools} followed by what the hardening checkers do. */
  static Map<String, String> hardeningTools(String pip, String uv, String pypi, String auditwheel, String checkers) {
    Map<String, String> m = tools(pip, uv, pypi, auditwheel);
    m.put(HARDENING_CHECKERS, checkers);
    return m;
  }
}
