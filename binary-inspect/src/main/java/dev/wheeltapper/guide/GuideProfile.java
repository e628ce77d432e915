package dev.wheeltapper.guide;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.toolchain.Language;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One ELF binary judged against the OpenSSF "Compiler Options Hardening Guide for C and C++": one {@link GuideRow}
 * per {@link GuideOption}, in the enum's order. The guide is for C and C++: a binary whose toolchain names only other
 * languages (Rust, Go, Fortran, Zig) gets every row {@code not-applicable} with that reason, except
 * {@code -Wl,-z,nodlopen}, which the loader judges whatever the language. {@code -Wl,-z,nodlopen} present is never a
 * point scored: it makes a module CPython cannot import, so its row is {@code not-met} and {@link #findings} holds a
 * {@code guide.nodlopen} error.
 *
 * <pre>{@code
 * GuideProfile p = GuideProfile.of(GuideInputs.of(facts, hardening, toolchain),
 *     GuidePlatform.of(List.of("manylinux_2_28_x86_64")));
 * p.row(GuideOption.RELRO_NOW).orElseThrow().status();   // MET
 * p.findings("pkg/_x.so");                                // [] unless DF_1_NOOPEN is set
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param applicable whether the binary holds C or C++ code (or code of no named language)
 * @param scope why the profile applies or not ({@code "c, c++"}, {@code "rust only: the guide is for C and C++"})
 * @param platform the platform that bounded the build
 * @param rows one row per option, in {@link GuideOption} order
 */
public record GuideProfile(boolean applicable, String scope, GuidePlatform platform, List<GuideRow> rows) {
  /** Languages the guide speaks to; {@code unknown} native code is most likely C, so it is judged too. */
  private static final Set<Language> GUIDE_LANGUAGES = Set.of(Language.C, Language.CXX, Language.CYTHON,
      Language.UNKNOWN);

  /** Checks one row per option, in order, and copies. */
  public GuideProfile {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(platform, "platform");
    rows = List.copyOf(rows);
    if (rows.size() != GuideOption.values().length) {
      throw new IllegalArgumentException("one row per option: " + rows.size());
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).option() != GuideOption.values()[i]) {
        throw new IllegalArgumentException("row " + i + " is " + rows.get(i).option());
      }
    }
  }

  /**
   * Judges one binary.
   *
   * @param inputs its evidence
   * @param platform what its wheel's platform tag allowed ({@link GuidePlatform#unknown()} for a bare file)
   * @return the profile
   */
  public static GuideProfile of(GuideInputs inputs, GuidePlatform platform) {
    GuideContext c = new GuideContext(inputs, platform);
    Map<GuideOption, GuideRow> byOption = new EnumMap<>(GuideOption.class);
    Optional<String> outside = outsideScope(inputs.toolchain());
    if (outside.isPresent()) {
      for (GuideOption o : GuideOption.values()) {
        byOption.put(o, new GuideRow(o, GuideStatus.NOT_APPLICABLE, GuideChannel.TOOLCHAIN, outside.get()));
      }
      GuideRow nodlopen = LinkerRows.rows(c).get(0);
      if (nodlopen.status() == GuideStatus.NOT_MET) {
        byOption.put(GuideOption.NODLOPEN, nodlopen);
      }
      return new GuideProfile(false, outside.get(), platform, List.copyOf(byOption.values()));
    }
    List<GuideRow> all = new ArrayList<>(LibraryRows.rows(c));
    all.addAll(CodegenRows.rows(c));
    all.addAll(ControlFlowRows.rows(c));
    all.addAll(LinkerRows.rows(c));
    all.forEach(r -> byOption.put(r.option(), r));
    List<String> langs = inputs.toolchain().languageLabels();
    return new GuideProfile(true, langs.isEmpty() ? "no language named: judged as C" : String.join(", ", langs),
        platform, List.copyOf(byOption.values()));
  }

  /** Why the guide does not speak to this binary, when its languages are all outside C and C++. */
  private static Optional<String> outsideScope(Toolchain t) {
    if (t.languages().isEmpty() || t.languages().stream().anyMatch(e -> GUIDE_LANGUAGES.contains(e.value()))) {
      return Optional.empty();
    }
    return Optional.of(String.join(", ", t.languageLabels()) + " only (" + t.memorySafetyEvidence()
        + "): the guide is for C and C++");
  }

  /**
   * The row of one option.
   *
   * @param option the option
   * @return the row (always present for a valid profile)
   */
  public Optional<GuideRow> row(GuideOption option) {
    return Optional.of(rows.get(option.ordinal()));
  }

  /**
   * The status of one option.
   *
   * @param option the option
   * @return its status
   */
  public GuideStatus status(GuideOption option) {
    return rows.get(option.ordinal()).status();
  }

  /**
   * The findings the profile raises: {@code guide.nodlopen} (error) when {@code DF_1_NOOPEN} is set on a shared
   * object.
   *
   * @param path the binary's path, for the finding
   * @return the findings, empty for most binaries
   */
  public List<Finding> findings(String path) {
    GuideRow r = rows.get(GuideOption.NODLOPEN.ordinal());
    if (r.status() != GuideStatus.NOT_MET) {
      return List.of();
    }
    return List.of(Finding.error(Codes.GUIDE_NODLOPEN, path, "Linked with -Wl,-z,nodlopen (DF_1_NOOPEN): glibc "
        + "refuses to dlopen() it, so CPython cannot import it, nor any module that needs it. The OpenSSF guide "
        + "recommends the option for programs; it is wrong for Python extensions and their libraries.")
        .withFact("option", GuideOption.NODLOPEN.option()).withFact("flags1", "DF_1_NOOPEN"));
  }
}
