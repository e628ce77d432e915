package dev.wheeltapper.provenance.openpgp;

import dev.wheeltapper.provenance.trust.OpenPgpKeyring;
import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.internal.KeyringAccess;
import dev.wheeltapper.provenance.internal.Crypto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.util.encoders.Hex;

/**
 * Verifies a detached OpenPGP signature ({@code NAME.whl.asc}, armored or binary) over a whole file, streamed, against
 * the policy's keyrings. RSA, EdDSA (legacy and RFC 9580 Ed25519) and ECDSA keys, as Bouncy Castle supports.
 *
 * <p>{@code valid}: every signature verifies with a keyring key that was not revoked and not expired at signing time.
 * {@code untrusted}: a signature by a key no keyring holds (it cannot be checked), or by a revoked or expired key.
 * {@code invalid}: anything broken. Canonical-text signatures (type 0x01) are {@code unsupported}: wheels are binary.
 * The keyring is trusted material as given: subkey binding signatures are not re-verified. The signer is the primary
 * user ID and fingerprint of the signing key's certificate.
 *
 * <pre>{@code
 * try (InputStream wheel = Files.newInputStream(p)) {
 *   SignatureResult r = OpenPgpVerifier.verify(wheel, Files.readAllBytes(asc), policy, p.getFileName() + ".asc");
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; never throws on hostile input (an I/O error reading the file is {@code invalid}).
 */
public final class OpenPgpVerifier {
  private OpenPgpVerifier() {}

  /** Largest signature file accepted. */
  public static final int MAX_BYTES = 1 << 20;

  private static final int MAX_SIGNATURES = 8;

  /**
   * Verifies a detached signature over the bytes of a stream (read to its end, not closed).
   *
   * @param signedFile the signed file's content
   * @param asc the signature file
   * @param policy the keyrings
   * @param path the path to put in findings, or empty
   * @return the result (kind {@code openpgp})
   */
  public static SignatureResult verify(InputStream signedFile, byte[] asc, TrustPolicy policy, String path) {
    try {
      return check(signedFile, asc, policy, path);
    } catch (RuntimeException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "unreadable OpenPGP signature (" + e + ")", path);
    }
  }

  private static SignatureResult result(SignatureStatus s, Optional<String> signer, String detail, String path) {
    return SignatureResult.of(SignatureKind.OPENPGP, s, signer, detail, path, List.of());
  }

  private static String fingerprint(PGPPublicKey k) {
    return Hex.toHexString(k.getFingerprint()).toUpperCase(Locale.ROOT);
  }

  private static String algorithm(int alg) {
    switch (alg) {
      case PublicKeyAlgorithmTags.RSA_GENERAL:
      case 3: // RSA sign-only (deprecated tag)
        return "RSA";
      case PublicKeyAlgorithmTags.ECDSA:
        return "ECDSA";
      case PublicKeyAlgorithmTags.EDDSA_LEGACY:
      case PublicKeyAlgorithmTags.Ed25519:
        return "Ed25519";
      case PublicKeyAlgorithmTags.Ed448:
        return "Ed448";
      case PublicKeyAlgorithmTags.DSA:
        return "DSA";
      default:
        return "algorithm " + alg;
    }
  }

  private static SignatureResult check(InputStream signedFile, byte[] asc, TrustPolicy policy, String path) {
    if (asc.length > MAX_BYTES) {
      return result(SignatureStatus.INVALID, Optional.empty(), "signature file larger than " + MAX_BYTES, path);
    }
    List<PGPSignature> sigs = new ArrayList<>();
    byte[] packets;
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(asc))) {
      packets = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "malformed OpenPGP armor: " + e.getMessage(), path);
    }
    String framing = framingProblem(packets);
    if (framing != null) {
      return result(SignatureStatus.INVALID, Optional.empty(), "malformed OpenPGP packets: " + framing, path);
    }
    try (InputStream in = new ByteArrayInputStream(packets)) {
      JcaPGPObjectFactory f = new JcaPGPObjectFactory(in);
      Object o = f.nextObject();
      if (!(o instanceof PGPSignatureList)) {
        return result(SignatureStatus.INVALID, Optional.empty(),
            "not a detached OpenPGP signature (" + (o == null ? "empty" : o.getClass().getSimpleName()) + ")", path);
      }
      for (PGPSignature s : (PGPSignatureList) o) {
        if (sigs.size() >= MAX_SIGNATURES) {
          return result(SignatureStatus.INVALID, Optional.empty(), "more than " + MAX_SIGNATURES + " signatures",
              path);
        }
        sigs.add(s);
      }
      if (f.nextObject() != null) {
        return result(SignatureStatus.INVALID, Optional.empty(), "data after the signature packets", path);
      }
    } catch (IOException | RuntimeException e) {
      return result(SignatureStatus.INVALID, Optional.empty(), "malformed OpenPGP data: " + e.getMessage(), path);
    }
    if (sigs.isEmpty()) {
      return result(SignatureStatus.INVALID, Optional.empty(), "no signature", path);
    }
    List<PGPSignature> active = new ArrayList<>();
    List<PGPPublicKey> keys = new ArrayList<>();
    List<String> signers = new ArrayList<>();
    String untrusted = null;
    for (PGPSignature s : sigs) {
      if (s.getSignatureType() == PGPSignature.CANONICAL_TEXT_DOCUMENT) {
        return result(SignatureStatus.UNSUPPORTED, Optional.empty(),
            "canonical-text signature; a wheel is signed as binary", path);
      }
      if (s.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
        return result(SignatureStatus.INVALID, Optional.empty(),
            "signature type 0x" + Integer.toHexString(s.getSignatureType()) + " is not a document signature", path);
      }
      Optional<PGPPublicKey> key = Optional.empty();
      IssuerFingerprint ifp = s.getHashedSubPackets() == null ? null
          : s.getHashedSubPackets().getIssuerFingerprint();
      for (OpenPgpKeyring ring : policy.openPgpKeyrings()) {
        if (key.isPresent()) {
          break;
        }
        key = ifp != null ? keyByFingerprint(ring, ifp.getFingerprint()) : Optional.empty();
        key = key.or(() -> key(ring, s.getKeyID()));
      }
      if (key.isEmpty()) {
        String id = ifp != null ? Hex.toHexString(ifp.getFingerprint()).toUpperCase(Locale.ROOT)
            : String.format("%016X", s.getKeyID());
        untrusted = "signed by key " + id + ", which no keyring holds; the signature was not checked";
        signers.add(id);
        continue;
      }
      try {
        s.init(new JcaPGPContentVerifierBuilderProvider().setProvider(Crypto.BC), key.get());
      } catch (PGPException | RuntimeException e) {
        return result(SignatureStatus.INVALID, Optional.of(fingerprint(key.get())),
            "cannot verify with key " + fingerprint(key.get()) + ": " + e.getMessage(), path);
      }
      active.add(s);
      keys.add(key.get());
    }
    if (!active.isEmpty()) {
      byte[] buf = new byte[64 * 1024];
      try {
        for (int n; (n = signedFile.read(buf)) > 0; ) {
          for (PGPSignature s : active) {
            s.update(buf, 0, n);
          }
        }
      } catch (IOException e) {
        return result(SignatureStatus.INVALID, Optional.empty(), "cannot read the signed file: " + e.getMessage(),
            path);
      }
    }
    List<String> details = new ArrayList<>();
    Optional<String> signer = Optional.empty();
    for (int i = 0; i < active.size(); i++) {
      PGPSignature s = active.get(i);
      PGPPublicKey k = keys.get(i);
      String who = describe(k, policy);
      signer = signer.or(() -> Optional.of(who));
      boolean ok;
      try {
        ok = s.verify();
      } catch (PGPException | RuntimeException e) {
        ok = false;
      }
      Instant created = s.getCreationTime().toInstant();
      if (!ok) {
        return result(SignatureStatus.INVALID, Optional.of(who),
            "the signature by " + who + " does not verify over the file", path);
      }
      details.add("signed by " + who + " (" + algorithm(k.getAlgorithm()) + String.format(", key ID %016X", k.getKeyID())
          + ") at " + created);
      Instant keyCreated = k.getCreationTime().toInstant();
      long valid = k.getValidSeconds();
      if (k.hasRevocation()) {
        untrusted = untrusted != null ? untrusted : "key " + fingerprint(k) + " is revoked";
      } else if (created.isBefore(keyCreated)) {
        untrusted = untrusted != null ? untrusted : "the signature predates key " + fingerprint(k);
      } else if (valid > 0 && created.isAfter(keyCreated.plusSeconds(valid))) {
        untrusted = untrusted != null ? untrusted : "key " + fingerprint(k) + " had expired at signing time";
      }
    }
    String detail = String.join("; ", details);
    if (untrusted != null) {
      Optional<String> who = signer.or(() -> signers.stream().findFirst());
      return result(SignatureStatus.UNTRUSTED, who, (detail.isEmpty() ? "" : detail + "; ") + untrusted, path);
    }
    return result(SignatureStatus.VALID, signer, detail, path);
  }

  /**
   * Checks that the packet headers tile the data exactly (Bouncy Castle tolerates a length that runs past the end).
   *
   * @return null when they do (or when partial or indeterminate lengths leave it to the parser), else the problem
   */
  static String framingProblem(byte[] b) {
    if (b.length == 0) {
      return "no data";
    }
    if (b.length > MAX_BYTES) {
      return "more than " + MAX_BYTES + " bytes";
    }
    int pos = 0;
    while (pos < b.length) {
      int tag = b[pos] & 0xff;
      if ((tag & 0x80) == 0) {
        return "no packet tag at offset " + pos;
      }
      long len;
      int head;
      if ((tag & 0x40) != 0) {
        if (pos + 1 >= b.length) {
          return "truncated packet header at offset " + pos;
        }
        int l0 = b[pos + 1] & 0xff;
        if (l0 < 192) {
          len = l0;
          head = 2;
        } else if (l0 < 224) {
          if (pos + 2 >= b.length) {
            return "truncated packet header at offset " + pos;
          }
          len = ((l0 - 192L) << 8) + (b[pos + 2] & 0xff) + 192;
          head = 3;
        } else if (l0 == 255) {
          if (pos + 5 >= b.length) {
            return "truncated packet header at offset " + pos;
          }
          len = ((b[pos + 2] & 0xffL) << 24) | ((b[pos + 3] & 0xffL) << 16) | ((b[pos + 4] & 0xffL) << 8)
              | (b[pos + 5] & 0xffL);
          head = 6;
        } else {
          return null; // partial body lengths: left to the parser
        }
      } else {
        int type = tag & 3;
        if (type == 3) {
          return null; // indeterminate length: runs to the end
        }
        int n = 1 << type;
        if (pos + n >= b.length) {
          return "truncated packet header at offset " + pos;
        }
        len = 0;
        for (int i = 1; i <= n; i++) {
          len = (len << 8) | (b[pos + i] & 0xff);
        }
        head = 1 + n;
      }
      if (len > b.length - pos - head) {
        return "packet at offset " + pos + " claims " + len + " bytes, only " + (b.length - pos - head) + " follow";
      }
      pos += head + (int) len;
    }
    return null;
  }

  /** {@code User ID <fingerprint>} of the certificate holding a key. */
  private static String describe(PGPPublicKey k, TrustPolicy policy) {
    String fpr = fingerprint(k);
    for (OpenPgpKeyring ring : policy.openPgpKeyrings()) {
      Optional<PGPPublicKeyRing> r = ring(ring, k.getKeyID());
      if (r.isPresent()) {
        Iterator<String> ids = r.get().getPublicKey().getUserIDs();
        if (ids.hasNext()) {
          return ids.next() + " [" + fpr + "]";
        }
      }
    }
    return fpr;
  }

  // Lookups in a keyring; a malformed key ID or fingerprint is "no such key", never an exception.
  private static Optional<PGPPublicKey> key(OpenPgpKeyring ring, long keyId) {
    try {
      return Optional.ofNullable(KeyringAccess.rings(ring).getPublicKey(keyId));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<PGPPublicKey> keyByFingerprint(OpenPgpKeyring ring, byte[] fingerprint) {
    try {
      return Optional.ofNullable(KeyringAccess.rings(ring).getPublicKey(fingerprint));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<PGPPublicKeyRing> ring(OpenPgpKeyring ring, long keyId) {
    try {
      return Optional.ofNullable(KeyringAccess.rings(ring).getPublicKeyRing(keyId));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
