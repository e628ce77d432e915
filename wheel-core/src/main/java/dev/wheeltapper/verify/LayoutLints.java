package dev.wheeltapper.verify;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.DistInfoDirectory;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.HashFormatException;
import dev.wheeltapper.wheel.record.HashValue;
import dev.wheeltapper.wheel.record.RecordEntry;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipScan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout lints of check-wheel-contents (jwodder/check-wheel-contents, {@code checker.py}), on what a wheel ships
 * rather than whether it is intact: W001 bytecode, W002 duplicate files, W003 a non-module at the library's top level,
 * W005 a common project-tree name at the top level, W006 a top-level {@code __init__.py}, W007/W008 an empty library.
 * Each is a warning ({@code layout.*}); check-wheel-contents' definitions, name lists and exceptions are kept, so the
 * two agree on a wheel.
 *
 * <p>Fed from what the verifier already holds: the central directory's file names and RECORD's rows (hash and size);
 * no entry is read again. "The library" is the purelib and platlib trees: the archive root without the
 * {@code .dist-info} and {@code .data} directories (purelib or platlib as WHEEL's Root-Is-Purelib says), and
 * {@code NAME-VERSION.data/purelib/} and {@code .../platlib/}.
 */
final class LayoutLints {
  /** check-wheel-contents' {@code MODULE_EXT_RGX}: a source module or an extension module. */
  private static final Pattern MODULE = Pattern.compile("(?<=.)\\.(?:py|pyd|so|[-A-Za-z0-9_]+\\.(?:pyd|so))\\z");
  /** check-wheel-contents' {@code COMMON_NAMES} (W005). */
  static final Set<String> COMMON_NAMES = Set.of(".eggs", ".nox", ".tox", ".venv", "app", "build", "cli", "data",
      "dist", "doc", "docs", "example", "examples", "lib", "scripts", "src", "test", "tests", "venv");
  /** check-wheel-contents' {@code ALLOWED_DUPLICATES}: contents that W002 lets repeat. */
  private static final List<byte[]> ALLOWED_DUPLICATES = List.of(new byte[0], bytes("\n"), bytes("\r\n"),
      bytes("# -*- coding: utf-8 -*-"), bytes("# -*- coding: utf-8 -*-\n"), bytes("# -*- coding: utf-8 -*-\n\r"));
  /** The most file names a finding's message lists; the count says the rest. */
  private static final int NAMED = 5;

  private LayoutLints() {}

  /** Adds the layout findings of a wheel whose structure, dist-info and WHEEL were read (else other findings stand). */
  static void run(RunState s, ZipScan scan, RecordCheck.Rows rows) {
    Optional<Boolean> purelib = s.wheelInfo.flatMap(WheelInfo::rootIsPurelib);
    if (scan.complete() && s.distInfo.isPresent() && purelib.isPresent()) {
      List<String> names = scan.entries().stream().filter(e -> !e.isDirectory()).map(ScannedEntry::name).toList();
      boolean requires = s.metadata.map(m -> !m.requiresDist().isEmpty()).orElse(false);
      s.findings.addAll(check(names, rows.byPath(), s.distInfo.get(), purelib.get(), requires));
    }
  }

  /**
   * The layout findings of a wheel whose structure was read in full.
   *
   * @param files the file entry names (no directories), in central-directory order
   * @param rows RECORD's rows by path (empty without a readable RECORD: no duplicate check then)
   * @param d the wheel's {@code .dist-info} directory
   * @param rootIsPurelib WHEEL's Root-Is-Purelib
   * @param requiresDist whether METADATA names requirements (an empty wheel that has some is a metapackage)
   * @return the findings, in code order
   */
  static List<Finding> check(List<String> files, Map<String, RecordEntry> rows, DistInfoDirectory d,
      boolean rootIsPurelib, boolean requiresDist) {
    List<Finding> out = new ArrayList<>();
    bytecode(files, out);
    duplicates(files, rows, out);
    String data = d.dataDirectory() + "/";
    // The library's two trees: each file's path relative to its tree root, and the tree's prefix in the archive.
    Map<String, String> root = new LinkedHashMap<>();
    Map<String, String> other = new LinkedHashMap<>();
    boolean outsideDistInfo = false;
    Set<String> dataSchemes = new TreeSet<>();
    String purelib = data + "purelib/";
    String platlib = data + "platlib/";
    for (String f : files) {
      if (!f.startsWith(d.name() + "/")) {
        outsideDistInfo = true;
      }
      if (f.startsWith(purelib) || f.startsWith(platlib)) {
        (rootIsPurelib == f.startsWith(purelib) ? root : other).put(f, f.substring(purelib.length()));
      } else if (f.startsWith(data)) {
        int slash = f.indexOf('/', data.length());
        dataSchemes.add(slash < 0 ? f.substring(data.length()) : f.substring(data.length(), slash));
      } else if (!f.startsWith(d.name() + "/")) {
        root.put(f, f);
      }
    }
    // Two departures from W007/W008, both legitimate wheels on the index: a metapackage (nothing but .dist-info, and
    // requirements: jupyter, cuda-toolkit) and a command-line tool shipped as scripts (py-spy).
    boolean metapackage = !outsideDistInfo && requiresDist;
    if (root.isEmpty() && other.isEmpty() && !metapackage && !dataSchemes.contains("scripts")) {
      out.add(Finding.warning(Codes.LAYOUT_EMPTY_LIBRARY, "", !outsideDistInfo
          ? "The wheel holds nothing outside " + d.name() + "/: it installs no code."
          : "Neither purelib nor platlib holds a file: the wheel installs no importable code ("
              + d.dataDirectory() + " holds " + String.join(", ", dataSchemes) + ")."));
      return out;
    }
    String ownName = normalize(d.distribution());
    toplevel(root, ownName, out);
    toplevel(other, ownName, out);
    return out;
  }

  /**
   * W003, W005 and W006 over one tree: relative path by archive path. Two departures from check-wheel-contents, each
   * a false warning on the index: a common name that is the project's own ({@code build}'s {@code build/} package),
   * and a top-level stub {@code X.pyi} beside its top-level module {@code X} (pyodbc's {@code pyodbc.pyi}, which
   * type checkers read for a single-module distribution).
   */
  private static void toplevel(Map<String, String> tree, String ownName, List<Finding> out) {
    Set<String> common = new LinkedHashSet<>();
    Set<String> moduleStems = new HashSet<>();
    for (String rel : tree.values()) {
      Matcher m = MODULE.matcher(rel);
      if (rel.indexOf('/') < 0 && m.find()) {
        moduleStems.add(rel.substring(0, m.start()));
      }
    }
    for (Map.Entry<String, String> e : tree.entrySet()) {
      String rel = e.getValue();
      int slash = rel.indexOf('/');
      String top = slash < 0 ? rel : rel.substring(0, slash);
      String prefix = e.getKey().substring(0, e.getKey().length() - rel.length());
      if (COMMON_NAMES.contains(top) && !normalize(top).equals(ownName)) {
        common.add(prefix + top + (slash < 0 ? "" : "/"));
      }
      if (slash >= 0) {
        continue;
      }
      if (rel.equals("__init__.py")) {
        out.add(Finding.warning(Codes.LAYOUT_TOPLEVEL_INIT, e.getKey(),
            "An __init__.py at the top level of the library installs as site-packages/__init__.py, outside any "
                + "package."));
      } else if ((!MODULE.matcher(rel).find() && !rel.endsWith(".pth") || rel.equals(".pth"))
          && !(rel.endsWith(".pyi") && moduleStems.contains(rel.substring(0, rel.length() - 4)))) {
        out.add(Finding.warning(Codes.LAYOUT_TOPLEVEL_NON_MODULE, e.getKey(),
            "A file that is not a module sits at the top level of the library: it installs loose in "
                + "site-packages, outside any package."));
      }
    }
    for (String c : common) {
      out.add(Finding.warning(Codes.LAYOUT_COMMON_TOPLEVEL_NAME, c,
          "A common project-tree name at the top level of the library (" + c + "): it installs as a top-level "
              + "package or file that other projects ship too."));
    }
  }

  /** W001: one finding for all the bytecode of a wheel, at the first file, with the count. */
  private static void bytecode(List<String> files, List<Finding> out) {
    List<String> pyc = files.stream().filter(f -> f.endsWith(".pyc") || f.endsWith(".pyo")).toList();
    if (!pyc.isEmpty()) {
      out.add(Finding.warning(Codes.LAYOUT_BYTECODE, pyc.get(0), pyc.size() + " compiled bytecode file"
          + (pyc.size() == 1 ? "" : "s") + " (.pyc/.pyo) shipped: " + named(pyc) + ".")
          .withFact("count", String.valueOf(pyc.size())));
    }
  }

  /**
   * W002: one finding per wheel (at the first duplicated file) naming the groups of files with the same RECORD hash
   * and size. check-wheel-contents prints one failure per group; on real wheels (botocore's JSON, statsmodels'
   * identical {@code __init__.py}) that is dozens of lines for one packaging habit, so the groups are counted instead.
   */
  private static void duplicates(List<String> files, Map<String, RecordEntry> rows, List<Finding> out) {
    Map<String, List<String>> bySignature = new LinkedHashMap<>();
    for (String f : files) {
      RecordEntry row = rows.get(f);
      if (row == null || row.hash().isEmpty() || row.size().isEmpty() || allowed(row.hash().get())) {
        continue;
      }
      HashValue h = row.hash().get();
      bySignature.computeIfAbsent(row.size().getAsLong() + " " + h.algorithm() + "=" + h.value(),
          k -> new ArrayList<>()).add(f);
    }
    List<List<String>> groups = bySignature.values().stream().filter(g -> g.size() > 1).toList();
    if (groups.isEmpty()) {
      return;
    }
    int duplicated = groups.stream().mapToInt(List::size).sum();
    List<String> shown = groups.stream().limit(NAMED).map(g -> named(g).replace(", ", " = ")).toList();
    out.add(Finding.warning(Codes.LAYOUT_DUPLICATE_FILES, groups.get(0).get(0), groups.size() + " group"
        + (groups.size() == 1 ? "" : "s") + " of files with the same RECORD hash and size (" + duplicated
        + " files): " + String.join("; ", shown) + (groups.size() > NAMED ? "; and " + (groups.size() - NAMED)
        + " more groups" : "") + ".")
        .withFact("groups", String.valueOf(groups.size()))
        .withFact("files", String.valueOf(duplicated)));
  }

  /** Whether a RECORD hash is that of one of check-wheel-contents' allowed duplicate contents. */
  private static boolean allowed(HashValue h) {
    Optional<String> jca = h.jcaAlgorithm();
    if (jca.isEmpty()) {
      return false;
    }
    try {
      byte[] digest = h.decode();
      for (byte[] content : ALLOWED_DUPLICATES) {
        if (MessageDigest.isEqual(MessageDigest.getInstance(jca.get()).digest(content), digest)) {
          return true;
        }
      }
    } catch (HashFormatException | NoSuchAlgorithmException e) {
      return false; // RECORD's own check reports a malformed hash
    }
    return false;
  }

  /** PEP 503 normalization, with {@code _} as the separator (a dist-info or import name). */
  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
  }

  private static String named(List<String> paths) {
    String shown = String.join(", ", paths.subList(0, Math.min(NAMED, paths.size())));
    return paths.size() > NAMED ? shown + " and " + (paths.size() - NAMED) + " more" : shown;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
