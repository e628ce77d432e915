package dev.wheeltapper.provenance.pep740;

import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.json.JsonValue;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Rekor transparency log entry: its fields, its body ({@link RekorEntryBody}), the RFC 6962/9162 inclusion proof
 * from the body's leaf hash to the proof's root ({@link Merkle}), whether the log is one of the trusted root's (matched
 * by log ID, valid at the integrated time), the checkpoint ({@link Checkpoint}) and the signed entry timestamp
 * (inclusion promise).
 */
final class TransparencyLogEntry {
  private TransparencyLogEntry() {}

  /** 9999-12-31T23:59:59Z, the last instant an X.509 certificate can name. */
  private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;

  /** Checks one Rekor entry; answers its integrated time when readable. */
  static Instant check(Verification c, JsonValue e, Attestation raw, SigstoreTrustedRoot root) {
    Optional<Long> logIndex = e.member("logIndex").flatMap(JsonValue::asLong);
    Optional<byte[]> logId = e.member("logId").flatMap(l -> l.member("keyId")).flatMap(JsonValue::asString)
        .flatMap(Crypto::b64);
    Optional<Long> time = e.member("integratedTime").flatMap(JsonValue::asLong);
    Optional<String> bodyB64 = e.member("canonicalizedBody").flatMap(JsonValue::asString);
    Optional<byte[]> body = bodyB64.flatMap(Crypto::b64);
    // integratedTime is a count of seconds from the log; beyond year 9999 it is no time at all (and Instant
    // overflows past year 1,000,000,000)
    if (logIndex.isEmpty() || logId.isEmpty() || time.isEmpty() || body.isEmpty() || time.get() < 0
        || time.get() > LAST_SECOND_OF_9999) {
      c.fail(Pep740Check.FORMAT, "invalid transparency log entry (logIndex, logId, integratedTime or body)");
      return null;
    }
    Instant integrated = Instant.ofEpochSecond(time.get());
    RekorEntryBody.check(c, body.get(), raw, e.member("kindVersion"));

    // Inclusion proof: leaf hash to the proof's root.
    JsonValue proof = e.member("inclusionProof").orElse(null);
    byte[] rootHash = null;
    long treeSize = -1;
    if (proof == null) {
      c.fail(Pep740Check.INCLUSION_PROOF, "the entry has no inclusion proof");
    } else {
      Optional<Long> idx = proof.member("logIndex").flatMap(JsonValue::asLong);
      Optional<Long> size = proof.member("treeSize").flatMap(JsonValue::asLong);
      rootHash = proof.member("rootHash").flatMap(JsonValue::asString).flatMap(Crypto::b64).orElse(null);
      List<byte[]> hashes = new ArrayList<>();
      boolean ok = idx.isPresent() && size.isPresent() && rootHash != null;
      List<JsonValue> hs = proof.member("hashes").flatMap(JsonValue::asArray).orElse(null);
      if (hs == null || hs.size() > Merkle.MAX_PROOF) {
        ok = false;
      } else {
        for (JsonValue h : hs) {
          Optional<byte[]> b = h.asString().flatMap(Crypto::b64);
          if (b.isEmpty()) {
            ok = false;
            break;
          }
          hashes.add(b.get());
        }
      }
      if (!ok) {
        c.fail(Pep740Check.INCLUSION_PROOF, "malformed inclusion proof");
      } else {
        treeSize = size.get();
        byte[] computed = Merkle.rootFromProof(Merkle.leafHash(body.get()), idx.get(), treeSize, hashes);
        if (computed == null) {
          c.fail(Pep740Check.INCLUSION_PROOF,
              "the proof does not fit index " + idx.get() + " in a tree of " + treeSize);
        } else if (!Merkle.equal(computed, rootHash)) {
          c.fail(Pep740Check.INCLUSION_PROOF, "the proof leads to root " + Crypto.hex(computed) + ", not the stated "
              + Crypto.hex(rootHash));
        }
      }
    }

    // Which log, and do we trust it?
    String logHex = Crypto.hex(logId.get());
    Optional<String> checkpoint = proof == null ? Optional.empty()
        : proof.member("checkpoint").flatMap(cp -> cp.member("envelope")).flatMap(JsonValue::asString);
    Optional<SigstoreTrustedRoot.TransparencyLog> log = root.log(logHex);
    if (log.isEmpty()) {
      String origin = checkpoint.map(cp -> cp.lines().findFirst().orElse("")).orElse("?");
      c.fail(Pep740Check.LOG_TRUST, "Rekor log " + logHex + " (checkpoint origin \"" + origin
          + "\") is not in the trusted root (" + root + "); checkpoint and inclusion promise signatures not checked");
    } else if (!log.get().validAt(integrated)) {
      c.fail(Pep740Check.LOG_TRUST, "the key of Rekor log " + log.get().baseUrl() + " was not valid at " + integrated);
    }

    if (proof != null) {
      if (checkpoint.isEmpty()) {
        c.fail(Pep740Check.CHECKPOINT, "the inclusion proof has no checkpoint");
      } else if (rootHash != null) {
        Checkpoint.check(c, checkpoint.get(), treeSize, rootHash, log);
      }
    }

    Optional<JsonValue> promise = e.member("inclusionPromise");
    if (promise.isPresent()) {
      Optional<byte[]> set = promise.get().member("signedEntryTimestamp").flatMap(JsonValue::asString)
          .flatMap(Crypto::b64);
      if (set.isEmpty()) {
        c.fail(Pep740Check.INCLUSION_PROMISE, "malformed signed entry timestamp");
      } else if (log.isPresent()) {
        String canonical = "{\"body\":\"" + bodyB64.get() + "\",\"integratedTime\":" + time.get()
            + ",\"logID\":\"" + logHex + "\",\"logIndex\":" + logIndex.get() + "}";
        if (!Crypto.verify(log.get().key(), Crypto.utf8(canonical), set.get())) {
          c.fail(Pep740Check.INCLUSION_PROMISE, "the signed entry timestamp does not verify with the log key");
        }
      }
    } else {
      c.note("no inclusion promise");
    }
    return integrated;
  }
}
