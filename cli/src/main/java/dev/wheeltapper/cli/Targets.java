package dev.wheeltapper.cli;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Resolves the command line's PATH arguments into the artifacts to process, walking directories. */
final class Targets {
  /** What a directory walk collects. */
  enum Kind {
    /** Every {@code *.whl}. */
    WHEELS,
    /** Every wheel and every native binary, recognised by magic number. */
    WHEELS_AND_BINARIES
  }

  /** Directory walks stop here: a bound on hostile or accidental trees (the run keeps one small entry per file). */
  static final int MAX_FILES = 1_000_000;

  /**
   * One artifact to process.
   *
   * @param file the file
   * @param display the path as given, or as found under a directory
   */
  record Target(Path file, String display) {}

  /**
   * What the PATH arguments resolve to.
   *
   * @param targets the artifacts, in argument order, each directory's in path order; a PATH that does not exist or
   *     cannot be read is still one, reported as a finding on it when processed
   * @param findings findings about arguments that yield no artifact (an empty or unreadable directory)
   */
  record Resolved(List<Target> targets, List<Finding> findings) {
    Resolved {
      targets = List.copyOf(targets);
      findings = List.copyOf(findings);
    }
  }

  /** Directory entries that cannot be read are reported up to this many per run; the rest are counted. */
  private static final int MAX_WALK_FINDINGS = 100;

  private Targets() {}

  /**
   * Resolves the arguments, walking directories; nothing here ends the run (issue 20: a run reports what it can).
   *
   * @param args the PATH arguments
   * @param kind what a walk collects
   * @return the artifacts and the findings about arguments that yield none
   */
  static Resolved resolve(List<String> args, Kind kind) {
    List<Target> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        int before = out.size();
        walk(p, arg, kind, out, findings);
        if (out.size() == before) {
          findings.add(Finding.warning(Codes.INPUT_EMPTY, arg, "No "
              + (kind == Kind.WHEELS ? "wheels (*.whl)" : "wheels or native binaries") + " found under " + arg + "."));
        }
      } else {
        out.add(new Target(p, arg));
      }
    }
    return new Resolved(out, findings);
  }

  private static void walk(Path dir, String arg, Kind kind, List<Target> out, List<Finding> findings) {
    List<Path> files = new ArrayList<>();
    int[] failures = {0};
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
            files.add(file);
          }
          return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (failures[0]++ < MAX_WALK_FINDINGS) {
            findings.add(Finding.error(Codes.INPUT_UNREADABLE, display(dir, arg, file),
                "Cannot read " + display(dir, arg, file) + " while walking " + arg + ": " + reason(e) + "."));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      findings.add(Finding.error(Codes.INPUT_UNREADABLE, arg, "Cannot walk " + arg + ": " + reason(e) + "."));
    }
    if (failures[0] > MAX_WALK_FINDINGS) {
      findings.add(Finding.error(Codes.INPUT_UNREADABLE, arg, (failures[0] - MAX_WALK_FINDINGS)
          + " more unreadable entries under " + arg + " not listed."));
    }
    files.sort(null);
    for (Path f : files) {
      if (matches(f, kind)) {
        out.add(new Target(f, display(dir, arg, f)));
      }
    }
  }

  private static String display(Path dir, String arg, Path f) {
    String rel = dir.relativize(f).toString();
    return rel.isEmpty() ? arg : arg.endsWith("/") ? arg + rel : arg + "/" + rel;
  }

  /** An I/O error in words: the file system's reason without the exception's class name. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
