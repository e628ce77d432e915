package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.policy.Abi3Result;
import dev.wheeltapper.policy.Abi3Violation;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON {@code policy.abi3} object: {@code claimed}, {@code ok}, {@code violations} (the contract's fields), then
 * {@code extensions}. A violation's {@code addedIn} reads {@code "not in the stable ABI"} for a symbol the stable ABI
 * lacks, and is null when the violation is the file name's suffix rather than a symbol.
 */
final class Abi3Json {
  static final String NOT_IN_THE_STABLE_ABI = "not in the stable ABI";

  private Abi3Json() {}

  static void write(JsonGenerator g, Abi3Result a) throws IOException {
    g.writeStartObject();
    g.writeStringField("claimed", a.claimed());
    g.writeBooleanField("ok", a.ok());
    g.writeArrayFieldStart("violations");
    for (Abi3Violation v : a.violations()) {
      g.writeStartObject();
      g.writeStringField("path", v.path());
      JsonReport.stringOrNull(g, "symbol", v.symbol());
      JsonReport.stringOrNull(g, "addedIn",
          v.symbol().isPresent() ? Optional.of(v.addedIn().orElse(NOT_IN_THE_STABLE_ABI)) : Optional.empty());
      g.writeBooleanField("abi3Suffix", v.abi3Suffix());
      g.writeStringField("reason", v.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("extensions", a.extensions());
    g.writeEndObject();
  }
}
