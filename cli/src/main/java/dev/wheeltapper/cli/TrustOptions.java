package dev.wheeltapper.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The trust options of the commands that judge signatures ({@code verify}, {@code audit}); {@code inspect} does not
 * judge signatures and does not offer them (see {@code docs/cli.md}).
 */
final class TrustOptions {
  @Option(names = "--trust-cert", paramLabel = "PEM", description = "X.509 trust anchor for RECORD.p7s (repeatable)")
  List<Path> trustCerts = new ArrayList<>();

  @Option(names = "--trust-key", paramLabel = "FILE", description = "Ed25519 public key for RECORD.jws, PEM or url-safe base64 vk (repeatable)")
  List<Path> trustKeys = new ArrayList<>();

  @Option(names = "--keyring", paramLabel = "FILE", description = "OpenPGP public keyring for NAME.whl.asc signatures")
  List<Path> keyrings = new ArrayList<>();

  @Option(names = "--sigstore-root", paramLabel = "FILE", description = "Sigstore trusted_root.json replacing the bundled public-good root")
  Path sigstoreRoot;

  @Option(names = "--identity", paramLabel = "REPO[@WORKFLOW]", description = "publisher a PEP 740 attestation must name (repeatable)")
  List<String> identities = new ArrayList<>();

  @Option(names = "--any-identity",
      description = "trust a PEP 740 attestation by any Sigstore identity when no --identity is given (weaker)")
  boolean anyIdentity;

  @Option(names = "--require-signature", description = "a wheel without a valid, trusted signature fails")
  boolean requireSignature;

  Optional<Path> sigstoreRoot() {
    return Optional.ofNullable(sigstoreRoot);
  }
}
