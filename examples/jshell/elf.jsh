// Asks an ELF file questions with the fluent API, then runs every hardening and toolchain check.
//   jshell --class-path cli/target/wheeltapper.jar examples/jshell/elf.jsh
//   jshell -R-Delf=lib.so --class-path cli/target/wheeltapper.jar examples/jshell/elf.jsh
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.SegmentType;
import dev.wheeltapper.samples.BundledSamples;
import dev.wheeltapper.hardening.HardeningCheck;
import java.nio.file.Path;

boolean defaults = System.getProperty("elf") == null;
Path file = defaults ? BundledSamples.nativeLibrary(BundledSamples.wheel("wt_hardened")) : Path.of(System.getProperty("elf"));

try (ElfFile elf = ElfFile.open(file)) {
  boolean canary = elf.dynamicSymbols().undefined().named("__stack_chk_fail").exists();
  boolean relro = elf.segments().has(SegmentType.GNU_RELRO);
  System.out.println(file.getFileName() + ": ELF" + elf.bits() + " " + elf.header().machineLabel());
  System.out.println("needed " + elf.dynamic().needed() + ", GLIBC " + elf.versionRequirements().highest("GLIBC").map(Object::toString).orElse("-"));
  System.out.println("canary " + canary + ", PT_GNU_RELRO " + relro + ", bind now " + elf.dynamic().bindNow());

  BinaryInspection i = BinaryInspector.forPath(file.getFileName().toString()).inspect(elf);
  i.hardening().list().forEach(r -> System.out.println("  " + r.check().key() + " = " + r.value().label() + "  (" + r.evidence() + ")"));
  System.out.println("languages " + i.toolchain().languageLabels() + ", memory-safe " + i.toolchain().memorySafe().label());
  i.findings().forEach(f -> System.out.println("  " + f.code() + ": " + f.message()));

  // The fluent query and the inspector read the same table, so an imported __stack_chk_fail means a canary.
  if (canary && !i.hardening().result(HardeningCheck.CANARY).flag().orElse(false)) throw new AssertionError("canary query and inspector disagree");
  if (defaults && !(canary && relro && "full".equals(i.hardening().result(HardeningCheck.RELRO).value().label()) && i.findings().isEmpty())) {
    throw new AssertionError("the hardened sample should pass every hardening check: " + i.findings());
  }
}
/exit
