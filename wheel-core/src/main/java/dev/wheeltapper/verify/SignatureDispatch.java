package dev.wheeltapper.verify;

import dev.wheeltapper.provenance.SignatureKind;
import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.provenance.SignatureStatus;
import dev.wheeltapper.provenance.TrustPolicy;
import dev.wheeltapper.provenance.cms.RecordP7sVerifier;
import dev.wheeltapper.provenance.jws.RecordJwsVerifier;
import dev.wheeltapper.provenance.openpgp.OpenPgpVerifier;
import dev.wheeltapper.provenance.pep740.AttestationResult;
import dev.wheeltapper.provenance.pep740.Pep740Verifier;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signature dispatch: RECORD.jws and RECORD.p7s inside the wheel, and {@code NAME.whl.asc} (OpenPGP) and the PEP 740
 * attestations and provenance beside it, each handed to its {@code provenance} form under the run's trust policy. A
 * valid RECORD signature over a RECORD the content contradicts is invalid. With no signature at all, the policy may
 * require one.
 */
final class SignatureDispatch {
  /** Signature files beside a wheel that are looked at; more is not a real layout. */
  private static final int MAX_SIDECARS = 64;

  /** The largest signature file read beside a wheel (an attestation is a few KiB; the JSON parser caps at 4 MiB). */
  private static final long MAX_SIDECAR_BYTES = 4L << 20;

  private final RunState s;
  private final TrustPolicy trust;

  SignatureDispatch(RunState s, TrustPolicy trust) {
    this.s = s;
    this.trust = trust;
  }

  void run(String sha256Hex) throws IOException {
    boolean recordIntact = s.findings.stream().noneMatch(f -> f.isError()
        && (f.area().equals("record") || f.area().equals("zip")));
    for (var e : s.signatureEntries.entrySet()) {
      boolean jws = e.getKey().endsWith("RECORD.jws");
      if (s.recordBytes == null) {
        add(SignatureResult.of(jws ? SignatureKind.RECORD_JWS : SignatureKind.RECORD_P7S, SignatureStatus.INVALID,
            Optional.empty(), "there is no readable RECORD for it to sign", e.getKey(), List.of())
            .withSource(e.getKey()));
        continue;
      }
      SignatureResult r = jws
          ? RecordJwsVerifier.verify(e.getValue(), s.recordBytes, trust, e.getKey())
          : RecordP7sVerifier.verify(e.getValue(), s.recordBytes, trust, e.getKey());
      if (r.status() == SignatureStatus.VALID && !recordIntact) {
        // A signature vouches for RECORD only; a RECORD that does not match the content vouches for nothing.
        r = SignatureResult.of(r.kind(), SignatureStatus.INVALID, r.signer(),
            r.detail() + "; but RECORD does not match the archive's content, so the signature vouches for nothing",
            e.getKey(), r.findings());
      }
      add(r.withSource(e.getKey()));
    }
    if (s.location.isPresent()) {
      for (Path side : sidecars(s.location.get())) {
        String sideName = String.valueOf(side.getFileName());
        Optional<SignatureKind> kind = SignatureKind.ofFileName(sideName);
        if (kind.isEmpty()) {
          continue;
        }
        byte[] bytes = readSidecar(side, sideName);
        if (bytes == null) {
          continue;
        }
        if (kind.get() == SignatureKind.OPENPGP) {
          try (InputStream in = Files.newInputStream(s.location.get())) {
            add(OpenPgpVerifier.verify(in, bytes, trust, sideName).withSource(sideName));
          }
        } else {
          for (AttestationResult a
              : Pep740Verifier.verify(bytes, s.fileName, HexFormat.of().parseHex(sha256Hex), trust, sideName)) {
            add(a.signature().withSource(sideName));
          }
        }
      }
    }
    if (s.signatures.isEmpty()) {
      trust.missingSignature("").ifPresent(s.findings::add);
    }
  }

  private void add(SignatureResult r) {
    s.signatures.add(r);
    s.findings.addAll(r.findingsUnder(trust));
  }

  /** Signature files beside the wheel ({@code NAME.whl.asc}, {@code NAME.whl.*.attestation}, ...), sorted. */
  private List<Path> sidecars(Path wheel) throws IOException {
    Path dir = wheel.toAbsolutePath().getParent();
    if (dir == null) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    String prefix = s.fileName + ".";
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir,
        p -> String.valueOf(p.getFileName()).startsWith(prefix))) {
      for (Path p : stream) {
        if (out.size() >= MAX_SIDECARS) {
          break;
        }
        out.add(p);
      }
    }
    out.sort(null);
    return out;
  }

  private byte[] readSidecar(Path side, String name) throws IOException {
    long size = Files.size(side);
    if (size > MAX_SIDECAR_BYTES) {
      s.findings.add(Finding.error(Codes.SIGNATURE_INVALID, name,
          name + " is " + size + " bytes, more than the " + MAX_SIDECAR_BYTES + " a signature file may have.")
          .withFact("size", String.valueOf(size)).withFact("limit", String.valueOf(MAX_SIDECAR_BYTES)));
      return null;
    }
    return Files.readAllBytes(side);
  }
}
