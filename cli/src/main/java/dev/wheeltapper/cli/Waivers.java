package dev.wheeltapper.cli;

import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Finding;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A waiver file ({@code --waivers FILE}): one waiver a line, {@code CODE GLOB [until=YYYY-MM-DD] REASON...}.
 *
 * <ul>
 *   <li>{@code CODE} is a finding code ({@code hardening.no-canary}) or a glob over codes ({@code hardening.*}); a code
 *       without {@code *} must be one the tool knows, so that a typo is an error rather than a waiver of nothing.
 *   <li>{@code GLOB} matches the artifact's file name (the last segment of its path) or the finding's path (the entry
 *       inside the wheel), as a {@link Glob}: {@code *} any run of characters but {@code /}, {@code **} any run,
 *       {@code ?} one character but {@code /}; everything else is literal.
 *   <li>{@code until=YYYY-MM-DD} (optional) is the last day the waiver holds; after it the waiver stops waiving and
 *       the report says so ({@code gate.waiver-expired}).
 *   <li>{@code REASON} (required) is the rest of the line, the justification shown with each waived finding.
 *   <li>{@code #} at the start of a line, or after whitespace, starts a comment that runs to the end of the line (as
 *       in pip's requirements files); blank lines are skipped.
 * </ul>
 *
 * <p>A malformed line is a usage error naming the file and line. The first matching line wins.
 */
final class Waivers {
  /** A waiver file is written by hand: anything larger is not one. */
  private static final long MAX_BYTES = 1 << 20;
  private static final Pattern CODE_GLOB = Pattern.compile("[a-z0-9*][a-z0-9.*-]*");
  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");

  /**
   * One waiver line.
   *
   * @param code the code glob
   * @param glob the path glob
   * @param until the last day it holds, when it has one
   * @param reason the justification
   * @param source {@code FILE:LINE}
   * @param expired whether {@code until} is before today
   */
  record Waiver(Glob code, Glob glob, Optional<LocalDate> until, String reason, String source,
      boolean expired) {
    boolean matches(String artifactFileName, Finding f) {
      return code.matches(f.code())
          && (glob.matches(artifactFileName) || !f.path().isEmpty() && glob.matches(f.path()));
    }
  }

  private final List<Waiver> waivers;

  private Waivers(List<Waiver> waivers) {
    this.waivers = List.copyOf(waivers);
  }

  /** The first waiver that matches a finding of an artifact, expired or not. */
  Optional<Waiver> match(String artifactFileName, Finding f) {
    return waivers.stream().filter(w -> w.matches(artifactFileName, f)).findFirst();
  }

  List<Waiver> all() {
    return waivers;
  }

  /** Reads a waiver file; an unreadable file or a malformed line is a usage error. */
  static Waivers read(Path file, LocalDate today) throws UsageException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException("--waivers " + file + ": larger than 1 MiB, not a waiver file");
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("--waivers " + file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("--waivers " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    return parse(text, String.valueOf(file.getFileName()), today);
  }

  /** Parses waiver lines; {@code name} names the file in sources and errors. */
  static Waivers parse(String text, String name, LocalDate today) throws UsageException {
    List<Waiver> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String source = name + ":" + (i + 1);
      String line = COMMENT.matcher(lines[i]).replaceFirst("").strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+", 3);
      if (f.length < 3) {
        throw new UsageException("--waivers " + source + ": expected CODE GLOB [until=YYYY-MM-DD] REASON, got '"
            + line + "'");
      }
      String code = f[0];
      if (!CODE_GLOB.matcher(code).matches()) {
        throw new UsageException("--waivers " + source + ": '" + code + "' is not a finding code");
      }
      if (!code.contains("*") && CodeRegistry.find(code).isEmpty()) {
        throw new UsageException("--waivers " + source + ": unknown finding code '" + code + "'");
      }
      String rest = f[2];
      Optional<LocalDate> until = Optional.empty();
      if (rest.startsWith("until=")) {
        String[] r = rest.split("\\s+", 2);
        try {
          until = Optional.of(LocalDate.parse(r[0].substring("until=".length())));
        } catch (DateTimeParseException e) {
          throw new UsageException("--waivers " + source + ": '" + r[0] + "' is not until=YYYY-MM-DD");
        }
        rest = r.length > 1 ? r[1] : "";
      }
      if (rest.isBlank()) {
        throw new UsageException("--waivers " + source + ": a waiver needs a reason after the glob"
            + (until.isPresent() ? " and the date" : ""));
      }
      if (f[1].length() > Glob.MAX_LENGTH) {
        throw new UsageException("--waivers " + source + ": a glob longer than " + Glob.MAX_LENGTH + " characters");
      }
      out.add(new Waiver(Glob.of(code, true), Glob.of(f[1], false), until, rest.strip(), source,
          until.map(today::isAfter).orElse(false)));
    }
    return new Waivers(out);
  }
}
