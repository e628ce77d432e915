package dev.wheeltapper.wheel.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The raw part: reads only the top-level scalar fields of a JSON SBOM that identify it, with Jackson's streaming
 * parser under tight constraints (nesting depth, string and number lengths), skipping every nested value. Anything
 * that is not a JSON object, or breaks off, leaves what was read so far with the parser's message as the problem.
 */
final class SbomHeader {
  /** Longest identifying value kept; a longer one is not an identifier a consumer can use. */
  static final int MAX_VALUE = 512;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(256).maxStringLength(1 << 20).maxNumberLength(64).maxNameLength(1 << 16).build())
      .build();

  String bomFormat;
  String specVersion;
  String serialNumber;
  Integer version;
  String spdxVersion;
  String spdxId;
  String documentNamespace;
  String problem;

  private SbomHeader() {}

  /** Reads the identifying fields of {@code json}; never throws. */
  static SbomHeader read(byte[] json, int length) {
    SbomHeader h = new SbomHeader();
    try (JsonParser p = FACTORY.createParser(json, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        h.problem = "not a JSON object";
        return h;
      }
      // Bounded by the input: every token consumes bytes of a capped buffer.
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        switch (name) {
          case "bomFormat" -> h.bomFormat = text(p, v);
          case "specVersion" -> h.specVersion = text(p, v);
          case "serialNumber" -> h.serialNumber = text(p, v);
          case "version" -> h.version = v == JsonToken.VALUE_NUMBER_INT
              && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
          case "spdxVersion" -> h.spdxVersion = text(p, v);
          case "SPDXID" -> h.spdxId = text(p, v);
          case "documentNamespace" -> h.documentNamespace = text(p, v);
          default -> { }
        }
      }
    } catch (IOException e) {
      h.problem = "not valid JSON: " + firstLine(e.getMessage());
    }
    return h;
  }

  private static String text(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      return null;
    }
    String s = p.getText();
    return s.length() <= MAX_VALUE ? s : null;
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  EmbeddedSbom.Format format() {
    if ("CycloneDX".equals(bomFormat)) {
      return EmbeddedSbom.Format.CYCLONEDX;
    }
    if (spdxVersion != null && spdxVersion.startsWith("SPDX-")) {
      return EmbeddedSbom.Format.SPDX;
    }
    return EmbeddedSbom.Format.UNKNOWN;
  }

  Optional<String> specVersion() {
    return Optional.ofNullable(format() == EmbeddedSbom.Format.SPDX ? spdxVersion
        : format() == EmbeddedSbom.Format.CYCLONEDX ? specVersion : null);
  }

  Optional<String> serialNumber() {
    return Optional.ofNullable(format() == EmbeddedSbom.Format.SPDX ? documentNamespace
        : format() == EmbeddedSbom.Format.CYCLONEDX ? serialNumber : null);
  }

  OptionalInt bomVersion() {
    return format() == EmbeddedSbom.Format.CYCLONEDX && version != null ? OptionalInt.of(version)
        : OptionalInt.empty();
  }
}
