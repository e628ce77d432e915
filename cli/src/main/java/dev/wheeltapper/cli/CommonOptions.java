package dev.wheeltapper.cli;

import dev.wheeltapper.zip.ZipLimits;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every reporting command shares: output, parallelism, the ZIP limits (see {@code docs/cli.md}). */
final class CommonOptions {
  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json, sarif, html or cyclonedx (default: ${DEFAULT-VALUE})")
  Format format = Format.text;

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE (default: standard output)")
  Path output;

  @Option(names = "--jobs", paramLabel = "N", description = "artifacts processed in parallel (default: available processors)")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  @Option(names = "--verbose", description = "text: every finding in full, one line each, instead of grouped by code")
  boolean verbose;

  @Option(names = "--quiet", description = "text: one line per artifact (verdict, path, counts) and the run's summary")
  boolean quiet;

  @Option(names = "--summary", description = "text: only the run's summary")
  boolean summary;

  @Option(names = "--max-entries", paramLabel = "N",
      description = "most ZIP entries read per wheel (default: ${DEFAULT-VALUE})")
  int maxEntries = ZipLimits.defaults().maxEntries();

  @Option(names = "--max-uncompressed", paramLabel = "SIZE",
      description = "most bytes inflated per wheel, with K, M or G (default: 8G)")
  String maxUncompressed;

  @Option(names = "--max-entry-ratio", paramLabel = "N",
      description = "most inflated bytes per compressed byte of one entry past 64M (default: ${DEFAULT-VALUE})")
  long maxEntryRatio = ZipLimits.defaults().maxEntryRatio();

  @Option(names = "--max-total-ratio", paramLabel = "N",
      description = "most inflated bytes per byte of wheel past 64M, PyPI's rule (default: ${DEFAULT-VALUE})")
  long maxTotalRatio = ZipLimits.defaults().maxTotalRatio();

  /** The ZIP limits the options set; a zero or negative value is a usage error. */
  ZipLimits limits() throws UsageException {
    ZipLimits d = ZipLimits.defaults();
    try {
      ZipLimits l = d.withMaxEntries(maxEntries).withEntryRatio(maxEntryRatio, d.entryRatioFloor())
          .withTotalRatio(maxTotalRatio, d.totalRatioFloor());
      return maxUncompressed == null ? l : l.withMaxTotalUncompressed(size("--max-uncompressed", maxUncompressed));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static long size(String option, String v) throws UsageException {
    String t = v.trim().toUpperCase(java.util.Locale.ROOT);
    int shift = t.endsWith("K") ? 10 : t.endsWith("M") ? 20 : t.endsWith("G") ? 30 : 0;
    String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long n = Long.parseLong(digits);
      if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
        throw new UsageException(option + " " + v + ": must be a positive size");
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " " + v + ": not a size (digits, then K, M or G)");
    }
  }

  /** The text report's options; {@code --verbose}, {@code --quiet} and {@code --summary} exclude each other. */
  TextReport.Options text(boolean color) throws UsageException {
    int set = (verbose ? 1 : 0) + (quiet ? 1 : 0) + (summary ? 1 : 0);
    if (set > 1) {
      throw new UsageException("--verbose, --quiet and --summary exclude each other");
    }
    TextReport.Detail d = verbose ? TextReport.Detail.VERBOSE : quiet ? TextReport.Detail.QUIET
        : summary ? TextReport.Detail.SUMMARY : TextReport.Detail.NORMAL;
    return new TextReport.Options(color, d);
  }

  Optional<Path> output() {
    return Optional.ofNullable(output);
  }

}
