package dev.wheeltapper.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * FORTIFY_SOURCE, the one rule for every format: the fortified {@code __*_chk} functions a binary imports and the
 * fortifiable libc functions it imports unprotected, and the check result they give.
 *
 * <pre>{@code
 * Fortify f = Fortify.of(List.of("__memcpy_chk", "__printf_chk", "strcpy"));
 * f.fortified();     // [__memcpy_chk, __printf_chk]
 * f.unprotected();   // [strcpy]
 * f.fortifiable();   // 3: functions that could be fortified, protected or not
 * f.level();         // PARTIAL
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fortified imported {@code __<name>_chk} functions, sorted
 * @param unprotected imported plain functions of the fortifiable list, sorted
 */
public record Fortify(List<String> fortified, List<String> unprotected) {

  /** The FORTIFY_SOURCE level. */
  public enum Level implements CheckValue {
    /** Only fortified functions imported. */
    FULL,
    /** Fortified and unprotected fortifiable functions imported. */
    PARTIAL,
    /** Only unprotected fortifiable functions imported. */
    NONE,
    /** No fortifiable function imported: nothing to decide on. */
    UNKNOWN;

    /**
     * The level in reports: {@code full}, {@code partial}, {@code none}, {@code unknown}.
     *
     * @return the lower-case name
     */
    @Override
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Copies the lists. */
  public Fortify {
    fortified = List.copyOf(Objects.requireNonNull(fortified, "fortified"));
    unprotected = List.copyOf(Objects.requireNonNull(unprotected, "unprotected"));
  }

  /**
   * Sorts imported function names (C names: Mach-O's leading underscore already removed) into fortified and
   * unprotected: {@code __<name>_chk} counts when {@code <name>} is on the fortifiable list.
   *
   * @param imports the imported function names
   * @return the evidence
   */
  public static Fortify of(Iterable<String> imports) {
    Set<String> fortified = new TreeSet<>();
    Set<String> plain = new TreeSet<>();
    for (String name : imports) {
      String base = FortifiableFunctions.fortifiedBase(name);
      if (base != null && FortifiableFunctions.contains(base)) {
        fortified.add(name);
      } else if (FortifiableFunctions.contains(name)) {
        plain.add(name);
      }
    }
    return new Fortify(new ArrayList<>(fortified), new ArrayList<>(plain));
  }

  /**
   * How many imported functions could be fortified (fortified ones plus unprotected ones), the denominator of the
   * JSON pair {@code {"fortified": 3, "fortifiable": 5}}.
   *
   * @return the count
   */
  public int fortifiable() {
    return fortified.size() + unprotected.size();
  }

  /**
   * The level.
   *
   * @return {@link Level#FULL} (only fortified), {@link Level#PARTIAL} (both), {@link Level#NONE} (only unprotected),
   *     {@link Level#UNKNOWN} (neither)
   */
  public Level level() {
    if (!fortified.isEmpty()) {
      return unprotected.isEmpty() ? Level.FULL : Level.PARTIAL;
    }
    return unprotected.isEmpty() ? Level.UNKNOWN : Level.NONE;
  }

  /**
   * The check result: pass, partial, fail or unknown by {@link #level()}; not applicable (value still the level) when
   * the code is memory-safe only, FORTIFY_SOURCE being a C feature.
   *
   * @param context whether the code is memory-safe
   * @return the result
   */
  public CheckResult result(CheckContext context) {
    Level level = level();
    String evidence = fortified.size() + " fortified (" + sample(fortified) + "), " + unprotected.size()
        + " unprotected fortifiable (" + sample(unprotected) + ")";
    if (context.memorySafeOnly().isPresent()) {
      return new CheckResult(HardeningCheck.FORTIFY, Status.NOT_APPLICABLE, level,
          evidence + "; FORTIFY_SOURCE is a C feature: " + context.memorySafeOnly().get());
    }
    return switch (level) {
      case FULL -> new CheckResult(HardeningCheck.FORTIFY, Status.PASS, level, evidence);
      case PARTIAL -> new CheckResult(HardeningCheck.FORTIFY, Status.PARTIAL, level, evidence);
      case NONE -> new CheckResult(HardeningCheck.FORTIFY, Status.FAIL, level, evidence);
      case UNKNOWN -> new CheckResult(HardeningCheck.FORTIFY, Status.UNKNOWN, level,
          "no fortifiable libc function imported");
    };
  }

  private static String sample(List<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    if (names.size() <= 6) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 6)) + ", ...";
  }

  /**
   * PE: MSVC has no FORTIFY_SOURCE and its C runtime imports ({@code memcpy}, ...) say nothing about one, so only an
   * image importing a {@code __*_chk} function (MinGW's libssp) has the evidence; any other reads empty.
   */
  static Fortify pe(Iterable<String> imports) {
    Fortify f = of(imports);
    return f.fortified().isEmpty() ? new Fortify(List.of(), List.of()) : f;
  }

  /** PE: {@link #result}, or not applicable without a {@code __*_chk} import. */
  CheckResult peResult(CheckContext context) {
    return fortified.isEmpty()
        ? CheckResult.notApplicable(HardeningCheck.FORTIFY,
            "no __*_chk import: FORTIFY_SOURCE is a GCC/glibc (MinGW libssp) feature")
        : result(context);
  }

  /** Mach-O: the imports' C names, without the leading underscore Mach-O C symbols carry. */
  static Fortify macho(Iterable<String> imports) {
    List<String> cNames = new ArrayList<>();
    for (String n : imports) {
      if (n.startsWith("_")) {
        cNames.add(n.substring(1));
      }
    }
    return of(cNames);
  }
}
