package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.testsupport.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format cyclonedx}: every document validates against the official CycloneDX 1.6 schema; purls, hashes,
 * nested binaries, vendored libraries and carried SBOMs are exact; hostile and empty input still give a valid BOM.
 */
class CycloneDxReportTest {
  private static final String SERIAL = "3e671687-395b-41f5-a30f-a58921a69b79";
  private static final String CARRIED = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"serialNumber\":"
      + "\"urn:uuid:" + SERIAL + "\",\"version\":1,\"components\":[{\"type\":\"library\",\"name\":\"libvend\"}]}";

  @TempDir Path tmp;

  /** Runs {@code COMMAND --format cyclonedx ARGS...} and validates the document. */
  static JsonNode sbom(String command, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(command, "--format", "cyclonedx"));
    all.addAll(List.of(args));
    CliTest.Run r = CliTest.run(all.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isIn(Main.EXIT_PASS, Main.EXIT_FAIL);
    JsonNode bom = r.json();
    assertThat(CycloneDxSchema.validate(bom)).as("schema errors of %s", all).isEmpty();
    return bom;
  }

  @Test
  void theCorpusAuditValidates() throws Exception {
    JsonNode bom = sbom("audit", Corpus.corpus("wheels").toString());
    long wheels;
    try (var s = Files.walk(Corpus.corpus("wheels"))) {
      wheels = s.filter(p -> p.toString().endsWith(".whl")).count();
    }
    assertThat(bom.get("components")).hasSize((int) wheels);
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.at("/metadata/tools/components/0/name").asText()).isEqualTo("wheeltapper");
    assertThat(bom.get("serialNumber").asText()).startsWith("urn:uuid:");
    List<String> refs = new ArrayList<>();
    bom.get("components").forEach(c -> collectRefs(c, refs));
    assertThat(refs).doesNotHaveDuplicates();
  }

  private static void collectRefs(JsonNode c, List<String> refs) {
    refs.add(c.get("bom-ref").asText());
    if (c.has("components")) {
      c.get("components").forEach(n -> collectRefs(n, refs));
    }
  }

  @Test
  void purlsAreExactAndNamesNormalized() throws Exception {
    JsonNode bom = sbom("verify",
        Corpus.corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl").toString(),
        Corpus.corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl").toString(),
        Corpus.corpus("wheels/auditwheel/history/gepetto_example_adder-3.0.2-cp39-cp39-linux_x86_64.whl").toString());
    assertThat(bom.get("components")).extracting(c -> c.get("purl").asText()).containsExactly(
        "pkg:pypi/python-mscl@67.0.1.0?file_name=python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl",
        "pkg:pypi/plumbum@1.6.8?file_name=plumbum-1.6.8-py2.py3-none-any.whl",
        "pkg:pypi/gepetto-example-adder@3.0.2?file_name=gepetto_example_adder-3.0.2-cp39-cp39-linux_x86_64.whl");
    JsonNode mscl = bom.at("/components/0");
    assertThat(mscl.get("type").asText()).isEqualTo("library");
    assertThat(mscl.get("name").asText()).isEqualTo("python-mscl");
    assertThat(mscl.get("version").asText()).isEqualTo("67.0.1.0");
    assertThat(mscl.get("bom-ref").asText()).isEqualTo(mscl.get("purl").asText());
    assertThat(mscl.at("/hashes/0/alg").asText()).isEqualTo("SHA-256");
    assertThat(mscl.at("/hashes/0/content").asText()).isEqualTo(sha256(Files.readAllBytes(
        Corpus.corpus("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl"))));
    assertThat(CycloneDxComponents.normalize("Foo.._-Bar_baz")).isEqualTo("foo-bar-baz");
    // A local version's '+' is percent-encoded, as the purl spec asks of a version.
    assertThat(CycloneDxComponents.purl("torch", "2.13.0+cpu", "torch-2.13.0+cpu-cp311-cp311-linux_x86_64.whl"))
        .contains("pkg:pypi/torch@2.13.0%2Bcpu?file_name=torch-2.13.0%2Bcpu-cp311-cp311-linux_x86_64.whl");
  }

  @Test
  void nestedBinariesVendoredLibrariesAndCarriedSboms() throws Exception {
    Path wheel = fixtureWheel("Sbom_Fix-1.0-cp312-cp312-linux_x86_64.whl",
        "sbom_fix/_sbomext.cpython-312-x86_64-linux-gnu.so", "auditwheel.cdx.json", CARRIED);
    JsonNode bom = sbom("audit", wheel.toString());
    JsonNode w = bom.at("/components/0");
    assertThat(w.get("purl").asText())
        .isEqualTo("pkg:pypi/sbom-fix@1.0?file_name=Sbom_Fix-1.0-cp312-cp312-linux_x86_64.whl");
    assertThat(w.at("/hashes/0/content").asText()).isEqualTo(sha256(Files.readAllBytes(wheel)));
    assertThat(property(w, "wheeltapper:languages")).containsExactly("c");
    assertThat(property(w, "wheeltapper:memorySafe")).containsExactly("no");
    assertThat(property(w, "wheeltapper:sbom")).containsExactly("Sbom_Fix-1.0.dist-info/sboms/auditwheel.cdx.json");

    JsonNode ref = w.at("/externalReferences/0");
    assertThat(ref.get("type").asText()).isEqualTo("bom");
    assertThat(ref.get("url").asText()).isEqualTo("urn:cdx:" + SERIAL + "/1");
    assertThat(ref.at("/hashes/0/content").asText()).isEqualTo(sha256(CARRIED.getBytes(StandardCharsets.UTF_8)));

    JsonNode ext = w.at("/components/0");
    assertThat(ext.get("name").asText()).isEqualTo("sbom_fix/_sbomext.cpython-312-x86_64-linux-gnu.so");
    assertThat(ext.get("type").asText()).isEqualTo("library");
    assertThat(ext.get("bom-ref").asText()).isEqualTo(w.get("bom-ref").asText()
        + "!sbom_fix/_sbomext.cpython-312-x86_64-linux-gnu.so");
    assertThat(ext.at("/hashes/0/content").asText())
        .isEqualTo(sha256(resource("_sbomext.cpython-312-x86_64-linux-gnu.so")));
    assertThat(property(ext, "wheeltapper:needed")).contains("libvend-1a2b3c4d.so.1.2.3");
    assertThat(property(ext, "wheeltapper:hardening:relro")).containsExactly("pass");
    assertThat(property(ext, "wheeltapper:format")).containsExactly("elf");

    JsonNode vend = w.at("/components/1");
    assertThat(vend.get("type").asText()).isEqualTo("library");
    assertThat(vend.get("name").asText()).isEqualTo("libvend");
    assertThat(vend.get("version").asText()).isEqualTo("1.2.3");
    assertThat(vend.at("/hashes/0/content").asText()).isEqualTo(sha256(resource("libvend-1a2b3c4d.so.1.2.3")));
    assertThat(property(vend, "wheeltapper:soname")).containsExactly("libvend-1a2b3c4d.so.1.2.3");
    assertThat(property(vend, "wheeltapper:vendored:hash")).containsExactly("1a2b3c4d");
    assertThat(property(vend, "wheeltapper:path")).containsExactly("sbom_fix.libs/libvend-1a2b3c4d.so.1.2.3");

    // The extension needs the vendored library (DT_NEEDED): a dependency between the two components.
    assertThat(bom.get("dependencies")).hasSize(1);
    assertThat(bom.at("/dependencies/0/ref").asText()).isEqualTo(ext.get("bom-ref").asText());
    assertThat(bom.at("/dependencies/0/dependsOn")).extracting(JsonNode::asText)
        .containsExactly(vend.get("bom-ref").asText());

    // The JSON report lists the carried SBOM too.
    JsonNode json = CliTest.run("audit", "--format", "json", wheel.toString()).json();
    JsonNode s = json.at("/artifacts/0/sboms/0");
    assertThat(s.get("path").asText()).isEqualTo("Sbom_Fix-1.0.dist-info/sboms/auditwheel.cdx.json");
    assertThat(s.get("format").asText()).isEqualTo("cyclonedx");
    assertThat(s.get("specVersion").asText()).isEqualTo("1.5");
    assertThat(s.get("serialNumber").asText()).isEqualTo("urn:uuid:" + SERIAL);
    assertThat(s.get("bomVersion").asInt()).isEqualTo(1);
    assertThat(s.get("size").asLong()).isEqualTo(CARRIED.length());
    assertThat(s.get("problem").isNull()).isTrue();
  }

  @Test
  void oddNamesAreKeptAndEncodedWhereAReferenceNeedsIt() throws Exception {
    String odd = "sbom_fix/we ird%20<\"'>\u202e#?.so";
    Path wheel = fixtureWheel("Sbom_Fix-1.0-cp312-cp312-linux_x86_64.whl", odd, "a b%?#:\u00e9.json",
        "{\"bomFormat\":\"CycloneDX\",\"serialNumber\":\"urn:uuid:not-a-uuid\",\"version\":-1}");
    JsonNode w = sbom("audit", wheel.toString()).at("/components/0");
    assertThat(w.at("/components/0/name").asText()).isEqualTo(odd);
    assertThat(w.at("/components/0/hashes/0/content").asText())
        .isEqualTo(sha256(resource("_sbomext.cpython-312-x86_64-linux-gnu.so")));
    // Not a bom-link (no UUID serial number): the path inside the wheel, percent-encoded into a relative reference.
    assertThat(w.at("/externalReferences/0/url").asText())
        .isEqualTo("Sbom_Fix-1.0.dist-info/sboms/a%20b%25%3F%23%3A%C3%A9.json");
  }

  @Test
  void hostileInputStillGivesAValidSbom() throws Exception {
    // Names the strict reader refuses (a control character, a dot-dot segment): the wheel fails, the BOM is valid.
    Path wheel = fixtureWheel("Sbom_Fix-1.0-cp312-cp312-linux_x86_64.whl", "sbom_fix/\u0007bell/../../x.so",
        "../../escape.json", "[[[[");
    JsonNode w = sbom("audit", wheel.toString()).at("/components/0");
    assertThat(property(w, "wheeltapper:verdict")).containsExactly("fail");
    assertThat(w.get("purl").asText()).startsWith("pkg:pypi/sbom-fix@1.0?");
    Path junk = tmp.resolve("not a wheel \u202e.whl");
    Files.write(junk, new byte[] {1, 2, 3});
    JsonNode bad = sbom("audit", junk.toString());
    assertThat(bad.at("/components/0/type").asText()).isEqualTo("file");
    assertThat(bad.at("/components/0/name").asText()).isEqualTo("not a wheel \u202e.whl");
    assertThat(bad.at("/components/0/purl").isMissingNode()).isTrue();
    assertThat(property(bad.at("/components/0"), "wheeltapper:verdict")).containsExactly("fail");
    // The same file twice: two components, two distinct bom-refs.
    JsonNode twice = sbom("verify", wheel.toString(), wheel.toString());
    assertThat(twice.at("/components/1/bom-ref").asText())
        .isEqualTo(twice.at("/components/0/bom-ref").asText() + "#2");
  }

  @Test
  void anEmptyRunGivesAValidEmptyBom() throws Exception {
    JsonNode bom = TestJson.MAPPER.readTree(new CycloneDxReport(Instant.EPOCH).json());
    assertThat(CycloneDxSchema.validate(bom)).isEmpty();
    assertThat(bom.path("components").size()).isZero();
    assertThat(bom.at("/metadata/timestamp").asText()).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void theDocumentIsDeterministicForItsInputAndTimestamp() throws Exception {
    ArtifactReport r = new ArtifactReport("dist/x-1.0-py3-none-any.whl", "wheel", "a".repeat(64),
        Optional.of(new ArtifactReport.WheelSummary("x", "1.0", Optional.empty(), List.of("py3-none-any"),
            Optional.of(true), Optional.of("1.0"), Optional.of("2.1"), Optional.empty())),
        List.of(Finding.warning("zip.data-descriptor", "x/a.py", "uses a data descriptor")), List.of(),
        ArtifactReport.Binaries.NONE, Optional.empty());
    Instant t = Instant.parse("2026-12-07T01:02:03.456Z");
    String one = document(t, r);
    assertThat(document(t, r)).isEqualTo(one);
    assertThat(document(t.plusSeconds(1), r)).isNotEqualTo(one);
    JsonNode bom = TestJson.MAPPER.readTree(one);
    assertThat(CycloneDxSchema.validate(bom)).isEmpty();
    assertThat(bom.at("/metadata/timestamp").asText()).isEqualTo("2026-12-07T01:02:03Z");
    assertThat(bom.get("serialNumber").asText())
        .isNotEqualTo(TestJson.MAPPER.readTree(document(t.plusSeconds(1), r)).get("serialNumber").asText());
    assertThat(property(bom.at("/components/0"), "wheeltapper:findings:warnings")).containsExactly("1");
  }

  @Test
  void sourceDateEpochFixesTheTimestamp() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(CycloneDxReport.timestamp(Map.of("SOURCE_DATE_EPOCH", "1700000000"), now))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(CycloneDxReport.timestamp(Map.of("SOURCE_DATE_EPOCH", "yesterday"), now)).isEqualTo(now);
    assertThat(CycloneDxReport.timestamp(Map.of(), now)).isEqualTo(now);
  }

  @Test
  void theValidatorRejectsABrokenDocument() throws Exception {
    JsonNode broken = TestJson.MAPPER.readTree(
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"wheel\",\"name\":1}]}");
    assertThat(CycloneDxSchema.validate(broken)).isNotEmpty();
  }

  private static String document(Instant t, ArtifactReport r) throws IOException {
    CycloneDxReport sbom = new CycloneDxReport(t);
    sbom.artifact(r);
    return sbom.json();
  }

  static List<String> property(JsonNode component, String name) {
    List<String> out = new ArrayList<>();
    component.path("properties").forEach(p -> {
      if (p.get("name").asText().equals(name)) {
        out.add(p.get("value").asText());
      }
    });
    return out;
  }

  private static byte[] resource(String name) throws IOException {
    try (var in = CycloneDxReportTest.class.getResourceAsStream("/sbom/" + name)) {
      return in.readAllBytes();
    }
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /**
   * A wheel of the prebuilt fixtures ({@code src/test/resources/sbom/}, see build.sh there): the extension at
   * {@code extPath}, the vendored library in {@code sbom_fix.libs/}, one carried SBOM, and a RECORD that matches.
   */
  private Path fixtureWheel(String fileName, String extPath, String sbomName, String sbom) throws Exception {
    String di = "Sbom_Fix-1.0.dist-info/";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("sbom_fix/__init__.py", new byte[0]);
    entries.put(extPath, resource("_sbomext.cpython-312-x86_64-linux-gnu.so"));
    entries.put("sbom_fix.libs/libvend-1a2b3c4d.so.1.2.3", resource("libvend-1a2b3c4d.so.1.2.3"));
    entries.put(di + "METADATA",
        "Metadata-Version: 2.1\nName: Sbom_Fix\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
    entries.put(di + "WHEEL", ("Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: false\n"
        + "Tag: cp312-cp312-linux_x86_64\n").getBytes(StandardCharsets.UTF_8));
    entries.put(di + "sboms/" + sbomName, sbom.getBytes(StandardCharsets.UTF_8));
    StringBuilder record = new StringBuilder();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String name = e.getKey();
      boolean quote = name.indexOf(',') >= 0 || name.indexOf('"') >= 0;
      String cell = quote ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
      record.append(cell).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(e.getValue()))).append(',').append(e.getValue().length)
          .append('\n');
    }
    record.append(di).append("RECORD,,\n");
    entries.put(di + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zos = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zos.putNextEntry(new ZipEntry(e.getKey()));
        zos.write(e.getValue());
        zos.closeEntry();
      }
    }
    Path p = tmp.resolve(fileName);
    Files.write(p, out.toByteArray());
    return p;
  }
}
