package dev.wheeltapper.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GNU symbol version name split into its namespace and numeric parts, compared numerically within a namespace:
 * {@code GLIBC_2.17 < GLIBC_2.29}, {@code GLIBCXX_3.4.9 < GLIBCXX_3.4.22}, {@code CXXABI_1.3.7}, {@code GCC_4.2.0}.
 * The namespace is everything before the last {@code '_'} that is followed by a digit; a name without such a part
 * ({@code GLIBC_PRIVATE}) is its own namespace with no numbers.
 *
 * <pre>{@code
 * SymbolVersion v = SymbolVersion.parse("GLIBC_2.29");   // namespace "GLIBC", numbers [2, 29]
 * v.compareTo(SymbolVersion.parse("GLIBC_2.17")) > 0;
 * v.number();                                          // "2.29"
 * }</pre>
 *
 * @param name the whole name
 * @param namespace the part before the version numbers
 * @param numbers the dot-separated numbers (a non-numeric part ends the list)
 */
public record SymbolVersion(String name, String namespace, List<Long> numbers) implements Comparable<SymbolVersion> {

  /** Validates and copies the components. */
  public SymbolVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    numbers = List.copyOf(numbers);
  }

  /**
   * Parses a version name.
   *
   * @param name for example {@code GLIBCXX_3.4.22}
   * @return the parsed version
   */
  public static SymbolVersion parse(String name) {
    Objects.requireNonNull(name, "name");
    int cut = -1;
    for (int i = name.length() - 2; i >= 0; i--) {
      if (name.charAt(i) == '_' && Character.isDigit(name.charAt(i + 1))) {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      return new SymbolVersion(name, name, List.of());
    }
    List<Long> nums = new ArrayList<>();
    String rest = name.substring(cut + 1);
    for (String part : rest.split("\\.", -1)) {
      if (part.isEmpty() || part.length() > 18 || !part.chars().allMatch(Character::isDigit)) {
        break;
      }
      nums.add(Long.parseLong(part));
    }
    return new SymbolVersion(name, name.substring(0, cut), nums);
  }

  /**
   * The numeric part as written, for example {@code "2.17"}.
   *
   * @return the dotted numbers, {@code ""} when there are none
   */
  public String number() {
    StringBuilder sb = new StringBuilder();
    for (Long n : numbers) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(n);
    }
    return sb.toString();
  }

  /**
   * Orders by namespace, then numerically part by part (a shorter prefix sorts first), then by name.
   *
   * @param o the other version
   * @return the comparison
   */
  @Override
  public int compareTo(SymbolVersion o) {
    int c = namespace.compareTo(o.namespace);
    if (c != 0) {
      return c;
    }
    for (int i = 0; i < Math.min(numbers.size(), o.numbers.size()); i++) {
      c = Long.compare(numbers.get(i), o.numbers.get(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(numbers.size(), o.numbers.size());
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
