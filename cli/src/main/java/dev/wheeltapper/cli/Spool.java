package dev.wheeltapper.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text written to a temporary file now and copied into the report later: how a sink streams a part of its document
 * that must come after something only known at the end (SARIF's artifacts and results after its rules). Memory stays
 * one buffer; the disk holds the part. The file is deleted on {@link #close()}. Not thread-safe.
 */
final class Spool implements Closeable {
  private final Path file;
  private final Writer writer;
  private long written;

  private Spool(Path file) throws IOException {
    this.file = file;
    Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    this.writer = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        w.write(buf, off, len);
        written += len;
      }

      @Override
      public void flush() throws IOException {
        w.flush();
      }

      @Override
      public void close() throws IOException {
        w.close();
      }
    };
  }

  /** A new spool in the temporary-file directory. */
  static Spool create() throws IOException {
    Path f = Files.createTempFile("wheeltapper-", ".spool");
    f.toFile().deleteOnExit();
    return new Spool(f);
  }

  /** Where to write; counts the characters written. */
  Writer writer() {
    return writer;
  }

  /** How many characters were written so far: a position to {@link #copyTo} from. */
  long position() {
    return written;
  }

  /** Copies what was written from character {@code from} on into {@code out}. */
  void copyTo(Writer out, long from) throws IOException {
    writer.flush();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long skipped = in.skip(from);
      if (skipped != from) {
        throw new IOException("spool " + file + " is shorter than " + from + " characters");
      }
      in.transferTo(out);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
