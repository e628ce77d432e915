package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The PE and Mach-O members of the corpus wheels, read into memory (they are small). */
public final class NativeMembers {
  private NativeMembers() {}

  /**
   * One member.
   *
   * @param wheel the wheel's path relative to {@code corpus/wheels}
   * @param entry the entry path inside the wheel
   * @param bytes its content
   */
  public record Member(String wheel, String entry, byte[] bytes) {
    /**
     * A copy of the content, so that a test mutating it leaves the cache intact.
     *
     * @return the bytes
     */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return wheel + "!" + entry;
    }
  }

  private static List<Member> pe;
  private static List<Member> macho;

  /**
   * Every PE member ({@code MZ} with a {@code PE\0\0} signature).
   *
   * @return the members, sorted by wheel and entry
   */
  public static synchronized List<Member> pe() {
    if (pe == null) {
      load();
    }
    return pe;
  }

  /**
   * Every Mach-O member (thin or fat magic).
   *
   * @return the members, sorted by wheel and entry
   */
  public static synchronized List<Member> macho() {
    if (macho == null) {
      load();
    }
    return macho;
  }

  private static void load() {
    Path root = Corpus.corpus("wheels");
    List<Member> p = new ArrayList<>();
    List<Member> m = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path w : s.filter(x -> x.toString().endsWith(".whl")).sorted().collect(Collectors.toList())) {
        String rel = root.relativize(w).toString();
        try (ZipFile z = new ZipFile(w.toFile())) {
          for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
            ZipEntry ze = e.nextElement();
            if (ze.isDirectory()) {
              continue;
            }
            byte[] head;
            try (InputStream in = z.getInputStream(ze)) {
              head = in.readNBytes(4);
            }
            if (head.length < 4) {
              continue;
            }
            int be = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            boolean isPe = head[0] == 'M' && head[1] == 'Z';
            boolean isMacho = be == 0xcafebabe || be == 0xcffaedfe || be == 0xcefaedfe || be == 0xfeedfacf
                || be == 0xfeedface;
            if (isPe || isMacho) {
              byte[] all;
              try (InputStream in = z.getInputStream(ze)) {
                all = in.readAllBytes();
              }
              (isPe ? p : m).add(new Member(rel, ze.getName(), all));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pe = Collections.unmodifiableList(p);
    macho = Collections.unmodifiableList(m);
  }
}
