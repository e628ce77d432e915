package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import java.security.MessageDigest;
import java.util.List;

/** RFC 6962 / RFC 9162 Merkle tree hashing and inclusion-proof verification (section 2.1.3.2 of RFC 9162). */
final class Merkle {
  private Merkle() {}

  /** A proof is at most one hash per tree level; 64 levels cover any 64-bit tree size. */
  static final int MAX_PROOF = 64;

  static byte[] leafHash(byte[] leaf) {
    return Crypto.sha256(new byte[] {0}, leaf);
  }

  private static byte[] node(byte[] left, byte[] right) {
    return Crypto.sha256(new byte[] {1}, left, right);
  }

  /**
   * Computes the root an inclusion proof leads to.
   *
   * @return the root, or null when the proof is malformed for this index and size
   */
  static byte[] rootFromProof(byte[] leafHash, long index, long treeSize, List<byte[]> proof) {
    if (index < 0 || treeSize <= 0 || index >= treeSize || proof.size() > MAX_PROOF) {
      return null;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (p.length != 32 || sn == 0) {
        return null;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 ? r : null;
  }

  static boolean equal(byte[] a, byte[] b) {
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }
}
