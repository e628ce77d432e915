package dev.wheeltapper.index;

import dev.wheeltapper.index.IndexException.Reason;
import dev.wheeltapper.index.internal.Anchor;
import dev.wheeltapper.index.internal.AnchorScanner;
import dev.wheeltapper.index.internal.MarkupException;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of a simple-repository page into the typed model: PEP 503 HTML through {@link AnchorScanner}, PEP
 * 691 JSON through the bounded {@link Json} reader. A link that cannot be taken becomes a defect of its page; a page
 * that cannot be read at all is an {@link IndexException} ({@link Reason#MALFORMED} or {@link Reason#LIMIT}).
 * Stateless apart from its limits; thread-safe.
 */
final class PageReader {
  /** The longest hash value kept: a SHA-512 is 128 hex digits. */
  private static final int MAX_HASH_CHARS = 256;
  /** Most hashes per file in a PEP 691 {@code hashes} object. */
  private static final int MAX_HASHES = 16;
  /** Attributes per anchor; PEP 503 and its successors define six. */
  private static final int MAX_ATTRIBUTES = 64;
  /** Longest attribute value (a URL with a long query, or a yank reason). */
  private static final int MAX_VALUE_CHARS = 64 << 10;
  /** Longest anchor text kept: longer than any file name. */
  private static final int MAX_TEXT_CHARS = 1024;

  private final IndexLimits limits;

  PageReader(IndexLimits limits) {
    this.limits = limits;
  }

  /** The projects of a root page. */
  List<ProjectRef> projects(Transport.Body body) throws IndexException {
    List<ProjectRef> out = new ArrayList<>();
    URI base = body.uri();
    if (isJson(body)) {
      JsonValue root = json(body);
      List<JsonValue> projects = root.member("projects").flatMap(JsonValue::asArray).orElseThrow(
          () -> new IndexException(Reason.MALFORMED, base, "a PEP 691 root page without a projects array"));
      checkCount(projects.size(), base);
      for (JsonValue p : projects) {
        Optional<String> name = p.member("name").flatMap(JsonValue::asString);
        if (name.isPresent() && !name.get().isBlank()) {
          out.add(new ProjectRef(name.get(), base.resolve(pathSegment(ProjectRef.normalize(name.get())) + "/")));
        }
      }
      return out;
    }
    for (Anchor a : anchors(body)) {
      Optional<URI> url = a.attribute("href").flatMap(h -> resolve(base, h));
      String name = a.text();
      if (url.isPresent() && !name.isEmpty()) {
        out.add(new ProjectRef(name, url.get()));
      }
    }
    return out;
  }

  /** A project page. */
  ProjectPage project(String name, Transport.Body body) throws IndexException {
    List<DistributionFile> files = new ArrayList<>();
    List<String> defects = new ArrayList<>();
    if (isJson(body)) {
      JsonValue root = json(body);
      List<JsonValue> list = root.member("files").flatMap(JsonValue::asArray).orElseThrow(
          () -> new IndexException(Reason.MALFORMED, body.uri(), "a PEP 691 project page without a files array"));
      checkCount(list.size(), body.uri());
      for (int i = 0; i < list.size(); i++) {
        jsonFile(body.uri(), list.get(i), i, files, defects);
      }
      return new ProjectPage(name, body.uri(), ProjectPage.Format.JSON, files, defects);
    }
    List<Anchor> anchors = anchors(body);
    for (int i = 0; i < anchors.size(); i++) {
      htmlFile(body.uri(), anchors.get(i), i, files, defects);
    }
    return new ProjectPage(name, body.uri(), ProjectPage.Format.HTML, files, defects);
  }

  private static boolean isJson(Transport.Body body) {
    String t = body.contentType().toLowerCase(Locale.ROOT);
    return t.startsWith("application/vnd.pypi.simple.") && t.contains("+json");
  }

  private List<Anchor> anchors(Transport.Body body) throws IndexException {
    try {
      String html = new String(body.bytes(), StandardCharsets.UTF_8);
      return new AnchorScanner(limits.maxLinks(), MAX_ATTRIBUTES, MAX_VALUE_CHARS, MAX_TEXT_CHARS).scan(html);
    } catch (MarkupException e) {
      throw new IndexException(Reason.LIMIT, body.uri(), "page " + body.uri() + ": " + e.getMessage(), e);
    }
  }

  private JsonValue json(Transport.Body body) throws IndexException {
    int maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxPageBytes());
    int maxElements = (int) Math.min(Integer.MAX_VALUE / 4, 64L * limits.maxLinks() + 64);
    JsonValue v;
    try {
      v = Json.parse(body.bytes(), new Json.Limits(maxBytes, 16, maxElements));
    } catch (JsonException e) {
      throw new IndexException(Reason.MALFORMED, body.uri(), "page " + body.uri() + ": " + e.getMessage(), e);
    }
    String version = v.member("meta").flatMap(m -> m.member("api-version")).flatMap(JsonValue::asString)
        .orElseThrow(() -> new IndexException(Reason.MALFORMED, body.uri(), "a PEP 691 page without meta.api-version"));
    // PEP 629: a client refuses a major version it does not know
    if (!version.equals("1") && !version.startsWith("1.")) {
      throw new IndexException(Reason.MALFORMED, body.uri(), "unsupported simple API version " + version);
    }
    return v;
  }

  private void checkCount(int n, URI uri) throws IndexException {
    if (n > limits.maxLinks()) {
      throw new IndexException(Reason.LIMIT, uri, "more than " + limits.maxLinks() + " links on one page");
    }
  }

  private static void htmlFile(URI base, Anchor a, int i, List<DistributionFile> files, List<String> defects) {
    String where = "link " + (i + 1);
    Optional<String> href = a.attribute("href");
    if (href.isEmpty()) {
      return; // an anchor without href is not a link (a named target)
    }
    Optional<URI> resolved = resolve(base, href.get());
    if (resolved.isEmpty()) {
      defects.add(where + ": a malformed URL");
      return;
    }
    URI url = resolved.get();
    Map<String, String> hashes = new LinkedHashMap<>();
    String fragment = url.getRawFragment();
    if (fragment != null && !fragment.isEmpty()) {
      if (!hash(fragment, hashes)) {
        defects.add(where + ": a fragment that is not hashname=hexdigest");
      }
    }
    Optional<String> name = fileName(a.text(), url);
    if (name.isEmpty()) {
      defects.add(where + ": no usable file name");
      return;
    }
    Optional<MetadataLink> metadata = Optional.empty();
    Optional<String> meta = a.attribute("data-core-metadata").or(() -> a.attribute("data-dist-info-metadata"));
    if (meta.isPresent() && !meta.get().equalsIgnoreCase("false")) {
      Map<String, String> mh = new LinkedHashMap<>();
      if (meta.get().equalsIgnoreCase("true") || hash(meta.get(), mh)) {
        metadata = Optional.of(new MetadataLink(sidecar(url), mh));
      } else {
        defects.add(where + " (" + name.get() + "): a metadata attribute that is neither true nor hashname=hexdigest");
      }
    }
    Optional<URI> provenance = a.attribute("data-provenance").flatMap(p -> resolve(base, p));
    if (a.attribute("data-provenance").isPresent() && provenance.isEmpty()) {
      defects.add(where + " (" + name.get() + "): a malformed provenance URL");
    }
    files.add(new DistributionFile(name.get(), withoutFragment(url), hashes,
        a.attribute("data-requires-python"), a.attribute("data-yanked"), metadata, provenance));
  }

  private static void jsonFile(URI base, JsonValue f, int i, List<DistributionFile> files, List<String> defects) {
    String where = "file " + (i + 1);
    Optional<String> filename = f.member("filename").flatMap(JsonValue::asString);
    Optional<URI> url = f.member("url").flatMap(JsonValue::asString).flatMap(u -> resolve(base, u));
    if (filename.isEmpty() || !DistributionFile.isPlainName(filename.get()) || url.isEmpty()) {
      defects.add(where + ": no usable filename or url");
      return;
    }
    String name = filename.get();
    Map<String, String> hashes = new LinkedHashMap<>();
    if (!jsonHashes(f.member("hashes"), hashes)) {
      defects.add(where + " (" + name + "): hashes is not an object of hex strings");
    }
    Optional<String> yanked = Optional.empty();
    Optional<JsonValue> y = f.member("yanked");
    if (y.isPresent()) {
      // PEP 691: false, true, or the reason as a string (a non-empty string means yanked)
      if (y.get().asString().isPresent()) {
        yanked = y.get().asString();
      } else if (y.get() instanceof JsonValue.JsonBoolean b && b.value()) {
        yanked = Optional.of("");
      }
    }
    Optional<MetadataLink> metadata = Optional.empty();
    Optional<JsonValue> m = f.member("core-metadata").or(() -> f.member("dist-info-metadata"));
    if (m.isPresent()) {
      Map<String, String> mh = new LinkedHashMap<>();
      if (m.get() instanceof JsonValue.JsonBoolean b) {
        if (b.value()) {
          metadata = Optional.of(new MetadataLink(sidecar(withoutFragment(url.get())), mh));
        }
      } else if (jsonHashes(m, mh)) {
        metadata = Optional.of(new MetadataLink(sidecar(withoutFragment(url.get())), mh));
      } else {
        defects.add(where + " (" + name + "): core-metadata is neither a boolean nor an object of hashes");
      }
    }
    Optional<URI> provenance = f.member("provenance").flatMap(JsonValue::asString).flatMap(p -> resolve(base, p));
    files.add(new DistributionFile(name, withoutFragment(url.get()), hashes,
        f.member("requires-python").flatMap(JsonValue::asString), yanked, metadata, provenance));
  }

  private static boolean jsonHashes(Optional<JsonValue> v, Map<String, String> out) {
    if (v.isEmpty() || v.get().isNull()) {
      return true;
    }
    Optional<Map<String, JsonValue>> members = v.get().asObject();
    if (members.isEmpty() || members.get().size() > MAX_HASHES) {
      return false;
    }
    for (Map.Entry<String, JsonValue> e : members.get().entrySet()) {
      Optional<String> hex = e.getValue().asString();
      if (hex.isEmpty() || !hashValue(e.getKey(), hex.get())) {
        return false;
      }
      out.put(e.getKey().toLowerCase(Locale.ROOT), hex.get().toLowerCase(Locale.ROOT));
    }
    return true;
  }

  /** Reads {@code name=hexdigest} into out; false when it is not that. */
  private static boolean hash(String s, Map<String, String> out) {
    int eq = s.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    String name = s.substring(0, eq);
    String hex = s.substring(eq + 1);
    if (!hashValue(name, hex)) {
      return false;
    }
    out.put(name.toLowerCase(Locale.ROOT), hex.toLowerCase(Locale.ROOT));
    return true;
  }

  /** A hash name of letters, digits and underscores, a value of at most 256 hex digits. */
  private static boolean hashValue(String name, String hex) {
    if (name.isEmpty() || name.length() > 32 || hex.isEmpty() || hex.length() > MAX_HASH_CHARS) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '_') {
        return false;
      }
    }
    for (int k = 0; k < hex.length(); k++) {
      if (Character.digit(hex.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The anchor text, or else the last segment of the URL's path, when it is a plain file name. */
  private static Optional<String> fileName(String text, URI url) {
    String name = text;
    if (name.isEmpty()) {
      String path = Optional.ofNullable(url.getRawPath()).orElse("");
      name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }
    return DistributionFile.isPlainName(name) ? Optional.of(name) : Optional.empty();
  }

  /** Resolves a link against its page; empty for a malformed one. */
  static Optional<URI> resolve(URI base, String href) {
    String h = href.strip();
    if (h.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI ref = new URI(h);
      return Optional.of(base.resolve(ref));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // a space or other character a lenient generator left unescaped: encode it as a browser would
      try {
        return Optional.of(base.resolve(new URI(null, null, h, null).toString().replace("%23", "#")));
      } catch (URISyntaxException | IllegalArgumentException e2) {
        return Optional.empty();
      }
    }
  }

  private static URI withoutFragment(URI u) {
    if (u.getRawFragment() == null) {
      return u;
    }
    String s = u.toString();
    return URI.create(s.substring(0, s.indexOf('#')));
  }

  /** PEP 658: the file's URL with {@code .metadata} appended to its path, query kept. */
  static URI sidecar(URI file) {
    URI u = withoutFragment(file);
    String s = u.toString();
    int q = s.indexOf('?');
    return URI.create(q < 0 ? s + ".metadata" : s.substring(0, q) + ".metadata" + s.substring(q));
  }

  private static String pathSegment(String normalized) {
    // a normalized name holds only what remains of the project's name; escape anything outside unreserved
    StringBuilder b = new StringBuilder();
    for (byte x : normalized.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        b.append(c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  /** The URL of a project's page under a root: PEP 503's {@code /<normalized>/}. */
  static URI projectUrl(URI root, String name) {
    return root.resolve(pathSegment(ProjectRef.normalize(name)) + "/");
  }
}
