package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as indented JSON with Jackson's streaming
 * generator: what SARIF builds, and a binary's inspection until it has a typed renderer ({@link
 * BinariesJson#inspection}). The JSON report itself is written from typed data ({@link JsonReport}).
 */
final class JsonWriter {
  private JsonWriter() {}

  static void write(Object tree, Writer out) throws IOException {
    try (JsonGenerator g = JsonReport.generator(out)) {
      value(g, tree);
    }
  }

  static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Optional<?> o) {
      value(g, o.orElse(null));
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
