package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.audit.InstalledTogether;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import java.io.IOException;
import java.util.Optional;

/**
 * An audited wheel's JSON {@code policy} object: {@code platformTags}, then {@code manylinux}, {@code musllinux}
 * (each with {@code withDependencies} when wheels of the run it requires provide its external libraries) and
 * {@code abi3} where they apply, absent otherwise.
 */
final class PolicyJson {
  private PolicyJson() {}

  static void write(JsonGenerator g, ArtifactReport.Policy policy) throws IOException {
    PolicyReport p = policy.report();
    g.writeStartObject();
    JsonReport.strings(g, "platformTags", p.platformTags());
    if (p.manylinux().isPresent()) {
      platform(g, "manylinux", p.manylinux().get(), policy);
    }
    if (p.musllinux().isPresent()) {
      platform(g, "musllinux", p.musllinux().get(), policy);
    }
    if (p.abi3().isPresent()) {
      g.writeFieldName("abi3");
      Abi3Json.write(g, p.abi3().get());
    }
    g.writeEndObject();
  }

  /** {@code claimed}, {@code satisfied}, {@code ok} (the contract's fields), then the evidence. */
  private static void platform(JsonGenerator g, String family, PlatformResult r, ArtifactReport.Policy policy)
      throws IOException {
    g.writeObjectFieldStart(family);
    JsonReport.stringOrNull(g, "claimed", r.claimed());
    g.writeStringField("satisfied", r.satisfied());
    g.writeBooleanField("ok", r.ok());
    g.writeStringField("libc", r.libc());
    JsonReport.strings(g, "externalLibraries", r.externalLibraries());
    JsonReport.strings(g, "libpython", r.libpython());
    JsonReport.stringMap(g, "symbolVersions", r.symbolVersions());
    g.writeBooleanField("pyfpe", r.pyfpe());
    JsonReport.strings(g, "unsupportedIsa", r.unsupportedIsa());
    Optional<InstalledTogether.Result> together = policy.withDependencies(family);
    if (together.isPresent()) {
      g.writeFieldName("withDependencies");
      InstalledTogetherJson.write(g, together.get());
    }
    g.writeEndObject();
  }
}
