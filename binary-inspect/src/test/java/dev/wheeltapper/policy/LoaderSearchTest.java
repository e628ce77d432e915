package dev.wheeltapper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of glibc's library search (ld.so(8), {@code elf/dl-load.c}), on linkage facts written by hand in
 * the layout auditwheel gives a repaired wheel: {@code numpy/core/_multiarray_umath.so} loading bundled libraries from
 * {@code numpy.libs/} that need each other and carry no search path of their own.
 */
class LoaderSearchTest {
  private static final String EXT = "numpy/core/_multiarray_umath.so";
  private static final String BLAS = "numpy.libs/libopenblas64_p-r0-0cf96a72.3.23.dev.so";
  private static final String FORTRAN = "numpy.libs/libgfortran-040039e1.so.5.0.0";
  private static final Set<String> ENTRIES = Set.of(EXT, BLAS, FORTRAN, "numpy/__init__.py");

  private static BinaryLinkage elf(String path, List<String> needed, List<String> rpath, List<String> runpath) {
    return elf(path, "x86_64", needed, rpath, runpath, Optional.empty());
  }

  private static BinaryLinkage elf(String path, String machine, List<String> needed, List<String> rpath,
      List<String> runpath, Optional<String> soname) {
    return new BinaryLinkage(path, machine, 64, true, soname, needed, rpath, runpath,
        Map.of("libc.so.6", List.of("GLIBC_2.2.5")), Set.of(), Set.of());
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static final BinaryLinkage BLAS_LIB = elf(BLAS, List.of(name(FORTRAN), "libc.so.6"), List.of(), List.of());
  private static final BinaryLinkage FORTRAN_LIB = elf(FORTRAN, List.of("libc.so.6"), List.of(), List.of());

  @Test
  void rule3TheLoadersRpathServesTheLibrariesItLoads() {
    // numpy: the extension's DT_RPATH finds libopenblas, and also libopenblas's own need, libgfortran
    BinaryLinkage ext = elf(EXT, List.of(name(BLAS), "libc.so.6"), List.of("$ORIGIN/../../numpy.libs"), List.of());
    LoaderSearch s = LoaderSearch.of(List.of(ext, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(s.resolve(ext, name(BLAS)).entry()).contains(BLAS);
    LoaderSearch.Resolution r = s.resolve(BLAS_LIB, name(FORTRAN));
    assertThat(r.entry()).contains(FORTRAN);
    assertThat(r.how()).isEqualTo("DT_RPATH $ORIGIN/../../numpy.libs of " + EXT + ", a loader of " + BLAS
        + " (rule 3)");
  }

  @Test
  void rule3TheChainGoesUpEveryLoader() {
    String mid = "numpy.libs/libmid.so";
    BinaryLinkage ext = elf(EXT, List.of("libmid.so"), List.of("$ORIGIN/../../numpy.libs"), List.of());
    BinaryLinkage midLib = elf(mid, List.of(name(BLAS)), List.of(), List.of());
    Set<String> entries = Set.of(EXT, mid, BLAS, FORTRAN);
    LoaderSearch s = LoaderSearch.of(List.of(ext, midLib, BLAS_LIB, FORTRAN_LIB), entries);
    assertThat(s.resolve(BLAS_LIB, name(FORTRAN)).how()).startsWith("DT_RPATH $ORIGIN/../../numpy.libs of " + EXT);
  }

  @Test
  void rule5RunpathServesOnlyTheObjectsOwnNeeds() {
    // DT_RUNPATH finds libopenblas, but libopenblas's search never sees the extension's DT_RUNPATH
    BinaryLinkage ext = elf(EXT, List.of(name(BLAS)), List.of(), List.of("$ORIGIN/../../numpy.libs"));
    LoaderSearch s = LoaderSearch.of(List.of(ext, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(s.resolve(ext, name(BLAS)).how()).endsWith("(rule 5)");
    LoaderSearch.Resolution r = s.resolve(BLAS_LIB, name(FORTRAN));
    assertThat(r.inWheel()).isFalse();
    assertThat(r.how()).contains("no DT_RPATH or DT_RUNPATH");
  }

  @Test
  void rule3AnObjectWithRunpathHasNoRpathForTheChain() {
    // get-dynamic-info.h drops DT_RPATH when DT_RUNPATH is present, also for the loaders above
    BinaryLinkage ext = elf(EXT, List.of(name(BLAS)), List.of("$ORIGIN/../../numpy.libs"),
        List.of("$ORIGIN/../../numpy.libs"));
    LoaderSearch s = LoaderSearch.of(List.of(ext, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(s.resolve(BLAS_LIB, name(FORTRAN)).inWheel()).isFalse();
  }

  @Test
  void rule3TheObjectsOwnRpathComesFirstAndOriginIsItsOwnFolder() {
    BinaryLinkage blas = elf(BLAS, List.of(name(FORTRAN)), List.of("$ORIGIN"), List.of());
    BinaryLinkage ext = elf(EXT, List.of(name(BLAS)), List.of("$ORIGIN/../../numpy.libs"), List.of());
    LoaderSearch s = LoaderSearch.of(List.of(ext, blas, FORTRAN_LIB), ENTRIES);
    assertThat(s.resolve(blas, name(FORTRAN)).how()).isEqualTo("DT_RPATH $ORIGIN of " + BLAS + " (rule 3)");
  }

  @Test
  void rule2ALibraryAlreadyLoadedIsReusedBySonameOrName() {
    // the extension needs both; breadth first, libgfortran is loaded before libopenblas asks for it
    BinaryLinkage ext = elf(EXT, List.of(name(FORTRAN), name(BLAS)), List.of(), List.of("$ORIGIN/../../numpy.libs"));
    LoaderSearch s = LoaderSearch.of(List.of(ext, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(s.resolve(BLAS_LIB, name(FORTRAN)).how()).isEqualTo("already loaded as " + FORTRAN
        + " in this load (rule 2)");
    // and by DT_SONAME: the file is libfoo.so.1.2.3, its soname libfoo.so.1
    BinaryLinkage foo = elf("pkg.libs/libfoo.so.1.2.3", "x86_64", List.of(), List.of(), List.of(),
        Optional.of("libfoo.so.1"));
    BinaryLinkage bar = elf("pkg.libs/libbar.so", List.of("libfoo.so.1"), List.of(), List.of());
    BinaryLinkage e2 = elf("pkg/_e.so", List.of("libfoo.so.1.2.3", "libbar.so"), List.of(),
        List.of("$ORIGIN/../pkg.libs"));
    LoaderSearch s2 = LoaderSearch.of(List.of(e2, foo, bar),
        Set.of("pkg/_e.so", "pkg.libs/libfoo.so.1.2.3", "pkg.libs/libbar.so"));
    assertThat(s2.resolve(bar, "libfoo.so.1").entry()).contains("pkg.libs/libfoo.so.1.2.3");
  }

  @Test
  void rule1ANameWithASlashIsAPathNeverTheWheels() {
    BinaryLinkage ext = elf(EXT, List.of("../../numpy.libs/" + name(BLAS)), List.of("$ORIGIN"), List.of());
    LoaderSearch.Resolution r = LoaderSearch.of(List.of(ext), ENTRIES).resolve(ext, "../../numpy.libs/" + name(BLAS));
    assertThat(r.inWheel()).isFalse();
    assertThat(r.how()).contains("rule 1");
  }

  @Test
  void absoluteRelativeEmptyAndEscapingEntriesFindNothingInTheWheel() {
    for (String d : List.of("/numpy.libs", "numpy.libs", "", "$ORIGIN/../../../numpy.libs", "$ORIGINAL/x",
        "$FOO/numpy.libs")) {
      BinaryLinkage ext = elf(EXT, List.of(name(BLAS)), List.of(d), List.of());
      assertThat(LoaderSearch.of(List.of(ext), ENTRIES).resolve(ext, name(BLAS)).inWheel()).as(d).isFalse();
    }
  }

  @Test
  void braceFormsLibAndPlatformExpand() {
    Set<String> entries = Set.of("pkg/_e.so", "pkg/lib64/libz.so.1", "pkg/aarch64/libq.so", "pkg/libr.so");
    BinaryLinkage e = elf("pkg/_e.so", "aarch64", List.of("libz.so.1", "libq.so", "libr.so"),
        List.of("$ORIGIN/$LIB", "${ORIGIN}/${PLATFORM}", "${ORIGIN}"), List.of(), Optional.empty());
    LoaderSearch s = LoaderSearch.of(List.of(e), entries);
    assertThat(s.resolve(e, "libz.so.1").how()).contains("$LIB as lib64 (the value depends on the target system)");
    assertThat(s.resolve(e, "libq.so").entry()).contains("pkg/aarch64/libq.so");
    assertThat(s.resolve(e, "libr.so").entry()).contains("pkg/libr.so");
  }

  @Test
  void aLibraryNoLoaderReachesIsJudgedWithoutTheChain() {
    // an extension without any search path cannot lend its loader's path to libopenblas
    BinaryLinkage ext = elf(EXT, List.of(name(BLAS)), List.of(), List.of());
    LoaderSearch s = LoaderSearch.of(List.of(ext, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(s.resolve(ext, name(BLAS)).inWheel()).isFalse();
    assertThat(s.resolve(BLAS_LIB, name(FORTRAN)).inWheel()).isFalse();
  }

  @Test
  void cyclesBetweenBundledLibrariesEnd() {
    BinaryLinkage a = elf("p.libs/liba.so", List.of("libb.so"), List.of("$ORIGIN"), List.of());
    BinaryLinkage b = elf("p.libs/libb.so", List.of("liba.so"), List.of("$ORIGIN"), List.of());
    LoaderSearch s = LoaderSearch.of(List.of(a, b), Set.of("p.libs/liba.so", "p.libs/libb.so"));
    assertThat(s.resolve(a, "libb.so").inWheel()).isTrue();
    assertThat(s.resolve(b, "liba.so").inWheel()).isTrue();
  }

  /** Hostile: 3,000 binaries that all need each other would cost 9 million lookups; the search stops at its bound. */
  @Test
  void thousandsOfInterdependentBinariesStayBounded() {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      names.add("lib" + i + ".so");
    }
    List<BinaryLinkage> all = new java.util.ArrayList<>();
    Set<String> entries = new java.util.HashSet<>();
    for (String n : names) {
      all.add(elf("p.libs/" + n, names, List.of("$ORIGIN"), List.of()));
      entries.add("p.libs/" + n);
    }
    LoaderSearch s = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> LoaderSearch.of(all, entries));
    assertThat(s.complete()).isFalse();
    BinaryLinkage last = all.get(all.size() - 1);
    assertThat(s.resolve(all.get(0), "lib1.so").inWheel()).isTrue();
    // the first load works breadth first through about 666 of the 3,000 before the bound: the last is never reached
    LoaderSearch.Resolution unreached = s.resolve(last, "lib2999.so");
    assertThat(unreached.inWheel()).isFalse();
    assertThat(unreached.how()).contains("stopped after " + LoaderSearch.MAX_LOOKUPS + " lookups");
  }

  @Test
  void theManylinuxVerdictFollowsTheLoaderAndTheFindingShowsWhereItLooked() {
    List<Tag> tags = List.of(Tag.parse("cp312-cp312-manylinux_2_17_x86_64").orElseThrow());
    BinaryLinkage rpathExt = elf(EXT, List.of(name(BLAS), "libc.so.6"), List.of("$ORIGIN/../../numpy.libs"),
        List.of());
    PlatformCheck.Outcome ok = PlatformCheck.check(tags, List.of(rpathExt, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(ok.findings()).isEmpty();
    assertThat(ok.manylinux()).get().extracting(PlatformResult::ok).isEqualTo(true);

    BinaryLinkage runpathExt = elf(EXT, List.of(name(BLAS), "libc.so.6"), List.of(),
        List.of("$ORIGIN/../../numpy.libs"));
    PlatformCheck.Outcome bad = PlatformCheck.check(tags, List.of(runpathExt, BLAS_LIB, FORTRAN_LIB), ENTRIES);
    assertThat(bad.findings()).extracting(Finding::code).containsOnly(Codes.POLICY_MANYLINUX_VIOLATION);
    assertThat(bad.findings()).extracting(Finding::message).anySatisfy(m -> assertThat(m)
        .contains("needs libgfortran-040039e1.so.5.0.0")
        .contains("no DT_RPATH or DT_RUNPATH leads into the wheel"));
  }
}
