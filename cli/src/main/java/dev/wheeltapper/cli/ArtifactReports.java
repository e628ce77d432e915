package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.audit.WheelAuditReport;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.wheel.Wheel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line's model and JSON renderer for callers outside the command line that must report exactly what
 * {@code wheeltapper audit --format json} reports (the Spark job of module {@code wheeltapper-spark}): one model, two
 * renderers.
 *
 * <pre>{@code
 * WheelAuditReport a = WheelAudit.defaults().audit(channel, "foo-1.0-py3-none-any.whl");
 * ArtifactReport r = ArtifactReports.audited("s3a://bucket/foo-1.0-py3-none-any.whl", a);
 * String json = ArtifactReports.json(r);   // one element of the JSON report's "artifacts", on one line
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ArtifactReports {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private ArtifactReports() {}

  /**
   * The report of one audited wheel, as {@code audit} builds it (without the policy with dependencies, which needs
   * the other wheels of a run). Without the archive, the PEP 770 SBOMs the wheel carries are not read ({@code sboms}
   * is then empty): {@link #audited(String, WheelAuditReport, SeekableByteChannel)} reads them.
   *
   * @param path the wheel's location as it is to be reported
   * @param audit the library's audit of it
   * @return the artifact report
   */
  public static ArtifactReport audited(String path, WheelAuditReport audit) {
    return of(path, audit, Optional.empty());
  }

  /**
   * The report of one audited wheel, with the SBOMs it carries read from the channel it was audited from (only when
   * its entries name some: the one second look into the archive, bounded like the first).
   *
   * @param path the wheel's location as it is to be reported
   * @param audit the library's audit of it
   * @param channel the wheel's bytes, positioned anywhere (read positionally, left open)
   * @return the artifact report
   */
  public static ArtifactReport audited(String path, WheelAuditReport audit, SeekableByteChannel channel) {
    Objects.requireNonNull(channel, "channel");
    String fileName = audit.verification().fileName();
    return of(path, audit, Optional.of(() -> Wheel.open(new NonClosingChannel(channel), fileName)));
  }

  static ArtifactReport audited(String path, WheelAuditReport audit, Path file) {
    return of(path, audit, Optional.of(() -> Wheel.open(file)));
  }

  private static ArtifactReport of(String path, WheelAuditReport audit, Optional<ArtifactInventory.Reopen> file) {
    Objects.requireNonNull(path, "path");
    VerificationReport r = audit.verification();
    // The policy object belongs to wheels whose file name parses (its tags are what the policy judges).
    Optional<ArtifactReport.Policy> policy = r.filename().map(f -> new ArtifactReport.Policy(audit.policy(),
        List.of()));
    return new ArtifactReport(path, "wheel", r.sha256(), Checks.summary(r), audit.findings(),
        r.signatures().stream().map(Checks::signature).toList(), ArtifactReport.Binaries.of(audit.binaries()), policy,
        Optional.of(new ArtifactReport.Overview(Optional.of(Checks.natives(audit)), Optional.of(Checks.signed(r)))),
        Severity.ERROR, ArtifactInventory.ofAudited(audit, file));
  }

  /**
   * One artifact as the JSON report writes it in its {@code artifacts} array, compact (no indentation, one line):
   * the same renderer, so the same fields and values.
   *
   * @param report the artifact
   * @return the JSON object
   */
  public static String json(ArtifactReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      ArtifactJson.write(g, report);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string", e);
    }
    return out.toString();
  }

  /**
   * The version the JSON report carries as {@code tool.version}.
   *
   * @return the version, without Maven's {@code -SNAPSHOT}
   */
  public static String toolVersion() {
    return Version.current();
  }
}
