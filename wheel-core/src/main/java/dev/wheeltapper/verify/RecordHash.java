package dev.wheeltapper.verify;

import dev.wheeltapper.zip.ByteSink;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;

/**
 * The RECORD hash policy and the running digests that check it.
 *
 * <p>The wheel specification asks for "sha256 or better" and forbids md5 and sha1. Accepted are the algorithms of
 * Python's {@code hashlib.algorithms_guaranteed} that meet that bar: sha224 (as the issue asks, since installers accept
 * it), sha256, sha384, sha512, the sha3 family and blake2b/blake2s (with Python's default digest sizes, 64 and 32
 * bytes, computed with Bouncy Castle). md5 and sha1 are weak; anything else (shake, a typo) is unknown: both are
 * {@code record.weak-hash}.
 */
final class RecordHash {
  /** hashlib name to JCA name; null value = computed with Bouncy Castle. */
  private static final Map<String, String> ACCEPTED = Map.ofEntries(
      Map.entry("sha224", "SHA-224"),
      Map.entry("sha256", "SHA-256"),
      Map.entry("sha384", "SHA-384"),
      Map.entry("sha512", "SHA-512"),
      Map.entry("sha3_224", "SHA3-224"),
      Map.entry("sha3_256", "SHA3-256"),
      Map.entry("sha3_384", "SHA3-384"),
      Map.entry("sha3_512", "SHA3-512"),
      Map.entry("blake2b", "BLAKE2b"),
      Map.entry("blake2s", "BLAKE2s"));

  private RecordHash() {}

  /** Why an algorithm is refused, or empty when it is accepted. */
  static Optional<String> refusal(String algorithm) {
    String a = algorithm.toLowerCase(Locale.ROOT);
    if (ACCEPTED.containsKey(a)) {
      return Optional.empty();
    }
    if (a.equals("md5") || a.equals("sha1")) {
      return Optional.of(algorithm + " is weaker than sha256 and not permitted by the wheel specification");
    }
    return Optional.of(algorithm + " is not a hash algorithm Python guarantees at sha256 strength or better");
  }

  /** A running digest of an accepted algorithm. */
  static Running start(String algorithm) {
    String a = algorithm.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "blake2b" -> new Bc(new Blake2bDigest(512));
      case "blake2s" -> new Bc(new Blake2sDigest(256));
      default -> {
        try {
          yield new Jca(MessageDigest.getInstance(ACCEPTED.get(a)));
        } catch (NoSuchAlgorithmException | NullPointerException e) {
          throw new IllegalArgumentException("not an accepted RECORD hash algorithm: " + algorithm, e);
        }
      }
    };
  }

  /** A digest being fed the entry's bytes. */
  interface Running extends ByteSink {
    byte[] finish();
  }

  private record Jca(MessageDigest md) implements Running {
    @Override
    public void accept(byte[] buffer, int offset, int length) {
      md.update(buffer, offset, length);
    }

    @Override
    public byte[] finish() {
      return md.digest();
    }
  }

  private record Bc(Digest d) implements Running {
    @Override
    public void accept(byte[] buffer, int offset, int length) {
      d.update(buffer, offset, length);
    }

    @Override
    public byte[] finish() {
      byte[] out = new byte[d.getDigestSize()];
      d.doFinal(out, 0);
      return out;
    }
  }
}
