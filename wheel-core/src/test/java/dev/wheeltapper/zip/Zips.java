package dev.wheeltapper.zip;

import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Test helpers: scan in-memory archives, and run the content pass over every readable entry. */
final class Zips {
  private Zips() {}

  static ZipScan scan(byte[] zip) {
    return scan(zip, ZipLimits.defaults());
  }

  static ZipScan scan(byte[] zip, ZipLimits limits) {
    try (SeekableByteChannel ch = new SeekableInMemoryByteChannel(zip)) {
      return new ZipScanner(limits).scan(ch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scan findings followed by content-pass findings of every readable, supported entry. */
  static List<Finding> verify(byte[] zip) {
    try (SeekableByteChannel ch = new SeekableInMemoryByteChannel(zip)) {
      return verify(ch, ZipLimits.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Finding> verify(Path path) {
    try (FileChannel ch = FileChannel.open(path)) {
      return verify(ch, ZipLimits.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Finding> verify(SeekableByteChannel ch, ZipLimits limits) throws IOException {
    ZipScan scan = new ZipScanner(limits).scan(ch);
    List<Finding> all = new ArrayList<>(scan.findings());
    try (EntryReader reader = new EntryReader(ch, limits)) {
      for (ScannedEntry e : scan.entries()) {
        if (e.readable() && !e.isEncrypted() && (e.method() == 0 || e.method() == 8)) {
          all.addAll(reader.read(e).findings());
        }
      }
    }
    return all;
  }

  static List<String> errorCodes(List<Finding> findings) {
    return findings.stream().filter(Finding::isError).map(Finding::code).distinct().toList();
  }
}
