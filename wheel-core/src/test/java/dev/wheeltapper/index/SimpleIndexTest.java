package dev.wheeltapper.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.index.IndexException.Reason;
import dev.wheeltapper.testsupport.IndexServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading simple repositories: both page forms, local and over HTTP, and what a hostile index gets. */
class SimpleIndexTest {
  @TempDir Path tmp;

  private static final String SHA = "ab".repeat(32);

  private Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private void htmlIndex() throws IOException {
    write("simple/index.html", "<html><body><a href=\"foo-bar/\">Foo.Bar</a><a href=\"baz/\">baz</a></body></html>");
    write("simple/foo-bar/index.html", "<html><body>"
        + "<a href=\"../../files/foo_bar-1.0-py3-none-any.whl#sha256=" + SHA + "\" data-requires-python=\"&gt;=3.8\""
        + " data-core-metadata=\"sha256=" + SHA + "\" data-provenance=\"../../prov/foo_bar-1.0-py3-none-any.whl"
        + ".provenance\">foo_bar-1.0-py3-none-any.whl</a>\n"
        + "<a href=\"../../files/foo_bar-0.9.tar.gz#md5=00ff\" data-yanked=\"broken &amp; gone\" "
        + "data-dist-info-metadata=\"true\">foo_bar-0.9.tar.gz</a>\n"
        + "<a href=\"../../files/foo_bar-0.8.tar.gz#sha256=nothex\">foo_bar-0.8.tar.gz</a>\n"
        + "<a href=\"../../files/\"></a>\n"
        + "<a name=\"anchor-only\">not a link</a>\n"
        + "</body></html>");
    write("files/foo_bar-1.0-py3-none-any.whl", "wheel bytes");
  }

  @Test
  void readsAPep503FolderWithEveryAttribute() throws IOException {
    htmlIndex();
    SimpleIndex index = SimpleIndex.open(tmp.resolve("simple"));
    assertThat(index.isLocal()).isTrue();
    assertThat(index.projects()).extracting(ProjectRef::name, ProjectRef::normalizedName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Foo.Bar", "foo-bar"),
            org.assertj.core.groups.Tuple.tuple("baz", "baz"));
    ProjectPage page = index.project("FOO_bar");
    assertThat(page.format()).isEqualTo(ProjectPage.Format.HTML);
    assertThat(page.name()).isEqualTo("foo-bar");
    assertThat(page.files()).hasSize(3);
    assertThat(page.files().get(2).hashes()).isEmpty();
    DistributionFile wheel = page.files().get(0);
    assertThat(wheel.filename()).isEqualTo("foo_bar-1.0-py3-none-any.whl");
    assertThat(wheel.kind()).isEqualTo(DistributionFile.Kind.WHEEL);
    assertThat(wheel.url()).isEqualTo(tmp.resolve("files/foo_bar-1.0-py3-none-any.whl").toRealPath().toUri());
    assertThat(wheel.hashes()).containsExactly(Map.entry("sha256", SHA));
    assertThat(wheel.requiresPython()).contains(">=3.8");
    assertThat(wheel.yanked()).isEmpty();
    assertThat(wheel.coreMetadata().orElseThrow().url().toString()).endsWith("foo_bar-1.0-py3-none-any.whl.metadata");
    assertThat(wheel.coreMetadata().orElseThrow().hashes()).containsEntry("sha256", SHA);
    assertThat(wheel.provenance().orElseThrow().toString()).endsWith("/prov/foo_bar-1.0-py3-none-any.whl.provenance");
    DistributionFile sdist = page.files().get(1);
    assertThat(sdist.kind()).isEqualTo(DistributionFile.Kind.SDIST);
    assertThat(sdist.yanked()).contains("broken & gone");
    assertThat(sdist.hashes()).containsEntry("md5", "00ff");
    assertThat(sdist.coreMetadata().orElseThrow().hashes()).isEmpty();
    assertThat(page.defects()).containsExactly("link 3: a fragment that is not hashname=hexdigest",
        "link 4: no usable file name");
    try (InputStream in = index.openFile(wheel)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("wheel bytes");
    }
    assertThat(index.localFile(wheel)).contains(tmp.resolve("files/foo_bar-1.0-py3-none-any.whl").toRealPath());
    assertThatThrownBy(() -> index.openFile(sdist)).isInstanceOf(IndexException.class)
        .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(() -> index.project("absent")).isInstanceOf(IndexException.class)
        .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void readsPep691Json() throws IOException {
    write("simple/index.json", "{\"meta\":{\"api-version\":\"1.1\"},\"projects\":[{\"name\":\"Foo.Bar\"}]}");
    write("simple/foo-bar/index.json", "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"foo-bar\",\"files\":["
        + "{\"filename\":\"foo_bar-1.0-py3-none-any.whl\",\"url\":\"../../files/foo_bar-1.0-py3-none-any.whl\","
        + "\"hashes\":{\"sha256\":\"" + SHA.toUpperCase() + "\",\"blake2b\":\"00\"},\"requires-python\":\">=3.8\","
        + "\"core-metadata\":{\"sha256\":\"" + SHA + "\"},\"yanked\":\"bad build\","
        + "\"provenance\":\"https://files.example/p.provenance\"},"
        + "{\"filename\":\"foo_bar-0.9-py3-none-any.whl\",\"url\":\"https://files.example/x.whl\",\"hashes\":{},"
        + "\"yanked\":true,\"dist-info-metadata\":true},"
        + "{\"filename\":\"foo_bar-0.8.zip\",\"url\":\"a.zip\",\"hashes\":{},\"yanked\":false,"
        + "\"core-metadata\":false,\"provenance\":null},"
        + "{\"filename\":\"../escape.whl\",\"url\":\"a.whl\",\"hashes\":{}},"
        + "{\"filename\":\"ok.whl\",\"url\":\"a.whl\",\"hashes\":[1]}]}");
    SimpleIndex index = SimpleIndex.open(tmp.resolve("simple").toUri());
    assertThat(index.projects()).extracting(ProjectRef::url)
        .containsExactly(tmp.resolve("simple/foo-bar/").toRealPath().toUri());
    ProjectPage page = index.project("foo-bar");
    assertThat(page.format()).isEqualTo(ProjectPage.Format.JSON);
    assertThat(page.files()).hasSize(4);
    DistributionFile f = page.files().get(0);
    assertThat(f.hashes()).containsExactly(Map.entry("sha256", SHA), Map.entry("blake2b", "00"));
    assertThat(f.yanked()).contains("bad build");
    assertThat(f.requiresPython()).contains(">=3.8");
    assertThat(f.coreMetadata().orElseThrow().hashes()).containsEntry("sha256", SHA);
    assertThat(f.provenance()).contains(URI.create("https://files.example/p.provenance"));
    assertThat(page.files().get(1).yanked()).contains("");
    assertThat(page.files().get(1).coreMetadata().orElseThrow().url())
        .isEqualTo(URI.create("https://files.example/x.whl.metadata"));
    assertThat(page.files().get(2).yanked()).isEmpty();
    assertThat(page.files().get(2).coreMetadata()).isEmpty();
    assertThat(page.files().get(2).kind()).isEqualTo(DistributionFile.Kind.SDIST);
    assertThat(page.files().get(3).hashes()).isEmpty();
    assertThat(page.defects()).containsExactly("file 4: no usable filename or url",
        "file 5 (ok.whl): hashes is not an object of hex strings");
  }

  @Test
  void malformedJsonAndUnknownVersionsAreMalformed() throws IOException {
    write("simple/a/index.json", "{\"meta\":{\"api-version\":\"2.0\"},\"files\":[]}");
    write("simple/b/index.json", "{\"meta\":{\"api-version\":\"1.0\"},\"files\":[{]}");
    write("simple/c/index.json", "{\"meta\":{\"api-version\":\"1.0\"}}");
    write("simple/d/index.json", "{\"meta\":{\"api-version\":\"1.0\"},\"files\":[],\"files\":[]}");
    SimpleIndex index = SimpleIndex.open(tmp.resolve("simple"));
    for (String p : List.of("a", "b", "c", "d")) {
      assertThatThrownBy(() -> index.project(p)).as(p).isInstanceOf(IndexException.class)
          .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(Reason.MALFORMED));
    }
  }

  @Test
  void aLocalIndexReadsOnlyBesideItsRoot() throws IOException {
    // /tmp/x/mirror/simple may read /tmp/x/mirror/** (simple/ and files/ side by side), nothing above it
    write("mirror/simple/p/index.html", "<a href=\"../../files/p-1.0.tar.gz\">p-1.0.tar.gz</a>"
        + "<a href=\"../../../outside/p-2.0.tar.gz\">p-2.0.tar.gz</a>"
        + "<a href=\"../../link/p-3.0.tar.gz\">p-3.0.tar.gz</a>"
        + "<a href=\"file:///dev/zero\">p-4.0.tar.gz</a>"
        + "<a href=\"../../files\">p-5.0.tar.gz</a>");
    write("mirror/files/p-1.0.tar.gz", "in");
    Path outside = write("outside/p-2.0.tar.gz", "out");
    Files.createDirectories(tmp.resolve("mirror/link"));
    Files.createSymbolicLink(tmp.resolve("mirror/link/p-3.0.tar.gz"), outside);
    SimpleIndex index = SimpleIndex.open(tmp.resolve("mirror/simple"));
    List<DistributionFile> files = index.project("p").files();
    assertThat(files).hasSize(5);
    try (InputStream in = index.openFile(files.get(0))) {
      assertThat(in.readAllBytes()).hasSize(2);
    }
    for (int i = 1; i < 5; i++) {
      DistributionFile f = files.get(i);
      assertThatThrownBy(() -> index.openFile(f)).as(f.filename()).isInstanceOf(IndexException.class)
          .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(Reason.REFUSED));
    }
  }

  @Test
  void overHttpBothFormsAndRelativeLinksAfterARedirect() throws IOException {
    htmlIndex();
    write("json/foo-bar/index.json", "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"foo-bar\",\"files\":["
        + "{\"filename\":\"foo_bar-1.0-py3-none-any.whl\",\"url\":\"/files/foo_bar-1.0-py3-none-any.whl\","
        + "\"hashes\":{\"sha256\":\"" + SHA + "\"}}]}");
    try (IndexServer s = IndexServer.serving(tmp)) {
      s.route("/moved/foo-bar/", ex -> ex.redirect("/simple/foo-bar/"));
      java.util.concurrent.atomic.AtomicReference<String> accept = new java.util.concurrent.atomic.AtomicReference<>();
      s.route("/accept/foo-bar/", ex -> {
        accept.set(ex.header("Accept"));
        ex.send("text/html", new byte[0]);
      });
      SimpleIndex html = SimpleIndex.open(s.uri("/moved"));
      ProjectPage page = html.project("Foo_Bar");
      assertThat(page.url()).isEqualTo(s.uri("/simple/foo-bar/"));
      DistributionFile wheel = page.files().get(0);
      assertThat(wheel.url()).isEqualTo(s.uri("/files/foo_bar-1.0-py3-none-any.whl"));
      try (InputStream in = html.openFile(wheel)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("wheel bytes");
      }
      assertThat(html.localFile(wheel)).isEmpty();
      ProjectPage json = SimpleIndex.open(s.uri("/json/")).project("foo-bar");
      assertThat(json.format()).isEqualTo(ProjectPage.Format.JSON);
      assertThat(json.files().get(0).url()).isEqualTo(s.uri("/files/foo_bar-1.0-py3-none-any.whl"));
      // PEP 691 negotiation: JSON preferred, HTML accepted
      assertThat(SimpleIndex.open(s.uri("/accept/")).project("foo-bar").files()).isEmpty();
      assertThat(accept.get()).startsWith("application/vnd.pypi.simple.v1+json").contains("text/html");
    }
  }

  @Test
  void hostileServersMeetTheLimits() throws IOException {
    htmlIndex();
    IndexLimits small = IndexLimits.DEFAULT.withMaxPageBytes(1000).withMaxLinks(10);
    // a short deadline only where the server stalls: on a loaded machine the other cases must not time out
    IndexLimits impatient = small.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (IndexServer s = IndexServer.serving(tmp)) {
      s.route("/loop/a/", ex -> ex.redirect("/loop/b/"));
      s.route("/loop/b/", ex -> ex.redirect("/loop/a/"));
      for (int i = 0; i < 8; i++) {
        int next = i + 1;
        s.route("/chain/" + i + "/", ex -> ex.redirect("/chain/" + next + "/"));
      }
      s.route("/evil/local/", ex -> ex.redirect("file:///etc/passwd"));
      s.route("/big/declared/", ex -> ex.send("text/html", new byte[5000]));
      s.route("/big/chunked/", ex -> {
        try (OutputStream out = ex.chunked("text/html")) {
          for (int i = 0; i < 100; i++) {
            out.write(new byte[1000]);
          }
        } catch (IOException e) {
          // the client hung up at its cap
        }
      });
      s.route("/many/links/", ex -> ex.send("text/html",
          "<a href=x.whl>x.whl</a>".repeat(11).getBytes(StandardCharsets.US_ASCII)));
      s.route("/stall/page/", ex -> {
        OutputStream out = ex.chunked("text/html");
        out.write("<a href=".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      s.route("/local/link/", ex -> ex.send("text/html",
          "<a href=\"file:///etc/hostname\">hostname.tar.gz</a>".getBytes(StandardCharsets.US_ASCII)));
      s.route("/gone/x/", ex -> ex.status(410));
      s.route("/error/x/", ex -> ex.status(500));

      SimpleIndex index = SimpleIndex.open(s.uri("/"), small);
      expect(() -> SimpleIndex.open(s.uri("/loop/"), small).project("a"), Reason.LIMIT, "cycle");
      expect(() -> SimpleIndex.open(s.uri("/chain/"), small).project("0"), Reason.LIMIT, "more than 5 redirects");
      expect(() -> SimpleIndex.open(s.uri("/evil/"), small).project("local"), Reason.REFUSED, "only http");
      expect(() -> SimpleIndex.open(s.uri("/big/"), small).project("declared"), Reason.LIMIT, "5000 bytes");
      expect(() -> SimpleIndex.open(s.uri("/big/"), small).project("chunked"), Reason.LIMIT, "1000 bytes");
      expect(() -> SimpleIndex.open(s.uri("/many/"), small).project("links"), Reason.LIMIT, "more than 10 links");
      expect(() -> SimpleIndex.open(s.uri("/stall/"), impatient).project("page"), Reason.UNREADABLE, "timed out");
      expect(() -> SimpleIndex.open(s.uri("/gone/"), small).project("x"), Reason.NOT_FOUND, "410");
      expect(() -> SimpleIndex.open(s.uri("/error/"), small).project("x"), Reason.UNREADABLE, "500");
      DistributionFile local = SimpleIndex.open(s.uri("/local/"), small).project("link").files().get(0);
      expect(() -> index.openFile(local), Reason.REFUSED, "HTTP index");
      expect(() -> index.readSidecar(URI.create("ftp://x/y")), Reason.REFUSED, "not an http(s) or file URL");
    }
    assertThatThrownBy(() -> SimpleIndex.open(URI.create("ftp://x/simple/"))).isInstanceOf(IndexException.class);
    assertThatThrownBy(() -> SimpleIndex.open(tmp.resolve("nothing"))).isInstanceOf(IndexException.class);
  }

  @Test
  void aFileStreamStopsAtItsCap() throws IOException {
    write("simple/p/index.html", "<a href=\"../../files/p-1.0-py3-none-any.whl\">p-1.0-py3-none-any.whl</a>");
    write("files/p-1.0-py3-none-any.whl", "x".repeat(100));
    try (IndexServer s = IndexServer.serving(tmp)) {
      s.route("/files/p-1.0-py3-none-any.whl", ex -> {
        // chunked, so that the cap is met while reading
        try (OutputStream out = ex.chunked("application/octet-stream")) {
          out.write(new byte[100]);
        }
      });
      SimpleIndex index = SimpleIndex.open(s.uri("/simple/"), IndexLimits.DEFAULT.withMaxFileBytes(99));
      DistributionFile f = index.project("p").files().get(0);
      expect(() -> {
        try (InputStream in = index.openFile(f)) {
          in.readAllBytes();
        }
        return null;
      }, Reason.LIMIT, "more than the 99 bytes");
      // a connection cut mid-body is a typed failure of that file
      s.route("/short", ex -> {
        OutputStream out = ex.fixed("application/octet-stream", 50);
        out.write(new byte[10]);
        out.flush();
        throw new IOException("cut");
      });
      DistributionFile cut = new DistributionFile("p-1.0-py3-none-any.whl", s.uri("/short"), Map.of(),
          java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
          java.util.Optional.empty());
      expect(() -> {
        try (InputStream in = index.openFile(cut)) {
          in.readAllBytes();
        }
        return null;
      }, Reason.UNREADABLE, "cannot read");
    }
  }

  private interface Read {
    Object read() throws IOException;
  }

  private static void expect(Read r, Reason reason, String message) {
    assertThatThrownBy(r::read).isInstanceOf(IndexException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(reason));
  }
}
