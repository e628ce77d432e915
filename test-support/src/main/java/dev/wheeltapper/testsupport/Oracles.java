package dev.wheeltapper.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * The one gate for tests that need something outside the JDK: a reference tool to compare with (readelf, checksec,
 * hardening-check, gpg, openssl, Python's cryptography) or a toolchain to rebuild a committed fixture (gcc, gcc
 * {@code -m32}, cargo with Debian's vendored crates).
 *
 * <p>Where the oracle is missing the test is skipped with the oracle's name in the reason ({@value #REASON_PREFIX}
 * ...), and {@link OracleSkipReport} counts it. Where the environment variable {@value #REQUIRE_ENV} is {@code 1} (as
 * {@code .ci/run} sets it, after installing every oracle) a missing oracle fails the test instead, so CI always runs
 * all of them. No other test in the project may skip.
 *
 * <pre>{@code
 * Oracles.require(Oracle.READELF);          // first line of a test that compares with readelf
 * }</pre>
 *
 * <p>Thread-safe: each probe runs at most once per JVM.
 */
public final class Oracles {
  /** Environment variable under which a missing oracle fails the test. */
  public static final String REQUIRE_ENV = "WHEELTAPPER_REQUIRE_ORACLES";
  /** Start of every skip reason the gate gives. */
  public static final String REASON_PREFIX = "oracle missing: ";

  private static final Map<Oracle, String> PROBED = new ConcurrentHashMap<>();

  /** The external tools the tests may need, each with how its presence is probed. */
  public enum Oracle {
    /** GNU readelf (binutils). */
    READELF("readelf", "binutils", "readelf", "--version"),
    /** GNU objdump (binutils). */
    OBJDUMP("objdump", "binutils", "objdump", "--version"),
    /** checksec (the shell script). */
    CHECKSEC("checksec", "checksec", "checksec", "--version"),
    /** hardening-check (devscripts). */
    HARDENING_CHECK("hardening-check", "devscripts", "sh", "-c",
        // exit 1 only means "some check failed" on /bin/sh; a missing tool must fail the probe
        "command -v hardening-check >/dev/null || exit 127; hardening-check --quiet /bin/sh; test $? -le 1"),
    /** GnuPG. */
    GPG("gpg", "gnupg", "gpg", "--version"),
    /** OpenSSL's command line. */
    OPENSSL("openssl", "openssl", "openssl", "version"),
    /** Python 3, whose ctypes lets glibc's own loader judge a library ({@code dlopen}). */
    PYTHON3("python3", "python3", "python3", "-c", "import ctypes"),
    /** Python 3 with the cryptography package. */
    PYTHON_CRYPTOGRAPHY("python3 with cryptography", "python3-cryptography", "python3", "-c", "import cryptography"),
    /** The system C compiler, for fixtures written inline by a test. */
    GCC("gcc", "gcc", "gcc", "--version"),
    /** The system C++ compiler, for the C++ evidence and guide fixtures. */
    GXX("g++", "g++", "g++", "--version"),
    /** Clang 16, for the Clang evidence fixtures (DWARF 5 string offsets, recorded command lines, zstd sections). */
    CLANG_16("clang-16", "clang-16", "clang-16", "--version"),
    /** The AArch64 cross gcc with its C library, for the AArch64 evidence fixtures (BTI, PAC, probes). */
    GCC_AARCH64("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu and libc6-dev-arm64-cross", "sh", "-c",
        "printf 'int f(void){return 0;}' | aarch64-linux-gnu-gcc -shared -fPIC -x c -o /dev/null -"),
    /** gcc able to link 32-bit x86 code. */
    GCC_M32("gcc -m32", "gcc-12-multilib", "sh", "-c",
        "printf 'int f(void){return 0;}' | gcc -m32 -shared -fPIC -x c -o /dev/null -"),
    /** Chromium, headless: renders the HTML report as a browser does (screenshots, the DOM after its script ran). */
    CHROMIUM("chromium", "chromium", "chromium", "--version"),
    /** cargo building offline against Debian's vendored crates (pyo3). */
    CARGO_PYO3("cargo with Debian's vendored pyo3", "librust-pyo3-dev and cargo", "sh", "-c",
        "(command -v cargo || test -x \"$HOME/.cargo/bin/cargo\" || test -x /usr/bin/cargo) >/dev/null && "
            + "ls -d /usr/share/cargo/registry/pyo3-[0-9]* >/dev/null");

    private final String label;
    private final String debianPackage;
    private final List<String> probe;

    Oracle(String label, String debianPackage, String... probe) {
      this.label = label;
      this.debianPackage = debianPackage;
      this.probe = List.of(probe);
    }

    /**
     * The name a skip reason gives.
     *
     * @return for example {@code "checksec"}
     */
    public String label() {
      return label;
    }

    /**
     * The Debian package that provides it ({@code .ci/run} installs each).
     *
     * @return the package name
     */
    public String debianPackage() {
      return debianPackage;
    }
  }

  private Oracles() {}

  /**
   * Whether the oracles are there, without skipping.
   *
   * @param oracles the oracles
   * @return true when every one answers its probe
   */
  public static boolean available(Oracle... oracles) {
    for (Oracle o : oracles) {
      if (!PROBED.computeIfAbsent(o, Oracles::probe).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Skips the calling test when an oracle is missing, or fails it when {@value #REQUIRE_ENV}{@code =1}.
   *
   * @param oracles every oracle the test needs
   * @throws TestAbortedException when one is missing (the test is skipped)
   * @throws AssertionError when one is missing and oracles are required
   */
  public static void require(Oracle... oracles) {
    List<String> missing = new ArrayList<>();
    for (Oracle o : oracles) {
      String why = PROBED.computeIfAbsent(o, Oracles::probe);
      if (!why.isEmpty()) {
        missing.add(o.label + " (Debian package " + o.debianPackage + "; " + why + ")");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String reason = REASON_PREFIX + String.join(", ", missing);
    if (required()) {
      throw new AssertionError(reason + ": " + REQUIRE_ENV + "=1 requires every oracle");
    }
    throw new TestAbortedException(reason);
  }

  /**
   * Whether a missing oracle fails rather than skips.
   *
   * @return true under {@value #REQUIRE_ENV}{@code =1}
   */
  public static boolean required() {
    return "1".equals(System.getenv(REQUIRE_ENV));
  }

  /** Runs the probe: empty when it succeeds, else why not. */
  private static String probe(Oracle o) {
    List<String> cmd = new ArrayList<>(o.probe);
    if (!cmd.get(0).contains("/") && findOnPath(cmd.get(0)) == null) {
      return cmd.get(0) + " not on PATH";
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      String home = System.getProperty("user.home");
      pb.environment().put("PATH", pb.environment().getOrDefault("PATH", "") + ":" + home + "/.cargo/bin");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "probe timed out";
      }
      return p.exitValue() == 0 ? "" : "probe exited " + p.exitValue() + ": " + firstLine(out);
    } catch (IOException e) {
      return "probe failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "probe interrupted";
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private static Path findOnPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Paths.get(d, exe))) {
        return Paths.get(d, exe);
      }
    }
    return null;
  }
}
