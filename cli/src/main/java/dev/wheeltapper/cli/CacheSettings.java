package dev.wheeltapper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings of an {@code audit} that change a report before the gate, in words: the ZIP limits, and the trust
 * policy with the SHA-256 of each trust file's bytes (a keyring edited in place is a new setting). The cache keys
 * stored reports by a digest of this text ({@code docs/cache.md}). Not in it, because they change no stored report:
 * {@code --jobs}, the output options, and the gate's {@code --fail-on}, {@code --waivers} and {@code --baseline}
 * (applied to every report, replayed or audited, after the cache).
 */
final class CacheSettings {
  private CacheSettings() {}

  static String describe(CommonOptions o, TrustOptions t) throws UsageException {
    StringBuilder sb = new StringBuilder();
    sb.append("limits ").append(o.limits());
    sb.append("; requireSignature ").append(t.requireSignature).append("; anyIdentity ").append(t.anyIdentity);
    sb.append("; identities ").append(t.identities.stream().sorted().collect(Collectors.joining(",", "[", "]")));
    files(sb, "trustCerts", t.trustCerts);
    files(sb, "trustKeys", t.trustKeys);
    files(sb, "keyrings", t.keyrings);
    files(sb, "sigstoreRoot", t.sigstoreRoot().map(List::of).orElse(List.of()));
    return sb.toString();
  }

  private static void files(StringBuilder sb, String option, List<Path> files) throws UsageException {
    sb.append("; ").append(option).append(" [");
    for (int i = 0; i < files.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(digest(files.get(i)));
    }
    sb.append(']');
  }

  private static String digest(Path p) throws UsageException {
    try {
      // trust files are at most 16 MiB (Checks refuses larger ones before the cache is opened)
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UsageException("cannot read " + p + ": " + Targets.reason(e));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
