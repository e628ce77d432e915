package dev.wheeltapper.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares (see {@code docs/cli.md}). */
final class CommonOptions {
  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE})")
  Format format = Format.text;

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE (default: standard output)")
  Path output;

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

  @Option(names = "--require-signature", description = "a wheel without a valid, trusted signature fails")
  boolean requireSignature;

  @Option(names = "--jobs", paramLabel = "N", description = "artifacts processed in parallel (default: available processors)")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  Optional<Path> sigstoreRoot() {
    return Optional.ofNullable(sigstoreRoot);
  }
}
