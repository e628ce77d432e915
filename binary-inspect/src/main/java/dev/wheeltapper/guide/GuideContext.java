package dev.wheeltapper.guide;

import dev.wheeltapper.hardening.AnnobinNote;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.toolchain.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private final Set<String> imported = new LinkedHashSet<>();
  private final Set<String> defined = new LinkedHashSet<>();
  private final Set<String> local = new LinkedHashSet<>();
  private final Set<String> localUndefined = new LinkedHashSet<>();

  GuideContext(GuideInputs in, GuidePlatform platform) {
    this.in = in;
    this.facts = in.facts();
    this.platform = platform;
    this.switches = RecordedSwitches.of(in.units(), in.commandLines());
    this.versions = CompilerVersions.of(facts.comments(), switches);
    for (ElfFacts.Sym s : facts.dynamicSymbols()) {
      (s.defined() ? defined : imported).add(s.name());
    }
    for (ElfFacts.Sym s : facts.staticSymbols()) {
      local.add(s.name());
      if (!s.defined()) {
        localUndefined.add(s.name());
      }
    }
  }

  /** Whether {@code .dynsym} imports the name. */
  boolean imports(String name) {
    return imported.contains(name);
  }

  /** Whether the module calls it from outside: undefined in {@code .dynsym} or {@code .symtab}. */
  boolean references(String name) {
    return imported.contains(name) || localUndefined.contains(name);
  }

  /** Whether the module defines it ({@code .dynsym} or {@code .symtab}) rather than importing it. */
  boolean defines(String name) {
    return defined.contains(name) || local.contains(name) && !localUndefined.contains(name);
  }

  /** Whether any symbol table names it, and in which channel. */
  Optional<GuideChannel> names(String name) {
    if (imported.contains(name) || defined.contains(name)) {
      return Optional.of(GuideChannel.DYNAMIC_SYMBOLS);
    }
    return local.contains(name) ? Optional.of(GuideChannel.SYMTAB) : Optional.empty();
  }

  /** Up to {@code max} names of any symbol table matching a predicate, {@code .dynsym} first. */
  List<String> matching(Predicate<String> p, int max) {
    List<String> out = new ArrayList<>();
    for (Set<String> set : List.of(imported, defined, local)) {
      for (String s : set) {
        if (out.size() >= max) {
          return out;
        }
        if (p.test(s) && !out.contains(s)) {
          out.add(s);
        }
      }
    }
    return out;
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
