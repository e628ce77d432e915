package dev.wheeltapper.guide;

import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.toolchain.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What every row reads, computed once per binary: the inputs, the platform, the recorded switches, the compiler
 * versions and the symbol names.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class GuideContext {
  final GuideInputs in;
  final ElfFacts facts;
  final GuidePlatform platform;
  final RecordedSwitches switches;
  final CompilerVersions versions;
  /**
   * What the tables say of each name a row asked about ({@link #IMPORTED}, ...), found by one scan of the tables per
   * name: the rows ask about a handful of names, where an index of every name of a large C++ library (hundreds of
   * thousands) would cost more than the whole inspection. Concurrent, so the context stays thread-safe.
   */
  private final Map<String, Integer> asked = new ConcurrentHashMap<>();
  /** The name hashes of {@code .dynsym} and {@code .symtab}, 4 bytes a symbol, made on the first name asked. */
  private final int[][] nameHashes = new int[2][];

  private static final int IMPORTED = 1;
  private static final int DEFINED = 2;
  private static final int LOCAL = 4;
  private static final int LOCAL_UNDEFINED = 8;

  GuideContext(GuideInputs in, GuidePlatform platform) {
    this.in = in;
    this.facts = in.facts();
    this.platform = platform;
    this.switches = RecordedSwitches.of(in.units(), in.commandLines());
    this.versions = CompilerVersions.of(facts.comments(), switches);
  }

  private int flags(String name) {
    return asked.computeIfAbsent(name, n -> {
      int f = 0;
      int h = n.hashCode();
      List<ElfFacts.Sym> dynamic = facts.dynamicSymbols();
      int[] hashes = hashes(0, dynamic);
      for (int i = 0; i < hashes.length; i++) {
        ElfFacts.Sym s;
        if (hashes[i] == h && (s = dynamic.get(i)).name().equals(n)) {
          f |= s.defined() ? DEFINED : IMPORTED;
        }
      }
      List<ElfFacts.Sym> symtab = facts.staticSymbols();
      hashes = hashes(1, symtab);
      for (int i = 0; i < hashes.length; i++) {
        ElfFacts.Sym s;
        if (hashes[i] == h && (s = symtab.get(i)).name().equals(n)) {
          f |= s.defined() ? LOCAL : LOCAL | LOCAL_UNDEFINED;
        }
      }
      return f;
    });
  }

  /**
   * The name hashes of a symbol table, computed on the first question: the tables may decode each name on access
   * (issue 19), so each question compares hashes and decodes only the few candidates instead of every name.
   */
  private int[] hashes(int table, List<ElfFacts.Sym> symbols) {
    synchronized (nameHashes) {
      if (nameHashes[table] == null) {
        nameHashes[table] = ElfFacts.nameHashes(symbols);
      }
      return nameHashes[table];
    }
  }

  private boolean is(String name, int flag) {
    return (flags(name) & flag) != 0;
  }

  /** Whether {@code .dynsym} imports the name. */
  boolean imports(String name) {
    return is(name, IMPORTED);
  }

  /** Whether the module calls it from outside: undefined in {@code .dynsym} or {@code .symtab}. */
  boolean references(String name) {
    return is(name, IMPORTED | LOCAL_UNDEFINED);
  }

  /** Whether the module defines it ({@code .dynsym} or {@code .symtab}) rather than importing it. */
  boolean defines(String name) {
    int f = flags(name);
    return (f & DEFINED) != 0 || (f & LOCAL) != 0 && (f & LOCAL_UNDEFINED) == 0;
  }

  /** Whether any symbol table names it, and in which channel. */
  Optional<GuideChannel> names(String name) {
    if (is(name, IMPORTED | DEFINED)) {
      return Optional.of(GuideChannel.DYNAMIC_SYMBOLS);
    }
    return is(name, LOCAL) ? Optional.of(GuideChannel.SYMTAB) : Optional.empty();
  }

  /**
   * The questions about C++ library names the rows ask. Each is a scan of every name of the tables, so they are
   * answered together by one ({@link #names(CxxNames)}): a libstdc++ library asked both whether it is libc++ and
   * whether it is built in debug mode cost two passes over its names (3.4 million look-ups for tensorflow).
   */
  enum CxxNames {
    /** libc++'s versioned namespace, {@code std::__1}: one is enough to tell the runtime. */
    LIBCXX_ABI_V1(n -> n.startsWith("_ZNSt3__1"), 1),
    /** libstdc++'s debug mode ({@code -D_GLIBCXX_DEBUG}). */
    GLIBCXX_DEBUG(n -> n.contains("St7__debug") || n.contains("11__gnu_debug"), 2),
    /** libc++'s {@code std::__} names, for their hardening-mode ABI tags. */
    LIBCXX(n -> n.startsWith("_ZNSt3__") || n.startsWith("_ZNKSt3__"), 10_000);

    final Predicate<String> test;
    final int max;

    CxxNames(Predicate<String> test, int max) {
      this.test = test;
      this.max = max;
    }
  }

  private volatile List<List<String>> cxxNames;

  /**
   * Up to the question's most names matching it, as {@link #matching} finds them; every question is answered by the
   * first one asked.
   */
  List<String> names(CxxNames question) {
    List<List<String>> all = cxxNames;
    if (all == null) {
      CxxNames[] q = CxxNames.values();
      List<Predicate<String>> tests = new ArrayList<>();
      int[] max = new int[q.length];
      for (int i = 0; i < q.length; i++) {
        tests.add(q[i].test);
        max[i] = q[i].max;
      }
      all = matching(tests, max);
      cxxNames = all;
    }
    return all.get(question.ordinal());
  }

  /**
   * For each predicate, up to its {@code max} names of any symbol table matching it, {@code .dynsym} first: its
   * imports, then its definitions, then {@code .symtab}, each name once, in table order. One pass over each table
   * answers them all, each name decoded once.
   */
  List<List<String>> matching(List<Predicate<String>> tests, int[] max) {
    int q = tests.size();
    List<Set<String>> out = new ArrayList<>();
    List<Set<String>> definitions = new ArrayList<>();
    for (int i = 0; i < q; i++) {
      out.add(new LinkedHashSet<>());
      definitions.add(new LinkedHashSet<>());
    }
    // one pass over .dynsym (each name may be decoded on access): its imports, and enough of its definitions to fill
    // what the imports leave (at most max of those are imports too, so 2 * max distinct definitions suffice)
    for (ElfFacts.Sym s : facts.dynamicSymbols()) {
      boolean open = false;
      String n = null;
      for (int i = 0; i < q; i++) {
        if (out.get(i).size() >= max[i]) {
          continue;
        }
        open = true;
        if (!s.defined() || definitions.get(i).size() < 2L * max[i]) {
          n = n == null ? s.name() : n;
          if (tests.get(i).test(n)) {
            (s.defined() ? definitions.get(i) : out.get(i)).add(n);
          }
        }
      }
      if (!open) {
        break;
      }
    }
    boolean full = true;
    for (int i = 0; i < q; i++) {
      for (String n : definitions.get(i)) {
        if (out.get(i).size() >= max[i]) {
          break;
        }
        out.get(i).add(n);
      }
      full &= out.get(i).size() >= max[i];
    }
    if (!full) {
      for (ElfFacts.Sym s : facts.staticSymbols()) {
        boolean open = false;
        String n = null;
        for (int i = 0; i < q; i++) {
          if (out.get(i).size() < max[i]) {
            open = true;
            n = n == null ? s.name() : n;
            if (tests.get(i).test(n)) {
              out.get(i).add(n);
            }
          }
        }
        if (!open) {
          break;
        }
      }
    }
    List<List<String>> result = new ArrayList<>();
    for (Set<String> o : out) {
      result.add(List.copyOf(o));
    }
    return List.copyOf(result);
  }

  /** Whether the binary has C++ code (the toolchain says so, or it needs a C++ runtime). */
  boolean cxx() {
    return in.toolchain().has(Language.CXX) || facts.needed().stream()
        .anyMatch(n -> n.startsWith("libstdc++.so") || n.startsWith("libc++.so"));
  }

  /** Whether the C++ runtime is libc++ (LLVM) rather than libstdc++. */
  boolean libcxx() {
    return facts.needed().stream().anyMatch(n -> n.startsWith("libc++.so"))
        || !names(CxxNames.LIBCXX_ABI_V1).isEmpty();
  }

  /** The annobin notes of one attribute. */
  List<AnnobinNote> annobin(String attribute) {
    return in.annobin().stream().filter(n -> n.attribute().equals(attribute)).toList();
  }

  /** Whether the notes include plugin notes at all (not only the assembler's version notes). */
  boolean annobinFromPlugin() {
    return in.annobin().stream().anyMatch(n -> !(n.kind() == '$' && n.attribute().equals("1")));
  }

  boolean x86_64() {
    return facts.machine() == ElfFacts.EM_X86_64;
  }

  boolean aarch64() {
    return facts.machine() == ElfFacts.EM_AARCH64;
  }
}
