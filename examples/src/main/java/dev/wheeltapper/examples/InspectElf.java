package dev.wheeltapper.examples;

import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.SegmentType;
import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.report.Finding;
import java.nio.file.Path;

/**
 * Asks an ELF file questions with the fluent API, then lets {@link BinaryInspector} run every hardening and toolchain
 * check on it.
 *
 * <pre>{@code
 * java -cp cli/target/wheeltapper.jar:examples/target/wheeltapper-examples.jar dev.wheeltapper.examples.InspectElf [ELF_FILE]
 * }</pre>
 *
 * <p>With no argument it copies the C extension out of the bundled {@code wt_hardened} sample and inspects that.
 */
public final class InspectElf {
  private InspectElf() {}

  /**
   * Runs the example.
   *
   * @param args an optional ELF file
   * @throws Exception when the file is not a readable ELF ({@code ElfFormatException} with the offset) or I/O fails
   */
  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : BundledSamples.nativeLibrary(BundledSamples.wheel("wt_hardened"));

    // Opening reads the ELF header only; each table is read, bounds-checked, on first use.
    try (ElfFile elf = ElfFile.open(file)) {
      System.out.println(file.getFileName() + ": ELF" + elf.bits() + " " + elf.header().machineLabel()
          + " " + elf.header().endianLabel() + "-endian");
      // Symbols: the imports tell what the code calls (a stack protector, fortified libc functions).
      System.out.println("imports __stack_chk_fail:  "
          + elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists());
      System.out.println("fortified imports:         "
          + elf.dynamicSymbols().undefined().nameMatches(n -> n.startsWith("__") && n.endsWith("_chk")).names());
      System.out.println("exported functions:        " + elf.dynamicSymbols().defined().functions().names());
      // Segments and the dynamic table: RELRO, immediate binding, the libraries it needs.
      System.out.println("PT_GNU_RELRO:              " + elf.segments().has(SegmentType.GNU_RELRO));
      System.out.println("bind now:                  " + elf.dynamic().bindNow());
      System.out.println("needed:                    " + elf.dynamic().needed());
      System.out.println("highest GLIBC version:     "
          + elf.versionRequirements().highest("GLIBC").map(Object::toString).orElse("none"));

      // Every check at once, each with its evidence, and the hardening.* findings.
      BinaryInspection inspection = BinaryInspector.forPath(file.getFileName().toString()).inspect(elf);
      for (CheckResult r : inspection.hardening().list()) {
        System.out.println("  " + r.check().key() + " " + r.status().label() + " " + r.value().label()
            + "  (" + r.evidence() + ")");
      }
      System.out.println("languages:   " + inspection.toolchain().languageLabels());
      System.out.println("memory-safe: " + inspection.toolchain().memorySafe().label());
      for (Finding f : inspection.findings()) {
        System.out.println("  " + f.severity().label() + " " + f.code() + ": " + f.message());
      }
    }
  }
}
