package dev.wheeltapper.verify;

import static dev.wheeltapper.verify.TestWheel.DIST;
import static dev.wheeltapper.verify.TestWheel.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.wheel.DistInfoDirectory;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout lints agree with check-wheel-contents (W001, W002, W003, W005, W006, W007/W008) on wheels built here,
 * and say nothing about a well-formed one.
 */
class LayoutLintsTest {
  private static List<Finding> layout(TestWheel w) throws IOException {
    VerificationReport r = WheelVerifier.defaults().verify(new SeekableInMemoryByteChannel(w.build()), NAME);
    return r.findings().stream().filter(f -> f.area().equals("layout")).toList();
  }

  @Test
  void aWellFormedWheelHasNoLayoutFinding() throws IOException {
    assertThat(layout(new TestWheel().file("demo/py.typed", "").file("demo/sub/__init__.py", "")
        .file("demo-pkg.pth", "import demo\n").file("_demo_ext.cpython-311-x86_64-linux-gnu.so", "\u007fELF")))
        .isEmpty();
  }

  @Test
  void bytecodeIsOneWarningWithTheCount() throws IOException {
    List<Finding> f = layout(new TestWheel().file("demo/__pycache__/a.cpython-311.pyc", "x")
        .file("demo/b.pyo", "y"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(Codes.LAYOUT_BYTECODE);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.path()).isEqualTo("demo/__pycache__/a.cpython-311.pyc");
      assertThat(x.facts()).containsEntry("count", "2");
    });
  }

  @Test
  void duplicatesAreGroupedButEmptyAndCodingLineFilesMayRepeat() throws IOException {
    List<Finding> f = layout(new TestWheel()
        .file("demo/a/LICENSE", "same text\n").file("demo/b/LICENSE", "same text\n")
        .file("demo/c/x.json", "{}").file("demo/d/x.json", "{}").file("demo/e/x.json", "{}")
        .file("demo/a/__init__.py", "").file("demo/b/__init__.py", "")
        .file("demo/c/__init__.py", "# -*- coding: utf-8 -*-\n")
        .file("demo/d/__init__.py", "# -*- coding: utf-8 -*-\n"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(Codes.LAYOUT_DUPLICATE_FILES);
      assertThat(x.path()).isEqualTo("demo/a/LICENSE");
      assertThat(x.facts()).containsEntry("groups", "2").containsEntry("files", "5");
      assertThat(x.message())
          .contains("demo/a/LICENSE = demo/b/LICENSE", "demo/c/x.json = demo/d/x.json = demo/e/x.json");
    });
  }

  @Test
  void sameHashButAnotherSizeIsNotADuplicate() throws IOException {
    TestWheel w = new TestWheel().file("demo/a.txt", "abc").file("demo/b.txt", "abd");
    List<String> rows = w.computedRows();
    // b.txt claims a.txt's hash: RECORD's own check fails it; the lint goes by hash and size and stays quiet
    w.recordRows = rows.stream().map(r -> r.startsWith("demo/b.txt,") ? rows.stream()
        .filter(x -> x.startsWith("demo/a.txt,")).findFirst().orElseThrow().replace("demo/a.txt", "demo/b.txt")
        .replace(",3", ",4") : r).toList();
    assertThat(layout(w)).isEmpty();
  }

  @Test
  void topLevelNonModuleInitAndCommonNames() throws IOException {
    List<Finding> f = layout(new TestWheel()
        .file("README.md", "hello").file("__init__.py", "").file("tests/test_demo.py", "").file("docs", "x")
        .file("stub.pyi", "").file("ok.py", "").file("demo-1.0.data/purelib/build/x.py", "")
        .file("demo-1.0.data/platlib/LICENSE.txt", "mit"));
    assertThat(f).extracting(Finding::code, Finding::path).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_TOPLEVEL_NON_MODULE, "README.md"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_TOPLEVEL_INIT, "__init__.py"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_COMMON_TOPLEVEL_NAME, "tests/"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_COMMON_TOPLEVEL_NAME, "docs"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_TOPLEVEL_NON_MODULE, "docs"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_TOPLEVEL_NON_MODULE, "stub.pyi"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_COMMON_TOPLEVEL_NAME, "demo-1.0.data/purelib/build/"),
        org.assertj.core.groups.Tuple.tuple(Codes.LAYOUT_TOPLEVEL_NON_MODULE, "demo-1.0.data/platlib/LICENSE.txt"));
  }

  private static TestWheel withoutLibrary() {
    TestWheel w = new TestWheel();
    w.files.remove("demo/__init__.py");
    w.files.remove("demo/data.txt");
    return w;
  }

  @Test
  void anEmptyLibrarySaysWhatTheDataDirectoryHolds() throws IOException {
    TestWheel data = withoutLibrary().file("demo-1.0.data/data/lib/python3.6/site-packages/demo/__init__.py", "")
        .file("demo-1.0.data/headers/demo.h", "");
    assertThat(layout(data)).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(Codes.LAYOUT_EMPTY_LIBRARY);
      assertThat(x.message()).contains("demo-1.0.data holds data, headers");
    });
    assertThat(layout(withoutLibrary())).singleElement().satisfies(x ->
        assertThat(x.message()).contains("nothing outside " + DIST));
  }

  @Test
  void metapackagesAndScriptOnlyToolsAreLegitimate() throws IOException {
    // py-spy ships its binary in .data/scripts; jupyter is nothing but requirements
    assertThat(layout(withoutLibrary().file("demo-1.0.data/scripts/demo", "#!python\n"))).isEmpty();
    assertThat(layout(withoutLibrary().metadata("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"
        + "Requires-Dist: notebook\nRequires-Dist: ipykernel\n\nA metapackage.\n"))).isEmpty();
  }

  @Test
  void theProjectsOwnCommonNameAndAStubBesideItsModuleAreNotReported() throws IOException {
    TestWheel build = new TestWheel().file("build/__init__.py", "").file("tests/x.py", "")
        .file("_demo_version.py", "").file("_demo_version.pyi", "").file("fast.cpython-311-x86_64-linux-gnu.so", "")
        .file("fast.pyi", "").file("orphan.pyi", "");
    // the distribution is "demo": its own name would be "demo/", so "build/" is reported here ...
    assertThat(layout(build)).extracting(Finding::path).containsExactlyInAnyOrder("build/", "tests/", "orphan.pyi");
    // ... and check() with the build project's dist-info does not report its own package
    assertThat(LayoutLints.check(List.of("build/__init__.py", "build/x.py", "build-1.0.dist-info/RECORD"),
        java.util.Map.of(), new DistInfoDirectory("build-1.0.dist-info", "build", "1.0"), true, false)).isEmpty();
  }

  @Test
  void platlibRootsTheTreeAtTheArchiveRoot() throws IOException {
    TestWheel w = new TestWheel().wheelFile("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n"
        + "Tag: py3-none-any\n").file("src/x.py", "");
    assertThat(layout(w)).extracting(Finding::path).containsExactly("src/");
  }

  @Test
  void noLintWithoutReadableWheelFile() throws IOException {
    TestWheel w = new TestWheel().wheelFile("Wheel-Version: 1.0\n").file("tests/x.py", "");
    assertThat(layout(w)).isEmpty();
  }
}
