package dev.wheeltapper.elf;

import java.util.Objects;
import java.util.Optional;

/**
 * One symbol table entry ({@code Elf32_Sym} / {@code Elf64_Sym}) with its name and, for {@code .dynsym}, its GNU
 * version: for an imported (undefined) symbol the required version and the library that must provide it, for a
 * defined one the version it is defined with.
 *
 * <pre>{@code
 * elf.dynamicSymbols().undefined().named("memcpy").first()
 *     .flatMap(Symbol::version);   // Optional[GLIBC_2.14]
 * }</pre>
 *
 * @param index the index in its table
 * @param name the name ({@code ""} when it has none or it cannot be read)
 * @param value {@code st_value}
 * @param size {@code st_size}
 * @param type the type
 * @param rawType {@code ELF_ST_TYPE(st_info)}
 * @param binding the binding
 * @param rawBinding {@code ELF_ST_BIND(st_info)}
 * @param visibility the visibility
 * @param other {@code st_other} (visibility in the low bits, processor-specific bits above)
 * @param sectionIndex the section index: {@code st_shndx}, or the real index from {@code SHT_SYMTAB_SHNDX} for
 *     {@link #SHN_XINDEX}
 * @param version the GNU version name, empty when unversioned
 * @param library for an imported versioned symbol, the library ({@code vn_file}) that defines the version
 * @param hidden whether the version index has the hidden bit (0x8000), that is, a non-default version
 */
public record Symbol(
    int index,
    String name,
    long value,
    long size,
    SymbolType type,
    int rawType,
    SymbolBinding binding,
    int rawBinding,
    SymbolVisibility visibility,
    int other,
    int sectionIndex,
    Optional<String> version,
    Optional<String> library,
    boolean hidden) {

  /** {@code SHN_UNDEF}: undefined. */
  public static final int SHN_UNDEF = 0;
  /** {@code SHN_ABS}: absolute value. */
  public static final int SHN_ABS = 0xfff1;
  /** {@code SHN_COMMON}: common block. */
  public static final int SHN_COMMON = 0xfff2;
  /** {@code SHN_XINDEX}: index held in {@code SHT_SYMTAB_SHNDX}. */
  public static final int SHN_XINDEX = 0xffff;

  /** Validates the components. */
  public Symbol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(library, "library");
  }

  /**
   * Whether the symbol is undefined here (an import, {@code SHN_UNDEF}).
   *
   * @return true for imports
   */
  public boolean isUndefined() {
    return sectionIndex == SHN_UNDEF;
  }

  /**
   * Whether the symbol is defined here (any section index other than {@code SHN_UNDEF}).
   *
   * @return true for definitions
   */
  public boolean isDefined() {
    return sectionIndex != SHN_UNDEF;
  }

  /**
   * Whether the symbol is absolute ({@code SHN_ABS}).
   *
   * @return the flag
   */
  public boolean isAbsolute() {
    return sectionIndex == SHN_ABS;
  }

  /**
   * Whether the symbol is a common block ({@code SHN_COMMON}).
   *
   * @return the flag
   */
  public boolean isCommon() {
    return sectionIndex == SHN_COMMON;
  }

  /**
   * Whether the symbol is a function ({@code STT_FUNC} or {@code STT_GNU_IFUNC}).
   *
   * @return the flag
   */
  public boolean isFunction() {
    return type == SymbolType.FUNC || type == SymbolType.GNU_IFUNC;
  }

  /**
   * The version parsed into namespace and numbers.
   *
   * @return the parsed version, empty when unversioned
   */
  public Optional<SymbolVersion> parsedVersion() {
    return version.map(SymbolVersion::parse);
  }

  /**
   * The name as {@code readelf -W --dyn-syms} prints it: {@code name@VERSION} for imports and hidden versions,
   * {@code name@@VERSION} for default definitions.
   *
   * @return the decorated name
   */
  public String versionedName() {
    if (version.isEmpty()) {
      return name;
    }
    return name + (isUndefined() || hidden ? "@" : "@@") + version.get();
  }
}
