package dev.wheeltapper.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The version resource ({@code RT_VERSION}, {@code VS_VERSIONINFO}) of a PE image: the fixed file and product versions
 * and the {@code StringFileInfo} strings ({@code CompanyName}, {@code FileDescription}, {@code FileVersion},
 * {@code ProductName}, {@code OriginalFilename} ...) of the first string table. Useful to name a DLL a wheel bundles.
 *
 * <pre>{@code
 * pe.versionInfo().get().strings().get("CompanyName");   // "The ICU Project"
 * pe.versionInfo().get().fileVersion();                  // Optional[74.2.0.0]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fileVersion {@code VS_FIXEDFILEINFO} file version {@code a.b.c.d}, when the fixed part is present
 * @param productVersion the product version {@code a.b.c.d}, when present
 * @param strings the strings of the first {@code StringFileInfo} table, in file order (at most 64)
 */
public record VersionInfo(Optional<String> fileVersion, Optional<String> productVersion, Map<String, String> strings) {

  /** The largest version resource read. */
  static final int MAX_SIZE = 64 << 10;

  /** Copies. */
  public VersionInfo {
    Objects.requireNonNull(fileVersion, "fileVersion");
    Objects.requireNonNull(productVersion, "productVersion");
    strings = Collections.unmodifiableMap(new LinkedHashMap<>(strings));
  }

  /**
   * Parses a {@code VS_VERSIONINFO} block.
   *
   * @param data the resource bytes
   * @return the version info
   * @throws PeFormatException when the block structure lies
   */
  static VersionInfo parse(byte[] data) throws PeFormatException {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    Block root = block(b, 0, data.length);
    if (!root.key.equals("VS_VERSION_INFO")) {
      throw new PeFormatException(-1, "version resource key is \"" + root.key + "\", not VS_VERSION_INFO");
    }
    Optional<String> file = Optional.empty();
    Optional<String> product = Optional.empty();
    if (root.valueLength >= 52 && root.valueAt + 52 <= root.end && b.getInt(root.valueAt) == 0xfeef04bd) {
      file = Optional.of(quad(b.getInt(root.valueAt + 8), b.getInt(root.valueAt + 12)));
      product = Optional.of(quad(b.getInt(root.valueAt + 16), b.getInt(root.valueAt + 20)));
    }
    Map<String, String> strings = new LinkedHashMap<>();
    int child = align(root.valueAt + root.valueLength);
    // children: StringFileInfo and VarFileInfo; each loop step advances by a block length of at least 6
    while (child + 6 <= root.end) {
      Block c = block(b, child, root.end);
      if (c.key.equals("StringFileInfo")) {
        int tableAt = align(c.valueAt + c.valueLength);
        if (tableAt + 6 <= c.end) {
          Block table = block(b, tableAt, c.end);
          int s = align(table.valueAt + table.valueLength);
          while (s + 6 <= table.end && strings.size() < 64) {
            Block str = block(b, s, table.end);
            // wValueLength counts WCHARs for text values, including the terminating NUL
            int bytes = Math.min(str.valueLength * 2, str.end - str.valueAt);
            strings.put(str.key, utf16(b, str.valueAt, Math.max(0, bytes)));
            s = align(str.end);
          }
        }
        break;
      }
      child = align(c.end);
    }
    return new VersionInfo(file, product, strings);
  }

  private record Block(int start, int end, int valueLength, String key, int valueAt) {}

  /** One {@code wLength, wValueLength, wType, szKey} header inside {@code [at, limit)}. */
  private static Block block(ByteBuffer b, int at, int limit) throws PeFormatException {
    if (at < 0 || at + 6 > limit) {
      throw new PeFormatException(-1, "version block at " + at + " runs past its parent");
    }
    int length = b.getShort(at) & 0xffff;
    int valueLength = b.getShort(at + 2) & 0xffff;
    if (length < 6 || at + length > limit) {
      throw new PeFormatException(-1, "version block at " + at + " has length " + length + " outside its parent");
    }
    int end = at + length;
    int k = at + 6;
    StringBuilder key = new StringBuilder();
    while (k + 2 <= end && b.getShort(k) != 0 && key.length() < 256) {
      key.append(b.getChar(k));
      k += 2;
    }
    return new Block(at, end, valueLength, key.toString(), Math.min(align(k + 2), end));
  }

  private static int align(int v) {
    return (v + 3) & ~3;
  }

  private static String quad(int ms, int ls) {
    return (ms >>> 16) + "." + (ms & 0xffff) + "." + (ls >>> 16) + "." + (ls & 0xffff);
  }

  private static String utf16(ByteBuffer b, int at, int bytes) {
    byte[] raw = new byte[bytes & ~1];
    b.get(at, raw);
    String s = new String(raw, StandardCharsets.UTF_16LE);
    int nul = s.indexOf('\0');
    return nul >= 0 ? s.substring(0, nul) : s;
  }
}
