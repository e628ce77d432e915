package dev.wheeltapper.wheel;

import dev.wheeltapper.pep440.Version;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed wheel file name, {@code {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform
 * tag}.whl}, following the binary distribution format specification (PEP 427 and its living successor).
 *
 * <p>Compressed tag sets ({@code py2.py3}, {@code manylinux_2_17_x86_64.manylinux2014_x86_64}) are kept as written in
 * {@link #pythonTags()}, {@link #abiTags()} and {@link #platformTags()}, and {@link #tags()} expands them into their
 * cross product (at most {@link #MAX_EXPANDED_TAGS}). The version is kept as a string and only checked for characters a version may contain; PEP 440
 * validity is a separate check.
 *
 * <pre>{@code
 * WheelFilename f = WheelFilename.parse("simpleext-0.0.1-cp36.cp312-cp36m.cp312-win_amd64.whl");
 * f.distribution();   // "simpleext"
 * f.tags().size();    // 4
 * f.tags().get(0);    // cp36-cp36m-win_amd64
 * f.normalizedName(); // "simpleext"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param distribution the distribution name as written (escaped: no {@code -})
 * @param version the version as written (escaped: no {@code -})
 * @param build the optional build tag
 * @param pythonTags the python tags of the compressed set, in order
 * @param abiTags the ABI tags of the compressed set, in order
 * @param platformTags the platform tags of the compressed set, in order
 */
public record WheelFilename(
    String distribution,
    String version,
    Optional<BuildTag> build,
    List<String> pythonTags,
    List<String> abiTags,
    List<String> platformTags) {

  private static final Pattern NAME_RUNS = Pattern.compile("[-_.]+");

  /** The most tags a file name may expand to; real names expand to a handful, hostile ones to billions. */
  public static final int MAX_EXPANDED_TAGS = 4096;

  /**
   * Validates every component with the same rules as {@link #parse(String)}.
   *
   * @throws IllegalArgumentException when a component is invalid
   */
  public WheelFilename {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(build, "build");
    pythonTags = List.copyOf(pythonTags);
    abiTags = List.copyOf(abiTags);
    platformTags = List.copyOf(platformTags);
    String problem = nameProblem(distribution);
    if (problem == null) {
      problem = versionProblem(version);
    }
    if (problem == null) {
      problem = tagListProblem("python", pythonTags);
    }
    if (problem == null) {
      problem = tagListProblem("abi", abiTags);
    }
    if (problem == null) {
      problem = tagListProblem("platform", platformTags);
    }
    if (problem == null) {
      problem = expansionProblem(pythonTags, abiTags, platformTags);
    }
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Parses and validates a wheel file name.
   *
   * @param filename the bare file name (no directory), for example {@code foo-1.0-py3-none-any.whl}
   * @return the parsed name
   * @throws InvalidWheelFilenameException when the name breaks a rule; the message says which
   */
  public static WheelFilename parse(String filename) throws InvalidWheelFilenameException {
    Objects.requireNonNull(filename, "filename");
    for (int i = 0; i < filename.length(); i++) {
      char c = filename.charAt(i);
      if (c == '/' || c == '\\') {
        throw new InvalidWheelFilenameException(filename, "contains a path separator");
      }
      if (c < 0x20 || c == 0x7f) {
        throw new InvalidWheelFilenameException(filename, "contains a control character at index " + i);
      }
    }
    if (!filename.endsWith(".whl")) {
      throw new InvalidWheelFilenameException(filename, "does not end with '.whl'");
    }
    String stem = filename.substring(0, filename.length() - 4);
    String[] parts = stem.split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      throw new InvalidWheelFilenameException(
          filename, "expected 5 or 6 '-'-separated components, found " + parts.length);
    }
    String problem = nameProblem(parts[0]);
    if (problem == null) {
      problem = versionProblem(parts[1]);
    }
    Optional<BuildTag> build = Optional.empty();
    if (problem == null && parts.length == 6) {
      problem = buildProblem(parts[2]);
      if (problem == null) {
        build = Optional.of(new BuildTag(parts[2]));
      }
    }
    int t = parts.length - 3;
    List<String> py = List.of(parts[t].split("\\.", -1));
    List<String> abi = List.of(parts[t + 1].split("\\.", -1));
    List<String> plat = List.of(parts[t + 2].split("\\.", -1));
    if (problem == null) {
      problem = tagListProblem("python", py);
    }
    if (problem == null) {
      problem = tagListProblem("abi", abi);
    }
    if (problem == null) {
      problem = tagListProblem("platform", plat);
    }
    if (problem == null) {
      problem = expansionProblem(py, abi, plat);
    }
    if (problem != null) {
      throw new InvalidWheelFilenameException(filename, problem);
    }
    return new WheelFilename(parts[0], parts[1], build, py, abi, plat);
  }

  /**
   * Every tag the file name claims: the cross product of the python, ABI and platform sets, in the order python,
   * then ABI, then platform, without duplicates.
   *
   * @return the expanded tags
   */
  public List<Tag> tags() {
    Set<Tag> out = new LinkedHashSet<>();
    for (String p : pythonTags) {
      for (String a : abiTags) {
        for (String pl : platformTags) {
          out.add(new Tag(p, a, pl));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The distribution name normalised as PEP 503 does: runs of {@code -}, {@code _} and {@code .} become one
   * {@code -}, and the result is lower case.
   *
   * @return for example {@code python-mscl} for {@code python_mscl}
   */
  public String normalizedName() {
    return normalizeName(distribution);
  }

  /**
   * Whether two file names denote the same wheel: equal normalised names, equal versions after simple normalisation
   * (case, a leading {@code v}), equal build tags (by sort key, so {@code 01} equals {@code 1}) and equal tag sets
   * regardless of order and case. Full PEP 440 version equivalence is not applied.
   *
   * @param other the other file name
   * @return true when both name the same wheel
   */
  public boolean sameWheelAs(WheelFilename other) {
    if (!normalizedName().equals(other.normalizedName())) {
      return false;
    }
    if (!sameVersion(version, other.version)) {
      return false;
    }
    if (build.isPresent() != other.build.isPresent()
        || build.isPresent() && build.get().compareTo(other.build.get()) != 0) {
      return false;
    }
    return normalizedTagSet().equals(other.normalizedTagSet());
  }

  private Set<Tag> normalizedTagSet() {
    Set<Tag> s = new LinkedHashSet<>();
    for (Tag t : tags()) {
      s.add(t.normalized());
    }
    return s;
  }

  /**
   * The file name these components spell, with compressed tag sets joined by {@code .}.
   *
   * @return for example {@code foo-1.0-py2.py3-none-any.whl}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(distribution).append('-').append(version);
    build.ifPresent(b -> sb.append('-').append(b.value()));
    sb.append('-').append(String.join(".", pythonTags));
    sb.append('-').append(String.join(".", abiTags));
    sb.append('-').append(String.join(".", platformTags));
    return sb.append(".whl").toString();
  }

  /**
   * PEP 503 name normalisation.
   *
   * @param name a project name
   * @return the name with runs of {@code -_.} replaced by {@code -}, in lower case
   */
  public static String normalizeName(String name) {
    return NAME_RUNS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  /**
   * Escapes a project name for a wheel file name or {@code .dist-info} directory, as the binary distribution format
   * specifies: runs of {@code -_.} become {@code _}, and the result is lower case.
   *
   * @param name a project name, for example {@code Python.MSCL}
   * @return the escaped name, for example {@code python_mscl}
   */
  public static String escapeName(String name) {
    return NAME_RUNS.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
  }

  /**
   * Escapes a version for a wheel file name: {@code -} is not allowed in a component, so it becomes {@code _}.
   * (A PEP 440-normalised version never contains {@code -}.)
   *
   * @param version a version string
   * @return the escaped version
   */
  public static String escapeVersion(String version) {
    return version.replace('-', '_');
  }

  /**
   * Whether two versions as written in file names are the same: equal under PEP 440 when both parse (the file name
   * escapes {@code -} as {@code _}, which PEP 440 reads as the same separator), else equal ignoring case.
   *
   * @param a one version
   * @param b the other version
   * @return true when they name the same version
   */
  public static boolean sameVersion(String a, String b) {
    Optional<Version> x = Version.tryParse(a);
    Optional<Version> y = Version.tryParse(b);
    if (x.isPresent() && y.isPresent()) {
      return x.get().equals(y.get());
    }
    return a.equalsIgnoreCase(b);
  }

  static String nameProblem(String name) {
    if (name.isEmpty()) {
      return "empty distribution name";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAsciiAlnum(c) || c == '.' || c == '_')) {
        return "distribution name '" + name + "' contains '" + c + "'; only ASCII letters, digits, '.' and '_' are"
            + " allowed";
      }
    }
    if (!isAsciiAlnum(name.charAt(0)) || !isAsciiAlnum(name.charAt(name.length() - 1))) {
      return "distribution name '" + name + "' must start and end with a letter or digit";
    }
    return null;
  }

  static String versionProblem(String version) {
    if (version.isEmpty()) {
      return "empty version";
    }
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (!(isAsciiAlnum(c) || c == '.' || c == '_' || c == '+' || c == '!')) {
        return "version '" + version + "' contains '" + c + "', which a version cannot contain";
      }
    }
    return null;
  }

  private static String buildProblem(String build) {
    if (build.isEmpty()) {
      return "empty build tag";
    }
    if (build.charAt(0) < '0' || build.charAt(0) > '9') {
      return "build tag '" + build + "' does not start with a digit";
    }
    if (!Tag.isTagPart(build)) {
      return "build tag '" + build + "' contains characters other than ASCII letters, digits and '_'";
    }
    return null;
  }

  private static String tagListProblem(String kind, List<String> tags) {
    if (tags.isEmpty()) {
      return "empty " + kind + " tag";
    }
    String joined = String.join(".", tags);
    for (String t : tags) {
      if (t.isEmpty()) {
        return kind + " tag set '" + joined + "' contains an empty tag";
      }
      if (!Tag.isTagPart(t)) {
        return kind + " tag '" + t + "' contains characters other than ASCII letters, digits and '_'";
      }
    }
    return null;
  }

  private static String expansionProblem(List<String> py, List<String> abi, List<String> plat) {
    long n = (long) py.size() * abi.size() * plat.size();
    return n > MAX_EXPANDED_TAGS
        ? "compressed tag sets expand to " + n + " tags, more than " + MAX_EXPANDED_TAGS
        : null;
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
