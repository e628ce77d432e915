package dev.wheeltapper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.wheel.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The abi3 rules on hand-written linkage facts. */
class Abi3CheckTest {
  private static BinaryLinkage elf(String path, Set<String> strong, Set<String> weak) {
    return new BinaryLinkage(path, "x86_64", 64, true, Optional.empty(), List.of("libc.so.6"), List.of(), List.of(),
        Map.of(), strong, weak);
  }

  private static List<Tag> tags(String... tags) {
    return java.util.Arrays.stream(tags).map(t -> Tag.parse(t).orElseThrow()).toList();
  }

  @Test
  void theOldestAbi3TagIsTheClaim() {
    assertThat(Abi3Check.claimed(tags("cp39-abi3-manylinux_2_17_x86_64", "cp37-abi3-manylinux_2_17_x86_64")))
        .contains("cp37");
    assertThat(Abi3Check.claimed(tags("cp312-cp312-manylinux_2_17_x86_64"))).isEmpty();
    assertThat(Abi3Check.claimed(tags("py3-none-any"))).isEmpty();
    assertThat(Abi3Check.check(tags("cp312-cp312-linux_x86_64"), List.of())).isEmpty();
  }

  @Test
  void weakImportsCountAndHelperLibrariesDoNot() {
    BinaryLinkage ext = elf("pkg/_x.abi3.so", Set.of("PyLong_FromLong"), Set.of("PyObject_Vectorcall"));
    BinaryLinkage helper = elf("pkg.libs/libhelper.so.1", Set.of("memcpy"), Set.of());
    Abi3Result r = Abi3Check.check(tags("cp310-abi3-linux_x86_64"), List.of(ext, helper)).orElseThrow();
    assertThat(r.extensions()).isEqualTo(1);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.symbol()).contains("PyObject_Vectorcall");
      assertThat(v.addedIn()).contains("3.12");
      assertThat(v.reason()).contains("3.12").contains("3.10");
    });
    assertThat(Abi3Check.check(tags("cp312-abi3-linux_x86_64"), List.of(ext, helper)).orElseThrow().ok()).isTrue();
    assertThat(Abi3Check.findings(r)).singleElement().satisfies(f -> assertThat(f.message()).contains("cp310-abi3"));
  }

  @Test
  void privateApiIsNeverStableAndNotAbi3NamedExtensionsAreSaidSo() {
    BinaryLinkage ext = elf("pkg/_x.so", Set.of("_PyObject_GetDictPtr", "_Py_Dealloc", "PyInit_x"), Set.of());
    Abi3Result r = Abi3Check.check(tags("cp38-abi3-linux_x86_64"), List.of(ext)).orElseThrow();
    assertThat(r.violations()).extracting(Abi3Violation::symbol).containsExactly(Optional.of("PyInit_x"),
        Optional.of("_PyObject_GetDictPtr"));
    assertThat(r.violations()).noneMatch(Abi3Violation::abi3Suffix);
    assertThat(Abi3Check.findings(r)).allMatch(f -> f.message().contains("does not say abi3"));
  }

  @Test
  void aWindowsExtensionLinkingAVersionedPythonDllBreaksTheAbi3Claim() {
    BinaryLinkage pyd = new BinaryLinkage("pkg/_x.pyd", "x86_64", 64, true, Optional.empty(),
        List.of("python312.dll", "KERNEL32.dll"), List.of(), List.of(), Map.of(), Set.of("PyLong_FromLong"), Set.of());
    Abi3Result r = Abi3Check.check(tags("cp38-abi3-win_amd64"), List.of(pyd)).orElseThrow();
    assertThat(r.ok()).isFalse();
    assertThat(r.violations()).singleElement().satisfies(v ->
        assertThat(v.reason()).contains("python312.dll instead of python3.dll"));
    BinaryLinkage stable = new BinaryLinkage("pkg/_x.pyd", "x86_64", 64, true, Optional.empty(),
        List.of("python3.dll"), List.of(), List.of(), Map.of(), Set.of("PyLong_FromLong"), Set.of());
    assertThat(Abi3Check.check(tags("cp38-abi3-win_amd64"), List.of(stable)).orElseThrow().ok()).isTrue();
  }
}
