package dev.wheeltapper.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hands the hostile inputs that tests build byte by byte to the fuzzers as seeds. A no-op unless the system property
 * {@code wheeltapper.fuzz.seeds} names a directory (scripts/fuzz.sh sets it to the module's generated corpus,
 * {@code .cifuzz-corpus}); then each input is written to {@code <dir>/dev.wheeltapper.fuzz.<Class>/<method>/}
 * under a name derived from its SHA-256, so repeated runs add nothing twice. Inputs over 64 KiB are skipped: a seed
 * should be small enough for the fuzzer to mutate.
 */
public final class FuzzSeeds {
  private static final int MAX_SEED = 64 << 10;

  private FuzzSeeds() {}

  /** Offers {@code bytes} as a seed of every {@code Class#method} fuzz target named. */
  public static void offer(byte[] bytes, String... targets) {
    String dir = System.getProperty("wheeltapper.fuzz.seeds");
    if (dir == null || dir.isEmpty() || bytes.length > MAX_SEED) {
      return;
    }
    try {
      String name = "hostile-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
      for (String target : targets) {
        int hash = target.indexOf('#');
        if (hash < 0) {
          throw new IllegalArgumentException("a fuzz target is Class#method: " + target);
        }
        Path out = Path.of(dir, "dev.wheeltapper.fuzz." + target.substring(0, hash), target.substring(hash + 1));
        Files.createDirectories(out);
        Files.write(out.resolve(name), bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
