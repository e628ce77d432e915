package dev.wheeltapper.cli;

import dev.wheeltapper.bytes.NativeFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves the command line's PATH arguments into the artifacts to process, walking directories. */
final class Targets {
  /** What a directory walk collects. */
  enum Kind {
    /** Every {@code *.whl}. */
    WHEELS,
    /** Every wheel and every native binary, recognised by magic number. */
    WHEELS_AND_BINARIES
  }

  /** Directory walks stop here: a bound on hostile or accidental trees. */
  static final int MAX_FILES = 1_000_000;

  /**
   * One artifact to process.
   *
   * @param file the file
   * @param display the path as given, or as found under a directory
   */
  record Target(Path file, String display) {}

  private Targets() {}

  static List<Target> resolve(List<String> args, Kind kind) throws UsageException {
    List<Target> out = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (!Files.exists(p)) {
        throw new UsageException("no such file or directory: " + arg);
      }
      if (Files.isDirectory(p)) {
        int before = out.size();
        walk(p, arg, kind, out);
        if (out.size() == before) {
          throw new UsageException(
              "no " + (kind == Kind.WHEELS ? "wheels" : "wheels or native binaries") + " found under " + arg);
        }
      } else {
        if (!Files.isReadable(p)) {
          throw new UsageException("cannot read " + arg);
        }
        out.add(new Target(p, arg));
      }
    }
    return out;
  }

  private static void walk(Path dir, String arg, Kind kind, List<Target> out) throws UsageException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = s.filter(Files::isRegularFile).limit(MAX_FILES).sorted().toList();
      for (Path f : files) {
        if (matches(f, kind)) {
          String rel = dir.relativize(f).toString();
          String display = arg.endsWith("/") ? arg + rel : arg + "/" + rel;
          out.add(new Target(f, display));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UsageException("cannot walk " + arg + ": " + e.getMessage());
    }
  }

  private static boolean matches(Path f, Kind kind) {
    if (f.getFileName().toString().endsWith(".whl")) {
      return true;
    }
    return kind == Kind.WHEELS_AND_BINARIES && isNative(f);
  }

  static boolean isNative(Path f) {
    byte[] head = new byte[NativeFormat.PROBE_LENGTH];
    try (InputStream in = Files.newInputStream(f)) {
      int n = in.readNBytes(head, 0, head.length);
      return NativeFormat.detect(head, n).isNative();
    } catch (IOException e) {
      return false;
    }
  }
}
