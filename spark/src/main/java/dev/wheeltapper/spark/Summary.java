package dev.wheeltapper.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code summary} table, rewritten after each run from the whole {@code wheels} and {@code findings} tables (rows
 * of this tool version, one per path and SHA-256): one row per {@code section} and {@code key} with the number of
 * {@code wheels} and their {@code share} of the section's base.
 *
 * <ul>
 *   <li>{@code total}: {@code wheels}, and {@code native} (wheels with at least one native binary of known language);
 *   <li>{@code verdict}: {@code pass}, {@code fail}; share of all wheels;
 *   <li>{@code code}: each finding code, the wheels with it; share of all wheels;
 *   <li>{@code language}: each language, the native wheels using it; share of native wheels ("how much of the native
 *       code on an index is Rust?");
 *   <li>{@code memorySafe}: {@code yes}, {@code mixed}, {@code no}, {@code unknown} among native wheels; share of
 *       native wheels.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class Summary {
  private Summary() {}

  static void write(SparkSession spark, String output, String version) {
    Dataset<Row> wheels = spark.read().parquet(new Path(output, "wheels").toString())
        .filter(col("toolVersion").equalTo(lit(version)))
        .dropDuplicates("path", "sha256");
    Dataset<Row> findings = spark.read().parquet(new Path(output, "findings").toString())
        .filter(col("toolVersion").equalTo(lit(version)));
    long all = wheels.count();
    Dataset<Row> nativeWheels = wheels.filter(size(col("languages")).gt(0));
    long nat = nativeWheels.count();

    Dataset<Row> total = spark.createDataFrame(java.util.List.of(
        org.apache.spark.sql.RowFactory.create("total", "wheels", all),
        org.apache.spark.sql.RowFactory.create("total", "native", nat)), Summary.schema())
        .withColumn("share", lit(null).cast("double"));
    Dataset<Row> verdicts = section(wheels.groupBy(col("verdict").as("key")).agg(count(lit(1)).as("wheels")),
        "verdict", all);
    Dataset<Row> codes = section(findings.groupBy(col("code").as("key"))
        .agg(countDistinct(col("wheelPath"), col("sha256")).as("wheels")), "code", all);
    Dataset<Row> languages = section(nativeWheels.select(explode(col("languages")).as("key"))
        .groupBy("key").agg(count(lit(1)).as("wheels")), "language", nat);
    Dataset<Row> safety = section(nativeWheels.groupBy(col("memorySafe").as("key"))
        .agg(count(lit(1)).as("wheels")), "memorySafe", nat);
    Dataset<Row> summary = total.unionByName(verdicts).unionByName(codes).unionByName(languages)
        .unionByName(safety).coalesce(1).orderBy("section", "key");
    summary.write().mode(SaveMode.Overwrite).parquet(new Path(output, "summary").toString());
    summary.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false")
        .json(new Path(output, "summary.jsonl").toString());
  }

  private static org.apache.spark.sql.types.StructType schema() {
    return new org.apache.spark.sql.types.StructType()
        .add("section", "string", false)
        .add("key", "string", false)
        .add("wheels", "long", false);
  }

  private static Dataset<Row> section(Dataset<Row> keyed, String section, long base) {
    return keyed.select(lit(section).as("section"), col("key"), col("wheels"),
        (base == 0 ? lit(null).cast("double") : round(col("wheels").divide(lit(base)), 6)).as("share"));
  }
}
