package dev.wheeltapper.cli;

import java.util.Map;

/** One-line descriptions of the finding codes, used by SARIF rules and the text output. */
final class Rules {
  private Rules() {}

  private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry("zip.not-a-zip", "The file is not a readable ZIP archive."),
      Map.entry("zip.duplicate-entry", "Two entries share a name."),
      Map.entry("zip.header-mismatch", "A local file header disagrees with its central directory record."),
      Map.entry("zip.overlapping-entries", "Entries overlap, or an entry points outside the archive."),
      Map.entry("zip.extra-data", "Bytes that no entry accounts for."),
      Map.entry("zip.unsafe-path", "An entry name that is absolute, climbs out, or holds unsafe characters."),
      Map.entry("zip.unsupported-method", "Compression other than stored or deflate, or an encrypted entry."),
      Map.entry("zip.crc-mismatch", "Inflated data fails its CRC-32."),
      Map.entry("zip.limit-exceeded", "A configured size, count or ratio limit was exceeded."),
      Map.entry("wheel.filename-invalid", "The file name does not follow the wheel naming rules."),
      Map.entry("wheel.dist-info-missing", "No .dist-info directory, or more than one."),
      Map.entry("wheel.dist-info-mismatch", "The .dist-info name or version disagrees with the file name."),
      Map.entry("wheel.wheel-file-invalid", "WHEEL missing or unreadable, or an unsupported Wheel-Version."),
      Map.entry("wheel.tag-mismatch", "The Tag lines of WHEEL disagree with the file name's tags."),
      Map.entry("metadata.invalid", "METADATA missing, unparseable, or missing a required field."),
      Map.entry("metadata.mismatch", "METADATA Name or Version disagrees with the file name."),
      Map.entry("record.missing", "No RECORD file."),
      Map.entry("record.invalid", "A malformed RECORD line or hash."),
      Map.entry("record.unlisted-file", "An archive file that RECORD does not list."),
      Map.entry("record.missing-file", "A RECORD row for a file that is not in the archive."),
      Map.entry("record.hash-mismatch", "Content does not match the RECORD hash."),
      Map.entry("record.size-mismatch", "Content length does not match the RECORD size."),
      Map.entry("record.weak-hash", "A hash algorithm weaker than sha256, or unknown."),
      Map.entry("record.no-hash", "A file listed in RECORD without a hash."),
      Map.entry("signature.invalid", "A signature that does not verify."),
      Map.entry("signature.untrusted", "A valid signature from a key outside the trust given."),
      Map.entry("signature.missing", "No signature at all."),
      Map.entry("binary.unparseable", "A file that claims a native format but cannot be parsed."),
      Map.entry("binary.malformed", "A native binary that parses, with structural damage or a reader limit reached."),
      Map.entry("policy.platform-mismatch", "A binary contradicts the wheel's platform tag."),
      Map.entry("policy.foreign-binary", "A binary for another platform that nothing on the wheel's platform loads."),
      Map.entry("policy.manylinux-violation", "A symbol version or library beyond the claimed policy."),
      Map.entry("policy.abi3-violation", "An abi3 extension uses symbols outside the Limited API."));

  static String describe(String code) {
    String d = DESCRIPTIONS.get(code);
    if (d != null) {
      return d;
    }
    if (code.startsWith("hardening.")) {
      return "A missing hardening feature: " + code.substring("hardening.".length()) + ".";
    }
    return "Finding " + code + ".";
  }
}
