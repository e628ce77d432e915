package dev.wheeltapper.policy;

import dev.wheeltapper.bytes.NativeFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the tag checks ({@link TagContradictions}, {@link MacOsSlices}) read of one native binary, or of one slice of a
 * Mach-O universal binary: typed facts taken from its inspection, so that policy never reads bytes.
 *
 * <pre>{@code
 * new PlatformBinary("pkg/_x.so", NativeFormat.ELF, "x86_64", OptionalInt.of(64), Optional.of("little"),
 *     Optional.empty(), true);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the entry path in the wheel
 * @param format the binary's format
 * @param machine the machine label ({@code x86_64}, {@code arm64}, ...), empty when only the format was recognised
 * @param bits 32 or 64, when known
 * @param endian {@code little} or {@code big}, when known
 * @param minimumOs for Mach-O, the macOS version the slice needs ({@code LC_BUILD_VERSION} minos), when present
 * @param inspected whether the binary was read (false: recognised by its magic only, as a WebAssembly module is)
 */
public record PlatformBinary(String path, NativeFormat format, String machine, OptionalInt bits,
    Optional<String> endian, Optional<String> minimumOs, boolean inspected) {
  /** Rejects nulls. */
  public PlatformBinary {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(bits, "bits");
    Objects.requireNonNull(endian, "endian");
    Objects.requireNonNull(minimumOs, "minimumOs");
  }
}
