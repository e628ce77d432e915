// Asks an ELF file questions with the fluent API, then runs every hardening and toolchain check.
//   groovy -cp cli/target/wheeltapper.jar examples/groovy/elf.groovy [ELF_FILE]
import dev.wheeltapper.inspect.BinaryInspector
import dev.wheeltapper.elf.ElfFile
import dev.wheeltapper.elf.SegmentType
import dev.wheeltapper.samples.BundledSamples
import dev.wheeltapper.hardening.HardeningCheck
import java.nio.file.Path

Path file = args ? Path.of(args[0]) : BundledSamples.nativeLibrary(BundledSamples.wheel('wt_hardened'))

ElfFile.open(file).withCloseable { elf ->
  boolean canary = elf.dynamicSymbols().undefined().named('__stack_chk_fail').exists()
  boolean relro = elf.segments().has(SegmentType.GNU_RELRO)
  println "${file.fileName}: ELF${elf.bits()} ${elf.header().machineLabel()}"
  println "needed ${elf.dynamic().needed()}, GLIBC ${elf.versionRequirements().highest('GLIBC').map { it.toString() }.orElse('-')}"
  println "canary ${canary}, PT_GNU_RELRO ${relro}, bind now ${elf.dynamic().bindNow()}"

  def i = BinaryInspector.forPath(file.fileName.toString()).inspect(elf)
  i.hardening().list().each { r -> println "  ${r.check().key()} = ${r.value().label()}  (${r.evidence()})" }
  println "languages ${i.toolchain().languageLabels()}, memory-safe ${i.toolchain().memorySafe().label()}"
  i.findings().each { f -> println "  ${f.code()}: ${f.message()}" }

  // The fluent query and the inspector read the same table, so an imported __stack_chk_fail means a canary.
  assert !canary || i.hardening().result(HardeningCheck.CANARY).flag().orElse(false)
  if (!args) {
    assert canary && relro && i.hardening().result(HardeningCheck.RELRO).value().label() == 'full'
    assert i.findings().isEmpty()
  }
}
