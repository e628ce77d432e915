package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Oracles.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fixtures for the evidence channels of the OpenSSF guide profile (issue 22: DWARF producers, compressed debug
 * sections, {@code .GCC.command.line}, {@code .annobin.notes}, entry markers, stack-clash probes), built from
 * {@code src/test/resources/evidence} with gcc, g++, clang-16 and the AArch64 cross gcc by the recipes below, and
 * committed prebuilt under {@code src/test/prebuilt/evidence} (see {@link Prebuilt}): a plain machine has none of
 * these compilers. {@code FixtureRecipesTest} rebuilds and compares them.
 */
public final class EvidenceFixtures {
  private EvidenceFixtures() {}

  /** The fixtures and how they are built. */
  public enum Fixture {
    /** GCC 12, DWARF 5 ({@code .debug_line_str}), the guide's code-generation flags recorded in the producer. */
    GCC_DWARF5("gcc-dwarf5.so", "gcc", "evidence.c", "-shared", "-fPIC", "-g", "-O2", "-fstack-clash-protection",
        "-fstack-protector-strong", "-fcf-protection=full", "-D_FORTIFY_SOURCE=2"),
    /** GCC 12, DWARF 4, debug sections zlib-compressed ({@code SHF_COMPRESSED}), no probes, no IBT. */
    GCC_DWARF4_ZLIB("gcc-dwarf4-zlib.so", "gcc", "evidence.c", "-shared", "-fPIC", "-gdwarf-4", "-gz=zlib", "-O2",
        "-fno-stack-clash-protection", "-fcf-protection=none"),
    /** GCC 12, the legacy GNU compression: {@code .zdebug_*} sections with a {@code "ZLIB"} header. */
    GCC_ZDEBUG("gcc-zdebug.so", "gcc", "evidence.c", "-shared", "-fPIC", "-g", "-gz=zlib-gnu", "-O2"),
    /** GCC 12, {@code -frecord-gcc-switches} without {@code -g}, stripped: {@code .GCC.command.line} survives. */
    GCC_SWITCHES("gcc-switches.so", "gcc", "evidence.c", "-shared", "-fPIC", "-O2", "-frecord-gcc-switches",
        "-fstack-clash-protection", "-s"),
    /** annobin's string notes ({@code .annobin.notes}), written as the plugin writes them. */
    GCC_ANNOBIN("gcc-annobin.so", "gcc", "annobin.c", "-shared", "-fPIC", "-O2"),
    /** g++ 12 with {@code -D_GLIBCXX_ASSERTIONS}: a C++ unit and {@code std::__glibcxx_assert_fail}. */
    GXX_ASSERTIONS("gxx-assertions.so", "g++", "evidence.cpp", "-shared", "-fPIC", "-g", "-O2",
        "-D_GLIBCXX_ASSERTIONS"),
    /** Clang 16, DWARF 5 ({@code DW_FORM_strx1}, {@code .debug_str_offsets}), the whole command line recorded. */
    CLANG_DWARF5("clang-dwarf5.so", "clang-16", "evidence.c", "-shared", "-fPIC", "-g", "-grecord-command-line",
        "-O2", "-fstack-clash-protection", "-fcf-protection=full", "-D_FORTIFY_SOURCE=3"),
    /** Clang 16, DWARF 4, zlib-compressed debug sections, no probes. */
    CLANG_DWARF4_ZLIB("clang-dwarf4-zlib.so", "clang-16", "evidence.c", "-shared", "-fPIC", "-gdwarf-4", "-gz=zlib",
        "-O2"),
    /** Clang 16, zstd-compressed debug sections ({@code ELFCOMPRESS_ZSTD}), {@code -frecord-command-line}. */
    CLANG_ZSTD("clang-zstd.so", "clang-16", "evidence.c", "-shared", "-fPIC", "-g", "-gz=zstd", "-O2",
        "-frecord-command-line"),
    /** AArch64 GCC 12, {@code -mbranch-protection=standard} (BTI, PAC) and stack-clash probes. */
    AARCH64_STANDARD("aarch64-standard.so", "aarch64-linux-gnu-gcc", "evidence.c", "-shared", "-fPIC", "-g", "-O2",
        "-mbranch-protection=standard", "-fstack-clash-protection"),
    /** AArch64 GCC 12 without branch protection or probes. */
    AARCH64_NONE("aarch64-none.so", "aarch64-linux-gnu-gcc", "evidence.c", "-shared", "-fPIC", "-O2",
        "-mbranch-protection=none", "-fno-stack-clash-protection");

    private final String output;
    private final String tool;
    private final String source;
    private final List<String> flags;

    Fixture(String output, String tool, String source, String... flags) {
      this.output = output;
      this.tool = tool;
      this.source = source;
      this.flags = List.of(flags);
    }

    /**
     * The file name of the built binary.
     *
     * @return for example {@code gcc-dwarf5.so}
     */
    public String output() {
      return output;
    }

    /**
     * The compiler flags.
     *
     * @return the flags
     */
    public List<String> flags() {
      return flags;
    }

    /**
     * The oracles the recipe needs.
     *
     * @return the compilers (and readelf)
     */
    public Oracle[] needs() {
      return switch (tool) {
        case "g++" -> new Oracle[] {Oracle.GXX};
        case "clang-16" -> new Oracle[] {Oracle.CLANG_16};
        case "aarch64-linux-gnu-gcc" -> new Oracle[] {Oracle.GCC_AARCH64};
        default -> new Oracle[] {Oracle.GCC};
      };
    }
  }

  /**
   * The fixture as committed, prebuilt.
   *
   * @param f which
   * @return {@code src/test/prebuilt/evidence/<output>}
   */
  public static Path get(Fixture f) {
    return Prebuilt.path("evidence", f.output);
  }

  /**
   * Builds a fixture from its recipe: {@code tool src/<source> -ffile-prefix-map=<dir>=/build flags -o <output>} in
   * the build folder ({@code -fdebug-compilation-dir=/build} for Clang), so that no build path reaches the binary.
   *
   * @param f which
   * @param dir the build folder (the source is copied into it)
   * @return the path of the built binary
   */
  public static synchronized Path build(Fixture f, Path dir) {
    try (InputStream in = EvidenceFixtures.class.getResourceAsStream("/evidence/" + f.source)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource evidence/" + f.source);
      }
      Files.createDirectories(dir.resolve("src"));
      Files.copy(in, dir.resolve("src").resolve(f.source), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(f.tool);
    cmd.add("src/" + f.source);
    // Clang records its whole command line (-grecord-command-line, -frecord-command-line): a prefix map would put
    // the build folder there, so Clang gets a fixed compilation directory instead (sources are named relatively)
    cmd.add(f.tool.startsWith("clang") ? "-fdebug-compilation-dir=/build" : "-ffile-prefix-map=" + dir + "=/build");
    cmd.addAll(f.flags);
    cmd.add("-o");
    cmd.add(f.output);
    HardeningFixtures.run(cmd, dir, Map.of());
    return dir.resolve(f.output);
  }
}
