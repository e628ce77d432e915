package dev.wheeltapper.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A part of the HTML report that is written before it is complete (the rows of an overview table, the sections of the
 * wheels) while the overview above it is still being counted: kept in memory up to {@value #IN_MEMORY} characters,
 * then moved to a temporary file (owner-only, deleted on {@link #close()}), so a run of thousands of wheels holds only
 * the overview's small aggregates in memory.
 *
 * <p>Not thread-safe: one report writer appends from one thread.
 */
final class HtmlSpill implements Closeable {
  /** Characters kept in memory before the part moves to a file. */
  static final int IN_MEMORY = 256 * 1024;

  private final StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer fileOut;
  private long length;

  /** Appends a piece of HTML. */
  HtmlSpill append(CharSequence s) throws IOException {
    length += s.length();
    if (fileOut == null && memory.length() + s.length() <= IN_MEMORY) {
      memory.append(s);
      return this;
    }
    if (fileOut == null) {
      file = Files.createTempFile("wheeltapper-report", ".html.part");
      file.toFile().deleteOnExit(); // a run that fails before close() still leaves nothing at exit
      fileOut = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      fileOut.append(memory);
      memory.setLength(0);
      memory.trimToSize();
    }
    fileOut.append(s);
    return this;
  }

  /** Whether nothing was appended. */
  boolean isEmpty() {
    return length == 0;
  }

  /** Whether the part went to a temporary file. */
  boolean spilled() {
    return file != null;
  }

  /** The temporary file, once the part went there. */
  Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Copies the part to {@code out}; the part stays readable until {@link #close()}. */
  void writeTo(Writer out) throws IOException {
    if (fileOut == null) {
      out.append(memory);
      return;
    }
    fileOut.flush();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
  }

  @Override
  public void close() throws IOException {
    memory.setLength(0);
    if (fileOut != null) {
      try {
        fileOut.close();
      } finally {
        Files.deleteIfExists(file);
        fileOut = null;
      }
    }
  }
}
