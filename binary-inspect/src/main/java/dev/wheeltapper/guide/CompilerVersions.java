package dev.wheeltapper.guide;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C/C++ compiler versions a binary names ({@code .comment} and the producers), which bound what its build could
 * have used: an option newer than every recorded compiler is not applicable. {@code .comment} also names the
 * compilers of the C runtime objects (an old system GCC beside a newer toolset), so the newest version of each
 * family is the one that counts. Inference, not evidence of a switch.
 *
 * <p>Immutable and thread-safe.
 */
final class CompilerVersions {
  private static final Pattern GCC = Pattern.compile("^GCC: \\([^)]{0,200}\\) (\\d{1,3})\\.(\\d{1,2})");
  private static final Pattern CLANG = Pattern.compile("clang version (\\d{1,3})\\.(\\d{1,2})");

  private final TreeSet<Integer> gcc = new TreeSet<>();
  private final TreeSet<Integer> clang = new TreeSet<>();

  private CompilerVersions() {}

  static CompilerVersions of(List<String> comments, RecordedSwitches switches) {
    CompilerVersions v = new CompilerVersions();
    for (String c : comments) {
      Matcher g = GCC.matcher(c);
      Matcher l = CLANG.matcher(c);
      if (g.find()) {
        v.gcc.add(Integer.parseInt(g.group(1)) * 100 + Integer.parseInt(g.group(2)));
      } else if (l.find() && !c.contains("rustc")) {
        v.clang.add(Integer.parseInt(l.group(1)) * 100 + Integer.parseInt(l.group(2)));
      }
    }
    v.gcc.addAll(switches.gccMajors());
    v.clang.addAll(switches.clangMajors());
    return v;
  }

  /** Whether any version is known. */
  boolean known() {
    return !gcc.isEmpty() || !clang.isEmpty();
  }

  /** The newest GCC version ({@code major * 100 + minor}), when one is named. */
  OptionalInt newestGcc() {
    return gcc.isEmpty() ? OptionalInt.empty() : OptionalInt.of(gcc.last());
  }

  /** The newest Clang version ({@code major * 100 + minor}), when one is named. */
  OptionalInt newestClang() {
    return clang.isEmpty() ? OptionalInt.empty() : OptionalInt.of(clang.last());
  }

  /** Whether only Clang is named (no GCC at all, not even for the C runtime). */
  boolean clangOnly() {
    return gcc.isEmpty() && !clang.isEmpty();
  }

  /**
   * Whether every named compiler predates the option (none has it).
   *
   * @param o the option
   * @return false when no version is known or one of them has it
   */
  boolean predate(GuideOption o) {
    return known() && !has(newestGcc(), o.gccSince()) && !has(newestClang(), o.clangSince());
  }

  private static boolean has(OptionalInt version, OptionalInt since) {
    return version.isPresent() && since.isPresent() && version.getAsInt() >= since.getAsInt();
  }

  /** {@code 1202} as {@code 12.2}, {@code 1200} as {@code 12}. */
  private static String text(int v) {
    return v % 100 == 0 ? String.valueOf(v / 100) : v / 100 + "." + v % 100;
  }

  /** The newest of each family, for the evidence: {@code GCC 10, Clang 16}. */
  String describe() {
    StringBuilder b = new StringBuilder();
    newestGcc().ifPresent(g -> b.append("GCC ").append(text(g)));
    newestClang().ifPresent(c -> b.append(b.length() > 0 ? ", " : "").append("Clang ").append(text(c)));
    return b.length() == 0 ? "no compiler named" : b.toString();
  }

  /** The not-applicable evidence of an option newer than the recorded compilers. */
  String predatesEvidence(GuideOption o) {
    StringBuilder since = new StringBuilder();
    o.gccSince().ifPresent(g -> since.append("GCC ").append(text(g)));
    o.clangSince().ifPresent(c -> since.append(since.length() > 0 ? " / " : "").append("Clang ").append(text(c)));
    if (since.length() == 0) {
      since.append("no compiler of the families named");
    }
    return "the recorded compilers (newest: " + describe() + ") predate " + o.option() + " (" + since + ")";
  }
}
