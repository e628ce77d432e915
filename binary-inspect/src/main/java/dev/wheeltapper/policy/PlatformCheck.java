package dev.wheeltapper.policy;

import dev.wheeltapper.elf.SymbolVersion;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * auditwheel {@code show} parity: judges the ELF binaries of a wheel against the manylinux or musllinux policies.
 *
 * <p>For the libc family the binaries need ({@code libc.so.6}: glibc, {@code libc.so} or {@code libc.musl-*}: musl;
 * neither: the family the wheel claims, else glibc, as auditwheel defaults to its host's), a policy is satisfied when,
 * for every binary, every required symbol version of a namespace the policy limits is in its allow-list, every needed
 * library is whitelisted or bundled in the wheel (found where glibc's loader looks: {@link LoaderSearch}, the
 * {@code DT_RPATH} chain of the loading objects, {@code DT_RUNPATH}, libraries already loaded), and no blacklisted
 * symbol is imported (weak imports excepted). The dynamic loader and libpython are left out of that reckoning as
 * auditwheel does (repair drops libpython), but a libpython dependency breaks any claim: the interpreter provides
 * those symbols. {@code PyFPE_jbuf} satisfies nothing. On musl, a 32-bit binary importing {@code __*_time64} symbols
 * needs musl 1.2.
 *
 * <pre>{@code
 * PlatformCheck.Outcome o = PlatformCheck.check(filename.tags(), linkages, entryNames);
 * o.manylinux().ifPresent(r -> System.out.println(r.claimed() + " -> " + r.satisfied() + " ok=" + r.ok()));
 * o.findings();   // policy.manylinux-violation errors, policy.platform-mismatch for a claim of the wrong libc
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PlatformCheck {
  private static final Pattern LIBPYTHON = Pattern.compile("libpython\\d+\\.\\d+[a-z]*\\.so(\\.\\d+)*");
  /** musl 1.2 64-bit time_t symbols of 32-bit targets: __clock_gettime64, __stat_time64, __localtime64_r, ... */
  private static final Pattern TIME64 = Pattern.compile("__[A-Za-z0-9_]*time64(_r)?");
  private static final Pattern MUSL_SUFFIX = Pattern.compile(".*-linux-musl[a-z]*\\.so");
  private static final Pattern GNU_SUFFIX = Pattern.compile(".*-linux-gnu[a-z0-9]*\\.so");

  private PlatformCheck() {}

  /**
   * The verdicts.
   *
   * @param manylinux the glibc verdict, for a glibc wheel
   * @param musllinux the musl verdict, for a musl wheel
   * @param findings the violations of the claim
   */
  public record Outcome(Optional<PlatformResult> manylinux, Optional<PlatformResult> musllinux,
      List<Finding> findings) {
    /** Copies the findings. */
    public Outcome {
      java.util.Objects.requireNonNull(manylinux, "manylinux");
      java.util.Objects.requireNonNull(musllinux, "musllinux");
      findings = List.copyOf(findings);
    }
  }

  /**
   * Judges a wheel with the bundled policies.
   *
   * @param tags the wheel's tags
   * @param binaries its ELF binaries
   * @param entryNames the names of every file entry of the wheel (to find bundled libraries)
   * @return the verdicts; both empty for a wheel without ELF binaries or without a Linux platform tag
   */
  public static Outcome check(List<Tag> tags, List<BinaryLinkage> binaries, Set<String> entryNames) {
    return check(tags, binaries, entryNames, PlatformPolicies.bundled());
  }

  /**
   * Judges a wheel.
   *
   * @param tags the wheel's tags
   * @param binaries its ELF binaries
   * @param entryNames the names of every file entry of the wheel
   * @param policies the policy data
   * @return the verdicts
   */
  public static Outcome check(List<Tag> tags, List<BinaryLinkage> binaries, Set<String> entryNames,
      PlatformPolicies policies) {
    List<PlatformTag> linuxTags = new ArrayList<>();
    for (Tag t : tags) {
      PlatformTag.parse(t.platform()).filter(p -> !p.family().equals("android")).ifPresent(linuxTags::add);
    }
    if (binaries.isEmpty() || linuxTags.isEmpty()) {
      return new Outcome(Optional.empty(), Optional.empty(), List.of());
    }
    String libc = libc(binaries);
    boolean claimsMusl = linuxTags.stream().anyMatch(t -> t.family().equals("musllinux"));
    boolean claimsGlibc = linuxTags.stream().anyMatch(t -> t.family().equals("manylinux"));
    List<Finding> findings = new ArrayList<>();
    LoaderSearch search = LoaderSearch.of(binaries, entryNames);
    // Every family the file name claims is judged (maturin claims manylinux_2_12 and musllinux_1_1 in one name for a
    // static binary, which honours both); without a claim, the family of the libc the binaries need.
    // The family of the libc the binaries need is judged too, claimed or not: what they satisfy is worth knowing.
    List<String> families = new ArrayList<>();
    if (claimsGlibc || libc.equals("glibc")) {
      families.add("manylinux");
    }
    if (claimsMusl || libc.equals("musl")) {
      families.add("musllinux");
    }
    if (families.isEmpty()) {
      families.add("manylinux");
    }
    Optional<PlatformResult> manylinux = Optional.empty();
    Optional<PlatformResult> musllinux = Optional.empty();
    for (String family : families) {
      PlatformResult r = judge(family, libc, linuxTags, binaries, search, policies, findings);
      if (family.equals("manylinux")) {
        manylinux = Optional.of(r);
      } else {
        musllinux = Optional.of(r);
      }
    }
    return new Outcome(manylinux, musllinux, findings);
  }

  /** One family's verdict; its violations go to {@code findings}. */
  private static PlatformResult judge(String family, String libc, List<PlatformTag> linuxTags,
      List<BinaryLinkage> binaries, LoaderSearch search, PlatformPolicies policies, List<Finding> findings) {
    String needs = family.equals("manylinux") ? "glibc" : "musl";
    boolean wrongLibc = !libc.equals("none") && !libc.equals(needs);
    Optional<PlatformTag> claimed = linuxTags.stream().filter(t -> t.family().equals(family))
        .min(PlatformTag::compareLibc);
    if (wrongLibc && claimed.isPresent()) {
      findings.add(Finding.error(Codes.POLICY_PLATFORM_MISMATCH, "", "The wheel claims " + claimed.get().pep600()
          + " but its binaries link against " + libc + "; they cannot load on a " + family + " system."));
    }
    String arch = claimed.map(PlatformTag::arch).orElseGet(() -> policyArch(binaries.get(0)).orElse(
        linuxTags.get(0).arch()));
    String linuxArch = claimed.map(PlatformTag::arch).orElse(linuxTags.get(0).arch());

    Set<String> libpython = new TreeSet<>();
    boolean pyfpe = false;
    boolean time64 = false;
    for (BinaryLinkage b : binaries) {
      b.needed().stream().filter(n -> LIBPYTHON.matcher(n).matches()).forEach(libpython::add);
      pyfpe |= b.imports("PyFPE_jbuf");
      time64 |= b.bits() == 32 && b.undefined().stream().anyMatch(s -> TIME64.matcher(s).matches());
    }
    Optional<PlatformPolicy> satisfiedPolicy = Optional.empty();
    if (!pyfpe && !wrongLibc) {
      for (PlatformPolicy p : policies.family(family)) {
        if (!p.covers(arch) || time64 && p.name().equals("musllinux_1_1")) {
          continue;
        }
        if (problems(p, arch, binaries, search).isEmpty()) {
          satisfiedPolicy = Optional.of(p);
          break;
        }
      }
    }
    String satisfied = satisfiedPolicy.map(p -> p.name() + "_" + arch).orElse("linux_" + linuxArch);
    // (may become the claim itself below, when the claim lies between two policies and holds)
    boolean ok;
    Set<String> external = new TreeSet<>();
    if (claimed.isPresent()) {
      PlatformTag c = claimed.get();
      ok = satisfiedPolicy.isPresent() && libpython.isEmpty()
          && PlatformTag.parse(satisfied).orElseThrow().compareLibc(c) <= 0;
      // PEP 600: a claim between two policies (manylinux_2_25; auditwheel has 2_24 and 2_26) promises that glibc
      // version, so the governing policy is judged with the symbol versions of glibc up to the claim.
      Optional<PlatformPolicy> governing = policies.governing(c)
          .map(g -> c.family().equals("manylinux") ? g.allowingGlibcUpTo(c.major(), c.minor()) : g);
      if (!ok && !wrongLibc && !pyfpe && libpython.isEmpty() && governing.isPresent() && governing.get().covers(arch)
          && !(time64 && governing.get().name().equals("musllinux_1_1"))
          && problems(governing.get(), arch, binaries, search).isEmpty()) {
        ok = true;
        satisfied = c.pep600();
      }
      if (governing.isPresent()) {
        for (BinaryLinkage b : binaries) {
          external.addAll(externalLibraries(governing.get(), b, search));
        }
      }
      if (!ok && !wrongLibc) {
        findings.addAll(violations(c, governing, arch, binaries, search, pyfpe, time64));
      }
    } else {
      ok = satisfiedPolicy.isPresent();
      List<PlatformPolicy> fam = policies.family(family);
      if (!fam.isEmpty()) {
        PlatformPolicy newest = fam.get(fam.size() - 1);
        for (BinaryLinkage b : binaries) {
          external.addAll(externalLibraries(newest, b, search));
        }
      }
    }
    List<String> unsupportedIsa = binaries.stream().filter(b -> b.x86IsaLevel() > 1).map(BinaryLinkage::path)
        .sorted().distinct().toList();
    return new PlatformResult(family, claimed.map(PlatformTag::pep600), satisfied, ok, libc,
        List.copyOf(external), List.copyOf(libpython), highestVersions(binaries), pyfpe, unsupportedIsa);
  }

  /**
   * The libc the binaries need.
   *
   * @param binaries the binaries
   * @return {@code musl} when some binary needs musl ({@code libc.so} or {@code libc.musl-*}), else {@code glibc}
   *     when some needs {@code libc.so.6}; without a libc in {@code DT_NEEDED}, the extension file-name triplet
   *     ({@code -linux-musl*}, {@code -linux-gnu*}) decides; else {@code none}: no binary needs a libc (static or
   *     libc-free), so each family's claim is judged on its own
   */
  public static String libc(List<BinaryLinkage> binaries) {
    boolean glibc = false;
    for (BinaryLinkage b : binaries) {
      for (String n : b.needed()) {
        if (n.equals("libc.so") || n.startsWith("libc.musl-")) {
          return "musl";
        }
        glibc |= n.equals("libc.so.6");
      }
    }
    if (glibc) {
      return "glibc";
    }
    boolean musl = binaries.stream().anyMatch(b -> MUSL_SUFFIX.matcher(b.fileName()).matches());
    boolean gnu = binaries.stream().anyMatch(b -> GNU_SUFFIX.matcher(b.fileName()).matches());
    return musl && !gnu ? "musl" : gnu && !musl ? "glibc" : "none";
  }

  /**
   * auditwheel's architecture name for a binary.
   *
   * @param b the binary
   * @return {@code x86_64}, {@code i686}, {@code aarch64}, {@code armv7l}, {@code ppc64le}, {@code ppc64},
   *     {@code s390x}, {@code riscv64} or {@code loongarch64}; empty for a machine without policies
   */
  public static Optional<String> policyArch(BinaryLinkage b) {
    return Optional.ofNullable(switch (b.machine()) {
      case "x86_64", "aarch64", "ppc64le", "ppc64", "s390x", "riscv64", "loongarch64" -> b.machine();
      case "i386" -> "i686";
      case "arm" -> "armv7l";
      default -> null;
    });
  }

  /**
   * Whether a needed library of a lone binary is bundled in the wheel: found by the loader's search rules
   * ({@link LoaderSearch}) at an entry of the wheel, with no other binary loading this one.
   *
   * @param b the binary
   * @param library the needed soname
   * @param entryNames the wheel's file entries
   * @return true when the loader would find it inside the wheel
   */
  public static boolean bundled(BinaryLinkage b, String library, Set<String> entryNames) {
    if (!b.needed().contains(library)) {
      b = new BinaryLinkage(b.path(), b.machine(), b.bits(), b.littleEndian(), b.soname(), List.of(library), b.rpath(),
          b.runpath(), Map.of(), Set.of(), Set.of(), b.x86IsaLevel());
    }
    return LoaderSearch.of(List.of(b), entryNames).resolve(b, library).inWheel();
  }

  private static boolean ignoredLibrary(String n) {
    return n.startsWith("ld-linux") || n.startsWith("ld64.so.") || n.startsWith("ld-musl-")
        || LIBPYTHON.matcher(n).matches();
  }

  private static List<String> externalLibraries(PlatformPolicy p, BinaryLinkage b, LoaderSearch search) {
    List<String> out = new ArrayList<>();
    for (String n : b.needed()) {
      if (!ignoredLibrary(n) && !p.libraryWhitelist().contains(n) && !search.resolve(b, n).inWheel()) {
        out.add(n);
      }
    }
    return out;
  }

  /** Each binary's problems under a policy, empty when the policy is satisfied. */
  private static Map<BinaryLinkage, List<String>> problems(PlatformPolicy p, String arch, List<BinaryLinkage> binaries,
      LoaderSearch search) {
    Map<BinaryLinkage, List<String>> out = new HashMap<>();
    for (BinaryLinkage b : binaries) {
      List<String> why = new ArrayList<>();
      // Sorted by namespace, then version: GLIBC_2.28 before GLIBC_2.29, GLIBCXX after GLIBC.
      Set<String> tooNew = new TreeSet<>(java.util.Comparator.comparing((String v) -> SymbolVersion.parse(v).namespace())
          .thenComparing(SymbolVersion::parse).thenComparing(v -> v));
      b.requiredVersions().forEach((lib, versions) -> {
        if (!lib.startsWith("ld-linux") && !lib.startsWith("ld64.so.")) {
          versions.stream().filter(v -> !p.allows(arch, v)).forEach(tooNew::add);
        }
      });
      if (!tooNew.isEmpty()) {
        why.add("requires " + String.join(", ", tooNew) + ", beyond " + p.name() + "_" + arch);
      }
      List<String> ext = externalLibraries(p, b, search);
      if (!ext.isEmpty()) {
        List<String> searched = ext.stream().map(n -> n + ": " + search.resolve(b, n).how()).toList();
        why.add("needs " + String.join(", ", ext) + ", which " + p.name()
            + " does not allow and the wheel does not bundle where the loader looks (" + String.join("; ", searched)
            + ")");
      }
      Set<String> black = new TreeSet<>();
      for (String n : b.needed()) {
        Set<String> banned = p.blacklist().get(n);
        if (banned != null) {
          b.undefined().stream().filter(banned::contains).forEach(black::add);
        }
      }
      if (!black.isEmpty()) {
        why.add("imports " + String.join(", ", black) + ", blacklisted by " + p.name());
      }
      if (b.x86IsaLevel() > 1) {
        // auditwheel's "unsupported ISA extensions": the platform tag promises the baseline instruction set
        why.add("needs x86-64-v" + b.x86IsaLevel() + " (GNU_PROPERTY_X86_ISA_1_NEEDED), while " + p.name() + "_" + arch
            + " promises only the baseline instruction set");
      }
      if (!why.isEmpty()) {
        out.put(b, why);
      }
    }
    return out;
  }

  private static List<Finding> violations(PlatformTag claimed, Optional<PlatformPolicy> governing, String arch,
      List<BinaryLinkage> binaries, LoaderSearch search, boolean pyfpe, boolean time64) {
    List<Finding> out = new ArrayList<>();
    String claim = claimed.pep600();
    if (governing.isEmpty()) {
      out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, "", "The wheel claims " + claim
          + ", older than every known " + claimed.family() + " policy."));
    } else if (!governing.get().covers(arch)) {
      out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, "", "The wheel claims " + claim + ", but "
          + governing.get().name() + " has no policy for " + arch + "."));
    } else {
      Map<BinaryLinkage, List<String>> problems = problems(governing.get(), arch, binaries, search);
      for (BinaryLinkage b : binaries) {
        for (String why : problems.getOrDefault(b, List.of())) {
          out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, b.path(), "The wheel claims " + claim
              + ", but " + b.fileName() + " " + why + "."));
        }
      }
      if (time64 && governing.get().name().equals("musllinux_1_1")) {
        out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, "", "The wheel claims " + claim
            + ", but its 32-bit binaries import 64-bit time_t symbols (__*_time64) of musl 1.2."));
      }
    }
    for (BinaryLinkage b : binaries) {
      for (String n : b.needed()) {
        if (LIBPYTHON.matcher(n).matches()) {
          out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, b.path(), "The wheel claims " + claim + ", but "
              + b.fileName() + " needs " + n + ": an extension must not link against libpython (the interpreter"
              + " provides those symbols, and most have no shared libpython)."));
        }
      }
      if (pyfpe && b.imports("PyFPE_jbuf")) {
        out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, b.path(), "The wheel claims " + claim + ", but "
            + b.fileName() + " uses PyFPE_jbuf, which only Pythons built with --with-fpectl provide: linux only."));
      }
    }
    if (out.isEmpty()) {
      out.add(Finding.error(Codes.POLICY_MANYLINUX_VIOLATION, "", "The wheel claims " + claim
          + ", but its binaries satisfy no policy that old."));
    }
    return out;
  }

  private static Map<String, String> highestVersions(List<BinaryLinkage> binaries) {
    Map<String, SymbolVersion> best = new HashMap<>();
    for (BinaryLinkage b : binaries) {
      b.requiredVersions().forEach((lib, versions) -> {
        for (String v : versions) {
          SymbolVersion sv = SymbolVersion.parse(v);
          if (sv.numbers().isEmpty()) {
            continue;
          }
          best.merge(sv.namespace(), sv, (x, y) -> x.compareTo(y) >= 0 ? x : y);
        }
      });
    }
    Map<String, String> out = new HashMap<>();
    best.forEach((k, v) -> out.put(k, v.number()));
    return out;
  }
}
