package dev.wheeltapper.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.testsupport.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled policy data and stable ABI list, their parsers on damaged input, and tag parsing. */
class PolicyDataTest {
  private static PlatformPolicies parse(String s) throws IOException {
    return PlatformPolicies.read("manylinux", new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static StableAbi abi(String s) throws IOException {
    return StableAbi.parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBundledPoliciesAreAuditwheels() throws IOException {
    PlatformPolicies p = PlatformPolicies.bundled();
    List<PlatformPolicy> many = p.family("manylinux");
    assertThat(many).extracting(PlatformPolicy::name).startsWith("manylinux_2_5", "manylinux_2_12", "manylinux_2_17")
        .endsWith("manylinux_2_41");
    assertThat(p.family("musllinux")).extracting(PlatformPolicy::name).containsExactly("musllinux_1_1",
        "musllinux_1_2");
    // Every policy name of the source file is here (the 'linux' catch-all is the absence of a policy).
    String json = Files.readString(Corpus.corpus("wheels/auditwheel/policy/manylinux-policy.json"));
    Matcher m = Pattern.compile("\"name\":\\s*\"(manylinux_[0-9_]+)\"").matcher(json);
    int n = 0;
    while (m.find()) {
      assertThat(p.byName(m.group(1))).isPresent();
      n++;
    }
    assertThat(n).isEqualTo(many.size());
    PlatformPolicy m2014 = p.byName("manylinux2014").orElseThrow();
    assertThat(m2014.name()).isEqualTo("manylinux_2_17");
    assertThat(m2014.allows("x86_64", "GLIBC_2.17")).isTrue();
    assertThat(m2014.allows("x86_64", "GLIBC_2.18")).isFalse();
    assertThat(m2014.allows("x86_64", "GLIBCXX_3.4.19")).isTrue();
    assertThat(m2014.allows("x86_64", "GLIBCXX_3.4.20")).isFalse();
    assertThat(m2014.allows("x86_64", "CXXABI_TM_1")).isTrue();
    assertThat(m2014.allows("x86_64", "LIBFOO_9.9")).isTrue(); // a namespace the policy does not limit
    assertThat(m2014.allows("mips64", "GLIBC_2.17")).isFalse(); // an architecture it does not cover
    assertThat(m2014.libraryWhitelist()).contains("libc.so.6", "libz.so.1").doesNotContain("libffi.so.5");
    assertThat(m2014.blacklist().get("libz.so.1")).contains("zcalloc");
    assertThat(p.byName("musllinux_1_2").orElseThrow().covers("loongarch64")).isTrue();
    assertThat(p.byName("musllinux_1_1").orElseThrow().covers("loongarch64")).isFalse();
  }

  @Test
  void aClaimBetweenPoliciesIsJudgedByTheOlderOne() {
    PlatformPolicies p = PlatformPolicies.bundled();
    assertThat(p.governing(PlatformTag.parse("manylinux_2_29_x86_64").orElseThrow())).get()
        .extracting(PlatformPolicy::name).isEqualTo("manylinux_2_28");
    assertThat(p.governing(PlatformTag.parse("manylinux_2_3_x86_64").orElseThrow())).isEmpty();
    assertThat(p.governing(PlatformTag.parse("manylinux_2_99_x86_64").orElseThrow())).get()
        .extracting(PlatformPolicy::name).isEqualTo("manylinux_2_41");
  }

  @Test
  void theBundledFilesAreAuditwheelsAsPublished() throws IOException {
    // byte-identical to the corpus copies, whose SOURCES line names auditwheel's commit
    for (String family : List.of("manylinux", "musllinux")) {
      try (var in = PlatformPolicies.class.getResourceAsStream(family + "-policy.json")) {
        assertThat(in).isNotNull();
        assertThat(in.readAllBytes())
            .isEqualTo(Files.readAllBytes(Corpus.corpus("wheels/auditwheel/policy/" + family + "-policy.json")));
      }
    }
  }

  @Test
  void aPolicyFileIsReadAsPublishedAndUnknownMembersAreSkipped() throws IOException {
    PlatformPolicies p = parse("""
        [{"name": "linux", "aliases": [], "priority": 0, "symbol_versions": {}, "lib_whitelist": [], "blacklist": {}},
         {"name": "manylinux_2_99", "aliases": ["manylinux2099"], "priority": 7, "future": {"x": [1, {"y": 2}]},
          "symbol_versions": {"x86_64": {"GLIBC": ["2.2.5", "2.99"]}}, "lib_whitelist": ["libc.so.6"],
          "blacklist": {"libc.so.6": ["evil"]}}]
        """);
    assertThat(p.all()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("manylinux_2_99");
      assertThat(m.aliases()).containsExactly("manylinux2099");
      assertThat(m.allows("x86_64", "GLIBC_2.99")).isTrue();
      assertThat(m.allows("x86_64", "GLIBC_2.100")).isFalse();
      assertThat(m.blacklist().get("libc.so.6")).containsExactly("evil");
    });
  }

  @Test
  void damagedPolicyDataIsAnIoExceptionSayingWhere() {
    assertThatThrownBy(() -> parse("{}")).isInstanceOf(IOException.class).hasMessageContaining("policy list");
    assertThatThrownBy(() -> parse("[{\"name\": \"manylinux_2_5\"}]")).hasMessageContaining("without name or priority");
    assertThatThrownBy(() -> parse("[{\"name\": \"manylinux_2_5\", \"priority\": \"x\"}]"))
        .hasMessageContaining("priority");
    assertThatThrownBy(() -> parse("[{\"name\": \"bogus\", \"priority\": 1}]")).hasMessageContaining("bad manylinux");
    assertThatThrownBy(() -> parse("[{\"name\": \"musllinux_1_2\", \"priority\": 1}]"))
        .hasMessageContaining("bad manylinux");
    assertThatThrownBy(() -> parse("[{\"name\": \"manylinux_2_5\", \"priority\": 1")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("[] []")).hasMessageContaining("after the policy list");
    assertThatThrownBy(() -> parse("[{\"lib_whitelist\": [1]}]")).hasMessageContaining("lib_whitelist");
    // nesting far deeper than a policy file is refused by the read constraints, not by the stack
    assertThatThrownBy(() -> parse("[".repeat(100_000))).isInstanceOf(IOException.class);
  }

  @Test
  void theBundledStableAbiListKnowsWhenEachSymbolArrived() {
    StableAbi a = StableAbi.bundled();
    assertThat(a.size()).isGreaterThan(900);
    assertThat(a.addedIn("PyArg_ParseTuple")).contains("3.2");
    assertThat(a.addedIn("_Py_Dealloc")).contains("3.2"); // abi_only: behind Py_DECREF
    assertThat(a.addedIn("PyType_GetSlot")).contains("3.4");
    assertThat(a.addedIn("PyModule_AddType")).contains("3.10");
    assertThat(a.addedIn("PyObject_GetBuffer")).contains("3.11");
    assertThat(a.addedIn("PyExc_BaseExceptionGroup")).contains("3.11");
    assertThat(a.addedIn("PyObject_Vectorcall")).contains("3.12");
    assertThat(a.addedIn("PyLong_AsInt")).contains("3.13");
    assertThat(a.addedIn("_PyObject_GetDictPtr")).isEmpty();
    assertThat(a.addedIn("PyFPE_jbuf")).isEmpty();
    assertThat(StableAbi.compareVersions("3.9", "3.11")).isNegative();
    assertThat(StableAbi.compareVersions("3.11", "3.11")).isZero();
  }

  @Test
  void damagedStableAbiDataIsAnIoException() {
    assertThatThrownBy(() -> abi("PyFoo\n")).isInstanceOf(IOException.class).hasMessageContaining("before the first");
    assertThatThrownBy(() -> abi("[3.2]\nPyFoo PyFoo\n")).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> abi("[three]\n")).hasMessageContaining("bad version");
    assertThatThrownBy(() -> StableAbi.compareVersions("3", "3.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StableAbi.compareVersions("3.99999999999", "3.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void platformTagsAreTakenApart() {
    assertThat(PlatformTag.parse("manylinux1_x86_64")).get().extracting(PlatformTag::pep600)
        .isEqualTo("manylinux_2_5_x86_64");
    assertThat(PlatformTag.parse("manylinux2010_i686")).get().extracting(PlatformTag::pep600)
        .isEqualTo("manylinux_2_12_i686");
    assertThat(PlatformTag.parse("manylinux2014_aarch64")).get().extracting(PlatformTag::pep600)
        .isEqualTo("manylinux_2_17_aarch64");
    assertThat(PlatformTag.parse("musllinux_1_2_armv7l")).get().satisfies(t -> {
      assertThat(t.family()).isEqualTo("musllinux");
      assertThat(t.arch()).isEqualTo("armv7l");
    });
    assertThat(PlatformTag.parse("manylinux_2_28_ppc64le")).get().extracting(PlatformTag::arch).isEqualTo("ppc64le");
    assertThat(PlatformTag.parse("linux_x86_64")).get().extracting(PlatformTag::family).isEqualTo("linux");
    assertThat(PlatformTag.parse("android_24_arm64_v8a")).get().extracting(PlatformTag::arch)
        .isEqualTo("arm64_v8a");
    assertThat(PlatformTag.parse("win_amd64")).isEmpty();
    assertThat(PlatformTag.parse("any")).isEmpty();
    assertThat(PlatformTag.parse("linux_")).isEmpty();
    assertThat(PlatformTag.parse("manylinux_99999_1_x86_64")).isEmpty(); // too many digits: not a number we take
  }
}
