package dev.wheeltapper.elf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable, ordered selection of section headers with fluent filters.
 *
 * <pre>{@code
 * List<String> notes = elf.sections().withType(SectionType.NOTE).names();
 * Optional<Section> comment = elf.sections().named(".comment");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Sections extends Selection<Section> {

  Sections(List<Section> list) {
    super(list);
  }

  /**
   * The section at a table index.
   *
   * @param index the section index
   * @return the section, empty when out of range
   */
  public Optional<Section> at(long index) {
    for (Section s : list) {
      if (s.index() == index) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The first section with this exact name.
   *
   * @param name for example {@code ".dynamic"}
   * @return the section, empty when none
   */
  public Optional<Section> named(String name) {
    Objects.requireNonNull(name, "name");
    return list.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The sections of one type.
   *
   * @param type the type
   * @return the selection
   */
  public Sections withType(SectionType type) {
    return matching(s -> s.type() == type);
  }

  /**
   * The sections whose name starts with a prefix.
   *
   * @param prefix for example {@code ".note"}
   * @return the selection
   */
  public Sections namedLike(String prefix) {
    return matching(s -> s.name().startsWith(prefix));
  }

  /**
   * The sections a predicate accepts.
   *
   * @param predicate the test
   * @return the selection
   */
  public Sections matching(Predicate<? super Section> predicate) {
    return new Sections(list.stream().filter(predicate).collect(Collectors.toList()));
  }

  /**
   * The first selected section.
   *
   * @return the section, empty when none
   */
  public Optional<Section> first() {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /**
   * The names of the selected sections.
   *
   * @return the names in table order
   */
  public List<String> names() {
    return list.stream().map(Section::name).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "Sections" + names();
  }
}
