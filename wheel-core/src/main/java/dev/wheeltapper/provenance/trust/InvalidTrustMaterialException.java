package dev.wheeltapper.provenance.trust;

/**
 * Trust material given by the caller (a PEM certificate, an Ed25519 key, an OpenPGP keyring, a Sigstore trusted root)
 * could not be read. Unlike a bad signature, which is a verdict, this is a configuration error the caller must fix.
 */
public final class InvalidTrustMaterialException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read, and why
   */
  public InvalidTrustMaterialException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what could not be read, and why
   * @param cause the underlying error
   */
  public InvalidTrustMaterialException(String message, Throwable cause) {
    super(message, cause);
  }
}
