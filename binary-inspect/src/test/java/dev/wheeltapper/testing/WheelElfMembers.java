package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The ELF members of the corpus wheels, extracted once into {@code target/wheel-elf} for tools that need files. */
public final class WheelElfMembers {
  private WheelElfMembers() {}

  /**
   * One extracted member.
   *
   * @param wheel the wheel's path relative to {@code corpus/wheels}
   * @param entry the entry path inside the wheel
   * @param file the extracted file
   */
  public record Member(String wheel, String entry, Path file) {}

  private static List<Member> cache;

  /**
   * Every ELF member of every corpus wheel.
   *
   * @return the members, sorted by wheel and entry
   */
  public static synchronized List<Member> all() {
    if (cache != null) {
      return cache;
    }
    Path root = Corpus.corpus("wheels");
    Path out = Paths.get("target", "wheel-elf").toAbsolutePath();
    List<Member> members = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path w : s.filter(p -> p.toString().endsWith(".whl")).sorted().collect(Collectors.toList())) {
        String rel = root.relativize(w).toString();
        try (ZipFile z = new ZipFile(w.toFile())) {
          for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
            ZipEntry ze = e.nextElement();
            if (ze.isDirectory() || ze.getName().contains("..")) {
              continue;
            }
            byte[] head;
            try (InputStream in = z.getInputStream(ze)) {
              head = in.readNBytes(4);
            }
            if (head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
              Path target = out.resolve(rel).resolve(ze.getName()).normalize();
              Files.createDirectories(target.getParent());
              try (InputStream in = z.getInputStream(ze)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
              }
              members.add(new Member(rel, ze.getName(), target));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cache = Collections.unmodifiableList(members);
    return cache;
  }
}
