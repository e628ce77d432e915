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
 * The OpenSSF guide fixtures: C and C++ "extension modules" built from {@code src/test/resources/guide} with each of
 * the guide's options on and off, by gcc 12, g++, clang 16 and the AArch64 cross gcc, committed prebuilt under
 * {@code src/test/prebuilt/guide} (see {@link Prebuilt}) and rebuilt by {@link FixtureRecipesTest}. Each unit is
 * compiled on its own ({@code -c}, build folder mapped to {@code /build}), then linked: so one fixture can hold units
 * built with different switches.
 */
public final class GuideFixtures {
  private GuideFixtures() {}

  /** The guide's TL;DR compiler switches gcc 12 has (no {@code -fstrict-flex-arrays}: GCC 13). */
  private static final List<String> TLDR_GCC = List.of("-O2", "-Wall", "-Wformat", "-Wformat=2", "-Wconversion",
      "-Wimplicit-fallthrough", "-Werror=format-security", "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=3",
      "-fstack-clash-protection", "-fstack-protector-strong", "-fcf-protection=full",
      "-fno-delete-null-pointer-checks", "-fno-strict-overflow", "-fno-strict-aliasing",
      "-ftrivial-auto-var-init=zero", "-fexceptions", "-fPIC");
  /** The guide's TL;DR linker switches, without {@code -z nodlopen} (wrong for an extension). */
  private static final List<String> TLDR_LINK = List.of("-shared", "-Wl,-z,noexecstack", "-Wl,-z,relro",
      "-Wl,-z,now", "-Wl,--as-needed", "-Wl,--no-copy-dt-needed-entries");
  /** Everything off that can be. */
  private static final List<String> OFF_GCC = List.of("-O2", "-fPIC", "-fno-stack-protector", "-U_FORTIFY_SOURCE",
      "-fcf-protection=none", "-fno-stack-clash-protection");

  /**
   * One compilation unit: its source and switches.
   *
   * @param source the file under {@code src/test/resources/guide}
   * @param flags the compiler switches
   */
  public record Unit(String source, List<String> flags) {}

  /** The fixtures and how they are built. */
  public enum Fixture {
    /** gcc 12, the TL;DR set, {@code -g}: every {@code -f} switch in DW_AT_producer. */
    GCC_TLDR_G("gcc-tldr-g.so", "gcc", TLDR_LINK, new Unit("guidemod.c", plus(TLDR_GCC, "-g"))),
    /** gcc 12, the TL;DR set, {@code -frecord-gcc-switches}, stripped: .GCC.command.line survives. */
    GCC_TLDR_RECORD("gcc-tldr-record.so", "gcc", plus(TLDR_LINK, "-s"),
        new Unit("guidemod.c", plus(TLDR_GCC, "-frecord-gcc-switches"))),
    /** gcc 12, the TL;DR set, stripped: only what the code and structure show. */
    GCC_TLDR_STRIPPED("gcc-tldr-stripped.so", "gcc", plus(TLDR_LINK, "-s"), new Unit("guidemod.c", TLDR_GCC)),
    /** gcc 12, everything off, with {@code -g}: lazy binding, no RELRO, executable stack, an unused libm. */
    GCC_OFF_G("gcc-off-g.so", "gcc", List.of("-shared", "-Wl,-z,norelro", "-Wl,-z,lazy", "-Wl,-z,execstack",
        "-Wl,--no-as-needed", "-lm"), new Unit("guidemod.c", plus(OFF_GCC, "-g"))),
    /** FORTIFY level 1: {@code __strcpy_chk} but a plain {@code sprintf}. */
    GCC_FORTIFY1("gcc-fortify1.so", "gcc", List.of("-shared", "-s"),
        new Unit("guidemod.c", List.of("-O2", "-fPIC", "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=1"))),
    /** FORTIFY level 2: {@code __sprintf_chk}, {@code __strcpy_chk}, a plain {@code memcpy} of a run-time size. */
    GCC_FORTIFY2("gcc-fortify2.so", "gcc", List.of("-shared", "-s"),
        new Unit("guidemod.c", List.of("-O2", "-fPIC", "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=2"))),
    /** {@code -Wl,-z,nodlopen}: glibc refuses to dlopen it. */
    GCC_NODLOPEN("gcc-nodlopen.so", "gcc", List.of("-shared", "-Wl,-z,nodlopen", "-Wl,-z,relro,-z,now"),
        new Unit("guidemod.c", List.of("-O2", "-fPIC"))),
    /** Partial RELRO and {@code -fwrapv} (CPython 3.11's flags): partly met. */
    GCC_LAZY_WRAPV_G("gcc-lazy-wrapv-g.so", "gcc", List.of("-shared", "-Wl,-z,relro", "-Wl,-z,lazy"),
        new Unit("guidemod.c", List.of("-O2", "-fPIC", "-g", "-fwrapv", "-fstack-protector"))),
    /** Two units, one with the TL;DR switches and one without: the units disagree. */
    GCC_MIXED_G("gcc-mixed-g.so", "gcc", TLDR_LINK, new Unit("guidemod.c", plus(TLDR_GCC, "-g")),
        new Unit("guidemix.c", plus(OFF_GCC, "-g"))),
    /** g++ with {@code -D_GLIBCXX_ASSERTIONS}: calls {@code std::__glibcxx_assert_fail}. */
    GXX_ASSERTIONS("gxx-assertions.so", "g++", List.of("-shared", "-Wl,-z,relro,-z,now"),
        new Unit("guidexx.cpp", List.of("-O2", "-fPIC", "-D_GLIBCXX_ASSERTIONS"))),
    /** g++ without it. */
    GXX_PLAIN("gxx-plain.so", "g++", List.of("-shared", "-Wl,-z,relro,-z,now"),
        new Unit("guidexx.cpp", List.of("-O2", "-fPIC"))),
    /** clang 16, the TL;DR set and {@code -fstrict-flex-arrays=3}, its whole command line recorded. */
    CLANG_TLDR_RECORD("clang-tldr-record.so", "clang-16", plus(TLDR_LINK, "-frecord-command-line"),
        new Unit("guidemod.c", plus(TLDR_GCC, "-fstrict-flex-arrays=3", "-frecord-command-line"))),
    /** clang 16, compiled and linked in one step: the recorded command line holds the -Wl options too. */
    CLANG_ONE_STEP_RECORD("clang-one-step-record.so", "clang-16", List.of(), new Unit("guidemod.c",
        plus(plus(TLDR_GCC, "-fstrict-flex-arrays=3", "-frecord-command-line"), TLDR_LINK.toArray(new String[0])))),
    /** clang 16, one step, everything off, its whole command line recorded: not met, read from the switches. */
    CLANG_OFF_RECORD("clang-off-record.so", "clang-16", List.of(), new Unit("guidemod.c", List.of("-O2", "-fPIC",
        "-shared", "-frecord-command-line", "-fno-stack-protector", "-fcf-protection=none", "-Wl,-z,lazy"))),
    /** clang 16 with {@code -g}: a producer naming only the compiler. */
    CLANG_PLAIN_G("clang-plain-g.so", "clang-16", List.of("-shared"),
        new Unit("guidemod.c", List.of("-O2", "-fPIC", "-g"))),
    /** AArch64, {@code -mbranch-protection=standard}, {@code -g}. */
    AARCH64_BP_G("aarch64-bp-g.so", "aarch64-linux-gnu-gcc", TLDR_LINK, new Unit("guidemod.c",
        List.of("-O2", "-fPIC", "-g", "-mbranch-protection=standard", "-fstack-protector-strong"))),
    /** AArch64 without branch protection, stripped. */
    AARCH64_OFF("aarch64-off.so", "aarch64-linux-gnu-gcc", List.of("-shared", "-s"),
        new Unit("guidemod.c", List.of("-O2", "-fPIC", "-mbranch-protection=none")));

    private final String output;
    private final String tool;
    private final List<String> linkFlags;
    private final List<Unit> units;

    Fixture(String output, String tool, List<String> linkFlags, Unit... units) {
      this.output = output;
      this.tool = tool;
      this.linkFlags = List.copyOf(linkFlags);
      this.units = List.of(units);
    }

    /**
     * The file name of the built binary.
     *
     * @return for example {@code gcc-tldr-g.so}
     */
    public String output() {
      return output;
    }

    /**
     * The oracle the recipe needs.
     *
     * @return gcc, g++, clang 16 or the AArch64 cross gcc
     */
    public Oracle oracle() {
      return switch (tool) {
        case "g++" -> Oracle.GXX;
        case "clang-16" -> Oracle.CLANG_16;
        case "aarch64-linux-gnu-gcc" -> Oracle.GCC_AARCH64;
        default -> Oracle.GCC;
      };
    }
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return List.copyOf(out);
  }

  /**
   * The fixture as committed, prebuilt.
   *
   * @param f which
   * @return {@code src/test/prebuilt/guide/<output>}
   */
  public static Path get(Fixture f) {
    return Prebuilt.path("guide", f.output);
  }

  /**
   * Builds a fixture from its recipe with the machine's toolchain.
   *
   * @param f which
   * @param dir the build folder (sources are copied into it)
   * @return the path of the built binary
   */
  public static synchronized Path build(Fixture f, Path dir) {
    Path work = dir.resolve(f.name().toLowerCase(java.util.Locale.ROOT));
    if (f.linkFlags.isEmpty()) {
      // one step: compile and link together, so a recorded command line holds both
      Unit u = f.units.get(0);
      copy(u.source(), work.resolve("src"));
      List<String> cmd = new ArrayList<>(List.of(f.tool, "src/" + u.source()));
      cmd.addAll(u.flags());
      cmd.addAll(List.of("-o", f.output));
      HardeningFixtures.run(cmd, work, Map.of());
      return work.resolve(f.output);
    }
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < f.units.size(); i++) {
      Unit u = f.units.get(i);
      copy(u.source(), work.resolve("src"));
      String object = "unit" + i + ".o";
      List<String> cmd = new ArrayList<>();
      cmd.add(f.tool);
      cmd.add("-c");
      cmd.add("src/" + u.source()); // relative, and the folder mapped away: no build path in the binary
      if (!u.flags().contains("-frecord-command-line")) {
        // Clang records its whole command line: the map itself would put the build path in the binary
        cmd.add("-ffile-prefix-map=" + work + "=/build");
      }
      cmd.addAll(u.flags());
      cmd.add("-o");
      cmd.add(object);
      HardeningFixtures.run(cmd, work, Map.of());
      objects.add(object);
    }
    List<String> link = new ArrayList<>();
    link.add(f.tool);
    link.addAll(objects);
    link.addAll(f.linkFlags);
    link.add("-o");
    link.add(f.output);
    HardeningFixtures.run(link, work, Map.of());
    return work.resolve(f.output);
  }

  private static void copy(String name, Path into) {
    try (InputStream in = GuideFixtures.class.getResourceAsStream("/guide/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource guide/" + name);
      }
      Files.createDirectories(into);
      Files.copy(in, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
