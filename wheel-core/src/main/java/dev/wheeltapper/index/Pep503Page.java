package dev.wheeltapper.index;

import dev.wheeltapper.index.IndexException.Reason;
import dev.wheeltapper.index.internal.Anchor;
import dev.wheeltapper.index.internal.AnchorScanner;
import dev.wheeltapper.index.internal.MarkupException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PEP 503 HTML page into the model: the root page's anchors as projects, a project page's anchors as files with
 * the attributes of PEP 503 ({@code data-requires-python}, {@code #hashname=hexdigest}), PEP 592
 * ({@code data-yanked}), PEP 658/714 ({@code data-core-metadata}, {@code data-dist-info-metadata}) and PEP 740
 * ({@code data-provenance}). A link that cannot be taken is a defect of its page. Stateless and thread-safe.
 */
final class Pep503Page {
  /** Attributes per anchor; PEP 503 and its successors define six. */
  private static final int MAX_ATTRIBUTES = 64;
  /** Longest attribute value (a URL with a long query, or a yank reason). */
  private static final int MAX_VALUE_CHARS = 64 << 10;
  /** Longest anchor text kept: longer than any file name. */
  private static final int MAX_TEXT_CHARS = 1024;

  private Pep503Page() {}

  /** The projects of a root page: each anchor's text and link. */
  static List<ProjectRef> projects(Transport.Body body, IndexLimits limits) throws IndexException {
    List<ProjectRef> out = new ArrayList<>();
    for (Anchor a : anchors(body, limits)) {
      Optional<URI> url = a.attribute("href").flatMap(h -> Links.resolve(body.uri(), h));
      if (url.isPresent() && !a.text().isEmpty()) {
        out.add(new ProjectRef(a.text(), url.get()));
      }
    }
    return out;
  }

  /** A project page. */
  static ProjectPage project(String name, Transport.Body body, IndexLimits limits) throws IndexException {
    List<DistributionFile> files = new ArrayList<>();
    List<String> defects = new ArrayList<>();
    List<Anchor> anchors = anchors(body, limits);
    for (int i = 0; i < anchors.size(); i++) {
      htmlFile(body.uri(), anchors.get(i), i, files, defects);
    }
    return new ProjectPage(name, body.uri(), ProjectPage.Format.HTML, files, defects);
  }

  private static List<Anchor> anchors(Transport.Body body, IndexLimits limits) throws IndexException {
    try {
      String html = new String(body.bytes(), StandardCharsets.UTF_8);
      return new AnchorScanner(limits.maxLinks(), MAX_ATTRIBUTES, MAX_VALUE_CHARS, MAX_TEXT_CHARS).scan(html);
    } catch (MarkupException e) {
      throw new IndexException(Reason.LIMIT, body.uri(), "page " + body.uri() + ": " + e.getMessage(), e);
    }
  }

  private static void htmlFile(URI base, Anchor a, int i, List<DistributionFile> files, List<String> defects) {
    String where = "link " + (i + 1);
    Optional<String> href = a.attribute("href");
    if (href.isEmpty()) {
      return; // an anchor without href is not a link (a named target)
    }
    Optional<URI> resolved = Links.resolve(base, href.get());
    if (resolved.isEmpty()) {
      defects.add(where + ": a malformed URL");
      return;
    }
    URI url = resolved.get();
    Map<String, String> hashes = new LinkedHashMap<>();
    String fragment = url.getRawFragment();
    if (fragment != null && !fragment.isEmpty()) {
      if (!Links.hash(fragment, hashes)) {
        defects.add(where + ": a fragment that is not hashname=hexdigest");
      }
    }
    Optional<String> name = Links.fileName(a.text(), url);
    if (name.isEmpty()) {
      defects.add(where + ": no usable file name");
      return;
    }
    Optional<MetadataLink> metadata = Optional.empty();
    Optional<String> meta = a.attribute("data-core-metadata").or(() -> a.attribute("data-dist-info-metadata"));
    if (meta.isPresent() && !meta.get().equalsIgnoreCase("false")) {
      Map<String, String> mh = new LinkedHashMap<>();
      if (meta.get().equalsIgnoreCase("true") || Links.hash(meta.get(), mh)) {
        metadata = Optional.of(new MetadataLink(Links.sidecar(url), mh));
      } else {
        defects.add(where + " (" + name.get() + "): a metadata attribute that is neither true nor hashname=hexdigest");
      }
    }
    Optional<URI> provenance = a.attribute("data-provenance").flatMap(p -> Links.resolve(base, p));
    if (a.attribute("data-provenance").isPresent() && provenance.isEmpty()) {
      defects.add(where + " (" + name.get() + "): a malformed provenance URL");
    }
    files.add(new DistributionFile(name.get(), Links.withoutFragment(url), hashes,
        a.attribute("data-requires-python"), a.attribute("data-yanked"), metadata, provenance));
  }
}
