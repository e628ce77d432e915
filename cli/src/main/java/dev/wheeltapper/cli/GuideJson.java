package dev.wheeltapper.cli;

import dev.wheeltapper.guide.GuideOption;
import dev.wheeltapper.guide.GuideProfile;
import dev.wheeltapper.guide.GuideRow;
import dev.wheeltapper.guide.GuideSummary;
import dev.wheeltapper.inspect.BinaryInspection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the OpenSSF guide profile ({@code docs/cli.md}, {@code docs/openssf-guide.md}): per binary
 * {@code hardening.guide} ({@code applicable}, {@code scope}, {@code platform}, {@code rows} of
 * {@code {option, status, channel, evidence}}); per artifact {@code guide}, how many C/C++ binaries stand at each
 * status per option and the wheel's verdict.
 */
final class GuideJson {
  private GuideJson() {}

  /** {@code hardening.guide} of one binary, {@code null} for a format without a profile (PE, Mach-O). */
  static Map<String, Object> of(Optional<GuideProfile> guide) {
    if (guide.isEmpty()) {
      return null;
    }
    GuideProfile p = guide.get();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applicable", p.applicable());
    m.put("scope", p.scope());
    m.put("platform", p.platform().tag().isEmpty() ? null : p.platform().tag());
    List<Object> rows = new ArrayList<>();
    for (GuideRow r : p.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("option", r.option().option());
      row.put("status", r.status().label());
      row.put("channel", r.channel().label());
      row.put("evidence", r.evidence());
      rows.add(Collections.unmodifiableMap(row));
    }
    m.put("rows", Collections.unmodifiableList(rows));
    return Collections.unmodifiableMap(m);
  }

  /** The profiles of an artifact's binaries (ELF only). */
  static List<GuideProfile> profiles(List<BinaryInspection> binaries) {
    return binaries.stream().flatMap(b -> b.guide().stream()).toList();
  }

  /** The artifact-level {@code guide}: {@code null} without an ELF binary. */
  static Map<String, Object> summary(List<BinaryInspection> binaries) {
    List<GuideProfile> profiles = profiles(binaries);
    if (profiles.isEmpty()) {
      return null;
    }
    GuideSummary s = GuideSummary.of(profiles);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("binaries", s.binaries());
    m.put("cOrCxxBinaries", s.applicable());
    List<Object> options = new ArrayList<>();
    for (GuideOption o : GuideOption.values()) {
      GuideSummary.Counts c = s.counts().get(o);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("option", o.option());
      row.put("wheel", s.wheelStatus(o).label());
      row.put("met", c.met());
      row.put("partlyMet", c.partlyMet());
      row.put("notMet", c.notMet());
      row.put("notApplicable", c.notApplicable());
      row.put("undeterminable", c.undeterminable());
      options.add(Collections.unmodifiableMap(row));
    }
    m.put("options", Collections.unmodifiableList(options));
    return Collections.unmodifiableMap(m);
  }
}
