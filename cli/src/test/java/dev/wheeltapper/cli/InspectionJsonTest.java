package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed renderers: each format's {@code hardening} object names its own checks only, the table its columns. */
class InspectionJsonTest {
  private static final List<String> CONTRACT = List.of("relro", "canary", "nx", "pie", "fortify", "rpath", "runpath",
      "textrel", "execstack", "stripped", "ibt", "shstk");

  private static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode binary(String rel) throws Exception {
    CliTest.Run r = run("inspect", "--format", "json", corpus(rel));
    return r.json().at("/artifacts/0/binaries/0");
  }

  @Test
  void elfObjectHasTheContractKeysThenOnlyElfKeys() throws Exception {
    JsonNode b = binary("elf/debian-bookworm-amd64/_rust.abi3.so");
    assertThat(keys(b)).containsExactly("path", "format", "bits", "endian", "machine", "type", "hardening",
        "toolchain", "needed", "symbolVersions");
    JsonNode h = b.get("hardening");
    assertThat(keys(h)).containsExactlyElementsOf(concat(CONTRACT, List.of("gnuRelro", "bindNow", "debugInfo", "bti",
        "pac", "isaLevel", "wxSegments", "stackClash", "glibcxxAssertions", "rpathEntries", "runpathEntries",
        "checks", "guide")));
    assertThat(keys(h.get("checks"))).hasSize(21).doesNotContain("aslr", "codeSignature", "nxHeap");
    assertThat(keys(h.get("fortify"))).containsExactly("fortified", "fortifiable", "level", "fortifiedFunctions",
        "unprotectedFunctions");
    assertThat(h.get("bti").isNull()).isTrue(); // x86-64: an AArch64 check of the ELF format reads null
    assertThat(keys(b.get("toolchain"))).containsExactly("compilers", "languages", "bindings", "memorySafe",
        "evidence");
    assertThat(b.at("/toolchain/memorySafe").asText()).isEqualTo("yes");
  }

  @Test
  void peObjectHasTheContractKeysThenOnlyPeKeys() throws Exception {
    JsonNode h = binary("wheels/delvewheel/binaries/x64/FixedAddress/simpledll.dll").get("hardening");
    assertThat(keys(h)).containsExactlyElementsOf(concat(CONTRACT, List.of("wxSegments", "dynamicBase", "aslr",
        "highEntropyVa", "guardCf", "safeSeh", "seh", "gs", "forceIntegrity", "appContainer", "isolation", "rfg",
        "cetCompat", "authenticode", "relocsStripped", "codeSignature", "checks", "guide")));
    for (String na : List.of("relro", "textrel", "execstack", "ibt", "shstk", "pie")) {
      assertThat(h.get(na).isNull()).as(na).isTrue();
    }
    assertThat(h.get("rpath")).isEmpty();
    assertThat(h.get("aslr").asBoolean()).isFalse();
    assertThat(keys(h.get("checks"))).hasSize(21).doesNotContain("relro", "execstack", "nxHeap");
  }

  @Test
  void machOObjectHasTheContractKeysThenOnlyMachOKeys() throws Exception {
    JsonNode h = binary("wheels/delocate/binaries/libextfunc.dylib").get("hardening");
    assertThat(keys(h)).containsExactlyElementsOf(concat(CONTRACT, List.of("debugInfo", "wxSegments", "nxHeap", "arc",
        "codeSignature", "restrict", "encrypted", "rpathEntries", "checks", "guide")));
    assertThat(h.get("relro").isNull()).isTrue();
    assertThat(h.get("pie").asText()).isEqualTo("dso");
    assertThat(keys(h.get("checks"))).hasSize(13).doesNotContain("relro", "aslr");
  }

  @Test
  void eachFormatGetsItsOwnColumnsAndNotApplicableReadsNa() throws Exception {
    assertThat(table("elf/debian-bookworm-amd64/_rust.abi3.so")).contains("relro", "runpath", "shstk")
        .doesNotContain("aslr").containsPattern("canary\\s+nx").contains("n/a");
    assertThat(table("wheels/delvewheel/binaries/x64/FixedAddress/simpledll.dll"))
        .contains("dynamicBase", "aslr", "highEntropyVa", "guardCf", "cetCompat", "safeSeh", "authenticode")
        .doesNotContain("relro").doesNotContain("runpath");
    assertThat(table("wheels/delocate/binaries/libextfunc.dylib")).contains("codeSignature", "nxHeap", "pie")
        .doesNotContain("relro").doesNotContain("aslr");
  }

  /** The Rust extension's canary and FORTIFY do not apply: {@code n/a}, never {@code false} or {@code 0/8}. */
  @Test
  void rustChecksThatDoNotApplyReadNaInTheTable() throws Exception {
    String t = table("elf/debian-bookworm-amd64/_rust.abi3.so");
    List<String> lines = t.lines().toList();
    int head = 0;
    while (!lines.get(head).trim().startsWith("relro")) {
      head++;
    }
    String[] names = lines.get(head).trim().split("\\s+");
    String[] cells = lines.get(head + 1).trim().split("\\s+");
    Map<String, String> row = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      row.put(names[i], cells[i]);
    }
    assertThat(row).containsEntry("canary", "n/a").containsEntry("fortify", "n/a");
  }

  private static String table(String rel) throws Exception {
    List<BinaryInspection> all = BinaryInspector.forPath(rel).inspect(Path.of(corpus(rel)));
    StringWriter s = new StringWriter();
    try (PrintWriter out = new PrintWriter(s)) {
      BinaryTable.render(out, InspectionJson.of(all.get(0)), true);
    }
    return s.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
