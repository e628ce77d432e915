package dev.wheeltapper.provenance.trust;

import dev.wheeltapper.provenance.internal.KeyringAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * An OpenPGP public keyring (armored or binary), the trust for detached {@code NAME.whl.asc} signatures.
 *
 * <pre>{@code
 * OpenPgpKeyring ring = OpenPgpKeyring.parse(Files.readAllBytes(Path.of("pubring.asc")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OpenPgpKeyring {
  /** Largest keyring accepted, far above real ones. */
  public static final int MAX_BYTES = 16 << 20;

  static {
    // The OpenPGP verifier reads the rings through this; Bouncy Castle's types stay out of the public API.
    KeyringAccess.install(k -> ((OpenPgpKeyring) k).rings);
  }

  private final PGPPublicKeyRingCollection rings;

  private OpenPgpKeyring(PGPPublicKeyRingCollection rings) {
    this.rings = rings;
  }

  /**
   * Reads a keyring: one or more transferable public keys, ASCII-armored or binary.
   *
   * @param data the keyring file
   * @return the keyring
   * @throws InvalidTrustMaterialException when it is not a public keyring, holds no key, or is too large
   */
  public static OpenPgpKeyring parse(byte[] data) throws InvalidTrustMaterialException {
    if (data.length > MAX_BYTES) {
      throw new InvalidTrustMaterialException("OpenPGP keyring larger than " + MAX_BYTES + " bytes");
    }
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
      PGPPublicKeyRingCollection c = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      if (c.size() == 0) {
        throw new InvalidTrustMaterialException("OpenPGP keyring holds no public key");
      }
      return new OpenPgpKeyring(c);
    } catch (IOException | PGPException | RuntimeException e) {
      throw new InvalidTrustMaterialException("not an OpenPGP public keyring: " + e.getMessage(), e);
    }
  }


  /**
   * Number of keys (primary keys and subkeys).
   *
   * @return the count
   */
  public int keyCount() {
    int n = 0;
    for (Iterator<PGPPublicKeyRing> it = rings.getKeyRings(); it.hasNext(); ) {
      for (Iterator<PGPPublicKey> k = it.next().getPublicKeys(); k.hasNext(); k.next()) {
        n++;
      }
    }
    return n;
  }

  /**
   * The primary key fingerprints, upper-case hex.
   *
   * @return the fingerprints
   */
  public List<String> fingerprints() {
    List<String> out = new ArrayList<>();
    for (Iterator<PGPPublicKeyRing> it = rings.getKeyRings(); it.hasNext(); ) {
      out.add(org.bouncycastle.util.encoders.Hex.toHexString(it.next().getPublicKey().getFingerprint()).toUpperCase(java.util.Locale.ROOT));
    }
    return List.copyOf(out);
  }
}
