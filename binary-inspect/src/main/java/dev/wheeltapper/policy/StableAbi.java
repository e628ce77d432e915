package dev.wheeltapper.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CPython's Stable ABI: every exported function and data symbol with the Python version that added it, bundled as
 * {@code dev/wheeltapper/policy/stable-abi.txt} (facts from CPython's {@code Misc/stable_abi.toml}, provenance in the
 * file's header).
 *
 * <pre>{@code
 * StableAbi abi = StableAbi.bundled();
 * abi.addedIn("PyObject_GetBuffer");          // Optional["3.11"]
 * abi.addedIn("_PyObject_GetDictPtr");        // empty: not in the stable ABI
 * StableAbi.compareVersions("3.9", "3.11");   // negative
 * }</pre>
 *
 * <p>Immutable and thread-safe; the bundled data is read once.
 */
public final class StableAbi {
  private static final String RESOURCE = "stable-abi.txt";
  private static volatile StableAbi bundled;

  private final Map<String, String> addedIn;

  private StableAbi(Map<String, String> addedIn) {
    this.addedIn = Map.copyOf(addedIn);
  }

  /**
   * The bundled Stable ABI list.
   *
   * @return the list
   * @throws UncheckedIOException when the bundled resource is missing or damaged (a packaging error)
   */
  public static StableAbi bundled() {
    StableAbi s = bundled;
    if (s == null) {
      synchronized (StableAbi.class) {
        s = bundled;
        if (s == null) {
          try (InputStream in = StableAbi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IOException("resource " + RESOURCE + " is missing");
            }
            s = parse(in);
          } catch (IOException e) {
            throw new UncheckedIOException("bundled stable ABI data cannot be read", e);
          }
          bundled = s;
        }
      }
    }
    return s;
  }

  /**
   * Reads a list in the bundled format: {@code [X.Y]} lines start a group, other lines hold symbol names.
   *
   * @param in the data (UTF-8)
   * @return the list
   * @throws IOException when it cannot be read, names appear before a group, or a symbol appears twice
   */
  public static StableAbi parse(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, String> m = new HashMap<>();
    String version = null;
    int lineNo = 0;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      line = line.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        version = line.substring(1, line.length() - 1);
        if (!version.matches("\\d+\\.\\d+")) {
          throw new IOException("line " + lineNo + ": bad version " + version);
        }
        continue;
      }
      if (version == null) {
        throw new IOException("line " + lineNo + ": symbols before the first version");
      }
      for (String name : line.split("\\s+")) {
        if (m.putIfAbsent(name, version) != null) {
          throw new IOException("line " + lineNo + ": " + name + " listed twice");
        }
      }
    }
    return new StableAbi(m);
  }

  /**
   * The version that added a symbol to the Stable ABI.
   *
   * @param symbol the symbol name
   * @return the version ({@code 3.2} for the original PEP 384 set), empty when the symbol is not in the Stable ABI
   */
  public Optional<String> addedIn(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return Optional.ofNullable(addedIn.get(symbol));
  }

  /**
   * How many symbols the list holds.
   *
   * @return the count
   */
  public int size() {
    return addedIn.size();
  }

  /**
   * Compares two {@code X.Y} versions numerically.
   *
   * @param a one version
   * @param b another
   * @return negative, zero or positive as {@code a} is older, equal or newer
   * @throws IllegalArgumentException when a version is not {@code X.Y}
   */
  public static int compareVersions(String a, String b) {
    int[] x = split(a);
    int[] y = split(b);
    return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
  }

  private static int[] split(String v) {
    int dot = v.indexOf('.');
    if (dot < 1 || dot > 4 || v.length() - dot > 5) {
      throw new IllegalArgumentException("not an X.Y version: " + v);
    }
    try {
      return new int[] {Integer.parseInt(v.substring(0, dot)), Integer.parseInt(v.substring(dot + 1))};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an X.Y version: " + v, e);
    }
  }
}
