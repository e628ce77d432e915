package dev.wheeltapper.spark;

import dev.wheeltapper.cli.ArtifactReport;
import dev.wheeltapper.cli.ArtifactReports;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.policy.PolicyReport;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The job's rows, rendered from the command line's own model ({@link ArtifactReport}, built by {@link
 * ArtifactReports#audited}) so that they equal the JSON report field for field: one model, two renderers. Column
 * names are the JSON report's where it has the field ({@code sha256}, {@code verdict}, {@code name}, {@code claimed},
 * {@code satisfied}, ...); {@code docs/spark.md} gives the schema with each column's JSON source.
 *
 * <p>An audited wheel is one {@link #AUDITED} row: the wheel's columns and its findings as an array, from which the
 * job writes the {@code wheels} table (without the array) and the {@code findings} table (one row per element).
 *
 * <p>Stateless and thread-safe.
 */
final class WheelRows {
  private WheelRows() {}

  private static final DataType STRING = DataTypes.StringType;
  private static final ArrayType STRINGS = DataTypes.createArrayType(STRING, false);

  /**
   * One finding: the JSON report's {@code findings} element ({@code path} is {@code entryPath} here; {@code facts} a
   * map in the check's order, empty when the JSON has none).
   */
  static final StructType FINDING = new StructType()
      .add("code", STRING, false)
      .add("severity", STRING, false)
      .add("entryPath", STRING, true)
      .add("message", STRING, false)
      .add("facts", DataTypes.createMapType(STRING, STRING, false), false);

  /** The columns of the {@code wheels} table, in order. */
  static final StructType WHEEL = new StructType()
      .add("path", STRING, false)
      .add("fileName", STRING, false)
      .add("size", DataTypes.LongType, false)
      .add("modified", DataTypes.LongType, false)
      .add("sha256", STRING, false)
      .add("verdict", STRING, false)
      .add("name", STRING, true)
      .add("version", STRING, true)
      .add("build", STRING, true)
      .add("tags", STRINGS, false)
      .add("languages", STRINGS, false)
      .add("memorySafe", STRING, false)
      .add("platformTags", STRINGS, false)
      .add("manylinuxClaimed", STRING, true)
      .add("manylinuxSatisfied", STRING, true)
      .add("manylinuxOk", DataTypes.BooleanType, true)
      .add("musllinuxClaimed", STRING, true)
      .add("musllinuxSatisfied", STRING, true)
      .add("musllinuxOk", DataTypes.BooleanType, true)
      .add("errors", DataTypes.IntegerType, false)
      .add("warnings", DataTypes.IntegerType, false)
      .add("notes", DataTypes.IntegerType, false)
      .add("toolVersion", STRING, false)
      .add("report", STRING, false);

  /** An audited wheel: {@link #WHEEL} and its findings. */
  static final StructType AUDITED = WHEEL.add("findings", DataTypes.createArrayType(FINDING, false), false);

  /**
   * The row of one wheel.
   *
   * @param fileName the file name the audit read the tags from
   * @param size the file's length
   * @param modified the file's modification time (milliseconds since the epoch), as its file system reports it
   * @param report the command line's report of it (its {@code path} is the location as listed)
   * @param languages the wheel's languages ({@code WheelAuditReport.languages()}: its binaries' languages in order)
   * @param memorySafe the wheel's memory-safety label
   * @param policy the wheel's platform policy, when audited
   */
  static Row audited(String fileName, long size, long modified, ArtifactReport report, List<String> languages,
      String memorySafe, Optional<PolicyReport> policy) {
    Optional<ArtifactReport.WheelSummary> w = report.wheel();
    Optional<PlatformResult> many = policy.flatMap(PolicyReport::manylinux);
    Optional<PlatformResult> musl = policy.flatMap(PolicyReport::musllinux);
    List<Finding> findings = report.findings();
    Row[] findingRows = new Row[findings.size()];
    for (int i = 0; i < findingRows.length; i++) {
      Finding f = findings.get(i);
      findingRows[i] = RowFactory.create(f.code(), f.severity().label(), f.path().isEmpty() ? null : f.path(),
          f.message(), CollectionConverters.asScala(new LinkedHashMap<>(f.facts())));
    }
    return RowFactory.create(
        report.path(),
        fileName,
        size,
        modified,
        report.sha256(),
        report.verdict(),
        w.map(ArtifactReport.WheelSummary::name).orElse(null),
        w.map(ArtifactReport.WheelSummary::version).orElse(null),
        w.flatMap(ArtifactReport.WheelSummary::build).orElse(null),
        w.map(s -> s.tags().toArray(String[]::new)).orElse(new String[0]),
        languages.toArray(String[]::new),
        memorySafe,
        policy.map(p -> p.platformTags().toArray(String[]::new)).orElse(new String[0]),
        many.flatMap(PlatformResult::claimed).orElse(null),
        many.map(PlatformResult::satisfied).orElse(null),
        many.map(PlatformResult::ok).orElse(null),
        musl.flatMap(PlatformResult::claimed).orElse(null),
        musl.map(PlatformResult::satisfied).orElse(null),
        musl.map(PlatformResult::ok).orElse(null),
        count(findings, Severity.ERROR),
        count(findings, Severity.WARNING),
        count(findings, Severity.NOTE),
        ArtifactReports.toolVersion(),
        ArtifactReports.json(report),
        findingRows);
  }

  private static int count(List<Finding> findings, Severity s) {
    return (int) findings.stream().filter(f -> f.severity() == s).count();
  }
}
