package dev.wheeltapper.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Native test binaries built from {@code src/test/resources/fixtures} by the recipes below, committed prebuilt under
 * {@code src/test/prebuilt/native} (see {@link Prebuilt}).
 */
public final class NativeFixtures {
  /** The fixtures, each a source and the compiler flags that give it its properties. */
  public enum Fixture {
    /** Shared object with the Debian hardening flags: canary, fortify, full RELRO, bind-now, CET instrumentation. */
    HARDENED_SO("gcc", "lib.c", "hardened.so",
        "-shared -fPIC -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wl,-z,relro,-z,now -fcf-protection"),
    /** Shared object without hardening: no canary, no fortify, no RELRO, lazy binding. */
    PLAIN_SO("gcc", "lib.c", "plain.so",
        "-shared -fPIC -O0 -fno-stack-protector -U_FORTIFY_SOURCE -fcf-protection=none -Wl,-z,norelro -Wl,-z,lazy"),
    /** Position-independent executable with full RELRO. */
    PIE("gcc", "main.c", "pie", "-O2 -fPIE -pie -fstack-protector-strong -Wl,-z,relro,-z,now"),
    /** Executable at a fixed address. */
    NO_PIE("gcc", "main.c", "nopie", "-O0 -fno-pie -no-pie"),
    /** Shared object whose PT_GNU_STACK asks for an executable stack. */
    EXECSTACK_SO("gcc", "lib.c", "execstack.so", "-shared -fPIC -Wl,-z,execstack"),
    /** Shared object with DT_RUNPATH {@code /opt/fixture/lib:$ORIGIN/../lib}. */
    RUNPATH_SO("gcc", "lib.c", "runpath.so", "-shared -fPIC -Wl,--enable-new-dtags,-rpath,/opt/fixture/lib:$ORIGIN/../lib"),
    /** Shared object with DT_RPATH {@code /opt/fixture/lib}. */
    RPATH_SO("gcc", "lib.c", "rpath.so", "-shared -fPIC -Wl,--disable-new-dtags,-rpath,/opt/fixture/lib"),
    /** Shared object defining FOO_1.0/FOO_2.0 and requiring memcpy@GLIBC_2.2.5 and pthread_create@GLIBC_2.34. */
    VERSIONED_SO("gcc", "versioned.c", "versioned.so", "-shared -fPIC -O2 -pthread -Wl,--version-script=@versioned.map"),
    /** 32-bit i386 shared object. */
    M32_SO("gcc", "lib.c", "m32.so", "-m32 -shared -fPIC -O2 -fstack-protector-strong -Wl,-z,relro,-z,now"),
    /** Shared object importing GLIBCXX_ and CXXABI_ versions from libstdc++ (built by gcc, no g++ needed). */
    CXX_SO("gcc", "cxxabi.c", "cxx.so", "-shared -fPIC -O2 -Wl,--no-as-needed -l:libstdc++.so.6"),
    /** Shared object without crt files, so the x86 IBT/SHSTK property note survives the link. */
    CET_NOSTDLIB_SO("gcc", "lib.c", "cet.so", "-shared -fPIC -O2 -nostdlib -fcf-protection=full"),
    /** Shared object with a {@code .note.package} JSON note and a Go build id note. */
    NOTES_SO("gcc", "notes.c", "notes.so", "-shared -fPIC"),
    /** Relocatable object file with a full symbol table and one section per function. */
    OBJECT("gcc", "lib.c", "lib.o", "-c -fPIC -O2 -ffunction-sections");

    final String compiler;
    final String source;
    final String output;
    final String flags;

    /**
     * Whether the recipe needs 32-bit multilib support.
     *
     * @return true for {@code -m32}
     */
    public boolean m32() {
      return flags.contains("-m32");
    }

    Fixture(String compiler, String source, String output, String flags) {
      this.compiler = compiler;
      this.source = source;
      this.output = output;
      this.flags = flags;
    }
  }

  private NativeFixtures() {}

  /**
   * The fixture as committed, prebuilt, under {@code src/test/prebuilt/native} (the plain machine lacks some of the
   * toolchains; {@code scripts/rebuild-fixtures.sh} rebuilds them all from the recipes above and
   * {@code FixtureRecipesTest} checks that a rebuild still gives the same analysis).
   *
   * @param f the fixture
   * @return the committed binary
   */
  public static Path get(Fixture f) {
    return Prebuilt.path("native", f.output);
  }

  /**
   * Builds a fixture from its recipe with the machine's gcc.
   *
   * @param f the fixture
   * @param outDir where to write it
   * @return the built binary
   */
  public static Path build(Fixture f, Path outDir) {
    try {
      Path srcDir = sourceDir();
      Path src = srcDir.resolve(f.source);
      Files.createDirectories(outDir);
      Path out = outDir.resolve(f.output);
      List<String> cmd = new ArrayList<>();
      cmd.add(f.compiler);
      for (String flag : f.flags.split(" ")) {
        cmd.add(flag.replace("@", srcDir.toString() + "/"));
      }
      cmd.addAll(Arrays.asList("-o", out.toString(), src.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("compiling fixture failed: " + cmd + "\n" + log);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path sourceDir() {
    URL url = NativeFixtures.class.getResource("/fixtures/lib.c");
    if (url == null) {
      throw new IllegalStateException("fixtures/lib.c not on the test class path");
    }
    try {
      return Paths.get(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs a tool and returns its standard output (standard error is discarded; readelf exits non-zero on warnings).
   *
   * @param cmd the command
   * @return the output
   */
  public static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + Arrays.toString(cmd));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
