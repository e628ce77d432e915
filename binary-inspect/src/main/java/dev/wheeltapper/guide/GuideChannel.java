package dev.wheeltapper.guide;

/**
 * Where in a binary (or around it) the evidence of a {@link GuideRow} was read.
 *
 * <pre>{@code
 * GuideChannel.DW_AT_PRODUCER.label();   // "dw-at-producer"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum GuideChannel {
  /** The dynamic section ({@code DT_FLAGS}, {@code DT_FLAGS_1}, {@code DT_TEXTREL}, {@code DT_NEEDED}). */
  DYNAMIC_SECTION("dynamic-section"),
  /** The program headers ({@code PT_GNU_STACK}, {@code PT_GNU_RELRO}) and {@code e_type}. */
  PROGRAM_HEADERS("program-headers"),
  /** The GNU property note ({@code .note.gnu.property}). */
  PROPERTY_NOTE("property-note"),
  /** Imported and exported symbols ({@code .dynsym}). */
  DYNAMIC_SYMBOLS("dynamic-symbols"),
  /** The static symbol table ({@code .symtab}). */
  SYMTAB("symtab"),
  /** Machine code at the exported functions (entry instructions, stack probes). */
  CODE("code"),
  /** annobin build attribute notes ({@code .gnu.build.attributes}, {@code .annobin.notes}). */
  ANNOBIN("annobin"),
  /** {@code DW_AT_producer} of the compilation units ({@code .debug_info}). */
  DW_AT_PRODUCER("dw-at-producer"),
  /** {@code .GCC.command.line} ({@code -frecord-gcc-switches}, {@code -frecord-command-line}). */
  GCC_COMMAND_LINE("gcc-command-line"),
  /** {@code .comment} compiler versions: what the toolchain allowed. */
  COMMENT("comment"),
  /** {@code .gnu.version_r} against {@code DT_NEEDED}. */
  VERSION_REQUIREMENTS("version-requirements"),
  /** The wheel's platform tag: what the platform allowed. */
  PLATFORM_TAG("platform-tag"),
  /** The toolchain verdict (languages, machine): whether the option applies at all. */
  TOOLCHAIN("toolchain"),
  /** No channel carries it. */
  NONE("none");

  private final String label;

  GuideChannel(String label) {
    this.label = label;
  }

  /**
   * The label of the JSON contract.
   *
   * @return for example {@code dw-at-producer}
   */
  public String label() {
    return label;
  }
}
