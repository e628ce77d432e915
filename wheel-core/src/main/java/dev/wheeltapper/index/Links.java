package dev.wheeltapper.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What PEP 503 and PEP 691 pages share about links: resolving a link against its page, the {@code hashname=hexdigest}
 * form of hashes (PEP 503 fragments, PEP 658 attribute values), a file's name, the PEP 658 sidecar URL and the PEP
 * 503 project URL. Stateless and thread-safe.
 */
final class Links {
  /** The longest hash value kept: a SHA-512 is 128 hex digits. */
  static final int MAX_HASH_CHARS = 256;

  private Links() {}

  /** Reads {@code name=hexdigest} into out; false when it is not that. */
  static boolean hash(String s, Map<String, String> out) {
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
  static boolean hashValue(String name, String hex) {
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
  static Optional<String> fileName(String text, URI url) {
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

  static URI withoutFragment(URI u) {
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
