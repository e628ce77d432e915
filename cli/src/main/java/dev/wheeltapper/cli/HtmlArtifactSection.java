package dev.wheeltapper.cli;

import dev.wheeltapper.audit.NativeBinaries;
import dev.wheeltapper.hardening.CheckResult;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.hardening.Status;
import dev.wheeltapper.guide.GuideProfile;
import dev.wheeltapper.guide.GuideRow;
import dev.wheeltapper.guide.GuideStatus;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.policy.Abi3Result;
import dev.wheeltapper.policy.Abi3Violation;
import dev.wheeltapper.policy.PlatformResult;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.toolchain.Binding;
import dev.wheeltapper.toolchain.Evidence;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One artifact's section of the HTML report: its verdict, identity and wheel metadata, signatures, platform policy,
 * each native binary (a {@code details} element with its hardening checks and their evidence, its languages,
 * bindings and memory-safety verdict with their evidence, needed libraries and symbol versions) and its findings,
 * errors first. Every finding is an {@code li.finding} with {@code data-severity} and {@code data-code}, which the
 * page's filter reads. Ids are made from the artifact's position in the run ({@code w3}, {@code w3-b1}), never from
 * its name; every string from the artifact is escaped ({@link HtmlEscaper}).
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlArtifactSection {
  private HtmlArtifactSection() {}

  /** The id of the artifact's section. */
  static String anchor(int index) {
    return "w" + index;
  }

  /** The id of one inspected binary inside its artifact's section. */
  static String binaryAnchor(int index, int binary) {
    return anchor(index) + "-b" + binary;
  }

  /** Renders the section of the {@code index}th artifact (from 1). */
  static String render(int index, ArtifactReport r) {
    StringBuilder s = new StringBuilder(8192);
    s.append("<section class=\"artifact\" id=\"").append(anchor(index)).append("\" data-verdict=\"")
        .append(r.verdict()).append("\" data-kind=\"").append(HtmlEscaper.text(r.kind())).append("\">\n<h3>")
        .append(verdictBadge(r)).append(' ');
    HtmlEscaper.append(s, r.path()).append("</h3>\n<dl class=\"meta\">");
    item(s, "kind", r.kind());
    item(s, "sha256", r.sha256());
    r.wheel().ifPresent(w -> {
      item(s, "name", w.name());
      item(s, "version", w.version());
      w.build().ifPresent(b -> item(s, "build", b));
      item(s, "tags", String.join(", ", w.tags()));
      item(s, "Wheel-Version", w.wheelVersion().orElse("?"));
      item(s, "Metadata-Version", w.metadataVersion().orElse("?"));
      item(s, "Root-Is-Purelib", w.rootIsPurelib().map(String::valueOf).orElse("?"));
      item(s, "Generator", w.generator().orElse("?"));
    });
    s.append("</dl>\n");
    signatures(s, r.signatures());
    // a pure wheel (platform "any") has no policy to show
    r.policy().filter(p -> !p.report().platformTags().stream().allMatch("any"::equals)).ifPresent(p -> policy(s, p));
    binaries(s, index, r.binaries());
    findings(s, r.findings());
    return s.append("<p class=\"top\"><a href=\"#overview\">back to the overview</a></p>\n</section>\n").toString();
  }

  /** A path for a link: the folders in a span a phone's narrow layout hides, then the file name. */
  static String pathLabel(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    if (slash < 0 || slash == path.length() - 1) {
      return HtmlEscaper.text(path);
    }
    return "<span class=\"dir\">" + HtmlEscaper.text(path.substring(0, slash + 1)) + "</span>"
        + HtmlEscaper.text(path.substring(slash + 1));
  }

  static String verdictBadge(ArtifactReport r) {
    return r.passed() ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>";
  }

  private static void signatures(StringBuilder s, List<ArtifactReport.SignatureReport> signatures) {
    if (signatures.isEmpty()) {
      return;
    }
    s.append("<h4>Signatures</h4>\n<div class=\"scroll\"><table><thead><tr><th>kind</th><th>status</th>")
        .append("<th>signer</th><th>detail</th></tr></thead><tbody>\n");
    for (ArtifactReport.SignatureReport sig : signatures) {
      s.append("<tr><td>");
      HtmlEscaper.append(s, sig.kind()).append("</td><td class=\"sig-").append(HtmlEscaper.text(sig.status()))
          .append("\">");
      HtmlEscaper.append(s, sig.status()).append("</td><td>");
      HtmlEscaper.append(s, sig.signer().orElse("")).append("</td><td>");
      HtmlEscaper.append(s, sig.detail()).append("</td></tr>\n");
    }
    s.append("</tbody></table></div>\n");
  }

  private static void policy(StringBuilder s, ArtifactReport.Policy policy) {
    s.append("<h4>Platform policy</h4>\n<ul class=\"policy\">");
    policy.report().manylinux().ifPresent(p -> platform(s, p));
    policy.report().musllinux().ifPresent(p -> platform(s, p));
    policy.report().abi3().ifPresent(a -> abi3(s, a));
    if (policy.report().manylinux().isEmpty() && policy.report().musllinux().isEmpty()
        && policy.report().abi3().isEmpty()) {
      s.append("<li>no manylinux, musllinux or abi3 claim to judge (platform tags: ");
      HtmlEscaper.append(s, String.join(", ", policy.report().platformTags())).append(")</li>");
    }
    s.append("</ul>\n");
  }

  private static void platform(StringBuilder s, PlatformResult p) {
    s.append("<li>").append(okBadge(p.ok())).append(' ').append(HtmlEscaper.text(p.family())).append(": claimed ");
    HtmlEscaper.append(s, p.claimed().orElse("none")).append(", satisfied ");
    HtmlEscaper.append(s, p.satisfied()).append(", libc ");
    HtmlEscaper.append(s, p.libc());
    if (!p.symbolVersions().isEmpty()) {
      s.append("; needs ");
      HtmlEscaper.append(s, versions(p.symbolVersions()));
    }
    if (!p.externalLibraries().isEmpty()) {
      s.append("; external libraries ");
      HtmlEscaper.append(s, String.join(", ", p.externalLibraries()));
    }
    s.append("</li>");
  }

  private static void abi3(StringBuilder s, Abi3Result a) {
    s.append("<li>").append(okBadge(a.ok())).append(" abi3: claimed ");
    HtmlEscaper.append(s, a.claimed()).append(", ").append(a.extensions()).append(" extension(s) checked");
    for (Abi3Violation v : a.violations()) {
      s.append("<br>");
      HtmlEscaper.append(s, v.path()).append(": ");
      HtmlEscaper.append(s, v.symbol().orElse("")).append(' ');
      HtmlEscaper.append(s, v.reason());
    }
    s.append("</li>");
  }

  static String okBadge(boolean ok) {
    return ok ? "<span class=\"badge pass\">ok</span>" : "<span class=\"badge fail\">not ok</span>";
  }

  private static void binaries(StringBuilder s, int index, ArtifactReport.Binaries binaries) {
    if (binaries.inspected().isEmpty() && binaries.recognised().isEmpty()) {
      return;
    }
    s.append("<h4>Native binaries (").append(binaries.inspected().size() + binaries.recognised().size())
        .append(")</h4>\n");
    int j = 0;
    for (BinaryInspection b : binaries.inspected()) {
      binary(s, binaryAnchor(index, ++j), b);
    }
    if (!binaries.recognised().isEmpty()) {
      s.append("<ul class=\"recognised\">");
      for (NativeBinaries.Recognised b : binaries.recognised()) {
        s.append("<li>");
        HtmlEscaper.append(s, b.path()).append(": ").append(HtmlEscaper.text(b.format().label()))
            .append(", recognised by its magic number; no reader for this format</li>");
      }
      s.append("</ul>\n");
    }
  }

  private static void binary(StringBuilder s, String id, BinaryInspection b) {
    Toolchain t = b.toolchain();
    s.append("<details class=\"binary\" id=\"").append(id).append("\"><summary><span class=\"path\">");
    HtmlEscaper.append(s, b.path()).append("</span> <span class=\"sub\">").append(b.format().label());
    if (b.bits().isPresent()) {
      s.append(' ').append(b.bits().getAsInt()).append("-bit");
    }
    s.append(' ');
    HtmlEscaper.append(s, b.machine()).append(' ');
    HtmlEscaper.append(s, b.type()).append(" \u00b7 ");
    HtmlEscaper.append(s, t.languageLabels().isEmpty() ? "no language found" : String.join(", ",
        t.languageLabels())).append(" \u00b7 memory-safe ").append(t.memorySafe().label())
        .append("</span></summary>\n");
    s.append("<div class=\"scroll\"><table class=\"checks\"><thead><tr><th>check</th><th>status</th><th>value</th>")
        .append("<th>evidence</th></tr></thead><tbody>\n");
    for (HardeningCheck c : HardeningCheck.values()) {
      if (!c.appliesTo(b.hardening().format())) {
        continue;
      }
      CheckResult r = b.hardening().result(c);
      s.append("<tr><th scope=\"row\">").append(c.key()).append("</th><td class=\"s-").append(r.status().label())
          .append("\">").append(HtmlHeatMap.symbol(r.status()))
          .append(r.status() == Status.NOT_APPLICABLE ? "" : " " + r.status().label()).append("</td><td>");
      HtmlEscaper.append(s, r.value().label()).append("</td><td>");
      HtmlEscaper.append(s, r.evidence()).append("</td></tr>\n");
    }
    s.append("</tbody></table></div>\n");
    b.guide().ifPresent(g -> guide(s, g));
    s.append("<dl class=\"meta\">");
    for (Evidence<Language> e : t.languages()) {
      item(s, "language " + e.value().label(), String.join("; ", e.evidence()));
    }
    for (Evidence<Binding> e : t.bindings()) {
      item(s, "binding " + e.value().label(), String.join("; ", e.evidence()));
    }
    item(s, "memory-safe " + t.memorySafe().label(), t.memorySafetyEvidence());
    if (!t.compilers().isEmpty()) {
      item(s, "compilers", String.join("; ", t.compilers()));
    }
    if (!b.needed().isEmpty()) {
      item(s, "needed", String.join(", ", b.needed()));
    }
    if (!b.symbolVersions().isEmpty()) {
      item(s, "symbol versions", versions(b.symbolVersions()));
    }
    s.append("</dl></details>\n");
  }

  /**
   * The OpenSSF compiler hardening guide, option by option ({@code table.guide}, one row per option as the JSON's
   * {@code hardening.guide}): status, the channel that told, and the evidence or what would have told.
   */
  private static void guide(StringBuilder s, GuideProfile g) {
    s.append("<p class=\"sub\">OpenSSF compiler hardening guide: ");
    HtmlEscaper.append(s, g.scope()).append("</p>\n");
    s.append("<div class=\"scroll\"><table class=\"guide\"><thead><tr><th>option</th><th>status</th>")
        .append("<th>channel</th><th>evidence</th></tr></thead><tbody>\n");
    for (GuideRow r : g.rows()) {
      s.append("<tr data-status=\"").append(r.status().label()).append("\"><th scope=\"row\"><code>");
      HtmlEscaper.append(s, r.option().option()).append("</code></th><td class=\"").append(statusClass(r.status()))
          .append("\">").append(r.status().label()).append("</td><td>").append(r.channel().label()).append("</td><td>");
      HtmlEscaper.append(s, r.evidence()).append("</td></tr>\n");
    }
    s.append("</tbody></table></div>\n");
  }

  /** The heat map's colours for the guide's statuses: met as a pass, undeterminable as unknown. */
  private static String statusClass(GuideStatus status) {
    return switch (status) {
      case MET -> "s-pass";
      case PARTLY_MET -> "s-partial";
      case NOT_MET -> "s-fail";
      case NOT_APPLICABLE -> "s-not-applicable";
      case UNDETERMINABLE -> "s-unknown";
    };
  }

  private static void findings(StringBuilder s, List<Finding> findings) {
    if (findings.isEmpty()) {
      s.append("<p class=\"none\">No findings.</p>\n");
      return;
    }
    s.append("<h4>Findings (").append(findings.size()).append(")</h4>\n");
    findingList(s, findings);
  }

  /** The findings as {@code ul.findings}, errors first; each {@code li.finding} carries its severity and code. */
  static void findingList(StringBuilder s, List<Finding> findings) {
    s.append("<ul class=\"findings\">\n");
    List<Finding> sorted = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    for (Finding f : sorted) {
      String sev = f.severity().label();
      s.append("<li class=\"finding sev-").append(sev).append(f.isSuppressed() ? " suppressed" : "")
          .append("\" data-severity=\"").append(sev).append("\" data-code=\"").append(HtmlEscaper.text(f.code()));
      f.suppression().ifPresent(x -> s.append("\" data-suppressed=\"").append(x.kind().label()));
      s.append("\"><span class=\"badge ")
          .append(sev).append("\">").append(sev).append("</span> <code>").append(HtmlEscaper.text(f.code()))
          .append("</code> ");
      if (!f.path().isEmpty()) {
        s.append("<span class=\"path\">");
        HtmlEscaper.append(s, f.path()).append("</span>: ");
      }
      HtmlEscaper.append(s, f.message());
      // a waived or baselined finding stays visible, marked with why it no longer counts
      f.suppression().ifPresent(x -> {
        s.append(" <span class=\"suppression\">[").append(x.kind().label()).append(": ");
        HtmlEscaper.append(s, x.reason()).append(" (");
        HtmlEscaper.append(s, x.source()).append(")]</span>");
      });
      if (!f.facts().isEmpty()) {
        s.append("<dl class=\"facts\">");
        f.facts().forEach((k, v) -> item(s, k, v));
        s.append("</dl>");
      }
      s.append("</li>\n");
    }
    s.append("</ul>\n");
  }

  /** How many findings of a severity an artifact has. */
  static long count(ArtifactReport r, Severity sev) {
    return r.findings().stream().filter(f -> f.severity() == sev).count();
  }

  /** {@code GLIBC 2.17, GLIBCXX 3.4.19}: never a Java {@code Map.toString()}. */
  private static String versions(Map<String, String> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }

  private static void item(StringBuilder s, String term, String value) {
    s.append("<dt>");
    HtmlEscaper.append(s, term).append("</dt><dd>");
    HtmlEscaper.append(s, value).append("</dd>");
  }
}
