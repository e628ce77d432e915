package dev.wheeltapper.wheel.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.wheel.Wheel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** PEP 770 SBOMs under {@code .dist-info/sboms/}: identified, hashed, and bounded whatever the wheel holds there. */
class DistInfoSbomsTest {
  private static final String DIR = "foo-1.0.dist-info/sboms/";
  private static final String CDX = "{\"$schema\":\"http://cyclonedx.org/schema/bom-1.6.schema.json\","
      + "\"metadata\":{\"bomFormat\":\"nested, not read\",\"component\":{\"name\":\"x\"}},"
      + "\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
      + "\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",\"version\":2,\"components\":[]}";
  private static final String SPDX = "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\","
      + "\"documentNamespace\":\"https://example.org/spdx/foo-1.0\",\"packages\":[{\"name\":\"foo\"}]}";

  @Test
  void cycloneDxAndSpdxDocumentsAreIdentifiedAndHashed() throws Exception {
    // archive order is the order read: a LinkedHashMap, not Map.of (whose iteration order changes from run to run)
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(DIR + "auditwheel.cdx.json", bytes(CDX));
    files.put(DIR + "sub/x.spdx.json", bytes(SPDX));
    try (Wheel w = wheel(files)) {
      List<EmbeddedSbom> s = DistInfoSboms.read(w);
      assertThat(s).hasSize(2);
      EmbeddedSbom cdx = s.get(0);
      assertThat(cdx.path()).isEqualTo("auditwheel.cdx.json");
      assertThat(cdx.entryName()).isEqualTo(DIR + "auditwheel.cdx.json");
      assertThat(cdx.format()).isEqualTo(EmbeddedSbom.Format.CYCLONEDX);
      assertThat(cdx.specVersion()).contains("1.6");
      assertThat(cdx.serialNumber()).contains("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
      assertThat(cdx.bomVersion()).hasValue(2);
      assertThat(cdx.size()).isEqualTo(bytes(CDX).length);
      assertThat(cdx.sha256()).contains(sha256(bytes(CDX)));
      assertThat(cdx.problem()).isEmpty();
      EmbeddedSbom spdx = s.get(1);
      assertThat(spdx.path()).isEqualTo("sub/x.spdx.json");
      assertThat(spdx.format()).isEqualTo(EmbeddedSbom.Format.SPDX);
      assertThat(spdx.specVersion()).contains("SPDX-2.3");
      assertThat(spdx.serialNumber()).contains("https://example.org/spdx/foo-1.0");
      assertThat(spdx.bomVersion()).isEmpty();
    }
  }

  @Test
  void aWheelWithoutSbomsHasNone() throws Exception {
    try (Wheel w = wheel(Map.of())) {
      assertThat(DistInfoSboms.read(w)).isEmpty();
    }
  }

  @Test
  void whatIsNotAnSbomIsListedHashedAndSaysWhy() throws Exception {
    String deep = "[".repeat(100_000);
    String huge = "{\"bomFormat\":\"CycloneDX\",\"serialNumber\":\"" + "9".repeat(100_000) + "\",\"version\":1e400}";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(DIR + "a.xml", bytes("<bom/>"));
    files.put(DIR + "b.json", bytes(deep));
    files.put(DIR + "c.json", bytes("{\"bomFormat\": \"CycloneDX\", \"specVersion\": "));
    files.put(DIR + "d.json", bytes(huge));
    files.put(DIR + "e.json", bytes("{\"name\":\"neither\"}"));
    try (Wheel w = wheel(files)) {
      List<EmbeddedSbom> s = DistInfoSboms.read(w);
      assertThat(s).extracting(EmbeddedSbom::path).containsExactly("a.xml", "b.json", "c.json", "d.json", "e.json");
      assertThat(s).allSatisfy(x -> assertThat(x.sha256()).isPresent());
      assertThat(s.get(0).format()).isEqualTo(EmbeddedSbom.Format.UNKNOWN);
      assertThat(s.get(0).problem().orElseThrow()).startsWith("not valid JSON");
      assertThat(s.get(1).problem().orElseThrow()).startsWith("not a JSON object");
      // Truncated: what was read identifies it, and the problem says it broke off.
      assertThat(s.get(2).format()).isEqualTo(EmbeddedSbom.Format.CYCLONEDX);
      assertThat(s.get(2).problem().orElseThrow()).startsWith("not valid JSON");
      // An overlong serial number and an out-of-range version are not identifiers: left out, never a crash.
      assertThat(s.get(3).format()).isEqualTo(EmbeddedSbom.Format.CYCLONEDX);
      assertThat(s.get(3).serialNumber()).isEmpty();
      assertThat(s.get(3).bomVersion()).isEmpty();
      assertThat(s.get(4).problem()).contains("neither a CycloneDX nor an SPDX JSON document");
    }
  }

  @Test
  void aDeeplyNestedValueIsRefusedByTheParserNotTheStack() throws Exception {
    String nested = "{\"bomFormat\":\"CycloneDX\",\"components\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
    try (Wheel w = wheel(Map.of(DIR + "deep.cdx.json", bytes(nested)))) {
      EmbeddedSbom s = DistInfoSboms.read(w).get(0);
      assertThat(s.format()).isEqualTo(EmbeddedSbom.Format.CYCLONEDX);
      assertThat(s.problem().orElseThrow()).startsWith("not valid JSON");
    }
  }

  @Test
  void aFileOverTheCapIsListedUnread() throws Exception {
    byte[] big = new byte[DistInfoSboms.MAX_BYTES + 1];
    try (Wheel w = wheel(Map.of(DIR + "big.cdx.json", big))) {
      EmbeddedSbom s = DistInfoSboms.read(w).get(0);
      assertThat(s.sha256()).isEmpty();
      assertThat(s.format()).isEqualTo(EmbeddedSbom.Format.UNKNOWN);
      assertThat(s.problem().orElseThrow()).contains("larger than " + DistInfoSboms.MAX_BYTES);
    }
  }

  @Test
  void filesPastTheCountCapAreListedUnread() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i <= DistInfoSboms.MAX_FILES; i++) {
      files.put(DIR + String.format("%04d.cdx.json", i), bytes(CDX));
    }
    try (Wheel w = wheel(files)) {
      List<EmbeddedSbom> s = DistInfoSboms.read(w);
      assertThat(s).hasSize(DistInfoSboms.MAX_FILES + 1);
      assertThat(s.get(DistInfoSboms.MAX_FILES - 1).sha256()).isPresent();
      EmbeddedSbom last = s.get(DistInfoSboms.MAX_FILES);
      assertThat(last.sha256()).isEmpty();
      assertThat(last.problem().orElseThrow()).contains("more than " + DistInfoSboms.MAX_FILES);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** A minimal wheel (WHEEL, METADATA, RECORD) with these extra files, opened from memory. */
  private static Wheel wheel(Map<String, byte[]> extra) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zos = new ZipOutputStream(out)) {
      Map<String, byte[]> all = new LinkedHashMap<>();
      all.put("foo/__init__.py", new byte[0]);
      all.put("foo-1.0.dist-info/WHEEL", bytes("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"));
      all.put("foo-1.0.dist-info/METADATA", bytes("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n"));
      all.putAll(extra);
      all.put("foo-1.0.dist-info/RECORD", new byte[0]);
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        zos.putNextEntry(new ZipEntry(e.getKey()));
        zos.write(e.getValue());
        zos.closeEntry();
      }
    }
    SeekableByteChannel ch = new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(out.toByteArray());
    return Wheel.open(ch, "foo-1.0-py3-none-any.whl");
  }
}
