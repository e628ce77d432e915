package dev.wheeltapper.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The incremental check's executor side: each location's length and modification time from its file system (one
 * metadata call, no byte read), {@code -1} for both when it cannot be stated (such a wheel is never skipped).
 * Serializable like {@link WheelAuditor}; each task uses its own copy.
 */
final class FileStatter implements MapPartitionsFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  /** Location, length, modification time. */
  static final StructType OUT = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("size", DataTypes.LongType, false)
      .add("modified", DataTypes.LongType, false);

  private final Map<String, String> hadoopConf = new HashMap<>();

  FileStatter(Configuration conf) {
    conf.forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        String location = rows.next().getString(0);
        try {
          Path p = new Path(location);
          FileStatus s = p.getFileSystem(conf).getFileStatus(p);
          return RowFactory.create(location, s.getLen(), s.getModificationTime());
        } catch (IOException | RuntimeException e) {
          return RowFactory.create(location, -1L, -1L);
        }
      }
    };
  }
}
