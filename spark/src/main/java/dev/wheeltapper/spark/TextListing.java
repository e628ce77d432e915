package dev.wheeltapper.spark;

import java.util.Objects;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * A listing read from a text file on any Hadoop file system: one wheel location a line, surrounding blanks ignored,
 * empty lines and lines starting with {@code #} skipped, duplicates dropped.
 *
 * <pre>{@code
 * Dataset<String> locations = new TextListing("s3a://bucket/listing.txt").locations(spark);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the listing's location (a file, or a folder of text files, as {@code spark.read().textFile} takes)
 */
public record TextListing(String file) implements WheelListing {
  private static final long serialVersionUID = 1L;

  /** Rejects null. */
  public TextListing {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public Dataset<String> locations(SparkSession spark) {
    return spark.read().textFile(file)
        .map((MapFunction<String, String>) String::strip, Encoders.STRING())
        .filter((FilterFunction<String>) l -> !l.isEmpty() && !l.startsWith("#"))
        .distinct();
  }
}
