package dev.wheeltapper.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads auditwheel's policy files ({@code manylinux-policy.json}, {@code musllinux-policy.json}) in the form auditwheel
 * publishes them: an array of policies, each with {@code name}, {@code aliases}, {@code priority},
 * {@code symbol_versions} (architecture, then namespace, then versions), {@code lib_whitelist} and {@code blacklist}
 * (soname, then symbols). The {@code linux} catch-all (priority 0) is the absence of a policy and is left out. Unknown
 * members are skipped, so a newer auditwheel file still reads. Streaming, with jackson-core's read constraints: the
 * files are bundled, but a caller may pass its own.
 */
final class AuditwheelPolicyJson {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(8)
          .maxStringLength(4096)
          .maxNumberLength(12)
          .maxDocumentLength(16L << 20)
          .build())
      .build();

  private AuditwheelPolicyJson() {}

  static List<PlatformPolicy> read(String family, InputStream in) throws IOException {
    List<PlatformPolicy> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(in)) {
      expect(p, p.nextToken(), JsonToken.START_ARRAY, "the policy list");
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(p, t, JsonToken.START_OBJECT, "a policy");
        policy(family, p).ifPresent(out::add);
      }
      if (p.nextToken() != null) {
        throw new IOException("data after the policy list at " + p.currentLocation());
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("malformed policy JSON: " + e.getOriginalMessage(), e);
    }
    return out;
  }

  private static java.util.Optional<PlatformPolicy> policy(String family, JsonParser p) throws IOException {
    String name = null;
    Integer priority = null;
    List<String> aliases = List.of();
    Set<String> whitelist = Set.of();
    Map<String, Set<String>> blacklist = Map.of();
    Map<String, Map<String, Set<String>>> versions = Map.of();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      expect(p, t, JsonToken.FIELD_NAME, "a policy member");
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "name" -> name = text(p, v, "name");
        case "priority" -> {
          expect(p, v, JsonToken.VALUE_NUMBER_INT, "priority");
          priority = p.getIntValue();
        }
        case "aliases" -> aliases = List.copyOf(strings(p, v, "aliases"));
        case "lib_whitelist" -> whitelist = Set.copyOf(strings(p, v, "lib_whitelist"));
        case "blacklist" -> blacklist = stringSets(p, v, "blacklist");
        case "symbol_versions" -> {
          expect(p, v, JsonToken.START_OBJECT, "symbol_versions");
          Map<String, Map<String, Set<String>>> m = new HashMap<>();
          for (JsonToken a = p.nextToken(); a != JsonToken.END_OBJECT; a = p.nextToken()) {
            expect(p, a, JsonToken.FIELD_NAME, "an architecture");
            String arch = p.currentName();
            m.put(arch, stringSets(p, p.nextToken(), "symbol_versions." + arch));
          }
          versions = m;
        }
        default -> p.skipChildren();
      }
    }
    if (name == null || priority == null) {
      throw new IOException("a " + family + " policy without name or priority at " + p.currentLocation());
    }
    if (name.equals("linux")) {
      return java.util.Optional.empty();
    }
    if (PlatformTag.parse(name + "_any").filter(tag -> tag.family().equals(family)).isEmpty()) {
      throw new IOException("bad " + family + " policy name " + name);
    }
    return java.util.Optional.of(
        new PlatformPolicy(family, name, priority, aliases, whitelist, blacklist, versions));
  }

  private static Map<String, Set<String>> stringSets(JsonParser p, JsonToken t, String what) throws IOException {
    expect(p, t, JsonToken.START_OBJECT, what);
    Map<String, Set<String>> m = new HashMap<>();
    for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
      expect(p, k, JsonToken.FIELD_NAME, what + " key");
      String key = p.currentName();
      m.put(key, Set.copyOf(strings(p, p.nextToken(), what + "." + key)));
    }
    return m;
  }

  private static Set<String> strings(JsonParser p, JsonToken t, String what) throws IOException {
    expect(p, t, JsonToken.START_ARRAY, what);
    Set<String> out = new LinkedHashSet<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      out.add(text(p, e, what));
    }
    return out;
  }

  private static String text(JsonParser p, JsonToken t, String what) throws IOException {
    expect(p, t, JsonToken.VALUE_STRING, what);
    return p.getText();
  }

  private static void expect(JsonParser p, JsonToken t, JsonToken want, String what) throws IOException {
    if (t != want) {
      throw new IOException(what + ": expected " + want + " but found " + t + " at " + p.currentLocation());
    }
  }
}
