package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wheeltapper.audit.InstalledTogether;
import java.io.IOException;

/**
 * The JSON object under {@code policy.<family>.withDependencies}: {@code ok} with the required wheels of the run
 * installed beside the wheel, {@code providedBy} (library to providing wheel {@code !} entry), {@code stillExternal}.
 */
final class InstalledTogetherJson {
  private InstalledTogetherJson() {}

  static void write(JsonGenerator g, InstalledTogether.Result t) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("ok", t.okWithDependencies());
    JsonReport.stringMap(g, "providedBy", t.providedBy());
    JsonReport.strings(g, "stillExternal", t.stillExternal());
    g.writeEndObject();
  }
}
