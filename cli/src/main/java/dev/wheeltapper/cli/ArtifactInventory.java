package dev.wheeltapper.cli;

import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.audit.WheelAuditReport;
import dev.wheeltapper.policy.BinaryLinkage;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.record.HashFormatException;
import dev.wheeltapper.wheel.record.RecordEntry;
import dev.wheeltapper.wheel.sbom.DistInfoSboms;
import dev.wheeltapper.wheel.sbom.EmbeddedSbom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an artifact is made of, beyond its verdicts, for inventories (the CycloneDX SBOM) and the JSON {@code sboms}
 * field: the SBOMs the wheel carries (PEP 770), the SHA-256 of each native binary whose content the run verified, the
 * {@code DT_SONAME} of each ELF binary, and the wheel's languages and memory-safety verdict over all its binaries.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sboms the files under {@code .dist-info/sboms/}, in entry order
 * @param sha256 per binary path: the lower-case hex SHA-256 of its content, only where the run verified it (a RECORD
 *     sha256 the content pass matched, or the file itself for a bare binary)
 * @param sonames per ELF binary path: its {@code DT_SONAME}, where it has one
 * @param languages the languages over every binary of the wheel, in first-seen order; empty when not audited
 * @param memorySafe the wheel's memory-safety label ({@code yes}, {@code mixed}, {@code no}, {@code unknown}), when
 *     audited or inspected
 */
public record ArtifactInventory(
    List<EmbeddedSbom> sboms,
    Map<String, String> sha256,
    Map<String, String> sonames,
    List<String> languages,
    Optional<String> memorySafe) {

  /** Nothing known: what a report made without the inventory carries. */
  public static final ArtifactInventory NONE =
      new ArtifactInventory(List.of(), Map.of(), Map.of(), List.of(), Optional.empty());

  /** Copies, keeping the maps' order, and rejects nulls. */
  public ArtifactInventory {
    sboms = List.copyOf(sboms);
    sha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    sonames = Collections.unmodifiableMap(new LinkedHashMap<>(sonames));
    languages = List.copyOf(languages);
    Objects.requireNonNull(memorySafe, "memorySafe");
  }

  /**
   * The inventory of a verified wheel: its carried SBOMs only (verify inspects no binaries).
   *
   * @param r the verification
   * @param file the wheel file
   * @return the inventory
   */
  static ArtifactInventory ofVerified(VerificationReport r, Path file) {
    List<String> names = r.record().map(rec -> rec.entries().stream().map(RecordEntry::path).toList())
        .orElse(List.of());
    return new ArtifactInventory(sboms(r, names, Optional.of(() -> Wheel.open(file))), Map.of(), Map.of(), List.of(),
        Optional.empty());
  }

  /**
   * The inventory of an audited (or inspected) wheel.
   *
   * @param a the audit
   * @param file the wheel file
   * @return the inventory
   */
  static ArtifactInventory ofAudited(WheelAuditReport a, Optional<Reopen> file) {
    VerificationReport r = a.verification();
    Map<String, String> hashes = new LinkedHashMap<>();
    if (r.fullyRead() && r.record().isPresent()) {
      for (var b : a.binaries().inspected()) {
        recordSha256(r, b.path()).ifPresent(h -> hashes.put(b.path(), h));
      }
      for (NativeBinaries.Recognised b : a.binaries().recognised()) {
        recordSha256(r, b.path()).ifPresent(h -> hashes.put(b.path(), h));
      }
    }
    return new ArtifactInventory(sboms(r, a.entryNames(), file), hashes, sonames(a.binaries()), a.languages(),
        Optional.of(a.memorySafe().label()));
  }

  /**
   * The inventory of a bare binary: the file's own hash for each of its binaries (a fat Mach-O's slices share it).
   *
   * @param b what the inspection found
   * @param display the binary's path as reported
   * @param sha256 the file's SHA-256
   * @return the inventory
   */
  static ArtifactInventory ofBinary(NativeBinaries.Result b, String display, String sha256) {
    Map<String, String> hashes = new LinkedHashMap<>();
    b.inspected().forEach(i -> hashes.put(i.path(), sha256));
    b.recognised().forEach(i -> hashes.put(i.path(), sha256));
    hashes.putIfAbsent(display, sha256);
    return new ArtifactInventory(List.of(), hashes, sonames(b), List.of(), Optional.empty());
  }

  private static Map<String, String> sonames(NativeBinaries.Result b) {
    Map<String, String> out = new LinkedHashMap<>();
    for (BinaryLinkage l : b.linkages()) {
      l.soname().ifPresent(s -> out.putIfAbsent(l.path(), s));
    }
    return out;
  }

  /**
   * The RECORD sha256 of an entry, as hex, when the content pass matched it: every entry was read and no error of
   * the record or ZIP layers names the entry (a warning such as a data descriptor says nothing against the bytes).
   */
  private static Optional<String> recordSha256(VerificationReport r, String path) {
    boolean clean = r.findings().stream().noneMatch((Finding f) -> f.path().equals(path)
        && f.severity() == Severity.ERROR && (f.code().startsWith("record.") || f.code().startsWith("zip.")));
    Optional<RecordEntry> row = r.record().flatMap(rec -> rec.find(path));
    if (!clean || row.isEmpty() || row.get().hash().isEmpty()
        || !row.get().hash().get().algorithm().equals("sha256")) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().formatHex(row.get().hash().get().decode()));
    } catch (HashFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The SBOMs under the wheel's {@code .dist-info/sboms/}, read through the library when the wheel's entries (or its
   * RECORD) name one: a wheel without them is not opened a second time. A wheel the strict reader refuses has its
   * structural findings already and lists no SBOM.
   */
  private static List<EmbeddedSbom> sboms(VerificationReport r, Collection<String> names, Optional<Reopen> file) {
    if (r.distInfo().isEmpty() || file.isEmpty()) {
      return List.of();
    }
    String prefix = r.distInfo().get().resolve("sboms/");
    if (names.stream().noneMatch(n -> n.startsWith(prefix) && n.length() > prefix.length())) {
      return List.of();
    }
    try (Wheel w = file.get().open()) {
      return DistInfoSboms.read(w);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Opens the artifact's wheel once more, for the SBOMs it carries: from its file, or from the channel it was read from. */
  @FunctionalInterface
  interface Reopen {
    /**
     * Opens the wheel.
     *
     * @return the wheel, through the strict layer
     * @throws IOException when it cannot be read
     */
    Wheel open() throws IOException;
  }
}
