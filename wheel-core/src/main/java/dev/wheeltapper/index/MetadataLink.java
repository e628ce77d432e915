package dev.wheeltapper.index;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The core-metadata sidecar an index serves for a file (PEP 658, renamed by PEP 714): the file's URL with
 * {@code .metadata} appended, and the hashes the index gives for it.
 *
 * <pre>{@code
 * file.coreMetadata().ifPresent(m -> System.out.println(m.url() + " " + m.hashes()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the sidecar's URL
 * @param hashes hash name (as the index writes it, lower case) to hex digest as written; empty when the index
 *     says only that the sidecar exists ({@code data-core-metadata="true"})
 */
public record MetadataLink(URI url, Map<String, String> hashes) {
  /** Copies the hashes. */
  public MetadataLink {
    Objects.requireNonNull(url, "url");
    hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
  }
}
