package dev.wheeltapper.provenance.internal;

import java.util.Objects;
import java.util.function.Function;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;

/**
 * The OpenPGP verifier's way into an {@code OpenPgpKeyring}'s parsed rings, which the public class keeps private so that
 * no Bouncy Castle type is part of the public API. The keyring installs the accessor when its class is initialised,
 * which happens before any keyring exists to be passed here. Typed {@code Object} so that this package, below
 * {@code provenance.trust}, does not import it. Thread-safe.
 */
public final class KeyringAccess {
  private static volatile Function<Object, PGPPublicKeyRingCollection> access;

  private KeyringAccess() {}

  /**
   * Installs the accessor; called once, by the keyring class.
   *
   * @param accessor reads a keyring's rings
   */
  public static void install(Function<Object, PGPPublicKeyRingCollection> accessor) {
    access = Objects.requireNonNull(accessor);
  }

  /**
   * The parsed rings of a keyring.
   *
   * @param keyring an {@code OpenPgpKeyring}
   * @return its rings
   */
  public static PGPPublicKeyRingCollection rings(Object keyring) {
    return access.apply(Objects.requireNonNull(keyring));
  }
}
