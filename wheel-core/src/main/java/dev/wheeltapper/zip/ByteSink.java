package dev.wheeltapper.zip;

/**
 * A consumer of an entry's inflated bytes, called once per buffer (up to 64 KiB), never per byte.
 * {@code MessageDigest::update} fits directly.
 *
 * <pre>{@code
 * MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
 * reader.read(entry, sha256::update);
 * }</pre>
 *
 * <p>The array is the reader's reusable buffer: a sink must not keep it after returning.
 */
@FunctionalInterface
public interface ByteSink {
  /**
   * Takes the next bytes of the entry.
   *
   * @param buffer the reader's buffer
   * @param offset where the bytes start
   * @param length how many bytes
   */
  void accept(byte[] buffer, int offset, int length);
}
