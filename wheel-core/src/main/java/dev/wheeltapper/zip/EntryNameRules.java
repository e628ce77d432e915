package dev.wheeltapper.zip;

import dev.wheeltapper.report.Codes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entry-path rules of the scan (APPNOTE 4.4.17 file name, with what installers need): each name valid UTF-8 and
 * safe to extract ({@link EntryPaths}), and across the archive no exact, normalised or case-folded twins and no name
 * that is both a file and a directory.
 */
final class EntryNameRules {
  /** Folders per name walked for file/directory clashes. */
  private static final int MAX_DEPTH_CHECKED = 1024;

  private EntryNameRules() {}

  /** The rules for one name: its encoding and the {@link EntryPaths} problems. */
  static void checkName(ScanContext ctx, CentralDirectoryFileHeader cen) {
    String path = cen.name();
    if (!cen.nameValidUtf8()) {
      ctx.error(Codes.ZIP_UNSAFE_PATH, path, "The entry name is not valid UTF-8"
          + (cen.utf8Flag() ? " although its UTF-8 flag is set." : ", so readers decode it differently."));
    } else if (!cen.utf8Flag() && !isAscii(cen.rawName())) {
      ctx.warning(Codes.ZIP_UNSAFE_PATH, path, "The entry name is not ASCII and its UTF-8 flag is not set, so"
          + " CPython's zipfile decodes it as CP437 and sees another name.");
    }
    for (String problem : EntryPaths.problems(cen.name())) {
      ctx.error(Codes.ZIP_UNSAFE_PATH, path, "The entry name " + problem + ".");
    }
  }

  /** The rules across names: file/directory clashes, then exact, NFC and case-folded twins. */
  static void checkArchive(ScanContext ctx, List<ScannedEntry> entries) {
    checkFileDirectoryClashes(ctx, entries);
    Map<String, String> exact = new HashMap<>();
    Map<String, String> nfc = new HashMap<>();
    Map<String, String> folded = new HashMap<>();
    for (ScannedEntry e : entries) {
      String name = e.name();
      if (exact.putIfAbsent(name, name) != null) {
        ctx.error(Codes.ZIP_DUPLICATE_ENTRY, name, "Another entry has the same name.");
        continue;
      }
      String norm = EntryPaths.normalizeForCompare(name);
      String prior = nfc.putIfAbsent(norm, name);
      if (prior != null) {
        ctx.error(Codes.ZIP_DUPLICATE_ENTRY, name, "The name equals \"" + prior + "\" once Unicode-normalised (NFC)"
            + " and slash-collapsed.");
        continue;
      }
      String fold = norm.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
      prior = folded.putIfAbsent(fold, name);
      if (prior != null) {
        ctx.warning(Codes.ZIP_CASE_COLLISION, name, "The name differs from \"" + prior
            + "\" only in case, so the two clash on case-insensitive file systems.");
      }
    }
  }

  /**
   * A name both a file and a directory ({@code a/b} beside {@code a/b/} or {@code a/b/c}) cannot be extracted: one
   * extractor writes the file, another the folder, installers fail. Ancestors are walked from the deepest up and
   * stop at one already seen, so each folder name is built once; names deeper than {@link #MAX_DEPTH_CHECKED}
   * folders are checked to that depth.
   */
  private static void checkFileDirectoryClashes(ScanContext ctx, List<ScannedEntry> entries) {
    Set<String> dirs = new HashSet<>();
    for (ScannedEntry e : entries) {
      String name = e.name();
      int end = name.endsWith("/") ? name.length() - 1 : name.lastIndexOf('/');
      for (int depth = 0; end > 0 && depth < MAX_DEPTH_CHECKED; depth++) {
        if (!dirs.add(name.substring(0, end))) {
          break;
        }
        end = name.lastIndexOf('/', end - 1);
      }
    }
    for (ScannedEntry e : entries) {
      String name = e.name();
      if (!name.endsWith("/") && dirs.contains(name)) {
        ctx.error(Codes.ZIP_DUPLICATE_ENTRY, name, "The name is both a file and a directory (other entries lie"
            + " under \"" + name + "/\"): extractors and installers disagree on which one they write.");
      }
    }
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }
}
