package dev.wheeltapper.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler switches a binary recorded, per C/C++ compilation unit: GCC's {@code DW_AT_producer} and
 * {@code .GCC.command.line} ({@code -f}, {@code -m}, {@code -O} options only: GCC never records {@code -D}, {@code -W}
 * or {@code -Wl,}) and Clang's recorded driver command line ({@code -grecord-command-line},
 * {@code -frecord-command-line}: everything). A Clang producer without a command line, and every non-C/C++ unit
 * (Rust, Fortran, assembler), records nothing here.
 *
 * <p>Bounded: at most {@value #MAX_SOURCES} sources of {@value #MAX_TOKENS} switches each. Immutable and thread-safe.
 */
final class RecordedSwitches {
  /** How many sources are read; a binary of more units is judged on these. */
  static final int MAX_SOURCES = 100_000;
  /** How many switches of one source are read. */
  static final int MAX_TOKENS = 4_096;

  private static final Pattern GNU = Pattern.compile("^GNU (?:C|C\\+\\+|Objective-C|Objective-C\\+\\+)[0-9A-Za-z]*"
      + " (\\d{1,3})\\.(\\d{1,2})");
  private static final Pattern CLANG = Pattern.compile("clang version (\\d{1,3})\\.(\\d{1,2})");
  private static final Pattern SOURCE_FILE = Pattern.compile("\\S{0,4096}\\.(?:c|cc|cpp|cxx|C|c\\+\\+|m|mm|i|ii)");
  private static final Pattern CLANG_DRIVER = Pattern.compile("^\\S{0,4096}?clang(?:\\+\\+)?(?:-\\d{1,3})?\\s");

  /** What one source says about an option. */
  enum Says {
    /** The option is on. */
    ON,
    /** A weaker variant is on. */
    PARTIAL,
    /** The option is off (or absent from a source that would record it). */
    OFF,
    /** The source cannot record this option. */
    SILENT
  }

  /**
   * One compilation unit's recorded switches.
   *
   * @param name the unit's name (or the channel's, for a command line)
   * @param channel where it was read
   * @param clang whether Clang's full command line (with {@code -D}, {@code -W}, {@code -Wl,})
   * @param cxx whether a C++ unit
   * @param tokens the switches in order ({@code -D X} joined to {@code -DX})
   * @param compiles whether it compiled a source (a producer; a command line naming a source file)
   * @param links whether it linked (a command line without {@code -c}, {@code -S} or {@code -E})
   */
  record Source(String name, GuideChannel channel, boolean clang, boolean cxx, List<String> tokens, boolean compiles,
      boolean links) {
    Source {
      tokens = List.copyOf(tokens);
    }

    /**
     * The last switch with one of the prefixes (the one that wins), or empty.
     *
     * @param prefixes the switch prefixes of one family ({@code -fstack-protector}, {@code -fno-stack-protector})
     * @return the switch
     */
    java.util.Optional<String> last(String... prefixes) {
      for (int i = tokens.size() - 1; i >= 0; i--) {
        for (String p : prefixes) {
          if (tokens.get(i).startsWith(p)) {
            return java.util.Optional.of(tokens.get(i));
          }
        }
      }
      return java.util.Optional.empty();
    }

    boolean has(String token) {
      return tokens.contains(token);
    }
  }

  /**
   * How the sources answered one question.
   *
   * @param channel where the speaking sources were read
   * @param on names of the units that say on
   * @param partial names of those that say a weaker variant
   * @param off names of those that say off
   * @param silent how many cannot record it
   */
  record Tally(GuideChannel channel, List<String> on, List<String> partial, List<String> off, int silent) {
    int spoke() {
      return on.size() + partial.size() + off.size();
    }
  }

  private final List<Source> sources;
  private final int silentUnits;
  private final List<Integer> gccMajors;
  private final List<Integer> clangMajors;

  private RecordedSwitches(List<Source> sources, int silentUnits, List<Integer> gccMajors, List<Integer> clangMajors) {
    this.sources = List.copyOf(sources);
    this.silentUnits = silentUnits;
    this.gccMajors = List.copyOf(gccMajors);
    this.clangMajors = List.copyOf(clangMajors);
  }

  /**
   * Reads the units' producers and the command-line strings. When units record switches, the command line (the same
   * translation units again) is not counted twice.
   */
  static RecordedSwitches of(List<CompileUnit> units, List<String> commandLines) {
    List<Source> fromDwarf = new ArrayList<>();
    List<Integer> gcc = new ArrayList<>();
    List<Integer> clang = new ArrayList<>();
    int silent = 0;
    for (CompileUnit u : units) {
      if (fromDwarf.size() >= MAX_SOURCES) {
        break;
      }
      String name = u.name().isEmpty() ? "unit " + (fromDwarf.size() + silent + 1) : u.name();
      java.util.Optional<Source> s = parse(name, GuideChannel.DW_AT_PRODUCER, u.producer(), gcc, clang);
      if (s.isPresent()) {
        fromDwarf.add(s.get());
      } else if (isCompilerOfC(u.producer())) {
        silent++;
      }
    }
    if (!fromDwarf.isEmpty()) {
      return new RecordedSwitches(fromDwarf, silent, gcc, clang);
    }
    List<Source> fromLine = new ArrayList<>();
    List<String> loose = new ArrayList<>();
    for (String line : commandLines) {
      if (fromLine.size() >= MAX_SOURCES) {
        break;
      }
      String t = line.strip();
      if (t.indexOf(' ') < 0) {
        // GCC before 11 wrote one switch per string: they are one unit's
        if (t.startsWith("-") && loose.size() < MAX_TOKENS) {
          loose.add(t);
        }
        continue;
      }
      parse(".GCC.command.line " + (fromLine.size() + 1), GuideChannel.GCC_COMMAND_LINE, t, gcc, clang)
          .ifPresent(fromLine::add);
    }
    if (!loose.isEmpty()) {
      fromLine.add(new Source(".GCC.command.line", GuideChannel.GCC_COMMAND_LINE, false, false, loose, true, false));
    }
    return new RecordedSwitches(fromLine, silent, gcc, clang);
  }

  private static boolean isCompilerOfC(String producer) {
    return GNU.matcher(producer).find() || CLANG.matcher(producer).find() && !producer.contains("rustc");
  }

  /** One producer or command line: a source when it records switches of a C/C++ compiler. */
  private static java.util.Optional<Source> parse(String name, GuideChannel channel, String text, List<Integer> gcc,
      List<Integer> clang) {
    Matcher g = GNU.matcher(text);
    boolean isGcc = g.find();
    Matcher c = CLANG.matcher(text);
    boolean isClang = !isGcc && c.find() && !text.contains("rustc");
    // Clang's -frecord-command-line: the driver's argv, from its path (/usr/lib/llvm-16/bin/clang)
    boolean clangArgv = !isGcc && !isClang && CLANG_DRIVER.matcher(text).find();
    if (isGcc) {
      gcc.add(Integer.parseInt(g.group(1)) * 100 + Integer.parseInt(g.group(2)));
    } else if (isClang) {
      clang.add(Integer.parseInt(c.group(1)) * 100 + Integer.parseInt(c.group(2)));
    } else if (clangArgv) {
      isClang = true;
    } else if (!(channel == GuideChannel.GCC_COMMAND_LINE && text.startsWith("-"))) {
      return java.util.Optional.empty(); // Rust, Fortran, assembler: not a C/C++ unit
    }
    boolean cxx = text.startsWith("GNU C++") || text.contains("clang++") || text.contains("-x c++");
    List<String> tokens = new ArrayList<>();
    String[] parts = text.split("\\s+");
    boolean started = false;
    boolean source = channel == GuideChannel.DW_AT_PRODUCER || isGcc;
    for (int i = 0; i < parts.length && tokens.size() < MAX_TOKENS; i++) {
      String p = parts[i];
      source |= i > 0 && SOURCE_FILE.matcher(p).matches();
      cxx |= i > 0 && p.matches("\\S{0,4096}\\.(?:cc|cpp|cxx|C|c\\+\\+)");
      started |= p.startsWith("-");
      if (!started || !p.startsWith("-")) {
        continue;
      }
      if ((p.equals("-D") || p.equals("-U")) && i + 1 < parts.length) {
        tokens.add(p + parts[++i]);
      } else {
        tokens.add(p);
      }
    }
    if (tokens.isEmpty()) {
      return java.util.Optional.empty(); // a bare Clang producer: records no switches
    }
    // a producer-like GCC line never holds -Wl options; Clang's argv does when it links
    boolean links = !isGcc && (isClang || channel == GuideChannel.GCC_COMMAND_LINE)
        && !tokens.contains("-c") && !tokens.contains("-S") && !tokens.contains("-E");
    return java.util.Optional.of(new Source(name, channel, isClang, cxx, tokens, source, links));
  }

  /**
   * Asks every source one question.
   *
   * @param judge what a source says
   * @return the tally
   */
  Tally tally(Function<Source, Says> judge) {
    return tally(judge, false);
  }

  /**
   * Asks every link command line one question about a linker option; compile-only lines and producers are silent.
   *
   * @param judge what a source says
   * @return the tally
   */
  Tally tallyLink(Function<Source, Says> judge) {
    return tally(judge, true);
  }

  private Tally tally(Function<Source, Says> judge, boolean linkOption) {
    List<String> on = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    List<String> off = new ArrayList<>();
    int silent = silentUnits;
    GuideChannel channel = sources.isEmpty() ? GuideChannel.NONE : sources.get(0).channel();
    for (Source s : sources) {
      boolean relevant = linkOption ? s.links() : s.compiles();
      switch (relevant ? judge.apply(s) : Says.SILENT) {
        case ON -> on.add(s.name());
        case PARTIAL -> partial.add(s.name());
        case OFF -> off.add(s.name());
        default -> silent++;
      }
    }
    return new Tally(channel, on, partial, off, silent);
  }

  /**
   * The row a tally gives, or empty when no source spoke.
   *
   * @param option the option
   * @param tally the answers
   * @param what the option as the evidence names it
   * @return the row
   */
  static java.util.Optional<GuideRow> row(GuideOption option, Tally tally, String what) {
    int n = tally.spoke();
    if (n == 0) {
      return java.util.Optional.empty();
    }
    String where = tally.channel() == GuideChannel.DW_AT_PRODUCER ? "DW_AT_producer" : ".GCC.command.line";
    String units = n == 1 ? "compilation unit" : "compilation units";
    String tail = tally.silent() > 0 ? "; " + tally.silent() + " more C/C++ units record no switches" : "";
    if (tally.on().size() == n) {
      return java.util.Optional.of(new GuideRow(option, GuideStatus.MET, tally.channel(),
          where + ": " + what + " in " + (n == 1 ? "the" : "all " + n) + " " + units + tail));
    }
    if (tally.off().size() == n) {
      return java.util.Optional.of(new GuideRow(option, GuideStatus.NOT_MET, tally.channel(),
          where + ": " + what + " in none of " + n + " " + units + tail));
    }
    if (tally.partial().size() == n) {
      return java.util.Optional.of(new GuideRow(option, GuideStatus.PARTLY_MET, tally.channel(), where
          + ": a weaker variant of " + what + " in " + (n == 1 ? "the" : "all " + n) + " " + units + tail));
    }
    StringBuilder e = new StringBuilder(where).append(": ").append(what).append(" in ").append(tally.on().size())
        .append(" of ").append(n).append(' ').append(units).append(" (units disagree)");
    if (!tally.partial().isEmpty()) {
      e.append("; a weaker variant in ").append(tally.partial().size()).append(": ").append(sample(tally.partial()));
    }
    if (!tally.off().isEmpty()) {
      e.append("; not in ").append(tally.off().size()).append(": ").append(sample(tally.off()));
    }
    return java.util.Optional.of(new GuideRow(option, GuideStatus.PARTLY_MET, tally.channel(), e + tail));
  }

  /** Up to three names, then a count. */
  static String sample(List<String> names) {
    String head = String.join(", ", names.subList(0, Math.min(3, names.size())));
    return names.size() > 3 ? head + " (+" + (names.size() - 3) + " more)" : head;
  }

  /** Whether any source was read. */
  boolean any() {
    return !sources.isEmpty();
  }

  /** The C/C++ units whose producer records no switches. */
  int silentUnits() {
    return silentUnits;
  }

  /** The GCC versions of the producers ({@code major * 100 + minor}). */
  List<Integer> gccMajors() {
    return gccMajors;
  }

  /** The Clang versions of the producers ({@code major * 100 + minor}). */
  List<Integer> clangMajors() {
    return clangMajors;
  }
}
