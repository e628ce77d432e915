package dev.wheeltapper.guide;

import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.toolchain.Language;
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
        int[] h = new int[symbols.size()];
        int i = 0;
        for (ElfFacts.Sym s : symbols) {
          h[i++] = s.name().hashCode();
        }
        nameHashes[table] = h;
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
   * Up to {@code max} names of any symbol table matching a predicate, {@code .dynsym} first: its imports, then its
   * definitions, then {@code .symtab}, each name once, in table order.
   */
  List<String> matching(Predicate<String> p, int max) {
    Set<String> out = new LinkedHashSet<>();
    // one pass over .dynsym (each name may be decoded on access): its imports, and enough of its definitions to fill
    // what the imports leave (at most max of those are imports too, so 2 * max distinct definitions suffice)
    Set<String> definitions = new LinkedHashSet<>();
    for (ElfFacts.Sym s : facts.dynamicSymbols()) {
      if (out.size() >= max) {
        return List.copyOf(out);
      }
      if (!s.defined() || definitions.size() < 2L * max) {
        String n = s.name();
        if (p.test(n)) {
          (s.defined() ? definitions : out).add(n);
        }
      }
    }
    for (String n : definitions) {
      if (out.size() >= max) {
        return List.copyOf(out);
      }
      out.add(n);
    }
    if (out.size() >= max) {
      return List.copyOf(out);
    }
    collect(facts.staticSymbols(), null, p, max, out);
    return List.copyOf(out);
  }

  /** Adds the matching names of one table (only its definitions or imports, or all for null); true when full. */
  private static boolean collect(List<ElfFacts.Sym> table, Boolean defined, Predicate<String> p, int max,
      Set<String> out) {
    for (ElfFacts.Sym s : table) {
      if (out.size() >= max) {
        return true;
      }
      if ((defined == null || s.defined() == defined) && p.test(s.name())) {
        out.add(s.name());
      }
    }
    return false;
  }

  /** Whether the binary has C++ code (the toolchain says so, or it needs a C++ runtime). */
  boolean cxx() {
    return in.toolchain().has(Language.CXX) || facts.needed().stream()
        .anyMatch(n -> n.startsWith("libstdc++.so") || n.startsWith("libc++.so"));
  }

  /** Whether the C++ runtime is libc++ (LLVM) rather than libstdc++. */
  boolean libcxx() {
    return facts.needed().stream().anyMatch(n -> n.startsWith("libc++.so"))
        || !matching(s -> s.startsWith("_ZNSt3__1"), 1).isEmpty();
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
