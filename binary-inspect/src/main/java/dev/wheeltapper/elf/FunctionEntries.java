package dev.wheeltapper.elf;

import java.util.List;

/**
 * The function symbols of a file whose first bytes were read ({@code .dynsym} exports first, then {@code .symtab}
 * functions at other addresses), and how many were not: past {@link #MAX_FUNCTIONS}, at an address outside every
 * loaded segment, or in a file whose instruction set {@code dev.wheeltapper.isa} does not read.
 *
 * <pre>{@code
 * FunctionEntries f = elf.functionEntries();
 * long unprobed = f.functions().stream().filter(e -> e.prologue().largeUnprobedFrame()).count();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param functions the functions read, exports first
 * @param skipped how many function symbols were not read
 */
public record FunctionEntries(List<FunctionEntry> functions, int skipped) {
  /** The most functions read from one file. */
  public static final int MAX_FUNCTIONS = 65_536;

  /** Copies the list. */
  public FunctionEntries {
    functions = List.copyOf(functions);
  }

  /**
   * None.
   *
   * @return an empty result
   */
  public static FunctionEntries none() {
    return new FunctionEntries(List.of(), 0);
  }

  /**
   * The exported functions.
   *
   * @return those with {@link FunctionEntry#exported()}
   */
  public List<FunctionEntry> exported() {
    return functions.stream().filter(FunctionEntry::exported).toList();
  }
}
