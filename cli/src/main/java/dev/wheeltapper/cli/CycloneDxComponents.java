package dev.wheeltapper.cli;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.wheel.sbom.EmbeddedSbom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;

/**
 * Turns one artifact report into its CycloneDX component: a wheel is a {@code library} with its purl
 * ({@code pkg:pypi/<normalized name>@<version>?file_name=<wheel file>}) and SHA-256, nesting one component per native
 * binary (name: the path inside the wheel) and per vendored library of {@code <pkg>.libs/} (name and version from its
 * SONAME or file name, {@link CycloneDxVendored}); a bare binary, or a file whose wheel name does not parse, is a
 * {@code file}. The SBOMs a wheel carries (PEP 770) are its {@code externalReferences} of type {@code bom}; a
 * binary that needs a vendored library depends on it ({@link #dependencies()}). Every bom-ref is unique within the
 * document. Not thread-safe: one instance per document.
 */
final class CycloneDxComponents {
  /** PEP 503 name normalization, as the purl spec's pypi type asks (lower case, {@code _} to {@code -}). */
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
  /** CycloneDX's bom-link: {@code urn:cdx:<serial uuid>/<version>}. */
  private static final Pattern UUID_URN = Pattern.compile(
      "urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})");

  private final Set<String> refs = new HashSet<>();
  private final List<Dependency> dependencies = new ArrayList<>();

  /** The component of one artifact, with its nested binaries. */
  Component of(ArtifactReport r) {
    Component c = new Component();
    Optional<String> purl = r.wheel().flatMap(w -> purl(w.name(), w.version(), fileName(r.path())));
    if (r.kind().equals("wheel") && r.wheel().isPresent()) {
      c.setType(Component.Type.LIBRARY);
      c.setName(normalize(r.wheel().get().name()));
      c.setVersion(r.wheel().get().version());
      purl.ifPresent(c::setPurl);
    } else {
      c.setType(Component.Type.FILE);
      c.setName(fileName(r.path()));
    }
    String ref = unique(purl.orElse(r.path()));
    c.setBomRef(ref);
    c.addHash(new Hash(Hash.Algorithm.SHA_256, r.sha256()));
    CycloneDxProperties p = new CycloneDxProperties().add(CycloneDxProperties.PATH, r.path()).verdict(r);
    r.wheel().ifPresent(w -> p.addEach(CycloneDxProperties.TAG, w.tags()));
    for (ArtifactReport.SignatureReport s : r.signatures()) {
      p.add(CycloneDxProperties.SIGNATURE, s.kind() + " " + s.status() + s.signer().map(x -> " " + x).orElse(""));
    }
    p.add(CycloneDxProperties.LANGUAGES, String.join(",", r.inventory().languages()));
    r.inventory().memorySafe().ifPresent(m -> p.add(CycloneDxProperties.MEMORY_SAFE, m));
    r.policy().ifPresent(pol -> p.policy(pol.report()));
    for (EmbeddedSbom s : r.inventory().sboms()) {
      c.addExternalReference(sbomReference(s));
      p.add(CycloneDxProperties.SBOM, s.entryName());
    }
    c.setProperties(p.build());
    // The loader's view: a vendored library is found by the name a binary needs (its SONAME, or its file name).
    Map<String, String> vendoredRefs = new LinkedHashMap<>();
    List<Component> inspected = new ArrayList<>();
    for (BinaryInspection b : r.binaries().inspected()) {
      Component one = binary(ref, b.path(), Optional.of(b), r.inventory());
      inspected.add(one);
      c.addComponent(one);
      if (CycloneDxVendored.isVendored(b.path())) {
        Optional.ofNullable(r.inventory().sonames().get(b.path())).ifPresent(s -> vendoredRefs.putIfAbsent(s,
            one.getBomRef()));
        vendoredRefs.putIfAbsent(b.path().substring(b.path().lastIndexOf('/') + 1), one.getBomRef());
      }
    }
    for (int i = 0; i < inspected.size(); i++) {
      dependencies(inspected.get(i).getBomRef(), r.binaries().inspected().get(i).needed(), vendoredRefs);
    }
    for (NativeBinaries.Recognised b : r.binaries().recognised()) {
      Component one = binary(ref, b.path(), Optional.empty(), r.inventory());
      one.setProperties(new CycloneDxProperties().add(CycloneDxProperties.PATH, b.path())
          .add(CycloneDxProperties.FORMAT, b.format().label()).build());
      c.addComponent(one);
    }
    return c;
  }

  /**
   * Records that a binary depends on the vendored libraries it needs ({@code DT_NEEDED}, PE imports, Mach-O load
   * commands, matched by name as the loader matches them); system libraries are not components and are left out.
   */
  private void dependencies(String binaryRef, List<String> needed, Map<String, String> vendoredRefs) {
    Set<String> targets = new LinkedHashSet<>();
    for (String n : needed) {
      String target = vendoredRefs.get(n.substring(n.lastIndexOf('/') + 1));
      if (target != null && !target.equals(binaryRef)) {
        targets.add(target);
      }
    }
    if (!targets.isEmpty()) {
      Dependency d = new Dependency(binaryRef);
      targets.forEach(t -> d.addDependency(new Dependency(t)));
      dependencies.add(d);
    }
  }

  /**
   * The dependencies recorded so far: each binary that needs vendored libraries, with their bom-refs.
   *
   * @return the dependencies, in artifact and entry order
   */
  List<Dependency> dependencies() {
    return List.copyOf(dependencies);
  }

  /** A native binary inside the artifact, or the vendored library it is. */
  private Component binary(String parentRef, String path, Optional<BinaryInspection> b, ArtifactInventory inv) {
    Component c = new Component();
    Optional<String> soname = Optional.ofNullable(inv.sonames().get(path));
    CycloneDxProperties p = new CycloneDxProperties();
    if (CycloneDxVendored.isVendored(path)) {
      CycloneDxVendored v = CycloneDxVendored.of(path, soname);
      c.setType(Component.Type.LIBRARY);
      c.setName(v.name());
      v.version().ifPresent(c::setVersion);
      p.add(CycloneDxProperties.VENDORED, "true");
      v.hash().ifPresent(h -> p.add(CycloneDxProperties.VENDORED_HASH, h));
    } else {
      c.setType(shared(path, b) ? Component.Type.LIBRARY : Component.Type.FILE);
      c.setName(path);
    }
    c.setBomRef(unique(parentRef + "!" + path));
    Optional.ofNullable(inv.sha256().get(path)).ifPresent(h -> c.addHash(new Hash(Hash.Algorithm.SHA_256, h)));
    b.ifPresent(i -> p.binary(i, soname));
    c.setProperties(p.build());
    return c;
  }

  private static boolean shared(String path, Optional<BinaryInspection> b) {
    String type = b.map(BinaryInspection::type).orElse("");
    String lower = path.toLowerCase(Locale.ROOT);
    return type.equals("dyn") || type.equals("dll") || type.equals("dylib") || type.equals("bundle")
        || lower.endsWith(".so") || lower.contains(".so.") || lower.endsWith(".pyd") || lower.endsWith(".dylib");
  }

  /**
   * A PEP 770 SBOM the wheel carries: a {@code bom} reference (the type CycloneDX defines for another BOM), with its
   * SHA-256 so that a consumer can check what it fetches. A CycloneDX document with a serial number is referenced by
   * its bom-link ({@code urn:cdx:serial/version}); any other by its path inside the wheel, percent-encoded.
   */
  private static ExternalReference sbomReference(EmbeddedSbom s) {
    ExternalReference e = new ExternalReference();
    e.setType(ExternalReference.Type.BOM);
    Optional<String> link = s.format() == EmbeddedSbom.Format.CYCLONEDX && s.bomVersion().isPresent()
        && s.bomVersion().getAsInt() > 0
        ? s.serialNumber().map(UUID_URN::matcher).filter(java.util.regex.Matcher::matches)
            .map(m -> "urn:cdx:" + m.group(1) + "/" + s.bomVersion().getAsInt())
        : Optional.empty();
    e.setUrl(link.orElse(pathReference(s.entryName())));
    StringBuilder comment = new StringBuilder("PEP 770 SBOM carried in the wheel at ").append(s.entryName())
        .append(" (").append(s.format().name().toLowerCase(Locale.ROOT));
    s.specVersion().ifPresent(v -> comment.append(' ').append(v));
    comment.append(", ").append(s.size()).append(" bytes)");
    s.problem().ifPresent(x -> comment.append(": ").append(x));
    e.setComment(comment.toString());
    s.sha256().ifPresent(h -> e.addHash(new Hash(Hash.Algorithm.SHA_256, h)));
    return e;
  }

  /** A relative IRI reference to an entry: every byte outside the unreserved set and {@code /} percent-encoded. */
  static String pathReference(String entry) {
    StringBuilder sb = new StringBuilder();
    for (byte b : entry.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  /**
   * The purl of a wheel, per the purl specification's pypi type.
   *
   * @param name the distribution name as in the wheel's file name
   * @param version its version
   * @param fileName the wheel's file name (the {@code file_name} qualifier)
   * @return the canonical purl, or empty when the library refuses the parts
   */
  static Optional<String> purl(String name, String version, String fileName) {
    TreeMap<String, String> qualifiers = new TreeMap<>();
    qualifiers.put("file_name", fileName);
    try {
      return Optional.of(new PackageURL("pypi", null, normalize(name), version, qualifiers, null).canonicalize());
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
  }

  /**
   * PEP 503 normalization: lower case, each run of {@code -}, {@code _} and {@code .} one {@code -}.
   *
   * @param name a distribution name
   * @return the normalized name
   */
  static String normalize(String name) {
    return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /** The ref itself the first time, then {@code ref#2}, {@code ref#3}, ...: the same file twice, fat Mach-O slices. */
  private String unique(String ref) {
    if (refs.add(ref)) {
      return ref;
    }
    // Ends within refs.size() + 1 steps: at most that many candidates can be taken.
    for (int n = 2; ; n++) {
      String candidate = ref + "#" + n;
      if (refs.add(candidate)) {
        return candidate;
      }
    }
  }
}
