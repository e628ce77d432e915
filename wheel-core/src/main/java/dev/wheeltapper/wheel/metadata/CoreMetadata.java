package dev.wheeltapper.wheel.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A wheel's METADATA file (core metadata 1.0 to 2.5): every header field in file order, and the body, which is the
 * description from metadata 2.1 on. Typed accessors return the fields the specification defines; single-use fields
 * give their first occurrence, multiple-use fields a list. Fields this library does not know are kept, in order, in
 * {@link #unknownFields()}. Versions, requirements and specifiers stay strings here.
 *
 * <p>Nothing is checked beyond the syntax: a missing {@code Name} gives an empty {@link #name()}, and judging that is
 * the verifier's job.
 *
 * <pre>{@code
 * CoreMetadata md = wheel.metadata();
 * md.metadataVersion();   // Optional[2.4]
 * md.name();              // Optional[python-mscl]
 * md.classifiers();       // [Development Status :: 4 - Beta, ...]
 * md.licenseExpression(); // Optional[BSD-3-Clause] for PEP 639 metadata
 * md.description();       // the body
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fields every header field in file order
 * @param body the text after the first empty line, verbatim, when there is any
 */
public record CoreMetadata(List<MetadataField> fields, Optional<String> body) {

  /** The field names of core metadata 1.0 to 2.5, spelled as the specification spells them. */
  public static final List<String> KNOWN_FIELDS =
      List.of(
          "Metadata-Version",
          "Name",
          "Version",
          "Dynamic",
          "Platform",
          "Supported-Platform",
          "Summary",
          "Description",
          "Description-Content-Type",
          "Keywords",
          "Home-page",
          "Download-URL",
          "Author",
          "Author-email",
          "Maintainer",
          "Maintainer-email",
          "License",
          "License-Expression",
          "License-File",
          "Classifier",
          "Requires-Dist",
          "Requires-Python",
          "Requires-External",
          "Project-URL",
          "Provides-Extra",
          "Provides-Dist",
          "Obsoletes-Dist",
          "Requires",
          "Provides",
          "Obsoletes",
          "Import-Name",
          "Import-Namespace");

  private static final Set<String> KNOWN_LOWER = lower(KNOWN_FIELDS);

  /** Copies the fields. */
  public CoreMetadata {
    fields = List.copyOf(fields);
    Objects.requireNonNull(body, "body");
  }

  /**
   * Parses a METADATA file.
   *
   * @param bytes the whole file
   * @return the metadata
   * @throws MetadataFormatException when the bytes are not UTF-8 or a header line is malformed
   */
  public static CoreMetadata parse(byte[] bytes) throws MetadataFormatException {
    HeaderParser.Block b = HeaderParser.parse("METADATA", bytes);
    return new CoreMetadata(b.fields(), b.body());
  }

  /**
   * The first value of a field, by case-insensitive name.
   *
   * @param name a field name
   * @return its first value
   */
  public Optional<String> get(String name) {
    for (MetadataField f : fields) {
      if (f.is(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Every value of a field, by case-insensitive name, in file order.
   *
   * @param name a field name
   * @return the values, possibly empty
   */
  public List<String> getAll(String name) {
    List<String> out = new ArrayList<>();
    for (MetadataField f : fields) {
      if (f.is(name)) {
        out.add(f.value());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Fields whose names are not in {@link #KNOWN_FIELDS}, in file order.
   *
   * @return the unknown fields
   */
  public List<MetadataField> unknownFields() {
    List<MetadataField> out = new ArrayList<>();
    for (MetadataField f : fields) {
      if (!KNOWN_LOWER.contains(f.name().toLowerCase(Locale.ROOT))) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The description: the body when it is not empty, otherwise the legacy {@code Description} field with its folding
   * indent (8 blanks, or 7 blanks and {@code |}) removed.
   *
   * @return the description
   */
  public Optional<String> description() {
    if (body.isPresent() && !body.get().isEmpty()) {
      return body;
    }
    return get("Description");
  }

  /** @return {@code Metadata-Version} */
  public Optional<String> metadataVersion() {
    return get("Metadata-Version");
  }

  /** @return {@code Name} */
  public Optional<String> name() {
    return get("Name");
  }

  /** @return {@code Version} */
  public Optional<String> version() {
    return get("Version");
  }

  /** @return {@code Summary} */
  public Optional<String> summary() {
    return get("Summary");
  }

  /** @return {@code Description-Content-Type} */
  public Optional<String> descriptionContentType() {
    return get("Description-Content-Type");
  }

  /** @return {@code Keywords} as written (comma-separated from 2.0 on, blank-separated before) */
  public Optional<String> keywords() {
    return get("Keywords");
  }

  /** @return {@code Home-page} */
  public Optional<String> homePage() {
    return get("Home-page");
  }

  /** @return {@code Download-URL} */
  public Optional<String> downloadUrl() {
    return get("Download-URL");
  }

  /** @return {@code Author} */
  public Optional<String> author() {
    return get("Author");
  }

  /** @return {@code Author-email} */
  public Optional<String> authorEmail() {
    return get("Author-email");
  }

  /** @return {@code Maintainer} */
  public Optional<String> maintainer() {
    return get("Maintainer");
  }

  /** @return {@code Maintainer-email} */
  public Optional<String> maintainerEmail() {
    return get("Maintainer-email");
  }

  /** @return {@code License} (deprecated by PEP 639 in favour of {@code License-Expression}) */
  public Optional<String> license() {
    return get("License");
  }

  /** @return {@code License-Expression} (PEP 639, metadata 2.4), an SPDX expression as written */
  public Optional<String> licenseExpression() {
    return get("License-Expression");
  }

  /** @return {@code Requires-Python}, a specifier set as written */
  public Optional<String> requiresPython() {
    return get("Requires-Python");
  }

  /** @return every {@code License-File} (PEP 639), paths relative to {@code .dist-info/licenses/} */
  public List<String> licenseFiles() {
    return getAll("License-File");
  }

  /** @return every {@code Dynamic} */
  public List<String> dynamic() {
    return getAll("Dynamic");
  }

  /** @return every {@code Platform} */
  public List<String> platforms() {
    return getAll("Platform");
  }

  /** @return every {@code Supported-Platform} */
  public List<String> supportedPlatforms() {
    return getAll("Supported-Platform");
  }

  /** @return every {@code Classifier} */
  public List<String> classifiers() {
    return getAll("Classifier");
  }

  /** @return every {@code Requires-Dist}, PEP 508 requirements as written */
  public List<String> requiresDist() {
    return getAll("Requires-Dist");
  }

  /** @return every {@code Requires-External} */
  public List<String> requiresExternal() {
    return getAll("Requires-External");
  }

  /** @return every {@code Project-URL}, as {@code label, url} */
  public List<String> projectUrls() {
    return getAll("Project-URL");
  }

  /** @return every {@code Provides-Extra} */
  public List<String> providesExtra() {
    return getAll("Provides-Extra");
  }

  /** @return every {@code Provides-Dist} */
  public List<String> providesDist() {
    return getAll("Provides-Dist");
  }

  /** @return every {@code Obsoletes-Dist} */
  public List<String> obsoletesDist() {
    return getAll("Obsoletes-Dist");
  }

  /** @return every legacy {@code Requires} (metadata 1.1) */
  public List<String> requires() {
    return getAll("Requires");
  }

  /** @return every legacy {@code Provides} (metadata 1.1) */
  public List<String> provides() {
    return getAll("Provides");
  }

  /** @return every legacy {@code Obsoletes} (metadata 1.1) */
  public List<String> obsoletes() {
    return getAll("Obsoletes");
  }

  /** @return every {@code Import-Name} (metadata 2.5, PEP 794) */
  public List<String> importNames() {
    return getAll("Import-Name");
  }

  /** @return every {@code Import-Namespace} (metadata 2.5, PEP 794) */
  public List<String> importNamespaces() {
    return getAll("Import-Namespace");
  }

  static Set<String> lower(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
