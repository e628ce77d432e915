package dev.wheeltapper.hardening;

import static dev.wheeltapper.hardening.ElfChecks.result;

import java.util.Map;

/**
 * The ELF {@code stackClash} and {@code glibcxxAssertions} checks, read from annobin build attribute notes: known
 * only where the compiler's annobin plugin recorded them.
 *
 * <p>Stateless and thread-safe.
 */
final class AnnobinChecks {
  private AnnobinChecks() {}

  static void annobin(ElfFacts f, Map<HardeningCheck, CheckResult> r) {
    r.put(HardeningCheck.STACK_CLASH, annobinBool(f, HardeningCheck.STACK_CLASH, "stack_clash",
        "-fstack-clash-protection"));
    r.put(HardeningCheck.GLIBCXX_ASSERTIONS, annobinBool(f, HardeningCheck.GLIBCXX_ASSERTIONS, "GLIBCXX_ASSERTIONS",
        "-D_GLIBCXX_ASSERTIONS"));
  }

  static CheckResult annobinBool(ElfFacts f, HardeningCheck c, String attribute, String option) {
    int on = 0;
    int off = 0;
    boolean pluginNotes = false;
    boolean assemblerOnly = false;
    for (AnnobinNote n : f.annobin()) {
      if (n.attribute().equals(attribute)) {
        if (n.kind() == '+') {
          on++;
        } else if (n.kind() == '!') {
          off++;
        }
      }
      if (n.kind() == '$' && n.attribute().equals("1")) {
        // version note "3p4" (plugin) versus "3a1" (assembler-generated, says nothing about compiler options)
        if (n.value().length() >= 2 && n.value().charAt(1) == 'a') {
          assemblerOnly = true;
        } else {
          pluginNotes = true;
        }
      }
    }
    if (on > 0 && off == 0) {
      return result(c, Status.PASS, CheckValue.Flag.YES, "annobin notes record " + option + " (" + on + " notes)");
    }
    if (off > 0) {
      return result(c, on > 0 ? Status.PARTIAL : Status.FAIL, CheckValue.Flag.NO,
          "annobin notes record " + option + " off in " + off + " of " + (on + off) + " notes");
    }
    if (f.annobin().isEmpty()) {
      return result(c, Status.UNKNOWN, CheckValue.Missing.UNKNOWN,
          "not decidable from the binary without annobin notes (" + option + ")");
    }
    if (assemblerOnly && !pluginNotes) {
      return result(c, Status.UNKNOWN, CheckValue.Missing.UNKNOWN,
          "only assembler-generated annobin notes (GA$<version>3a), which say nothing about " + option);
    }
    return result(c, Status.UNKNOWN, CheckValue.Missing.UNKNOWN, "annobin notes present but silent about " + option);
  }
}
