package dev.wheeltapper.wheel.record;

import dev.wheeltapper.digest.HashAlgorithm;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The hash column of a RECORD row: the algorithm name as Python's {@code hashlib} spells it (the known ones are the
 * {@link HashAlgorithm}s) and the URL-safe base64 digest without padding, exactly as written. Construction checks only
 * that both parts are non-empty; {@link #decode()} checks the encoding strictly.
 *
 * <pre>{@code
 * HashValue h = HashValue.parse("sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
 * h.algorithm();  // "sha256"
 * h.decode();     // the 32 digest bytes of the empty input
 * h.jcaAlgorithm(); // Optional[SHA-256]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param algorithm the algorithm name, for example {@code sha256}
 * @param value the encoded digest
 */
public record HashValue(String algorithm, String value) {

  /**
   * Checks that both parts are present and non-empty.
   *
   * @throws IllegalArgumentException when a part is empty
   */
  public HashValue {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (algorithm.isEmpty() || value.isEmpty()) {
      throw new IllegalArgumentException("empty hash algorithm or value");
    }
  }

  /**
   * Splits a RECORD hash column at its first {@code =}. The algorithm must be letters, digits and underscores.
   *
   * @param text for example {@code sha256=...}
   * @return the hash value (its digest not yet decoded)
   * @throws HashFormatException when there is no {@code =}, or either side is empty or the algorithm is malformed
   */
  public static HashValue parse(String text) throws HashFormatException {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new HashFormatException("hash '" + text + "' is not algorithm=value");
    }
    String alg = text.substring(0, eq);
    String val = text.substring(eq + 1);
    if (alg.isEmpty()) {
      throw new HashFormatException("hash '" + text + "' has an empty algorithm name");
    }
    for (int i = 0; i < alg.length(); i++) {
      char c = alg.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        throw new HashFormatException("hash algorithm '" + alg + "' contains '" + c + "'");
      }
    }
    if (val.isEmpty()) {
      throw new HashFormatException("hash '" + text + "' has an empty value");
    }
    return new HashValue(alg, val);
  }

  /**
   * The digest length in bytes of a {@code hashlib} algorithm this library knows.
   *
   * @param algorithm the algorithm name as in RECORD (case-insensitive)
   * @return the length, or empty for an unknown algorithm
   */
  public static OptionalInt digestLength(String algorithm) {
    return HashAlgorithm.byHashlibName(algorithm).map(a -> OptionalInt.of(a.digestLength()))
        .orElse(OptionalInt.empty());
  }

  /**
   * The algorithm, when it is one of the {@code hashlib} algorithms this library knows.
   *
   * @return the algorithm, or empty for an unknown name
   */
  public Optional<HashAlgorithm> knownAlgorithm() {
    return HashAlgorithm.byHashlibName(algorithm);
  }

  /**
   * The Java Cryptography Architecture name of the algorithm (the BLAKE2 names need the Bouncy Castle provider).
   *
   * @return for example {@code SHA-256}, or empty for an unknown algorithm
   */
  public Optional<String> jcaAlgorithm() {
    return knownAlgorithm().map(HashAlgorithm::jcaName);
  }

  /**
   * Decodes the value as strict URL-safe base64 without padding: no {@code =}, only {@code A-Z a-z 0-9 - _}, a length
   * that base64 can produce, zero bits in the unused tail, and, for a known algorithm, exactly its digest length.
   *
   * @return the digest bytes
   * @throws HashFormatException when the value breaks one of these rules
   */
  public byte[] decode() throws HashFormatException {
    String v = value;
    if (v.indexOf('=') >= 0) {
      throw new HashFormatException("hash value of " + algorithm + " has '=' padding; RECORD hashes are unpadded");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (sextet(c) < 0) {
        throw new HashFormatException(
            "hash value of " + algorithm + " contains '" + printable(c) + "' at index " + i
                + ", outside the URL-safe base64 alphabet");
      }
    }
    int rem = v.length() % 4;
    if (rem == 1) {
      throw new HashFormatException(
          "hash value of " + algorithm + " has " + v.length() + " characters, a length base64 cannot produce");
    }
    // A canonical encoding leaves the unused low bits of the last character zero.
    int last = sextet(v.charAt(v.length() - 1));
    if (rem == 2 && (last & 0x0f) != 0 || rem == 3 && (last & 0x03) != 0) {
      throw new HashFormatException("hash value of " + algorithm + " is not canonical base64 (non-zero tail bits)");
    }
    byte[] digest = Base64.getUrlDecoder().decode(v);
    OptionalInt expected = digestLength(algorithm);
    if (expected.isPresent() && digest.length != expected.getAsInt()) {
      throw new HashFormatException(
          "hash value of " + algorithm + " decodes to " + digest.length + " bytes, expected "
              + expected.getAsInt());
    }
    return digest;
  }

  /**
   * Decodes a value written as a hexadecimal digest (gmsh writes {@code hashlib.sha256().hexdigest()}), which PEP 376
   * does not allow but which still pins the content.
   *
   * @return the digest, when the value is exactly the algorithm's digest length in hexadecimal
   */
  public Optional<byte[]> decodeHex() {
    OptionalInt expected = digestLength(algorithm);
    if (expected.isEmpty() || value.length() != 2 * expected.getAsInt()) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.digit(value.charAt(i), 16) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(java.util.HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
  }

  /**
   * Encodes a digest the way RECORD writes it.
   *
   * @param algorithm the algorithm name, for example {@code sha256}
   * @param digest the digest bytes
   * @return the hash value
   */
  public static HashValue of(String algorithm, byte[] digest) {
    return new HashValue(algorithm, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    if (c == '_') {
      return 63;
    }
    return -1;
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  /**
   * The hash as RECORD writes it.
   *
   * @return {@code algorithm=value}
   */
  @Override
  public String toString() {
    return algorithm + "=" + value;
  }
}
