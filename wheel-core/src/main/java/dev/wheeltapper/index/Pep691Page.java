package dev.wheeltapper.index;

import dev.wheeltapper.index.IndexException.Reason;
import dev.wheeltapper.provenance.json.Json;
import dev.wheeltapper.provenance.json.JsonException;
import dev.wheeltapper.provenance.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A PEP 691 JSON page ({@code application/vnd.pypi.simple.v1+json}) into the model, through the bounded {@link Json}
 * reader: the root page's {@code projects}, a project page's {@code files} with {@code hashes},
 * {@code requires-python}, {@code yanked} (PEP 592), {@code core-metadata} / {@code dist-info-metadata} (PEP 714) and
 * {@code provenance} (PEP 740). A major API version other than 1 is refused (PEP 629). A file that cannot be taken is
 * a defect of its page. Stateless and thread-safe.
 */
final class Pep691Page {
  /** Most hashes per file in a {@code hashes} object. */
  private static final int MAX_HASHES = 16;

  private Pep691Page() {}

  /** The projects of a root page, each at {@code <root>/<normalized name>/}. */
  static List<ProjectRef> projects(Transport.Body body, IndexLimits limits) throws IndexException {
    List<ProjectRef> out = new ArrayList<>();
    URI base = body.uri();
    List<JsonValue> projects = json(body, limits).member("projects").flatMap(JsonValue::asArray).orElseThrow(
        () -> new IndexException(Reason.MALFORMED, base, "a PEP 691 root page without a projects array"));
    checkCount(projects.size(), base, limits);
    for (JsonValue p : projects) {
      Optional<String> name = p.member("name").flatMap(JsonValue::asString);
      if (name.isPresent() && !name.get().isBlank()) {
        out.add(new ProjectRef(name.get(), Links.projectUrl(base, name.get())));
      }
    }
    return out;
  }

  /** A project page. */
  static ProjectPage project(String name, Transport.Body body, IndexLimits limits) throws IndexException {
    List<DistributionFile> files = new ArrayList<>();
    List<String> defects = new ArrayList<>();
    List<JsonValue> list = json(body, limits).member("files").flatMap(JsonValue::asArray).orElseThrow(
        () -> new IndexException(Reason.MALFORMED, body.uri(), "a PEP 691 project page without a files array"));
    checkCount(list.size(), body.uri(), limits);
    for (int i = 0; i < list.size(); i++) {
      jsonFile(body.uri(), list.get(i), i, files, defects);
    }
    return new ProjectPage(name, body.uri(), ProjectPage.Format.JSON, files, defects);
  }

  private static JsonValue json(Transport.Body body, IndexLimits limits) throws IndexException {
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

  private static void checkCount(int n, URI uri, IndexLimits limits) throws IndexException {
    if (n > limits.maxLinks()) {
      throw new IndexException(Reason.LIMIT, uri, "more than " + limits.maxLinks() + " links on one page");
    }
  }

  private static void jsonFile(URI base, JsonValue f, int i, List<DistributionFile> files, List<String> defects) {
    String where = "file " + (i + 1);
    Optional<String> filename = f.member("filename").flatMap(JsonValue::asString);
    Optional<URI> url = f.member("url").flatMap(JsonValue::asString).flatMap(u -> Links.resolve(base, u));
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
          metadata = Optional.of(new MetadataLink(Links.sidecar(Links.withoutFragment(url.get())), mh));
        }
      } else if (jsonHashes(m, mh)) {
        metadata = Optional.of(new MetadataLink(Links.sidecar(Links.withoutFragment(url.get())), mh));
      } else {
        defects.add(where + " (" + name + "): core-metadata is neither a boolean nor an object of hashes");
      }
    }
    Optional<URI> provenance =
        f.member("provenance").flatMap(JsonValue::asString).flatMap(p -> Links.resolve(base, p));
    files.add(new DistributionFile(name, Links.withoutFragment(url.get()), hashes,
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
      if (hex.isEmpty() || !Links.hashValue(e.getKey(), hex.get())) {
        return false;
      }
      out.put(e.getKey().toLowerCase(Locale.ROOT), hex.get().toLowerCase(Locale.ROOT));
    }
    return true;
  }
}
