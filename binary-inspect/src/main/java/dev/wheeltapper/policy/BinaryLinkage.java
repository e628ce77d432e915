package dev.wheeltapper.policy;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.RequiredVersion;
import dev.wheeltapper.elf.Symbol;
import dev.wheeltapper.elf.SymbolBinding;
import dev.wheeltapper.elf.VersionNeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one ELF binary needs from the system it is loaded into: the facts the platform policy and abi3 checks read,
 * taken while the binary is open so that the checks run after it is closed.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(Path.of("_x.so"))) {
 *   BinaryLinkage l = BinaryLinkage.of(elf, "pkg/_x.so");
 *   l.needed();             // [libc.so.6]
 *   l.requiredVersions();   // {libc.so.6=[GLIBC_2.2.5, GLIBC_2.14]}
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the entry path inside the wheel
 * @param machine the machine label ({@code x86_64}, {@code arm}, {@code ppc64le}, ...)
 * @param bits 32 or 64
 * @param littleEndian the byte order
 * @param soname {@code DT_SONAME}, when present
 * @param needed {@code DT_NEEDED} in order
 * @param rpath {@code DT_RPATH} entries
 * @param runpath {@code DT_RUNPATH} entries
 * @param requiredVersions per library ({@code vn_file}), the version names required ({@code vna_name})
 * @param undefined the names of imported (undefined, global) symbols
 * @param undefinedWeak the names of imported weak symbols
 * @param x86IsaLevel the x86-64 micro-architecture level an x86 binary declares it needs in
 *     {@code GNU_PROPERTY_X86_ISA_1_NEEDED} (2, 3 or 4 for x86-64-v2, -v3, -v4); 1 for the baseline, no such property,
 *     or another architecture
 */
public record BinaryLinkage(
    String path,
    String machine,
    int bits,
    boolean littleEndian,
    Optional<String> soname,
    List<String> needed,
    List<String> rpath,
    List<String> runpath,
    Map<String, List<String>> requiredVersions,
    Set<String> undefined,
    Set<String> undefinedWeak,
    int x86IsaLevel) {

  /** At most this many imported symbol names are kept per binary. */
  private static final int MAX_SYMBOLS = 200_000;

  /**
   * A binary that declares no x86 ISA level (baseline).
   *
   * @param path the entry path inside the wheel
   * @param machine the machine label
   * @param bits 32 or 64
   * @param littleEndian the byte order
   * @param soname {@code DT_SONAME}
   * @param needed {@code DT_NEEDED}
   * @param rpath {@code DT_RPATH}
   * @param runpath {@code DT_RUNPATH}
   * @param requiredVersions required versions per library
   * @param undefined imported symbols
   * @param undefinedWeak imported weak symbols
   */
  public BinaryLinkage(String path, String machine, int bits, boolean littleEndian, Optional<String> soname,
      List<String> needed, List<String> rpath, List<String> runpath, Map<String, List<String>> requiredVersions,
      Set<String> undefined, Set<String> undefinedWeak) {
    this(path, machine, bits, littleEndian, soname, needed, rpath, runpath, requiredVersions, undefined, undefinedWeak,
        1);
  }

  /** Copies and rejects nulls. */
  public BinaryLinkage {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(soname, "soname");
    needed = List.copyOf(needed);
    rpath = List.copyOf(rpath);
    runpath = List.copyOf(runpath);
    Map<String, List<String>> rv = new LinkedHashMap<>();
    requiredVersions.forEach((k, v) -> rv.put(k, List.copyOf(v)));
    requiredVersions = java.util.Collections.unmodifiableMap(rv);
    undefined = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(undefined));
    undefinedWeak = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(undefinedWeak));
  }

  /**
   * Reads the facts from an open binary. Damaged optional structures (version requirements) are skipped: the
   * inspection reports them.
   *
   * @param elf the binary
   * @param path the entry path inside the wheel
   * @return the facts
   * @throws ElfFormatException when the dynamic table or dynamic symbols cannot be read
   */
  public static BinaryLinkage of(ElfFile elf, String path) throws ElfFormatException {
    var h = elf.header();
    var dyn = elf.dynamic();
    Map<String, List<String>> versions = new LinkedHashMap<>();
    try {
      for (VersionNeed n : elf.versionRequirements().needs()) {
        List<String> names = versions.computeIfAbsent(n.library(), k -> new ArrayList<>());
        for (RequiredVersion v : n.versions()) {
          names.add(v.name());
        }
      }
    } catch (ElfFormatException e) {
      // The inspection records the damage; the policy judges what can be read.
      versions.clear();
    }
    Set<String> strong = new LinkedHashSet<>();
    Set<String> weak = new LinkedHashSet<>();
    for (Symbol s : elf.dynamicSymbols().undefined()) {
      if (s.name().isEmpty() || strong.size() + weak.size() >= MAX_SYMBOLS) {
        continue;
      }
      if (s.binding() == SymbolBinding.WEAK) {
        weak.add(s.name());
      } else if (s.binding() == SymbolBinding.GLOBAL) {
        strong.add(s.name());
      }
    }
    return new BinaryLinkage(path, h.machineLabel(), h.bits(), h.littleEndian(), dyn.soname(), dyn.needed(),
        dyn.rpath(), dyn.runpath(), versions, strong, weak, x86IsaLevel(elf));
  }

  /**
   * The x86-64 level in {@code GNU_PROPERTY_X86_ISA_1_NEEDED} (binutils 2.36+: bit 0 baseline, 1 v2, 2 v3, 3 v4),
   * which the linker writes for {@code -z x86-64-v3} or {@code -mneeded}; 1 when absent or unreadable.
   */
  private static int x86IsaLevel(ElfFile elf) {
    int machine = elf.header().rawMachine();
    if (machine != 62 && machine != 3) { // EM_X86_64, EM_386
      return 1;
    }
    try {
      long needed = elf.notes().gnuProperties().x86IsaNeeded().orElse(0);
      return (needed & 0x8) != 0 ? 4 : (needed & 0x4) != 0 ? 3 : (needed & 0x2) != 0 ? 2 : 1;
    } catch (ElfFormatException e) {
      return 1; // the inspection reports the damage
    }
  }

  /**
   * The file name part of the path.
   *
   * @return for example {@code _x.abi3.so}
   */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The directory part of the path, without a trailing slash.
   *
   * @return for example {@code pkg}, or {@code ""} at the root
   */
  public String directory() {
    int cut = path.lastIndexOf('/');
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /**
   * Whether the binary imports a symbol (strongly or weakly).
   *
   * @param name the symbol name
   * @return true when imported
   */
  public boolean imports(String name) {
    return undefined.contains(name) || undefinedWeak.contains(name);
  }

  /**
   * What a PE extension imports: its DLLs, and by name the functions it takes from a Python DLL ({@code python3.dll}
   * for the stable ABI, {@code python3XY.dll} otherwise), which is what the abi3 check reads. The DLLs are kept in
   * {@link #needed()} so that a {@code python3XY.dll} dependency can be told apart.
   *
   * @param pe the PE image
   * @param path the entry path inside the wheel
   * @return the linkage
   */
  public static BinaryLinkage ofPe(dev.wheeltapper.pe.PeFile pe, String path) {
    Set<String> python = new LinkedHashSet<>();
    for (var imp : pe.imports()) {
      if (PYTHON_DLL.matcher(imp.dll().toLowerCase(java.util.Locale.ROOT)).matches()) {
        for (String f : imp.functions()) {
          if (python.size() < MAX_SYMBOLS) {
            python.add(f);
          }
        }
      }
    }
    var h = pe.header();
    return new BinaryLinkage(path, h.machineLabel(), h.pe32Plus() ? 64 : 32, true, Optional.empty(), pe.needed(),
        List.of(), List.of(), Map.of(), python, Set.of());
  }

  /**
   * What one slice of a Mach-O extension imports: its dylibs and its undefined symbols without the leading
   * underscore of the C symbol convention ({@code _PyObject_GetAttr} is {@code PyObject_GetAttr}).
   *
   * @param slice the slice
   * @param path the entry path inside the wheel
   * @return the linkage
   */
  public static BinaryLinkage ofMachO(dev.wheeltapper.macho.MachOSlice slice, String path) {
    Set<String> undefined = new LinkedHashSet<>();
    for (String u : slice.undefinedSymbols()) {
      if (undefined.size() >= MAX_SYMBOLS) {
        break;
      }
      undefined.add(u.startsWith("_") ? u.substring(1) : u);
    }
    List<String> needed = new java.util.ArrayList<>();
    slice.dylibs().forEach(d -> needed.add(d.name()));
    return new BinaryLinkage(path, slice.machineLabel(), slice.bits(), slice.littleEndian(), Optional.empty(), needed,
        slice.rpaths(), List.of(), Map.of(), undefined, Set.of());
  }

  /** {@code python3.dll} (the stable ABI) and {@code python3XY.dll} (one version), as the DLL names are written. */
  private static final java.util.regex.Pattern PYTHON_DLL = java.util.regex.Pattern.compile("python3\\d*(_d)?\\.dll");
}
