package dev.wheeltapper.provenance;

import dev.wheeltapper.provenance.trust.InvalidTrustMaterialException;
import dev.wheeltapper.provenance.internal.Crypto;
import dev.wheeltapper.provenance.trust.OpenPgpKeyring;
import dev.wheeltapper.provenance.trust.SigstoreTrustedRoot;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller trusts: X.509 anchors (RECORD.p7s), Ed25519 keys (RECORD.jws), OpenPGP keyrings ({@code .asc}), a
 * Sigstore trusted root and the publisher identities a PEP 740 attestation must name, and whether a signature is
 * required at all. Nothing here is ever fetched from the network.
 *
 * <p>A PEP 740 attestation vouches only for an identity the caller names, as in sigstore-python and
 * pypi-attestations: without {@link Builder#identity} a Sigstore signature is {@code untrusted} (anyone can obtain a
 * Fulcio certificate for their own e-mail or workflow), unless {@link Builder#anyIdentity} asks for the weaker check.
 *
 * <pre>{@code
 * TrustPolicy policy = TrustPolicy.builder()
 *     .x509AnchorsPem(Files.readString(Path.of("ca.pem")))
 *     .ed25519Key("kLgf0kBo...")                      // url-safe base64 vk, or a PEM public key
 *     .identity(ExpectedIdentity.parse("pypa/sampleproject@release.yml"))
 *     .requireSignature(true)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The default Sigstore root is {@link SigstoreTrustedRoot#publicGood()}.
 */
public final class TrustPolicy {
  private final List<X509Certificate> x509Anchors;
  private final List<PublicKey> ed25519Keys;
  private final List<OpenPgpKeyring> openPgpKeyrings;
  /** Empty means the bundled public-good root, loaded only when an attestation is verified. */
  private final Optional<SigstoreTrustedRoot> customSigstoreRoot;
  private final List<ExpectedIdentity> identities;
  private final boolean anyIdentity;
  private final boolean requireSignature;

  private TrustPolicy(
      List<X509Certificate> x509Anchors,
      List<PublicKey> ed25519Keys,
      List<OpenPgpKeyring> openPgpKeyrings,
      Optional<SigstoreTrustedRoot> customSigstoreRoot,
      List<ExpectedIdentity> identities,
      boolean anyIdentity,
      boolean requireSignature) {
    this.x509Anchors = List.copyOf(x509Anchors);
    this.ed25519Keys = List.copyOf(ed25519Keys);
    this.openPgpKeyrings = List.copyOf(openPgpKeyrings);
    this.customSigstoreRoot = Objects.requireNonNull(customSigstoreRoot, "customSigstoreRoot");
    this.identities = List.copyOf(identities);
    this.anyIdentity = anyIdentity;
    this.requireSignature = requireSignature;
  }

  /**
   * Trust anchors for RECORD.p7s certificate paths.
   *
   * @return the anchors
   */
  public List<X509Certificate> x509Anchors() {
    return x509Anchors;
  }

  /**
   * Trusted RECORD.jws signing keys.
   *
   * @return the keys
   */
  public List<PublicKey> ed25519Keys() {
    return ed25519Keys;
  }

  /**
   * Keyrings for detached OpenPGP signatures.
   *
   * @return the keyrings
   */
  public List<OpenPgpKeyring> openPgpKeyrings() {
    return openPgpKeyrings;
  }

  /**
   * The Sigstore trusted root for PEP 740: the caller's, or the bundled public-good root (parsed on first use, so a
   * policy that never meets an attestation never pays for it).
   *
   * @return the root
   */
  public SigstoreTrustedRoot sigstoreRoot() {
    return customSigstoreRoot.orElseGet(SigstoreTrustedRoot::publicGood);
  }

  /**
   * Publishers a PEP 740 attestation must name (any one of them); empty accepts any publisher.
   *
   * @return the identities
   */
  public List<ExpectedIdentity> identities() {
    return identities;
  }

  /**
   * Whether a PEP 740 attestation by any Sigstore identity is trusted when no identity is pinned (the weaker check:
   * it proves the wheel was signed by somebody whom the transparency log recorded, not by its publisher).
   *
   * @return the flag
   */
  public boolean anyIdentity() {
    return anyIdentity;
  }

  /**
   * Whether a missing or untrusted signature fails the artifact (applied by the caller).
   *
   * @return the flag
   */
  public boolean requireSignature() {
    return requireSignature;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustPolicy t
        && x509Anchors.equals(t.x509Anchors)
        && ed25519Keys.equals(t.ed25519Keys)
        && openPgpKeyrings.equals(t.openPgpKeyrings)
        && customSigstoreRoot.equals(t.customSigstoreRoot)
        && identities.equals(t.identities)
        && anyIdentity == t.anyIdentity
        && requireSignature == t.requireSignature;
  }

  @Override
  public int hashCode() {
    return Objects.hash(x509Anchors, ed25519Keys, openPgpKeyrings, customSigstoreRoot, identities, anyIdentity, requireSignature);
  }

  @Override
  public String toString() {
    return "TrustPolicy[anchors=" + x509Anchors.size() + ", ed25519Keys=" + ed25519Keys.size() + ", keyrings="
        + openPgpKeyrings.size() + ", sigstoreRoot=" + (customSigstoreRoot.isPresent() ? "custom" : "public-good")
        + ", identities=" + identities + ", anyIdentity=" + anyIdentity + ", requireSignature=" + requireSignature + "]";
  }

  /**
   * The default policy: no anchors, keys or keyrings, the public-good Sigstore root, any publisher, no signature
   * required.
   *
   * @return the policy
   */
  public static TrustPolicy defaults() {
    return builder().build();
  }

  /**
   * The finding for an artifact with no signature at all: an error {@code signature.missing} when a signature is
   * required, nothing otherwise (the report contract does not report it then).
   *
   * @param path the artifact path, or empty
   * @return the finding, when one is due
   */
  public Optional<Finding> missingSignature(String path) {
    return requireSignature
        ? Optional.of(Finding.error(Codes.SIGNATURE_MISSING, path, "no signature, and a signature is required"))
        : Optional.empty();
  }

  /**
   * A builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TrustPolicy}. Not thread-safe. */
  public static final class Builder {
    private final List<X509Certificate> anchors = new ArrayList<>();
    private final List<PublicKey> keys = new ArrayList<>();
    private final List<OpenPgpKeyring> keyrings = new ArrayList<>();
    private SigstoreTrustedRoot root;
    private final List<ExpectedIdentity> identities = new ArrayList<>();
    private boolean anyIdentity;
    private boolean requireSignature;

    private Builder() {}

    /**
     * Adds a trust anchor.
     *
     * @param anchor the certificate
     * @return this
     */
    public Builder x509Anchor(X509Certificate anchor) {
      anchors.add(Objects.requireNonNull(anchor, "anchor"));
      return this;
    }

    /**
     * Adds every certificate of a PEM text as a trust anchor (text outside the blocks is ignored).
     *
     * @param pem the text
     * @return this
     * @throws InvalidTrustMaterialException when there is no certificate or one is unreadable
     */
    public Builder x509AnchorsPem(String pem) throws InvalidTrustMaterialException {
      Optional<List<byte[]>> blocks = Crypto.pemBlocks(pem, "CERTIFICATE", 256);
      if (blocks.isEmpty() || blocks.get().isEmpty()) {
        throw new InvalidTrustMaterialException("no PEM certificate found");
      }
      for (byte[] der : blocks.get()) {
        try {
          anchors.add(Crypto.certificate(der));
        } catch (GeneralSecurityException e) {
          throw new InvalidTrustMaterialException("unreadable trust anchor: " + e.getMessage(), e);
        }
      }
      return this;
    }

    /**
     * Adds a trusted Ed25519 key.
     *
     * @param key an Ed25519 public key
     * @return this
     * @throws InvalidTrustMaterialException when the key is not Ed25519
     */
    public Builder ed25519Key(PublicKey key) throws InvalidTrustMaterialException {
      if (Crypto.rawEd25519(key).isEmpty()) {
        throw new InvalidTrustMaterialException("not an Ed25519 public key: " + key.getAlgorithm());
      }
      keys.add(key);
      return this;
    }

    /**
     * Adds a trusted Ed25519 key written as a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo) or as the raw url-safe
     * base64 {@code vk} of the historical RECORD.jws format.
     *
     * @param text the key text
     * @return this
     * @throws InvalidTrustMaterialException when it is neither
     */
    public Builder ed25519Key(String text) throws InvalidTrustMaterialException {
      String t = text.strip();
      try {
        if (t.contains("-----BEGIN")) {
          Optional<List<byte[]>> blocks = Crypto.pemBlocks(t, "PUBLIC KEY", 16);
          if (blocks.isEmpty() || blocks.get().isEmpty()) {
            throw new InvalidTrustMaterialException("no PEM PUBLIC KEY block found");
          }
          for (byte[] der : blocks.get()) {
            ed25519Key(Crypto.publicKey(der));
          }
          return this;
        }
        byte[] raw =
            Crypto.b64url(t).orElseThrow(() -> new InvalidTrustMaterialException("Ed25519 key is not base64"));
        keys.add(Crypto.ed25519(raw));
        return this;
      } catch (GeneralSecurityException e) {
        throw new InvalidTrustMaterialException("unreadable Ed25519 key: " + e.getMessage(), e);
      }
    }

    /**
     * Adds a trusted Ed25519 key file's bytes (PEM or raw url-safe base64 text).
     *
     * @param file the file content
     * @return this
     * @throws InvalidTrustMaterialException when unreadable
     */
    public Builder ed25519Key(byte[] file) throws InvalidTrustMaterialException {
      if (file.length > 64 * 1024) {
        throw new InvalidTrustMaterialException("key file too large");
      }
      return ed25519Key(new String(file, StandardCharsets.UTF_8));
    }

    /**
     * Adds an OpenPGP keyring.
     *
     * @param keyring the keyring
     * @return this
     */
    public Builder openPgpKeyring(OpenPgpKeyring keyring) {
      keyrings.add(Objects.requireNonNull(keyring, "keyring"));
      return this;
    }

    /**
     * Replaces the Sigstore trusted root.
     *
     * @param trustedRoot the root
     * @return this
     */
    public Builder sigstoreRoot(SigstoreTrustedRoot trustedRoot) {
      this.root = Objects.requireNonNull(trustedRoot, "trustedRoot");
      return this;
    }

    /**
     * Adds an accepted publisher identity.
     *
     * @param identity the identity
     * @return this
     */
    public Builder identity(ExpectedIdentity identity) {
      identities.add(Objects.requireNonNull(identity, "identity"));
      return this;
    }

    /**
     * Trusts a PEP 740 attestation by any Sigstore identity when none is pinned (off by default).
     *
     * @param any the flag
     * @return this
     */
    public Builder anyIdentity(boolean any) {
      this.anyIdentity = any;
      return this;
    }

    /**
     * Sets whether a signature is required.
     *
     * @param required the flag
     * @return this
     */
    public Builder requireSignature(boolean required) {
      this.requireSignature = required;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public TrustPolicy build() {
      return new TrustPolicy(
          anchors,
          keys,
          keyrings,
          Optional.ofNullable(root),
          identities,
          anyIdentity,
          requireSignature);
    }
  }
}
