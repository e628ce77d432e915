package dev.wheeltapper.cli;

import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.model.Property;

/**
 * The {@code wheeltapper:} properties of the SBOM's components: every name this class writes is listed in
 * {@code docs/sbom.md}, and is the contract (add names, never rename one). Values are the JSON report's labels.
 */
final class CycloneDxProperties {
  /** The namespace of every property name (CycloneDX property taxonomy: {@code namespace:name}). */
  static final String NS = "wheeltapper:";

  static final String PATH = NS + "path";
  static final String VERDICT = NS + "verdict";
  static final String ERRORS = NS + "findings:errors";
  static final String WARNINGS = NS + "findings:warnings";
  static final String TAG = NS + "tag";
  static final String SIGNATURE = NS + "signature";
  static final String LANGUAGES = NS + "languages";
  static final String MEMORY_SAFE = NS + "memorySafe";
  static final String BINDINGS = NS + "bindings";
  static final String FORMAT = NS + "format";
  static final String MACHINE = NS + "machine";
  static final String FILE_TYPE = NS + "fileType";
  static final String SONAME = NS + "soname";
  static final String NEEDED = NS + "needed";
  static final String VENDORED = NS + "vendored";
  static final String VENDORED_HASH = NS + "vendored:hash";
  static final String HARDENING = NS + "hardening:";
  static final String POLICY = NS + "policy:";
  static final String SBOM = NS + "sbom";

  private final List<Property> list = new ArrayList<>();

  /** Adds one property; an empty value is left out (the schema allows it, but it says nothing). */
  CycloneDxProperties add(String name, String value) {
    if (value != null && !value.isEmpty()) {
      list.add(new Property(name, value));
    }
    return this;
  }

  /** Adds one property per value, under the same name (CycloneDX allows repeated names). */
  CycloneDxProperties addEach(String name, List<String> values) {
    values.forEach(v -> add(name, v));
    return this;
  }

  /** The verdict and the counts of error and warning findings. */
  CycloneDxProperties verdict(ArtifactReport r) {
    add(VERDICT, r.verdict());
    add(ERRORS, Long.toString(count(r.findings(), Severity.ERROR)));
    return add(WARNINGS, Long.toString(count(r.findings(), Severity.WARNING)));
  }

  private static long count(List<Finding> findings, Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** What the inspection of one binary found: identity, toolchain, linkage, and each hardening check's status. */
  CycloneDxProperties binary(BinaryInspection b, Optional<String> soname) {
    add(PATH, b.path());
    add(FORMAT, b.format().label());
    add(MACHINE, b.machine());
    add(FILE_TYPE, b.type());
    soname.ifPresent(s -> add(SONAME, s));
    add(LANGUAGES, String.join(",", b.toolchain().languageLabels()));
    add(BINDINGS, String.join(",", b.toolchain().bindingLabels()));
    add(MEMORY_SAFE, b.toolchain().memorySafe().label());
    addEach(NEEDED, b.needed());
    for (CheckResult c : b.hardening().results().values()) {
      add(HARDENING + c.check().key(), c.status().label());
    }
    return this;
  }

  /** The platform policy verdicts: {@code policy:manylinux:claimed|satisfied|ok}, musllinux, abi3. */
  CycloneDxProperties policy(PolicyReport p) {
    p.manylinux().ifPresent(m -> platform("manylinux", m));
    p.musllinux().ifPresent(m -> platform("musllinux", m));
    p.abi3().ifPresent(a -> {
      add(POLICY + "abi3:claimed", a.claimed());
      add(POLICY + "abi3:ok", Boolean.toString(a.ok()));
    });
    return this;
  }

  private void platform(String family, PlatformResult r) {
    r.claimed().ifPresent(c -> add(POLICY + family + ":claimed", c));
    add(POLICY + family + ":satisfied", r.satisfied());
    add(POLICY + family + ":ok", Boolean.toString(r.ok()));
  }

  /** The properties added, in order. */
  List<Property> build() {
    return List.copyOf(list);
  }
}
