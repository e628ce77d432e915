package dev.wheeltapper.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the JSON document of {@code docs/cli.md} ({@code tool}, {@code artifacts}, {@code summary}) straight from the
 * typed reports with Jackson's streaming generator, indented; field names are the contract. Each part has its
 * renderer: {@link ArtifactJson}, {@link FindingsJson}, {@link BinariesJson}, {@link PolicyJson}, {@link Abi3Json},
 * {@link InstalledTogetherJson}, {@link SummaryJson}. Written as the run goes ({@link Sink}).
 */
final class JsonReport {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonReport() {}

  /** Writes the document for these reports, without a trailing newline; {@code out} stays open. */
  static void write(List<ArtifactReport> reports, Writer out) throws IOException {
    Sink sink = new Sink(out, false);
    RunTally tally = new RunTally(List.of());
    sink.begin();
    for (ArtifactReport r : reports) {
      tally.add(r, -1);
      sink.artifact(r);
    }
    sink.end(tally);
  }

  /**
   * The JSON document written as the run goes: the head and {@code tool} at {@link #begin()}, each artifact as it
   * comes, then {@code summary} (and {@code findings} about the run's inputs, when there are any) at {@link #end}. The
   * bytes are those of the whole document written at once.
   */
  static final class Sink implements ReportSink {
    private final Writer out;
    private final boolean newline;
    private JsonGenerator g;

    Sink(Writer out) {
      this(out, true);
    }

    private Sink(Writer out, boolean newline) {
      this.out = out;
      this.newline = newline;
    }

    @Override
    public void begin() throws IOException {
      g = generator(out);
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "wheeltapper");
      g.writeStringField("version", Version.current());
      g.writeEndObject();
      g.writeArrayFieldStart("artifacts");
    }

    @Override
    public void artifact(ArtifactReport r) throws IOException {
      ArtifactJson.write(g, r);
      // hand the artifact's bytes on: Jackson's buffer stays one buffer, whatever the run's size
      g.flush();
    }

    @Override
    public void end(RunTally tally) throws IOException {
      g.writeEndArray();
      g.writeFieldName("summary");
      SummaryJson.write(g, tally);
      if (!tally.runFindings().isEmpty()) {
        g.writeFieldName("findings");
        FindingsJson.write(g, tally.runFindings());
      }
      g.writeEndObject();
      g.close();
      if (newline) {
        out.write(System.lineSeparator());
      }
      out.flush();
    }
  }

  /** The one generator configuration of the command line's JSON: indented as Jackson's default printer does. */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(new NonClosingWriter(out));
    g.setPrettyPrinter(new DefaultPrettyPrinter());
    return g;
  }

  /** A string, or JSON {@code null}. */
  static void stringOrNull(JsonGenerator g, String field, java.util.Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }

  /** A JSON array of strings. */
  static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** A JSON object of string values, in the map's order. */
  static void stringMap(JsonGenerator g, String field, java.util.Map<String, String> values) throws IOException {
    g.writeObjectFieldStart(field);
    for (java.util.Map.Entry<String, String> e : values.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
