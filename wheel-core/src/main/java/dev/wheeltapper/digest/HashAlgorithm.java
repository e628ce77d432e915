package dev.wheeltapper.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.jcajce.provider.digest.Blake2b;
import org.bouncycastle.jcajce.provider.digest.Blake2s;

/**
 * The hash algorithms of Python's {@code hashlib.algorithms_guaranteed} that have a fixed digest length: the name
 * {@code hashlib} and RECORD use, the Java Cryptography Architecture name, the digest length in bytes (as {@code
 * hashlib.new(name).digest_size}, so {@code blake2b} is 64 bytes and {@code blake2s} 32, their defaults), and whether
 * RECORD may use it. The variable-length {@code shake_128} and {@code shake_256} are not here.
 *
 * <p>RECORD policy: the wheel specification asks for sha256 "or better" and the {@code wheel} tool refuses md5 and sha1
 * ("Weak hash algorithm ... is not permitted by PEP 427"); every other guaranteed algorithm, sha224 included, is
 * accepted, as installers do.
 *
 * <pre>{@code
 * HashAlgorithm a = HashAlgorithm.byHashlibName("blake2b").orElseThrow();
 * a.digestLength();      // 64
 * a.acceptedInRecord();  // true
 * byte[] d = a.newDigest().digest(bytes);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #newDigest()} answers a new, unshared digest each time.
 */
public enum HashAlgorithm {
  /** MD5: weak, refused in RECORD. */
  MD5("md5", "MD5", 16, false),
  /** SHA-1: weak, refused in RECORD. */
  SHA1("sha1", "SHA-1", 20, false),
  /** SHA-224. */
  SHA224("sha224", "SHA-224", 28, true),
  /** SHA-256, what RECORD and PEP 740 write. */
  SHA256("sha256", "SHA-256", 32, true),
  /** SHA-384. */
  SHA384("sha384", "SHA-384", 48, true),
  /** SHA-512. */
  SHA512("sha512", "SHA-512", 64, true),
  /** SHA3-224. */
  SHA3_224("sha3_224", "SHA3-224", 28, true),
  /** SHA3-256. */
  SHA3_256("sha3_256", "SHA3-256", 32, true),
  /** SHA3-384. */
  SHA3_384("sha3_384", "SHA3-384", 48, true),
  /** SHA3-512. */
  SHA3_512("sha3_512", "SHA3-512", 64, true),
  /** BLAKE2b at hashlib's default digest size, 64 bytes (Bouncy Castle's {@code BLAKE2B-512}). */
  BLAKE2B("blake2b", "BLAKE2B-512", 64, true),
  /** BLAKE2s at hashlib's default digest size, 32 bytes (Bouncy Castle's {@code BLAKE2S-256}). */
  BLAKE2S("blake2s", "BLAKE2S-256", 32, true);

  private final String hashlibName;
  private final String jcaName;
  private final int digestLength;
  private final boolean acceptedInRecord;

  HashAlgorithm(String hashlibName, String jcaName, int digestLength, boolean acceptedInRecord) {
    this.hashlibName = hashlibName;
    this.jcaName = jcaName;
    this.digestLength = digestLength;
    this.acceptedInRecord = acceptedInRecord;
  }

  /**
   * The algorithm a {@code hashlib} name stands for, ignoring case as {@code hashlib.new} does.
   *
   * @param name for example {@code sha256} or {@code SHA3_256}
   * @return the algorithm, or empty for a name this table does not hold
   */
  public static Optional<HashAlgorithm> byHashlibName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (HashAlgorithm a : values()) {
      if (a.hashlibName.equals(n)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The name as {@code hashlib} and RECORD write it.
   *
   * @return for example {@code sha3_256}
   */
  public String hashlibName() {
    return hashlibName;
  }

  /**
   * The Java Cryptography Architecture name; the BLAKE2 names are Bouncy Castle's (the JDK has no BLAKE2).
   *
   * @return for example {@code SHA3-256} or {@code BLAKE2B-512}
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * The digest length in bytes, {@code hashlib.new(name).digest_size}.
   *
   * @return for example 32
   */
  public int digestLength() {
    return digestLength;
  }

  /**
   * Whether a RECORD hash may use this algorithm (all but md5 and sha1).
   *
   * @return true when accepted
   */
  public boolean acceptedInRecord() {
    return acceptedInRecord;
  }

  /**
   * A new digest of this algorithm: the JDK's for MD5, SHA-1, SHA-2 and SHA-3, Bouncy Castle's for BLAKE2 (without
   * registering a provider).
   *
   * @return a fresh digest
   */
  public MessageDigest newDigest() {
    switch (this) {
      case BLAKE2B:
        return new Blake2b.Blake2b512();
      case BLAKE2S:
        return new Blake2s.Blake2s256();
      default:
        try {
          return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
          // OpenJDK's SUN provider has MD5, SHA-1, SHA-2 and SHA-3 since Java 9.
          throw new IllegalStateException(jcaName + " is missing from this Java platform", e);
        }
    }
  }
}
