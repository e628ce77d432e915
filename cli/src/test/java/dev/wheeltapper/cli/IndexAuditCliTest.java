package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.testsupport.IndexServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --index} end to end, over a small index built here from corpus wheels, served as a folder, as a
 * {@code file:} URL and over a local HTTP server, in PEP 503 HTML and PEP 691 JSON. Its projects hold one case each:
 * a sound wheel with its correct metadata sidecar and an sdist ({@code plumbum}), a yanked wheel
 * ({@code more-itertools}), a wheel whose listed hash is wrong and a wheel that is not there ({@code fakepkg2}), and
 * an attested wheel with PEP 740 provenance whose metadata sidecar is not its METADATA ({@code rfc8785}).
 */
class IndexAuditCliTest {
  @TempDir Path tmp;

  private static final String PLUMBUM = "plumbum-1.6.8-py2.py3-none-any.whl";
  private static final String MORE = "more_itertools-9.0.0-py3-none-any.whl";
  private static final String FAKE = "fakepkg2-1.0-py3-none-any.whl";
  private static final String FAKE_MISSING = "fakepkg2-1.1-py3-none-any.whl";
  private static final String RFC = "rfc8785-0.1.2-py3-none-any.whl";
  private static final String SDIST = "plumbum-1.6.8.tar.gz";

  /** Per project: its files, each as (file name, HTML attributes after href, JSON members after url). */
  private final Map<String, List<String[]>> projects = new LinkedHashMap<>();

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static byte[] metadataOf(Path wheel) throws IOException {
    try (ZipFile z = new ZipFile(wheel.toFile())) {
      var e = z.stream().filter(x -> x.getName().endsWith(".dist-info/METADATA")).findFirst().orElseThrow();
      try (InputStream in = z.getInputStream(e)) {
        return in.readAllBytes();
      }
    }
  }

  private Path copy(String corpus) throws IOException {
    Path src = Corpus.corpus(corpus);
    Path to = tmp.resolve("files").resolve(src.getFileName().toString());
    Files.createDirectories(to.getParent());
    return Files.copy(src, to);
  }

  @BeforeEach
  void buildIndex() throws Exception {
    Path plumbum = copy("wheels/auditwheel/" + PLUMBUM);
    byte[] plumbumMeta = metadataOf(plumbum);
    Files.write(tmp.resolve("files/" + PLUMBUM + ".metadata"), plumbumMeta);
    byte[] sdist = "not really a tarball".getBytes(StandardCharsets.UTF_8);
    Files.write(tmp.resolve("files/" + SDIST), sdist);
    Path more = copy("wheels/delvewheel/no_dependencies/" + MORE);
    Path fake = copy("wheels/delocate/" + FAKE);
    Path rfc = copy("attest/" + RFC);
    byte[] rfcSidecar = (new String(metadataOf(rfc), StandardCharsets.UTF_8) + "Requires-Dist: evil\n")
        .getBytes(StandardCharsets.UTF_8);
    Files.write(tmp.resolve("files/" + RFC + ".metadata"), rfcSidecar);
    String attestation = Files.readString(Corpus.corpus("attest/" + RFC + ".publish.attestation"));
    Files.writeString(tmp.resolve("files/" + RFC + ".provenance"), "{\"version\":1,\"attestation_bundles\":[{"
        + "\"publisher\":{\"kind\":\"test\"},\"attestations\":[" + attestation + "]}]}");
    String plumbumSha = sha256(Files.readAllBytes(plumbum));
    projects.put("plumbum", List.of(
        new String[] {PLUMBUM, "#sha256=" + plumbumSha + "\" data-requires-python=\"&gt;=2.6\" data-core-metadata=\"sha256="
            + sha256(plumbumMeta), "\"hashes\":{\"sha256\":\"" + plumbumSha + "\"},\"requires-python\":\">=2.6\","
            + "\"core-metadata\":{\"sha256\":\"" + sha256(plumbumMeta) + "\"}"},
        new String[] {SDIST, "#sha256=" + sha256(sdist), "\"hashes\":{\"sha256\":\"" + sha256(sdist) + "\"}"}));
    String moreSha = sha256(Files.readAllBytes(more));
    projects.put("more-itertools", List.<String[]>of(new String[] {MORE,
        "#sha256=" + moreSha + "\" data-yanked=\"broken build", "\"hashes\":{\"sha256\":\"" + moreSha + "\"},"
            + "\"yanked\":\"broken build\""}));
    String wrong = "0".repeat(64);
    projects.put("fakepkg2", List.of(
        new String[] {FAKE, "#sha256=" + wrong, "\"hashes\":{\"sha256\":\"" + wrong + "\"}"},
        new String[] {FAKE_MISSING, "#sha256=" + wrong, "\"hashes\":{\"sha256\":\"" + wrong + "\"}"}));
    String rfcSha = sha256(Files.readAllBytes(rfc));
    projects.put("rfc8785", List.<String[]>of(new String[] {RFC,
        "#sha256=" + rfcSha + "\" data-dist-info-metadata=\"sha256=" + sha256(rfcSidecar)
            + "\" data-provenance=\"../../files/" + RFC + ".provenance",
        "\"hashes\":{\"sha256\":\"" + rfcSha + "\"},\"dist-info-metadata\":{\"sha256\":\"" + sha256(rfcSidecar)
            + "\"},\"provenance\":\"../../files/" + RFC + ".provenance\""}));
    writePages();
    assertThat(fake).exists();
  }

  private void writePages() throws IOException {
    StringBuilder rootHtml = new StringBuilder("<!DOCTYPE html><html><body>\n");
    List<String> rootJson = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> p : projects.entrySet()) {
      rootHtml.append("<a href=\"").append(p.getKey()).append("/\">").append(p.getKey()).append("</a>\n");
      rootJson.add("{\"name\":\"" + p.getKey() + "\"}");
      StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
      List<String> json = new ArrayList<>();
      for (String[] f : p.getValue()) {
        html.append("<a href=\"../../files/").append(f[0]).append(f[1]).append("\">").append(f[0]).append("</a>\n");
        json.add("{\"filename\":\"" + f[0] + "\",\"url\":\"../../files/" + f[0] + "\"," + f[2] + "}");
      }
      Files.createDirectories(tmp.resolve("html/" + p.getKey()));
      Files.createDirectories(tmp.resolve("json/" + p.getKey()));
      Files.writeString(tmp.resolve("html/" + p.getKey() + "/index.html"), html.append("</body></html>\n"));
      Files.writeString(tmp.resolve("json/" + p.getKey() + "/index.json"), "{\"meta\":{\"api-version\":\"1.1\"},"
          + "\"name\":\"" + p.getKey() + "\",\"files\":[" + String.join(",", json) + "]}");
    }
    Files.writeString(tmp.resolve("html/index.html"), rootHtml.append("</body></html>\n"));
    Files.writeString(tmp.resolve("json/index.json"), "{\"meta\":{\"api-version\":\"1.1\"},\"projects\":["
        + String.join(",", rootJson) + "]}");
  }

  private static CliTest.Run audit(String index, String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "--format", "json", "--jobs", "2", "--sigstore-root",
        Corpus.corpus("attest/sigstore-staging-trusted_root.json").toString(), "--identity", "william@yossarian.net",
        "--index", index));
    args.addAll(List.of(more));
    return CliTest.run(args.toArray(String[]::new));
  }

  private static Map<String, JsonNode> byName(JsonNode doc) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    doc.get("artifacts").forEach(a -> {
      String path = a.get("path").asText();
      out.put(path.substring(path.lastIndexOf('/') + 1), a);
    });
    return out;
  }

  private static List<String> codes(JsonNode artifact) {
    List<String> out = new ArrayList<>();
    artifact.get("findings").forEach(f -> out.add(f.get("code").asText()));
    return out;
  }

  private static JsonNode finding(JsonNode artifact, String code) {
    for (JsonNode f : artifact.get("findings")) {
      if (f.get("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError(code + " not in " + artifact);
  }

  /** The verdicts every form of the index gives. */
  private static void assertTheIndexVerdicts(CliTest.Run r, String index) throws Exception {
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("4 projects, 5 wheels to audit, 1 sdist and 0 other files");
    Map<String, JsonNode> a = byName(r.json());
    assertThat(a.keySet()).containsExactly(PLUMBUM, SDIST, MORE, FAKE, FAKE_MISSING, RFC);

    assertThat(a.get(PLUMBUM).get("verdict").asText()).isEqualTo("pass");
    assertThat(a.get(PLUMBUM).get("kind").asText()).isEqualTo("wheel");
    assertThat(a.get(PLUMBUM).at("/wheel/name").asText()).isEqualTo("plumbum");
    assertThat(codes(a.get(PLUMBUM))).isEmpty();

    assertThat(a.get(SDIST).get("kind").asText()).isEqualTo("sdist");
    assertThat(a.get(SDIST).get("verdict").asText()).isEqualTo("pass");
    assertThat(a.get(SDIST).get("sha256").asText()).isEqualTo(sha256("not really a tarball".getBytes(
        StandardCharsets.UTF_8)));
    assertThat(codes(a.get(SDIST))).containsExactly("index.not-audited");

    assertThat(a.get(MORE).get("verdict").asText()).isEqualTo("pass");
    JsonNode yanked = finding(a.get(MORE), "index.yanked");
    assertThat(yanked.get("severity").asText()).isEqualTo("warning");
    assertThat(yanked.at("/facts/reason").asText()).isEqualTo("broken build");

    assertThat(a.get(FAKE).get("verdict").asText()).isEqualTo("fail");
    JsonNode mismatch = finding(a.get(FAKE), "index.hash-mismatch");
    assertThat(mismatch.get("severity").asText()).isEqualTo("error");
    assertThat(mismatch.at("/facts/index").asText()).isEqualTo(index);
    assertThat(mismatch.at("/facts/url").asText()).endsWith("/files/" + FAKE);
    assertThat(mismatch.at("/facts/expected").asText()).isEqualTo("0".repeat(64));
    assertThat(mismatch.at("/facts/actual").asText()).isEqualTo(a.get(FAKE).get("sha256").asText())
        .matches("[0-9a-f]{64}");
    assertThat(codes(a.get(FAKE))).containsExactly("index.hash-mismatch");

    assertThat(a.get(FAKE_MISSING).get("verdict").asText()).isEqualTo("fail");
    assertThat(a.get(FAKE_MISSING).get("kind").asText()).isEqualTo("wheel");
    assertThat(a.get(FAKE_MISSING).get("sha256").isNull()).as("no bytes, no hash").isTrue();
    assertThat(codes(a.get(FAKE_MISSING))).containsExactly("index.file-missing");
    assertThat(finding(a.get(FAKE_MISSING), "index.file-missing").at("/facts/reason").asText())
        .isEqualTo("not-found");

    assertThat(a.get(RFC).get("verdict").asText()).isEqualTo("fail");
    assertThat(codes(a.get(RFC))).containsExactly("index.metadata-mismatch");
    JsonNode meta = finding(a.get(RFC), "index.metadata-mismatch");
    assertThat(meta.get("path").asText()).endsWith("/files/" + RFC + ".metadata");
    assertThat(meta.at("/facts/part").asText()).isEqualTo("wheel-metadata");
    // the provenance the index links is verified by the PEP 740 verifier, as a NAME.whl.provenance beside the wheel
    assertThat(a.get(RFC).get("signatures")).singleElement().satisfies(s -> {
      assertThat(s.get("kind").asText()).isEqualTo("pep740");
      assertThat(s.get("status").asText()).isEqualTo("valid");
      assertThat(s.get("signer").asText()).isEqualTo("william@yossarian.net");
    });
  }

  @Test
  void aFolderInHtmlAndAFileUrlInJson() throws Exception {
    String folder = tmp.resolve("html").toString();
    CliTest.Run html = audit(folder);
    assertTheIndexVerdicts(html, folder);
    // a local index shows each file at its own path, as `audit PATH` would
    assertThat(html.json().at("/artifacts/0/path").asText())
        .isEqualTo(tmp.resolve("files/" + PLUMBUM).toRealPath().toString());
    String fileUrl = tmp.resolve("json").toUri().toString();
    assertTheIndexVerdicts(audit(fileUrl), fileUrl);
  }

  @Test
  void overHttpInBothForms() throws Exception {
    try (IndexServer s = IndexServer.serving(tmp)) {
      String html = s.uri("/html/").toString();
      CliTest.Run r = audit(html);
      assertTheIndexVerdicts(r, html);
      assertThat(r.json().at("/artifacts/0/path").asText()).isEqualTo(s.uri("/files/" + PLUMBUM).toString());
      String json = s.uri("/json/").toString();
      assertTheIndexVerdicts(audit(json), json);
    }
  }

  @Test
  void projectsAreFilteredByTheirNormalizedName() throws Exception {
    try (IndexServer s = IndexServer.serving(tmp)) {
      CliTest.Run r = audit(s.uri("/html/").toString(), "--project", "More_Itertools", "--project", "PLUMBUM",
          "--project", "more.itertools");
      assertThat(r.code()).isZero();
      assertThat(byName(r.json()).keySet()).containsExactly(MORE, PLUMBUM, SDIST);
      CliTest.Run absent = audit(s.uri("/json/").toString(), "--project", "no-such-project");
      assertThat(absent.code()).isEqualTo(1);
      JsonNode page = absent.json().at("/artifacts/0");
      assertThat(page.get("kind").asText()).isEqualTo("index-page");
      assertThat(page.at("/findings/0/code").asText()).isEqualTo("index.page-invalid");
      assertThat(page.at("/findings/0/facts/reason").asText()).isEqualTo("not-found");
    }
  }

  @Test
  void sarifAndTextCarryTheIndexFindings() throws Exception {
    try (IndexServer s = IndexServer.serving(tmp)) {
      String root = s.uri("/html/").toString();
      CliTest.Run sarif = CliTest.run("audit", "--format", "sarif", "--index", root, "--project", "fakepkg2");
      assertThat(sarif.code()).isEqualTo(1);
      JsonNode doc = sarif.json();
      assertThat(SarifSchemaTest.validate(doc)).isEmpty();
      assertThat(doc.at("/runs/0/artifacts/0/location/uri").asText()).isEqualTo(s.uri("/files/" + FAKE).toString());
      assertThat(doc.at("/runs/0/artifacts/1/hashes").isMissingNode()).as("an unread file has no hash").isTrue();
      List<String> rules = new ArrayList<>();
      doc.at("/runs/0/results").forEach(r -> rules.add(r.get("ruleId").asText()));
      assertThat(rules).containsExactly("index.hash-mismatch", "index.file-missing");
      CliTest.Run text = CliTest.run("audit", "--index", root, "--project", "fakepkg2");
      assertThat(text.out()).contains(FAKE_MISSING, "index.file-missing", "index.hash-mismatch");
    }
  }

  @Test
  void usageErrors() {
    assertThat(CliTest.run("audit", "--project", "x").code()).isEqualTo(2);
    assertThat(CliTest.run("audit", "--index", tmp.resolve("html").toString(), "some.whl").code()).isEqualTo(2);
    assertThat(CliTest.run("audit", "--index", tmp.resolve("nothing").toString()).code()).isEqualTo(2);
    assertThat(CliTest.run("audit", "--index", "ftp://example.org/simple/").code()).isEqualTo(2);
  }

  /** {@code --cache}: the index's promises are checked on every run; the wheels' own reports come from the cache. */
  @Test
  void aCachedRunChecksTheIndexAgain() throws Exception {
    String db = tmp.resolve("index.db").toString();
    try (IndexServer s = IndexServer.serving(tmp)) {
      String html = s.uri("/html/").toString();
      CliTest.Run first = audit(html, "--cache", db);
      CliTest.Run again = audit(html, "--cache", db);
      assertTheIndexVerdicts(again, html);
      // plumbum, more-itertools and the lying fakepkg2 replayed; rfc8785 is signed, so judged again
      assertThat(again.json().at("/summary/fromCache").asInt()).isEqualTo(3);
      assertThat(again.json().get("artifacts")).isEqualTo(first.json().get("artifacts"));
    }
    String folder = tmp.resolve("html").toString();
    CliTest.Run local = audit(folder, "--cache", db);
    assertTheIndexVerdicts(local, folder);
    // in the local folder, plumbum's PEP 658 sidecar lies beside it as NAME.whl.metadata, a file the signature
    // verifier looks at: another key than the downloaded copy's, so audited once more
    assertThat(local.json().at("/summary/fromCache").asInt()).isEqualTo(2);
    assertThat(audit(folder, "--cache", db).json().at("/summary/fromCache").asInt()).isEqualTo(3);
  }
}
