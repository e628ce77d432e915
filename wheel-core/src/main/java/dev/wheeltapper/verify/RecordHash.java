package dev.wheeltapper.verify;

import dev.wheeltapper.digest.HashAlgorithm;
import dev.wheeltapper.zip.ByteSink;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * The RECORD hash policy and the running digests that check it, over the one table of algorithms,
 * {@link HashAlgorithm}.
 *
 * <p>The wheel specification asks for "sha256 or better" and forbids md5 and sha1. Accepted are the algorithms of
 * Python's {@code hashlib.algorithms_guaranteed} that {@link HashAlgorithm#acceptedInRecord()} says installers accept:
 * sha224, sha256, sha384, sha512, the sha3 family and blake2b/blake2s (with hashlib's default digest sizes, 64 and 32
 * bytes). md5 and sha1 are weak; anything else (shake, a typo) is unknown: both are {@code record.weak-hash}.
 */
final class RecordHash {
  private RecordHash() {}

  /** Why an algorithm is refused, or empty when it is accepted. */
  static Optional<String> refusal(String algorithm) {
    Optional<HashAlgorithm> known = HashAlgorithm.byHashlibName(algorithm.toLowerCase(Locale.ROOT));
    if (known.filter(HashAlgorithm::acceptedInRecord).isPresent()) {
      return Optional.empty();
    }
    if (known.isPresent()) {
      return Optional.of(algorithm + " is weaker than sha256 and not permitted by the wheel specification");
    }
    return Optional.of(algorithm + " is not a hash algorithm Python guarantees at sha256 strength or better");
  }

  /** A running digest of an accepted algorithm. */
  static Running start(String algorithm) {
    HashAlgorithm a = HashAlgorithm.byHashlibName(algorithm.toLowerCase(Locale.ROOT))
        .filter(HashAlgorithm::acceptedInRecord)
        .orElseThrow(() -> new IllegalArgumentException("not an accepted RECORD hash algorithm: " + algorithm));
    return new Jca(a.newDigest());
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
}
