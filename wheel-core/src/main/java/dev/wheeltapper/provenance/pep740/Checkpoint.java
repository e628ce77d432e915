package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The checkpoint of an inclusion proof, a signed note (origin, tree size, root hash, then signature lines): it must
 * commit to the proof's tree size and root and carry a signature by the log's key.
 */
final class Checkpoint {
  private Checkpoint() {}

  private static final int MAX_NOTE_SIGNATURES = 16;

  /** Checks the note against the proof's tree size and root, and its signature when the log is trusted. */
  static void check(
      Verification c, String note, long treeSize, byte[] rootHash, Optional<SigstoreTrustedRoot.TransparencyLog> log) {
    int split = note.indexOf("\n\n");
    if (split < 0 || note.length() > 64 * 1024) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint is not a signed note");
      return;
    }
    String text = note.substring(0, split + 1);
    String[] lines = text.split("\n", -1);
    if (lines.length < 4) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint lacks origin, size or root");
      return;
    }
    Optional<byte[]> cpRoot = Crypto.b64(lines[2]);
    if (!lines[1].equals(Long.toString(treeSize))) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint's tree size " + lines[1] + " is not the proof's " + treeSize);
    }
    if (cpRoot.isEmpty() || !Merkle.equal(cpRoot.get(), rootHash)) {
      c.fail(Pep740Check.CHECKPOINT, "the checkpoint's root hash is not the proof's");
    }
    if (log.isEmpty()) {
      return;
    }
    byte[] signed = text.getBytes(StandardCharsets.UTF_8);
    boolean verified = false;
    String[] sigLines = note.substring(split + 2).split("\n");
    for (int i = 0; i < sigLines.length && i < MAX_NOTE_SIGNATURES && !verified; i++) {
      String l = sigLines[i];
      if (!l.startsWith("\u2014 ")) {
        continue;
      }
      int sp = l.lastIndexOf(' ');
      Optional<byte[]> blob = Crypto.b64(l.substring(sp + 1));
      if (blob.isPresent() && blob.get().length > 4) {
        byte[] sig = java.util.Arrays.copyOfRange(blob.get(), 4, blob.get().length);
        verified = Crypto.verify(log.get().key(), signed, sig);
      }
    }
    if (!verified) {
      c.fail(Pep740Check.CHECKPOINT, "no checkpoint signature verifies with the key of " + log.get().baseUrl());
    }
  }
}
