/**
 * The wheel audit as an Apache Spark job ({@link dev.wheeltapper.spark.AuditJob}): a {@link
 * dev.wheeltapper.spark.WheelListing} of locations in, the {@code wheels}, {@code findings} and {@code summary} tables
 * out (Parquet and JSON lines, {@code docs/spark.md}), each wheel read on its executor through Hadoop's {@code
 * FileSystem} as a {@link dev.wheeltapper.spark.HadoopChannel}. Above the command line: its rows are the command
 * line's {@code ArtifactReport}s.
 */
package dev.wheeltapper.spark;
