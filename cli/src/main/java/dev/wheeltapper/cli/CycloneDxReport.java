package dev.wheeltapper.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The CycloneDX 1.6 JSON SBOM of a run ({@code --format cyclonedx}, {@code docs/sbom.md}), built with
 * cyclonedx-core-java's model and JSON generator: one component per artifact ({@link CycloneDxComponents}), taken one
 * at a time by {@link #artifact}, and the document written by {@link #end}. The document is deterministic for a
 * given input and timestamp: the timestamp is {@code SOURCE_DATE_EPOCH} when set (the reproducible-builds
 * convention), and the serial number is a name-based UUID of the document's own content, so the same run at the
 * same time gives the same bytes. Not thread-safe: one instance per run.
 *
 * <pre>{@code
 * CycloneDxReport sbom = new CycloneDxReport(Instant.parse("2026-01-01T00:00:00Z"));
 * reports.forEach(sbom::artifact);
 * sbom.end(writer);
 * }</pre>
 */
final class CycloneDxReport {
  /** The environment variable that fixes the timestamp, in seconds since the epoch. */
  static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private final Instant timestamp;
  private final CycloneDxComponents components = new CycloneDxComponents();
  private final List<Component> list = new ArrayList<>();

  /**
   * A document with this timestamp.
   *
   * @param timestamp the {@code metadata.timestamp}, kept to the second
   */
  CycloneDxReport(Instant timestamp) {
    this.timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The timestamp of a run: {@code SOURCE_DATE_EPOCH} when it holds a whole number of seconds, otherwise now.
   *
   * @param env the environment
   * @param now the current time
   * @return the timestamp
   */
  static Instant timestamp(Map<String, String> env, Instant now) {
    String epoch = env.get(SOURCE_DATE_EPOCH);
    if (epoch != null && epoch.matches("[0-9]{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch));
    }
    return now;
  }

  /** Adds one artifact's component (with its nested binaries). */
  void artifact(ArtifactReport r) {
    list.add(components.of(r));
  }

  /** Writes the document, without a trailing newline; {@code out} stays open. */
  void end(Writer out) throws IOException {
    out.write(json());
  }

  /** The document as a string. */
  String json() throws IOException {
    Bom bom = bom();
    // The serial number names the content: the document without it, hashed (RFC 4122 name-based UUID).
    String unnamed = generate(bom);
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(sha256(unnamed)));
    return generate(bom);
  }

  private Bom bom() {
    Bom bom = new Bom();
    bom.setVersion(1);
    Metadata m = new Metadata();
    m.setTimestamp(Date.from(timestamp));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setGroup("dev.wheeltapper");
    tool.setName("wheeltapper");
    tool.setVersion(Version.current());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    m.setToolChoice(tools);
    bom.setMetadata(m);
    bom.setComponents(new ArrayList<>(list));
    if (!components.dependencies().isEmpty()) {
      bom.setDependencies(new ArrayList<>(components.dependencies()));
    }
    return bom;
  }

  private static String generate(Bom bom) throws IOException {
    try {
      return BomGeneratorFactory.createJson(org.cyclonedx.Version.VERSION_16, bom).toJsonString(true);
    } catch (GeneratorException e) {
      throw new IOException("cannot write the CycloneDX document: " + e.getMessage(), e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The SBOM as a {@link ReportSink}: components are collected as artifacts are written (one small component tree per
   * artifact: CycloneDX has no streaming writer) and the document is written at the end.
   */
  static final class Sink implements ReportSink {
    private final java.io.PrintWriter out;
    private final CycloneDxReport report;

    Sink(java.io.PrintWriter out, Instant timestamp) {
      this.out = out;
      this.report = new CycloneDxReport(timestamp);
    }

    @Override
    public void begin() {
      // nothing before the end: the document is generated whole
    }

    @Override
    public void artifact(ArtifactReport r) {
      report.artifact(r);
    }

    @Override
    public void end(RunTally tally) throws IOException {
      report.end(out);
      out.println();
      out.flush();
    }
  }
}
