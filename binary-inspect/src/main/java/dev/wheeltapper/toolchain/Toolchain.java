package dev.wheeltapper.toolchain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a binary was built: the compilers named in it, the source languages and Python bindings found (each with its
 * evidence) and the memory-safety verdict. One model for every format.
 *
 * <pre>{@code
 * Toolchain t = ElfToolchain.detect(facts, scan);
 * t.languageLabels();   // ["rust"]
 * t.memorySafe();       // YES
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param compilers every producer string found ({@code .comment} on ELF), in file order without duplicates
 * @param languages the languages found, each with its evidence
 * @param bindings the Python bindings found, each with its evidence
 * @param memorySafe the verdict
 * @param memorySafetyEvidence why
 */
public record Toolchain(
    List<String> compilers,
    List<Evidence<Language>> languages,
    List<Evidence<Binding>> bindings,
    MemorySafety memorySafe,
    String memorySafetyEvidence) {

  /** Copies and rejects nulls. */
  public Toolchain {
    compilers = List.copyOf(compilers);
    languages = List.copyOf(languages);
    bindings = List.copyOf(bindings);
    Objects.requireNonNull(memorySafe, "memorySafe");
    Objects.requireNonNull(memorySafetyEvidence, "memorySafetyEvidence");
  }

  /**
   * The language labels in report order.
   *
   * @return for example {@code ["rust", "c"]}
   */
  public List<String> languageLabels() {
    return languages.stream().map(e -> e.value().label()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The binding labels in report order.
   *
   * @return for example {@code ["pyo3"]}
   */
  public List<String> bindingLabels() {
    return bindings.stream().map(e -> e.value().label()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Whether a language was found.
   *
   * @param language the language
   * @return true when listed
   */
  public boolean has(Language language) {
    return languages.stream().anyMatch(e -> e.value() == language);
  }

  /**
   * Whether a binding was found.
   *
   * @param binding the binding
   * @return true when listed
   */
  public boolean has(Binding binding) {
    return bindings.stream().anyMatch(e -> e.value() == binding);
  }

  /**
   * The evidence for a language.
   *
   * @param language the language
   * @return its evidence strings, when found
   */
  public Optional<List<String>> evidence(Language language) {
    return languages.stream().filter(e -> e.value() == language).findFirst().map(Evidence::evidence);
  }
}
