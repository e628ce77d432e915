package dev.wheeltapper.elf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable, ordered selection of symbols with fluent filters that read as sentences.
 *
 * <pre>{@code
 * boolean canary = elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists();
 * List<String> fortified = elf.dynamicSymbols().undefined().functions()
 *     .nameMatches(n -> n.startsWith("__") && n.endsWith("_chk")).names();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Symbols extends Selection<Symbol> {

  Symbols(List<Symbol> list) {
    super(list);
  }

  private Symbols(SymbolList table) {
    super(table, true);
  }

  /** A whole table as read: its entries decoded on access, not copied ({@link SymbolList}). */
  static Symbols decodedOnAccess(SymbolList table) {
    return new Symbols(table);
  }

  /**
   * The name of the symbol at a position of this selection. For a whole table as read, only the name is decoded (no
   * version resolved, no {@link Symbol} made): the cheap way for a pass over a large table that needs little else.
   *
   * <pre>{@code
   * Symbols dyn = elf.dynamicSymbols();
   * for (int i = 0; i < dyn.size(); i++) {
   *   if (!dyn.isDefined(i) && dyn.name(i).endsWith("_chk")) { ... }
   * }
   * }</pre>
   *
   * @param index the position, from 0 to {@code size() - 1}
   * @return the name, {@code ""} when it has none
   * @throws IndexOutOfBoundsException when the position is outside the selection
   */
  public String name(int index) {
    return list instanceof SymbolList t ? t.name(Objects.checkIndex(index, t.size())) : list.get(index).name();
  }

  /**
   * The {@link String#hashCode()} of the name of the symbol at a position; for a whole table as read, kept from the
   * reading, so a search for a few names decodes only the symbols whose hash matches.
   *
   * <pre>{@code
   * int h = "__stack_chk_fail".hashCode();
   * for (int i = 0; i < dyn.size(); i++) {
   *   if (dyn.nameHash(i) == h && dyn.name(i).equals("__stack_chk_fail")) { ... }
   * }
   * }</pre>
   *
   * @param index the position, from 0 to {@code size() - 1}
   * @return {@code name(index).hashCode()}
   * @throws IndexOutOfBoundsException when the position is outside the selection
   */
  public int nameHash(int index) {
    return list instanceof SymbolList t ? t.nameHash(Objects.checkIndex(index, t.size())) : list.get(index).name().hashCode();
  }

  /**
   * Whether the symbol at a position is defined ({@link Symbol#isDefined}), for a whole table as read without decoding
   * its name.
   *
   * @param index the position, from 0 to {@code size() - 1}
   * @return true for definitions
   * @throws IndexOutOfBoundsException when the position is outside the selection
   */
  public boolean isDefined(int index) {
    return list instanceof SymbolList t ? t.isDefined(Objects.checkIndex(index, t.size())) : list.get(index).isDefined();
  }

  /**
   * The raw type ({@link Symbol#rawType}) of the symbol at a position, for a whole table as read without decoding its
   * name.
   *
   * @param index the position, from 0 to {@code size() - 1}
   * @return {@code ELF_ST_TYPE(st_info)}
   * @throws IndexOutOfBoundsException when the position is outside the selection
   */
  public int rawType(int index) {
    return list instanceof SymbolList t ? t.rawType(Objects.checkIndex(index, t.size())) : list.get(index).rawType();
  }

  /**
   * The first selected symbol.
   *
   * @return the symbol, empty when none
   */
  public Optional<Symbol> first() {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /**
   * The symbols a predicate accepts.
   *
   * @param predicate the test
   * @return the selection
   */
  public Symbols matching(Predicate<? super Symbol> predicate) {
    return new Symbols(list.stream().filter(predicate).collect(Collectors.toList()));
  }

  /**
   * Imports: symbols with {@code SHN_UNDEF}, leaving out the null symbol at index 0.
   *
   * @return the selection
   */
  public Symbols undefined() {
    return matching(s -> s.isUndefined() && !(s.index() == 0 && s.name().isEmpty()));
  }

  /**
   * Definitions: symbols with a section index other than {@code SHN_UNDEF}.
   *
   * @return the selection
   */
  public Symbols defined() {
    return matching(Symbol::isDefined);
  }

  /**
   * The symbols with exactly this name (without any {@code @VERSION} decoration).
   *
   * @param name the name
   * @return the selection
   */
  public Symbols named(String name) {
    Objects.requireNonNull(name, "name");
    return matching(s -> s.name().equals(name));
  }

  /**
   * The symbols whose name is one of these.
   *
   * @param names the names
   * @return the selection
   */
  public Symbols namedAnyOf(Set<String> names) {
    Set<String> copy = Set.copyOf(names);
    return matching(s -> copy.contains(s.name()));
  }

  /**
   * The symbols whose name starts with a prefix.
   *
   * @param prefix the prefix
   * @return the selection
   */
  public Symbols nameStartsWith(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return matching(s -> s.name().startsWith(prefix));
  }

  /**
   * The symbols whose name a predicate accepts.
   *
   * @param predicate the test on the name
   * @return the selection
   */
  public Symbols nameMatches(Predicate<String> predicate) {
    return matching(s -> predicate.test(s.name()));
  }

  /**
   * The symbols of a type.
   *
   * @param type the type
   * @return the selection
   */
  public Symbols ofType(SymbolType type) {
    return matching(s -> s.type() == type);
  }

  /**
   * Functions ({@code STT_FUNC} and {@code STT_GNU_IFUNC}).
   *
   * @return the selection
   */
  public Symbols functions() {
    return matching(Symbol::isFunction);
  }

  /**
   * The symbols with a binding.
   *
   * @param binding the binding
   * @return the selection
   */
  public Symbols withBinding(SymbolBinding binding) {
    return matching(s -> s.binding() == binding);
  }

  /**
   * Global, weak and unique symbols (everything but {@code STB_LOCAL}).
   *
   * @return the selection
   */
  public Symbols nonLocal() {
    return matching(s -> s.binding() != SymbolBinding.LOCAL);
  }

  /**
   * The symbols bound to a GNU version name, for example {@code GLIBC_2.29}.
   *
   * @param version the version name
   * @return the selection
   */
  public Symbols withVersion(String version) {
    return matching(s -> s.version().filter(version::equals).isPresent());
  }

  /**
   * The names of the selected symbols.
   *
   * @return the names in table order
   */
  public List<String> names() {
    return list.stream().map(Symbol::name).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "Symbols" + names();
  }
}
