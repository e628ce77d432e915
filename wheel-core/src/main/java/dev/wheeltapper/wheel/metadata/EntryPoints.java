package dev.wheeltapper.wheel.metadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A wheel's entry_points.txt: INI sections (groups) of {@code name = object reference} lines. Parsing follows {@code
 * importlib.metadata} (names keep their case, lines are stripped, {@code #} and {@code ;} start comment lines) and
 * rejects what {@code configparser} in its default strict mode rejects (duplicate sections, duplicate names in a
 * section), since PyPI refuses such files.
 *
 * <pre>{@code
 * EntryPoints eps = wheel.entryPoints();
 * eps.group("console_scripts").ifPresent(g -> g.entryPoints().forEach(System.out::println));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param groups the sections in file order
 */
public record EntryPoints(List<EntryPointGroup> groups) {

  /** An entry_points.txt with no groups, for wheels that have none. */
  public static final EntryPoints EMPTY = new EntryPoints(List.of());

  /** Copies the groups. */
  public EntryPoints {
    groups = List.copyOf(groups);
  }

  /**
   * The group with this exact name.
   *
   * @param name for example {@code console_scripts}
   * @return the group
   */
  public Optional<EntryPointGroup> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /**
   * Every entry point of every group, in file order.
   *
   * @return the entry points
   */
  public List<EntryPoint> all() {
    List<EntryPoint> out = new ArrayList<>();
    groups.forEach(g -> out.addAll(g.entryPoints()));
    return List.copyOf(out);
  }

  /**
   * Parses entry_points.txt.
   *
   * @param bytes the whole file
   * @return the groups
   * @throws MetadataFormatException when the bytes are not UTF-8 or a line is malformed
   */
  public static EntryPoints parse(byte[] bytes) throws MetadataFormatException {
    final String file = "entry_points.txt";
    String text = HeaderParser.decode(file, bytes);
    Map<String, List<EntryPoint>> groups = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    String current = null;
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new MetadataFormatException(file, lineNo, "section header without a closing ']'");
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (name.isEmpty()) {
          throw new MetadataFormatException(file, lineNo, "empty section name");
        }
        if (groups.containsKey(name)) {
          throw new MetadataFormatException(file, lineNo, "duplicate section [" + name + "]");
        }
        groups.put(name, new ArrayList<>());
        current = name;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new MetadataFormatException(file, lineNo, "expected 'name = value', found no '='");
      }
      if (current == null) {
        throw new MetadataFormatException(file, lineNo, "entry point outside a [section]");
      }
      String name = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (name.isEmpty()) {
        throw new MetadataFormatException(file, lineNo, "empty entry point name");
      }
      // The key pairs section and name with a separator no section name can hold after stripping.
      if (!seen.add(current + "\n" + name)) {
        throw new MetadataFormatException(file, lineNo, "duplicate entry point '" + name + "' in [" + current + "]");
      }
      groups.get(current).add(new EntryPoint(current, name, value));
    }
    List<EntryPointGroup> out = new ArrayList<>();
    groups.forEach((k, v) -> out.add(new EntryPointGroup(k, v)));
    return new EntryPoints(out);
  }
}
