package dev.wheeltapper.wheel.sbom;

import dev.wheeltapper.wheel.DistInfoException;
import dev.wheeltapper.wheel.DistInfoFile;
import dev.wheeltapper.wheel.Wheel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the SBOMs a wheel carries under {@code .dist-info/sboms/} (PEP 770) into {@link EmbeddedSbom}s, within fixed
 * bounds: at most {@link #MAX_FILES} files are read (the rest are listed, unread, with a problem saying so), each of
 * at most {@link #MAX_BYTES} bytes, one at a time, so that memory never exceeds one capped file whatever the wheel
 * declares. A file too large, unreadable or not identifiable is still listed, with its problem: nothing the wheel
 * carries there is silently dropped.
 *
 * <pre>{@code
 * try (Wheel wheel = Wheel.open(Path.of("numpy-2.3.0-cp312-cp312-manylinux_2_28_x86_64.whl"))) {
 *   List<EmbeddedSbom> sboms = DistInfoSboms.read(wheel);   // [auditwheel.cdx.json: CYCLONEDX 1.4, ...]
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; the wheel's own rules apply to reading it concurrently.
 */
public final class DistInfoSboms {
  /** The most files read from one wheel's {@code sboms/} directory. */
  public static final int MAX_FILES = 256;
  /** The largest SBOM file read, in bytes (16 MiB). */
  public static final int MAX_BYTES = 16 << 20;

  private DistInfoSboms() {}

  /**
   * Reads every file under the wheel's {@code .dist-info/sboms/}, in central-directory order.
   *
   * @param wheel an open wheel
   * @return one element per file, possibly none
   * @throws DistInfoException when the wheel's {@code .dist-info} directory cannot be determined
   */
  public static List<EmbeddedSbom> read(Wheel wheel) throws DistInfoException {
    List<DistInfoFile> files = wheel.sboms();
    List<EmbeddedSbom> out = new ArrayList<>(Math.min(files.size(), MAX_FILES + 1));
    for (int i = 0; i < files.size(); i++) {
      DistInfoFile f = files.get(i);
      out.add(i < MAX_FILES ? read(wheel, f)
          : unread(f, f.entry().size(), "not read: more than " + MAX_FILES + " files under sboms/"));
    }
    return List.copyOf(out);
  }

  private static EmbeddedSbom read(Wheel wheel, DistInfoFile f) {
    String name = f.entry().name();
    if (f.entry().size() > MAX_BYTES) {
      return unread(f, f.entry().size(), tooLarge());
    }
    MessageDigest sha256 = sha256();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    long total = 0;
    try (InputStream in = wheel.openEntry(name)) {
      byte[] chunk = new byte[8192];
      // Bounded: stops one byte past the cap, whatever the entry declared.
      for (int n; (n = in.read(chunk, 0, (int) Math.min(chunk.length, MAX_BYTES + 1L - total))) > 0; ) {
        total += n;
        if (total > MAX_BYTES) {
          return unread(f, total, tooLarge());
        }
        sha256.update(chunk, 0, n);
        buffer.write(chunk, 0, n);
      }
    } catch (IOException e) {
      return unread(f, total, "not read: " + e.getMessage());
    }
    byte[] bytes = buffer.toByteArray();
    String hex = HexFormat.of().formatHex(sha256.digest());
    SbomHeader h = SbomHeader.read(bytes, bytes.length);
    Optional<String> problem = Optional.ofNullable(h.problem);
    if (problem.isEmpty() && h.format() == EmbeddedSbom.Format.UNKNOWN) {
      problem = Optional.of("neither a CycloneDX nor an SPDX JSON document");
    }
    return new EmbeddedSbom(f.path(), name, total, Optional.of(hex), h.format(), h.specVersion(), h.serialNumber(),
        h.bomVersion(), problem);
  }

  private static String tooLarge() {
    return "not read: larger than " + MAX_BYTES + " bytes";
  }

  private static EmbeddedSbom unread(DistInfoFile f, long size, String problem) {
    return new EmbeddedSbom(f.path(), f.entry().name(), Math.max(0, size), Optional.empty(),
        EmbeddedSbom.Format.UNKNOWN, Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.of(problem));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
