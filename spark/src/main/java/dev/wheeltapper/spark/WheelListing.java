package dev.wheeltapper.spark;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Where the job's wheels are: a source of wheel locations, each a Hadoop path or URI ({@code hdfs://},
 * {@code s3a://}, {@code file:}, or a plain path on the default file system), optionally followed by
 * {@code #sha256=<hex>} as PEP 503 links carry it (then a wheel already audited under that hash is skipped without
 * reading it). Only locations travel to the executors, never file contents.
 *
 * <p>{@link TextListing} reads a text file of locations, one a line. A simple-repository index (PEP 503/691) plugs in
 * as another implementation that returns its files' URLs with their {@code #sha256=} fragments.
 *
 * <pre>{@code
 * WheelListing listing = new TextListing("hdfs:///audits/wheels.txt");
 * Dataset<String> locations = listing.locations(spark);
 * }</pre>
 *
 * <p>Implementations are serializable and immutable, so thread-safe.
 */
@FunctionalInterface
public interface WheelListing extends Serializable {
  /**
   * The locations to audit: one a row, without blanks or duplicates.
   *
   * @param spark the session
   * @return the locations
   */
  Dataset<String> locations(SparkSession spark);
}
