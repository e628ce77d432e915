package dev.wheeltapper.verify;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.DistInfoException;
import dev.wheeltapper.wheel.DistInfoFiles;
import dev.wheeltapper.wheel.InvalidWheelFilenameException;
import dev.wheeltapper.wheel.Tag;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.MetadataFormatException;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipScan;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dist-info consistency: the file name parses, there is one {@code NAME-VERSION.dist-info} directory naming the same
 * distribution and version, WHEEL is a supported {@code Wheel-Version} with {@code Root-Is-Purelib} and the file
 * name's tags and build, and METADATA has its required fields and names the same distribution and version. Codes:
 * {@code wheel.filename-invalid}, {@code wheel.dist-info-missing}, {@code wheel.dist-info-mismatch}, {@code
 * wheel.wheel-file-invalid}, {@code wheel.newer-version}, {@code wheel.tag-mismatch}, {@code wheel.build-mismatch},
 * {@code metadata.invalid}, {@code metadata.mismatch}.
 */
final class DistInfoConsistency {
  /** Wheel-Version major versions this verifier understands. */
  static final int SUPPORTED_WHEEL_MAJOR = 1;

  /** Most tags one WHEEL Tag line expands to, and most kept over all lines (a hostile WHEEL costs no more). */
  private static final int MAX_TAGS_PER_LINE = WheelFilename.MAX_EXPANDED_TAGS;
  private static final int MAX_WHEEL_TAGS = 65_536;

  private DistInfoConsistency() {}

  static void checkFilename(RunState s) {
    try {
      s.filename = Optional.of(WheelFilename.parse(s.fileName));
    } catch (InvalidWheelFilenameException e) {
      s.findings.add(Finding.error(Codes.WHEEL_FILENAME_INVALID, "", e.getMessage()));
    }
  }

  static void checkDistInfo(RunState s, ZipScan scan) {
    try {
      DistInfoDirectory d = s.files.directory();
      s.distInfo = Optional.of(d);
      s.filename.ifPresent(f -> {
        if (!WheelFilename.normalizeName(d.distribution()).equals(f.normalizedName())) {
          s.findings.add(Finding.error(Codes.WHEEL_DIST_INFO_MISMATCH, d.name() + "/",
              "The .dist-info directory names the distribution '" + d.distribution() + "' but the file name says '"
                  + f.distribution() + "'.")
              .withFact("field", "name").withFact("distInfo", d.distribution()).withFact("fileName", f.distribution()));
        }
        if (!WheelFilename.sameVersion(d.version(), f.version())) {
          s.findings.add(Finding.error(Codes.WHEEL_DIST_INFO_MISMATCH, d.name() + "/",
              "The .dist-info directory names version " + d.version() + " but the file name says " + f.version()
                  + ".")
              .withFact("field", "version").withFact("distInfo", d.version()).withFact("fileName", f.version()));
        }
      });
    } catch (DistInfoException e) {
      // An archive read only in part (a limit stopped the scan) may hold its .dist-info beyond the stop: the
      // zip.limit-exceeded error says why, a "missing" here would be a false follow-on.
      if (scan.complete()) {
        s.findings.add(Finding.error(Codes.WHEEL_DIST_INFO_MISSING, "", e.getMessage()));
      }
    }
  }

  /** Reads a small dist-info file whole, within the metadata limit, through the one dist-info reader. */
  static Optional<byte[]> readSmall(RunState s, ScannedEntry e) throws IOException {
    return s.files.read(e, s.limits.maxMetadataFileSize()).bytes();
  }

  /** RECORD.jws and RECORD.p7s, read for the signature dispatch. */
  static void readSignatureFiles(RunState s, ZipScan scan, DistInfoDirectory d) throws IOException {
    for (String sig : DistInfoFiles.SIGNATURE_FILES) {
      Optional<ScannedEntry> e = s.files.entry(d.resolve(sig));
      if (e.isPresent()) {
        Optional<byte[]> bytes = readSmall(s, e.get());
        if (bytes.isPresent()) {
          s.signatureEntries.put(d.resolve(sig), bytes.get());
        } else {
          s.findings.add(Finding.error(Codes.SIGNATURE_INVALID, d.resolve(sig), sig + " cannot be read."));
        }
      }
    }
  }

  static void checkWheelFile(RunState s, ZipScan scan, DistInfoDirectory d) throws IOException {
    String path = d.resolve("WHEEL");
    Optional<ScannedEntry> e = s.files.entry(path);
    if (e.isEmpty()) {
      if (scan.complete()) {
        s.findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path, "The wheel has no WHEEL file."));
      }
      return;
    }
    Optional<byte[]> bytes = readSmall(s, e.get());
    if (bytes.isEmpty()) {
      return;
    }
    WheelInfo info;
    try {
      info = WheelInfo.parse(bytes.get());
    } catch (MetadataFormatException ex) {
      s.findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path, "WHEEL cannot be read: " + ex.getMessage()));
      return;
    }
    s.wheelInfo = Optional.of(info);
    Optional<String> version = info.wheelVersion();
    if (version.isEmpty()) {
      s.findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path, "WHEEL has no Wheel-Version."));
    } else {
      String[] parts = version.get().trim().split("\\.", -1);
      int major;
      int minor;
      try {
        major = Integer.parseInt(parts[0]);
        minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      } catch (NumberFormatException ex) {
        major = -1;
        minor = 0;
      }
      if (major < 0 || parts.length > 2) {
        s.findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path,
            "WHEEL has an invalid Wheel-Version '" + version.get() + "'.").withFact("wheelVersion", version.get()));
      } else if (major != SUPPORTED_WHEEL_MAJOR) {
        s.findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path,
            "Wheel-Version " + version.get() + " is not supported: only 1.x wheels can be installed.")
            .withFact("wheelVersion", version.get()));
      } else if (minor > 0) {
        s.findings.add(Finding.warning(Codes.WHEEL_NEWER_VERSION, path,
            "Wheel-Version " + version.get() + " is newer than 1.0; installers warn and go on.")
            .withFact("wheelVersion", version.get()));
      }
    }
    if (info.rootIsPurelib().isEmpty()) {
      s.findings.add(Finding.error(Codes.WHEEL_WHEEL_FILE_INVALID, path,
          "WHEEL has no valid Root-Is-Purelib (true or false), so installers cannot tell where files go."));
    }
    s.filename.ifPresent(f -> checkTags(s, f, info, path));
  }

  /** Expands one {@code Tag} line's compressed sets ({@code py2.py3-none-any}), bounded as the file name's are. */
  private static void expandTagLine(String line, Set<String> into) {
    String[] parts = line.trim().split("-", -1);
    if (parts.length != 3) {
      into.add(line.trim());
      return;
    }
    String[] py = parts[0].split("\\.", -1);
    String[] abi = parts[1].split("\\.", -1);
    String[] plat = parts[2].split("\\.", -1);
    if ((long) py.length * abi.length * plat.length > MAX_TAGS_PER_LINE) {
      into.add(line.trim());
      return;
    }
    for (String p : py) {
      for (String a : abi) {
        for (String pl : plat) {
          into.add(p + "-" + a + "-" + pl);
        }
      }
    }
  }

  /**
   * The file name's tags against WHEEL's {@code Tag} lines, both expanded (maturin writes compressed tag sets in
   * WHEEL too). pip, installer and uv install by the file name's tags and never read {@code Tag}, so a difference
   * is a warning that says which side claims what.
   */
  private static void checkTags(RunState s, WheelFilename f, WheelInfo info, String path) {
    Set<String> fromName = new LinkedHashSet<>();
    for (Tag t : f.tags()) {
      fromName.add(t.toString());
    }
    Set<String> fromWheel = new LinkedHashSet<>();
    for (String line : info.tags()) {
      if (fromWheel.size() >= MAX_WHEEL_TAGS) {
        break;
      }
      expandTagLine(line, fromWheel);
    }
    if (fromWheel.isEmpty()) {
      s.findings.add(Finding.warning(Codes.WHEEL_TAG_MISMATCH, path, "WHEEL has no Tag lines (installers go by the"
          + " file name's tags " + fromName + ")."));
    } else if (!fromWheel.equals(fromName)) {
      Set<String> onlyName = new LinkedHashSet<>(fromName);
      onlyName.removeAll(fromWheel);
      Set<String> onlyWheel = new LinkedHashSet<>(fromWheel);
      onlyWheel.removeAll(fromName);
      s.findings.add(Finding.warning(Codes.WHEEL_TAG_MISMATCH, path,
          "The Tag lines of WHEEL and the file name claim different tags"
              + (onlyName.isEmpty() ? "" : "; only the file name claims " + onlyName)
              + (onlyWheel.isEmpty() ? "" : "; only WHEEL claims " + onlyWheel)
              + ". Installers go by the file name.")
          .withFact("onlyFileName", String.join(" ", onlyName)).withFact("onlyWheel", String.join(" ", onlyWheel)));
    }
    Optional<String> nameBuild = f.build().map(b -> b.value());
    Optional<String> wheelBuild = info.build();
    if (wheelBuild.isPresent() && !wheelBuild.equals(nameBuild)) {
      // installers sort and install by the file name's build tag and never read WHEEL's Build line
      s.findings.add(Finding.warning(Codes.WHEEL_BUILD_MISMATCH, path,
          "WHEEL says Build: " + wheelBuild.get() + " but the file name's build tag is "
              + nameBuild.orElse("absent") + " (installers go by the file name).")
          .withFact("wheel", wheelBuild.get()).withFact("fileName", nameBuild.orElse("")));
    } else if (wheelBuild.isEmpty() && nameBuild.isPresent()) {
      s.findings.add(Finding.warning(Codes.WHEEL_BUILD_MISMATCH, path,
          "The file name has build tag " + nameBuild.get() + " but WHEEL has no Build line.")
          .withFact("wheel", "").withFact("fileName", nameBuild.get()));
    }
  }

  static void checkMetadata(RunState s, ZipScan scan, DistInfoDirectory d) throws IOException {
    String path = d.resolve("METADATA");
    Optional<ScannedEntry> e = s.files.entry(path);
    if (e.isEmpty()) {
      if (scan.complete()) {
        s.findings.add(Finding.error(Codes.METADATA_INVALID, path, "The wheel has no METADATA file."));
      }
      return;
    }
    Optional<byte[]> bytes = readSmall(s, e.get());
    if (bytes.isEmpty()) {
      return;
    }
    CoreMetadata md;
    try {
      md = CoreMetadata.parse(bytes.get());
    } catch (MetadataFormatException ex) {
      s.findings.add(Finding.error(Codes.METADATA_INVALID, path, "METADATA cannot be read: " + ex.getMessage()));
      return;
    }
    s.metadata = Optional.of(md);
    for (String required : List.of("Metadata-Version", "Name", "Version")) {
      if (md.get(required).filter(v -> !v.isBlank()).isEmpty()) {
        s.findings.add(Finding.error(Codes.METADATA_INVALID, path,
            "METADATA lacks the required field " + required + ".").withFact("field", required));
      }
    }
    s.filename.ifPresent(f -> {
      md.name().filter(n -> !n.isBlank()).ifPresent(n -> {
        if (!WheelFilename.normalizeName(n).equals(f.normalizedName())) {
          s.findings.add(Finding.error(Codes.METADATA_MISMATCH, path,
              "METADATA Name is '" + n + "' but the file name says '" + f.distribution() + "'.")
              .withFact("field", "Name").withFact("metadata", n).withFact("fileName", f.distribution()));
        }
      });
      md.version().filter(v -> !v.isBlank()).ifPresent(v -> {
        if (!WheelFilename.sameVersion(v, f.version())) {
          s.findings.add(Finding.error(Codes.METADATA_MISMATCH, path,
              "METADATA Version is " + v + " but the file name says " + f.version() + ".")
              .withFact("field", "Version").withFact("metadata", v).withFact("fileName", f.version()));
        }
      });
    });
  }
}
