package dev.wheeltapper.cli;

/** Output formats of the command line. */
public enum Format {
  /** Text for a person: one block per artifact. */
  text,
  /** The JSON report of {@code docs/cli.md}. */
  json,
  /** SARIF 2.1.0. */
  sarif,
  /** A CycloneDX 1.6 JSON SBOM ({@code docs/sbom.md}). */
  cyclonedx,
  /** One self-contained HTML page: an overview, then a section per artifact ({@code HtmlReport}). */
  html
}
