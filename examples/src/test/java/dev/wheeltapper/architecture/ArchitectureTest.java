package dev.wheeltapper.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of {@code docs/architecture.md}, checked on the compiled classes of every module: no package depends on a
 * package of a layer above it, and no two packages depend on each other, directly or round a longer cycle. Each rule is
 * also shown to fail on a deliberate breach, so that a mistyped package pattern cannot make it pass vacuously.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.wheeltapper");
  }

  /** Bottom to top, as drawn in docs/architecture.md. */
  static com.tngtech.archunit.library.Architectures.LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("results").definedBy("dev.wheeltapper.report..")
        .layer("raw").definedBy(
            "dev.wheeltapper.zip..", "dev.wheeltapper.bytes..", "dev.wheeltapper.format..",
            "dev.wheeltapper.wheel.internal..", "dev.wheeltapper.provenance.internal..",
            "dev.wheeltapper.provenance.json..", "dev.wheeltapper.digest..", "dev.wheeltapper.index.internal..",
            "dev.wheeltapper.dwarf..", "dev.wheeltapper.isa..")
        .layer("models").definedBy(
            "dev.wheeltapper.pep440..", "dev.wheeltapper.pep508..", "dev.wheeltapper.wheel",
            "dev.wheeltapper.wheel.metadata..", "dev.wheeltapper.wheel.record..", "dev.wheeltapper.wheel.sbom..", "dev.wheeltapper.elf..",
            "dev.wheeltapper.pe..", "dev.wheeltapper.macho..", "dev.wheeltapper.provenance.trust..", "dev.wheeltapper.index")
        .layer("checks").definedBy(
            "dev.wheeltapper.verify..", "dev.wheeltapper.provenance", "dev.wheeltapper.provenance.cms..",
            "dev.wheeltapper.provenance.jws..", "dev.wheeltapper.provenance.openpgp..",
            "dev.wheeltapper.provenance.pep740..", "dev.wheeltapper.hardening..", "dev.wheeltapper.toolchain..",
            "dev.wheeltapper.policy..", "dev.wheeltapper.index.check..", "dev.wheeltapper.guide..")
        .layer("facades").definedBy("dev.wheeltapper.inspect..", "dev.wheeltapper.audit..")
        .layer("command line").definedBy("dev.wheeltapper.cli..", "dev.wheeltapper.samples..")
        .layer("jobs").definedBy("dev.wheeltapper.spark..")
        .layer("examples").definedBy("dev.wheeltapper.examples..")
        .whereLayer("examples").mayNotBeAccessedByAnyLayer()
        .whereLayer("jobs").mayNotBeAccessedByAnyLayer()
        .whereLayer("command line").mayOnlyBeAccessedByLayers("examples", "jobs")
        .whereLayer("facades").mayOnlyBeAccessedByLayers("command line", "examples", "jobs")
        .whereLayer("checks").mayOnlyBeAccessedByLayers("facades", "command line", "examples", "jobs")
        .whereLayer("models").mayOnlyBeAccessedByLayers("checks", "facades", "command line", "examples", "jobs")
        .whereLayer("raw").mayOnlyBeAccessedByLayers("models", "checks", "facades", "command line", "examples",
            "jobs");
  }

  @Test
  void everyProductionPackageBelongsToALayer() {
    java.util.Set<String> known = java.util.Set.of(
        "report", "zip", "bytes", "format", "wheel.internal", "provenance.internal", "provenance.json", "pep440",
        "pep508", "wheel", "wheel.metadata", "wheel.record", "elf", "pe", "macho", "provenance.trust", "verify",
        "provenance", "provenance.cms", "provenance.jws", "provenance.openpgp", "provenance.pep740", "hardening",
        "toolchain", "policy", "inspect", "audit", "cli", "samples", "examples", "testsupport", "digest",
        "index", "index.internal", "index.check", "wheel.sbom", "spark", "guide", "dwarf", "isa", "cli.cache");
    java.util.Set<String> found = new java.util.TreeSet<>();
    classes.forEach(c -> found.add(c.getPackageName().replaceFirst("^dev\\.wheeltapper\\.?", "")));
    // a package added without a place in the layers would escape every rule below
    assertThat(found).isSubsetOf(known).contains("report", "elf", "wheel", "cli", "examples");
  }

  @Test
  void noPackageDependsOnALayerAboveIt() {
    EvaluationResult result = layers().evaluate(classes);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }

  @Test
  void noPackageCycles() {
    EvaluationResult result = slices().matching("dev.wheeltapper.(**)").should().beFreeOfCycles().evaluate(classes);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }

  /** The checks read typed facts from the readers, never bytes. */
  static com.tngtech.archunit.lang.ArchRule checksReadNoBytes(String... packages) {
    return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAnyPackage(packages)
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.wheeltapper.bytes.ByteSource")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.ByteBuffer")
        .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels..");
  }

  @Test
  void checksReadTypedFactsNotBytes() {
    EvaluationResult result = checksReadNoBytes("dev.wheeltapper.toolchain..", "dev.wheeltapper.hardening..",
        "dev.wheeltapper.policy..", "dev.wheeltapper.guide..").evaluate(classes);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }

  @Test
  void theRulesSeeABreach() {
    // The command line reads the facades: seen as a breach once the facades are put above it.
    EvaluationResult upward = layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli").definedBy("dev.wheeltapper.cli..")
        .layer("audit").definedBy("dev.wheeltapper.audit..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("audit").mayNotBeAccessedByAnyLayer()
        .evaluate(classes);
    assertThat(upward.hasViolation()).isTrue();
    // two test packages that import each other
    EvaluationResult cycle = slices().matching("dev.wheeltapper.architecture.cyclic.(*)..").should().beFreeOfCycles()
        .evaluate(new ClassFileImporter().importPackages("dev.wheeltapper.architecture.cyclic"));
    assertThat(cycle.hasViolation()).isTrue();
    // the PE reader and the raw layer read bytes: seen as a breach once counted among the checks
    String breaches = String.join("\n", checksReadNoBytes("dev.wheeltapper.pe..", "dev.wheeltapper.bytes..")
        .evaluate(classes).getFailureReport().getDetails());
    assertThat(breaches).contains("<dev.wheeltapper.bytes.ByteSource>", "<java.nio.ByteBuffer>", "<java.nio.channels.");
  }
}
