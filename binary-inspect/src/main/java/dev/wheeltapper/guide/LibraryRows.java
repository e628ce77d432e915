package dev.wheeltapper.guide;

import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.Fortify;
import dev.wheeltapper.guide.RecordedSwitches.Says;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C and C++ library rows: {@code -D_FORTIFY_SOURCE=3}, {@code -D_GLIBCXX_ASSERTIONS} and
 * {@code _LIBCPP_HARDENING_MODE}. Preprocessor macros: GCC never records them, so they are read from what they leave
 * (imported {@code __*_chk} wrappers, the libstdc++ assertion handler, libc++'s ABI tags), from annobin notes and
 * from Clang's recorded command line; the platform tag and the compilers bound what was possible.
 *
 * <p>Stateless and thread-safe.
 */
final class LibraryRows {
  /** libc++'s ABI tag: hardening letter, further mode letters, the six-digit version ({@code B8ne210106}). */
  private static final Pattern LIBCPP_TAG = Pattern.compile("B(\\d{1,2})([fsdn])([a-z]{1,2})(\\d{6})");

  private LibraryRows() {}

  static List<GuideRow> rows(GuideContext c) {
    return List.of(fortify(c), glibcxx(c), libcpp(c));
  }

  // ---------------------------------------------------------------- FORTIFY

  static GuideRow fortify(GuideContext c) {
    GuideOption o = GuideOption.FORTIFY_SOURCE;
    if (c.platform.libc() == GuidePlatform.Libc.MUSL) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.PLATFORM_TAG,
          c.platform.tag() + ": musl has no FORTIFY_SOURCE");
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> {
      if (!s.clang()) {
        return Says.SILENT; // GCC never records -D
      }
      Optional<String> last = s.last("-D_FORTIFY_SOURCE", "-U_FORTIFY_SOURCE");
      return last.map(LibraryRows::fortifyLevel).orElse(Says.OFF);
    }), "-D_FORTIFY_SOURCE=3");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Optional<GuideRow> noted = annobinLevels(o, c.annobin("FORTIFY"));
    if (noted.isPresent()) {
      return noted.get();
    }
    Fortify f = c.in.hardening().fortify();
    List<String> printfChk = f.fortified().stream().filter(n -> n.contains("printf_chk")).toList();
    List<String> plainPrintf = f.unprotected().stream().filter(n -> n.contains("printf")).toList();
    Optional<String> ceiling = ceiling(c);
    if (!printfChk.isEmpty()) {
      String level2 = "level 2 or more: printf-family wrappers imported (" + RecordedSwitches.sample(printfChk) + ")";
      if (!plainPrintf.isEmpty()) {
        return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.DYNAMIC_SYMBOLS, level2
            + ", but plain " + RecordedSwitches.sample(plainPrintf) + " too: some units were built below level 2");
      }
      if (ceiling.isPresent()) {
        return new GuideRow(o, GuideStatus.MET, ceiling.get().startsWith(c.platform.tag()) && !c.platform.tag()
            .isEmpty() ? GuideChannel.PLATFORM_TAG : GuideChannel.COMMENT,
            level2 + "; as good as its platform allows: " + ceiling.get());
      }
      return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.DYNAMIC_SYMBOLS, level2
          + "; level 3 leaves the same imports: only annobin notes or Clang's recorded command line would tell");
    }
    if (!f.fortified().isEmpty()) {
      if (!plainPrintf.isEmpty()) {
        return new GuideRow(o, GuideStatus.PARTLY_MET, GuideChannel.DYNAMIC_SYMBOLS, "level 1: "
            + RecordedSwitches.sample(f.fortified()) + " imported, but plain " + RecordedSwitches.sample(plainPrintf)
            + " (level 2 would import its __*printf_chk wrapper)");
      }
      return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.DYNAMIC_SYMBOLS, "level 1 or more: "
          + RecordedSwitches.sample(f.fortified()) + " imported; no printf-family call to tell level 1 from 2, and "
          + "level 3 leaves the same imports (annobin notes or Clang's recorded command line would tell)");
    }
    if (!plainPrintf.isEmpty()) {
      // at level 2 every printf-family call is wrapped, whatever the sizes: a plain one is proof
      return new GuideRow(o, GuideStatus.NOT_MET, GuideChannel.DYNAMIC_SYMBOLS, "no __*_chk wrapper, and plain "
          + RecordedSwitches.sample(plainPrintf) + " imported: below level 2 (" + f.unprotected().size()
          + " fortifiable functions unprotected)");
    }
    if (!f.unprotected().isEmpty()) {
      return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.DYNAMIC_SYMBOLS, "no __*_chk wrapper, but only "
          + RecordedSwitches.sample(f.unprotected()) + " imported plain, which FORTIFY wraps only where the object "
          + "size is known at compile time: nothing proves it absent (annobin notes or Clang's recorded command line "
          + "would tell)");
    }
    return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.DYNAMIC_SYMBOLS,
        "no fortifiable libc function imported, so no wrapper could show; annobin notes or Clang's recorded command "
            + "line would tell");
  }

  /** Why level 3 was impossible: the platform's glibc headers or the compilers, when either bounds it. */
  static Optional<String> ceiling(GuideContext c) {
    if (c.platform.glibcBelow(2, 34)) {
      return Optional.of(c.platform.tag() + " promises glibc " + c.platform.major() + "." + c.platform.minor()
          + ", whose headers stop at level 2 (level 3 needs glibc 2.34)");
    }
    if (c.versions.predate(GuideOption.FORTIFY_SOURCE)) {
      return Optional.of(c.versions.predatesEvidence(GuideOption.FORTIFY_SOURCE));
    }
    return Optional.empty();
  }

  private static Says fortifyLevel(String token) {
    if (token.startsWith("-U")) {
      return Says.OFF;
    }
    String v = token.substring("-D_FORTIFY_SOURCE".length());
    v = v.startsWith("=") ? v.substring(1) : "1";
    return switch (v) {
      case "3" -> Says.ON;
      case "1", "2" -> Says.PARTIAL;
      default -> Says.OFF;
    };
  }

  /** annobin FORTIFY notes: the level per note (numeric; 254 and 255 mean not known). */
  private static Optional<GuideRow> annobinLevels(GuideOption o, List<AnnobinNote> notes) {
    int on = 0;
    int partial = 0;
    int off = 0;
    TreeSet<String> levels = new TreeSet<>();
    for (AnnobinNote n : notes) {
      if (n.kind() != '*') {
        continue;
      }
      switch (n.value()) {
        case "3" -> on++;
        case "1", "2" -> partial++;
        case "0" -> off++;
        default -> {
          continue;
        }
      }
      levels.add(n.value());
    }
    int all = on + partial + off;
    if (all == 0) {
      return Optional.empty();
    }
    GuideStatus s = on == all ? GuideStatus.MET : off == all ? GuideStatus.NOT_MET : GuideStatus.PARTLY_MET;
    return Optional.of(new GuideRow(o, s, GuideChannel.ANNOBIN, "annobin FORTIFY notes: level "
        + String.join(", ", levels) + " (" + on + " of " + all + " notes at level 3)"));
  }

  // ---------------------------------------------------------------- libstdc++

  static GuideRow glibcxx(GuideContext c) {
    GuideOption o = GuideOption.GLIBCXX_ASSERTIONS;
    if (!c.cxx()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.TOOLCHAIN, "no C++ code");
    }
    if (c.libcxx()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.DYNAMIC_SECTION,
          "built against libc++ (std::__1), not libstdc++: _LIBCPP_HARDENING_MODE applies instead");
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> !s.clang() || !s.cxx() ? Says.SILENT
        : s.last("-D_GLIBCXX_ASSERTIONS", "-U_GLIBCXX_ASSERTIONS", "-D_GLIBCXX_DEBUG")
            .map(t -> t.startsWith("-U") ? Says.OFF : Says.ON).orElse(Says.OFF)), "-D_GLIBCXX_ASSERTIONS");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    List<AnnobinNote> notes = c.annobin("GLIBCXX_ASSERTIONS");
    long on = notes.stream().filter(n -> n.kind() == '+').count();
    long off = notes.stream().filter(n -> n.kind() == '!').count();
    if (on + off > 0) {
      return new GuideRow(o, off == 0 ? GuideStatus.MET : on == 0 ? GuideStatus.NOT_MET : GuideStatus.PARTLY_MET,
          GuideChannel.ANNOBIN, "annobin notes: GLIBCXX_ASSERTIONS on in " + on + " of " + (on + off) + " notes");
    }
    String fail = "_ZSt21__glibcxx_assert_failPKciS0_S0_";
    if (c.references(fail)) {
      return new GuideRow(o, GuideStatus.MET, c.imports(fail) ? GuideChannel.DYNAMIC_SYMBOLS : GuideChannel.SYMTAB,
          "calls std::__glibcxx_assert_fail (libstdc++ 12 and later): checked calls survive in the code");
    }
    if (c.names("_ZSt21__replacement_assertPKciS0_S0_").isPresent()) {
      return new GuideRow(o, GuideStatus.MET, GuideChannel.SYMTAB,
          "std::__replacement_assert (libstdc++ 11 and earlier): checked calls survive in the code");
    }
    List<String> debug = c.names(GuideContext.CxxNames.GLIBCXX_DEBUG);
    if (!debug.isEmpty()) {
      return new GuideRow(o, GuideStatus.MET, GuideChannel.DYNAMIC_SYMBOLS,
          "debug mode (-D_GLIBCXX_DEBUG, which implies the assertions): " + RecordedSwitches.sample(debug));
    }
    String defined = c.defines(fail) ? "std::__glibcxx_assert_fail is defined here (a static libstdc++ brings it "
        + "whether or not the code calls it); " : "";
    return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.DYNAMIC_SYMBOLS, defined
        + "no call to the libstdc++ assertion handler, which proves nothing: no checked call may survive "
        + "optimisation; annobin notes or Clang's recorded command line would tell");
  }

  // ---------------------------------------------------------------- libc++

  static GuideRow libcpp(GuideContext c) {
    GuideOption o = GuideOption.LIBCPP_HARDENING_MODE;
    if (!c.cxx()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.TOOLCHAIN, "no C++ code");
    }
    if (!c.libcxx()) {
      return new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.DYNAMIC_SECTION,
          "built against libstdc++, not libc++: -D_GLIBCXX_ASSERTIONS applies instead");
    }
    Optional<GuideRow> recorded = RecordedSwitches.row(o, c.switches.tally(s -> !s.clang() || !s.cxx() ? Says.SILENT
        : s.last("-D_LIBCPP_HARDENING_MODE=").map(t -> t.endsWith("_NONE") ? Says.OFF : Says.ON).orElse(Says.OFF)),
        "_LIBCPP_HARDENING_MODE");
    if (recorded.isPresent()) {
      return recorded.get();
    }
    TreeSet<Character> modes = new TreeSet<>();
    List<String> tagged = new ArrayList<>();
    for (String n : c.names(GuideContext.CxxNames.LIBCXX)) {
      Matcher m = LIBCPP_TAG.matcher(n);
      while (m.find()) {
        if (Integer.parseInt(m.group(1)) == 1 + m.group(3).length() + 6) {
          modes.add(m.group(2).charAt(0));
          if (tagged.size() < 3) {
            tagged.add(n);
          }
        }
      }
    }
    if (modes.isEmpty()) {
      return new GuideRow(o, GuideStatus.UNDETERMINABLE, GuideChannel.SYMTAB,
          "libc++ 18 and later write the mode into the ABI tags of its hidden functions, visible only in .symtab: "
              + "none here (stripped, or an older libc++); Clang's recorded command line would tell");
    }
    boolean none = modes.contains('n');
    String ev = "libc++ ABI tags name mode " + modes.stream().map(LibraryRows::mode).toList() + " ("
        + RecordedSwitches.sample(tagged) + ")";
    return new GuideRow(o, !none ? GuideStatus.MET : modes.size() == 1 ? GuideStatus.NOT_MET : GuideStatus.PARTLY_MET,
        GuideChannel.SYMTAB, ev);
  }

  private static String mode(char c) {
    return switch (c) {
      case 'f' -> "fast";
      case 's' -> "extensive";
      case 'd' -> "debug";
      default -> "none";
    };
  }
}
