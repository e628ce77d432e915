package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What the HTML report tests share: the audit of the whole corpus as HTML and as JSON (the JSON is the reference the
 * HTML's numbers are checked against), kept under {@code cli/target/html-report/} for a person to open, and a wheel
 * whose names are hostile markup.
 */
final class HtmlFixtures {
  /** Where the reports and screenshots go. */
  static final Path OUT = Corpus.repositoryRoot().resolve("cli").resolve("target").resolve("html-report");
  /** What the hostile wheel's markup would do if it ran: mark the page. */
  static final String PWNED = "pwned";

  private static Path corpusHtml;
  private static JsonNode corpusJson;

  private HtmlFixtures() {}

  /** The HTML report of {@code audit corpus/}, written once per test run. */
  static synchronized Path corpusHtml() throws IOException {
    if (corpusHtml == null) {
      Files.createDirectories(OUT);
      Path html = OUT.resolve("corpus-audit.html");
      CliTest.Run r = CliTest.run("audit", "--format", "html", "--output", html.toString(), Corpus.root().toString());
      assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAIL);
      corpusHtml = html;
    }
    return corpusHtml;
  }

  /** The JSON report of the same run. */
  static synchronized JsonNode corpusJson() throws Exception {
    if (corpusJson == null) {
      Files.createDirectories(OUT);
      Path json = OUT.resolve("corpus-audit.json");
      CliTest.Run r = CliTest.run("audit", "--format", "json", "--output", json.toString(), Corpus.root().toString());
      assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAIL);
      corpusJson = TestJson.MAPPER.readTree(json.toFile());
    }
    return corpusJson;
  }

  /**
   * A wheel whose file name, entry names and a native binary's name are markup that would mark the page as
   * {@value #PWNED} if it ever ran: a script element, an event handler, quotes that would end an attribute.
   */
  static Path hostileWheel(Path dir) throws IOException {
    Path wheel = dir.resolve("x\"'><b onmouseover=\"document.documentElement.dataset." + PWNED
        + "='1'\">-1.0-py3-none-any.whl");
    byte[] so;
    try (ZipFile z = new ZipFile(Corpus.corpus("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl").toFile())) {
      ZipEntry e = z.stream().filter(x -> x.getName().endsWith(".so")).findFirst().orElseThrow();
      try (InputStream in = z.getInputStream(e)) {
        so = in.readAllBytes();
      }
    }
    try (OutputStream os = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(os)) {
      put(zip, "pkg/<script>document.documentElement.dataset." + PWNED + "='2'</script>.py", "x = 1\n".getBytes(
          StandardCharsets.UTF_8));
      put(zip, "pkg/<img src=x onerror=\"document.documentElement.dataset." + PWNED + "='3'\">'.so", so);
      put(zip, "x-1.0.dist-info/METADATA",
          "Metadata-Version: 2.1\nName: x\nVersion: 1.0\nSummary: </style><script>alert(1)</script>\n"
              .getBytes(StandardCharsets.UTF_8));
      put(zip, "x-1.0.dist-info/WHEEL",
          "Wheel-Version: 1.0\nGenerator: <svg onload=alert(1)>\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
              .getBytes(StandardCharsets.UTF_8));
      put(zip, "x-1.0.dist-info/RECORD", "x-1.0.dist-info/RECORD,,\n".getBytes(StandardCharsets.UTF_8));
    }
    return wheel;
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }
}
