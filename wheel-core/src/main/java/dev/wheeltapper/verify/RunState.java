package dev.wheeltapper.verify;

import dev.wheeltapper.provenance.SignatureResult;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.DistInfoFiles;
import dev.wheeltapper.wheel.WheelFilename;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.Record;
import dev.wheeltapper.zip.ZipLimits;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one verification, handed from stage to stage (dist-info consistency, RECORD, content pass, signature
 * dispatch). Written by the run's thread only; the content pass's workers read it (set before they start) and return
 * their findings instead of adding them.
 */
final class RunState {
  final SeekableByteChannel channel;
  final String fileName;
  final ZipLimits limits;
  final Optional<Path> location;
  final CappedFindings findings;
  Optional<WheelFilename> filename = Optional.empty();
  Optional<DistInfoDirectory> distInfo = Optional.empty();
  Optional<WheelInfo> wheelInfo = Optional.empty();
  Optional<CoreMetadata> metadata = Optional.empty();
  Optional<Record> record = Optional.empty();
  /** The dist-info files read whole (the content pass hashes them from memory); set once the scan is made. */
  DistInfoFiles files;
  /** RECORD's bytes, for the RECORD.jws / RECORD.p7s signatures; null when RECORD cannot be read. */
  byte[] recordBytes;
  /** RECORD.jws / RECORD.p7s entries and their bytes, read with the other dist-info files. */
  final Map<String, byte[]> signatureEntries = new LinkedHashMap<>();
  final List<SignatureResult> signatures = new ArrayList<>();

  RunState(SeekableByteChannel channel, String fileName, ZipLimits limits, Optional<Path> location) {
    this.channel = channel;
    this.fileName = fileName;
    this.limits = limits;
    this.location = location;
    this.findings = new CappedFindings(limits.maxFindings());
  }

  /** Whether the path is RECORD.jws or RECORD.p7s of the located .dist-info directory. */
  boolean isSignatureFile(String path) {
    return distInfo.isPresent()
        && path.startsWith(distInfo.get().name() + "/")
        && DistInfoFiles.SIGNATURE_FILES.contains(path.substring(distInfo.get().name().length() + 1));
  }
}
