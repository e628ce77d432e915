package dev.wheeltapper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the command line's JSON back in tests (the command line itself writes with Jackson's streaming API). */
final class TestJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {}
}
