package dev.wheeltapper.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hardening fixtures built from {@code src/test/resources/hardening} with gcc (some {@code -m32}) and cargo (PyO3,
 * offline against Debian's vendored crates) by the recipes below, committed prebuilt under
 * {@code src/test/prebuilt/hardening} (see {@link Prebuilt}): the plain machine lacks multilib and the vendored crates.
 */
public final class HardeningFixtures {
  private HardeningFixtures() {}

  /** The fixtures and how they are built. */
  public enum Fixture {
    /** Everything off: no canary, no FORTIFY, no RELRO, lazy binding, no CET. */
    NONE("none.so", "gcc", "lib.c", "-shared", "-fPIC", "-O0", "-fno-stack-protector", "-U_FORTIFY_SOURCE",
        "-fcf-protection=none", "-Wl,-z,norelro", "-Wl,-z,lazy"),
    /** The hardened set. */
    FULL("full.so", "gcc", "lib.c", "-shared", "-fPIC", "-fstack-protector-strong", "-D_FORTIFY_SOURCE=2", "-O2",
        "-Wl,-z,relro,-z,now", "-fcf-protection"),
    /** {@code -z execstack}. */
    EXECSTACK("execstack.so", "gcc", "lib.c", "-shared", "-fPIC", "-O0", "-fno-stack-protector",
        "-Wl,-z,relro,-z,lazy", "-Wl,-z,execstack"),
    /** An absolute DT_RPATH. */
    RPATH("rpath.so", "gcc", "lib.c", "-shared", "-fPIC", "-O0", "-fno-stack-protector", "-Wl,-z,relro,-z,lazy",
        "-Wl,-rpath,/abs/lib", "-Wl,--disable-new-dtags"),
    /** auditwheel's DT_RUNPATH {@code $ORIGIN/../pkg.libs}. */
    RUNPATH("runpath.so", "gcc", "lib.c", "-shared", "-fPIC", "-O0", "-fno-stack-protector", "-Wl,-z,relro,-z,lazy",
        "-Wl,-rpath,$ORIGIN/../pkg.libs", "-Wl,--enable-new-dtags"),
    /** A position-independent executable. */
    PIE("pie", "gcc", "main.c", "-fPIE", "-pie", "-O0", "-fno-stack-protector", "-Wl,-z,relro,-z,lazy"),
    /** A fixed-address executable. */
    NOPIE("nopie", "gcc", "main.c", "-fno-PIE", "-no-pie", "-O0", "-fno-stack-protector", "-Wl,-z,relro,-z,lazy"),
    /** No C runtime objects, so the x86 property note survives: IBT, SHSTK, ISA level v2. */
    CET("cet.so", "gcc", "nolibc.c", "-shared", "-fPIC", "-nostdlib", "-fcf-protection=full", "-Wl,-z,x86-64-v2",
        "-Wl,-z,relro,-z,now"),
    /** i386 code without {@code -fPIC}: DT_TEXTREL. */
    TEXTREL("textrel.so", "gcc", "textrel.c", "-m32", "-shared", "-fno-PIC", "-O0", "-Wl,-z,relro,-z,lazy"),
    /** {@code -N}: one read-write-execute PT_LOAD. */
    WX("wx.so", "gcc", "nolibc.c", "-shared", "-fPIC", "-nostdlib", "-Wl,-N"),
    /** A PT_GNU_STACK with a stack size ({@code p_memsz}) but no PF_X: checksec's NX false negative. */
    STACKSIZE("stacksize.so", "gcc", "lib.c", "-shared", "-fPIC", "-O0", "-fno-stack-protector",
        "-Wl,-z,relro,-z,lazy", "-Wl,-z,stack-size=0x800000"),
    /** With DWARF. */
    DEBUG("debug.so", "gcc", "lib.c", "-shared", "-fPIC", "-g", "-O0", "-fno-stack-protector"),
    /** Stripped at link time. */
    STRIPPED("stripped.so", "gcc", "lib.c", "-shared", "-fPIC", "-s", "-O2", "-fstack-protector-strong"),
    /** C calling the C++ runtime (libstdc++), built by gcc alone: CI has no g++. */
    CXX("cxx.so", "gcc", "cxxabi.c", "-shared", "-fPIC", "-O2", "-fstack-protector-strong", "-Wl,-z,relro,-z,now",
        "-Wl,--no-as-needed", "-l:libstdc++.so.6"),
    /** A PyO3 cdylib built offline with cargo. */
    RUST("libwt_rustext.so", "cargo", "rustext", "Cargo.toml", "src/lib.rs"),
    /** A PyO3 cdylib with a C file compiled in by its build script (as the cc crate does): Rust and real C. */
    RUST_MIXED("libwt_rustmixed.so", "cargo", "rustmixed", "Cargo.toml", "build.rs", "src/lib.rs", "src/helper.c");

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
     * The compiler flags, or for cargo the crate files.
     *
     * @return the flags
     */
    public List<String> flags() {
      return flags;
    }

    /**
     * Whether the recipe needs cargo and Debian's vendored pyo3.
     *
     * @return true for the Rust fixtures
     */
    public boolean rust() {
      return tool.equals("cargo");
    }

    /**
     * Whether the recipe needs 32-bit multilib support.
     *
     * @return true for {@code -m32}
     */
    public boolean m32() {
      return flags.contains("-m32");
    }

    /**
     * The file name of the built binary.
     *
     * @return for example {@code full.so}
     */
    public String output() {
      return output;
    }
  }

  /**
   * The fixture as committed, prebuilt.
   *
   * @param f which
   * @return {@code src/test/prebuilt/hardening/<output>}
   */
  public static Path get(Fixture f) {
    return Prebuilt.path("hardening", f.output);
  }

  /**
   * Builds a fixture from its recipe with the machine's toolchain.
   *
   * @param f which
   * @param dir the build folder (sources are copied into it)
   * @return the path of the built binary
   */
  public static synchronized Path build(Fixture f, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f.rust() ? buildRust(f, dir) : buildC(f, dir);
  }

  private static Path resource(String name, Path into) {
    try (InputStream in = HardeningFixtures.class.getResourceAsStream("/hardening/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource hardening/" + name);
      }
      Path out = into.resolve(name);
      Files.createDirectories(out.getParent());
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path buildC(Fixture f, Path dir) {
    resource(f.source, dir.resolve("src"));
    Path out = dir.resolve(f.output);
    List<String> cmd = new ArrayList<>();
    cmd.add(f.tool);
    cmd.add("src/" + f.source); // relative, and the folder mapped away: no build path in the binary
    cmd.add("-ffile-prefix-map=" + dir + "=/build");
    cmd.addAll(f.flags);
    cmd.add("-o");
    cmd.add(out.toString());
    run(cmd, dir, Map.of());
    return out;
  }

  private static Path buildRust(Fixture f, Path dir) {
    Path crate = dir.resolve(f.source);
    for (String file : f.flags) {
      resource(f.source + "/" + file, dir);
    }
    try {
      Files.createDirectories(crate.resolve(".cargo"));
      // Debian's vendored crates (pyo3 0.17.3) as the only registry, never the network
      Files.writeString(crate.resolve(".cargo/config.toml"), "[source.crates-io]\nreplace-with = \"debian\"\n\n"
          + "[source.debian]\ndirectory = \"/usr/share/cargo/registry\"\n\n[net]\noffline = true\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // one target directory for every crate: pyo3 is compiled once
    Path target = dir.resolve("cargo-target");
    // build paths must not leak into the binary: the same analysis, wherever it is rebuilt
    String remap = "--remap-path-prefix=" + dir + "=/build --remap-path-prefix=" + System.getProperty("user.home")
        + "=/home";
    run(List.of(cargo(), "build", "--release", "--quiet"), crate,
        Map.of("CARGO_TARGET_DIR", target.toString(), "PYO3_PYTHON", "python3", "RUSTFLAGS", remap));
    return target.resolve("release").resolve(f.output);
  }

  private static String cargo() {
    String env = System.getenv("CARGO");
    if (env != null && Files.isExecutable(Paths.get(env))) {
      return env;
    }
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(":")) {
        if (!d.isEmpty()) {
          candidates.add(Paths.get(d, "cargo"));
        }
      }
    }
    candidates.add(Paths.get(System.getProperty("user.home"), ".cargo", "bin", "cargo"));
    candidates.add(Paths.get("/root/.cargo/bin/cargo"));
    candidates.add(Paths.get("/usr/bin/cargo"));
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        return c.toString();
      }
    }
    throw new IllegalStateException("cargo not found on PATH, in ~/.cargo/bin or /usr/bin");
  }

  /**
   * Runs a command to completion, failing with its output when it fails.
   *
   * @param cmd the command
   * @param cwd the working directory
   * @param env extra environment
   * @return standard output and error together
   */
  public static String run(List<String> cmd, Path cwd, Map<String, String> env) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
      pb.environment().putAll(env);
      pb.environment().put("LC_ALL", "C");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + out);
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
