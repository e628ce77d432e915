package dev.wheeltapper.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.report.Severity;
import dev.wheeltapper.testing.ZipBuilder;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import dev.wheeltapper.zip.ZipLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile ZIP cases of issue 9 end to end: each is a sound wheel spoiled in one way, verified by {@link
 * WheelVerifier} (the report a user sees) and opened by {@link dev.wheeltapper.wheel.Wheel} with every accessor
 * called (the fuzz target's oracle). The ZIP scanner's own tests check the same cases at the structure level; here
 * the exact set of {@code zip.*} error codes of the whole report is asserted.
 */
class HostileWheelTest {
  private static final String DIST = "fuzz-1.0.dist-info";

  private final WheelFuzzTest open = new WheelFuzzTest();

  /** A sound wheel whose RECORD lists {@code extra} too; {@code spoil} adds the hostile part. */
  private static byte[] wheel(Map<String, byte[]> extra, Consumer<ZipBuilder> spoil) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("fuzz/__init__.py", utf8("X = 1\n"));
    files.put(DIST + "/METADATA", utf8("Metadata-Version: 2.1\nName: fuzz\nVersion: 1.0\n"));
    files.put(DIST + "/WHEEL", utf8("Wheel-Version: 1.0\nGenerator: t\nRoot-Is-Purelib: true\nTag: py3-none-any\n"));
    files.putAll(extra);
    List<String> rows = new ArrayList<>();
    ZipBuilder zb = new ZipBuilder();
    for (var e : files.entrySet()) {
      zb.entry(e.getKey(), e.getValue());
      rows.add(csv(e.getKey()) + ",sha256=" + sha256(e.getValue()) + "," + e.getValue().length);
    }
    spoil.accept(zb);
    rows.add(DIST + "/RECORD,,");
    zb.entry(DIST + "/RECORD", utf8(String.join("\n", rows) + "\n"));
    return zb.build();
  }

  private VerificationReport verify(byte[] zip) throws Exception {
    open.open(zip);
    open.verify(zip);
    return WheelVerifier.builder().parallelism(1).build().verify(new SeekableInMemoryByteChannel(zip), WheelFuzzTest.NAME);
  }

  private static List<String> zipErrorCodes(VerificationReport r) {
    return r.findings().stream().filter(f -> f.severity() == Severity.ERROR && f.code().startsWith("zip."))
        .map(Finding::code).distinct().sorted().collect(Collectors.toList());
  }

  @Test
  void nfcAndNfdTwinsAreOneNameTwice() throws Exception {
    String nfc = "fuzz/caf\u00e9.py";
    String nfd = "fuzz/cafe\u0301.py";
    VerificationReport r = verify(wheel(Map.of(nfc, utf8("a = 1\n"), nfd, utf8("a = 2\n")), zb -> {}));
    assertThat(zipErrorCodes(r)).containsExactly(Codes.ZIP_DUPLICATE_ENTRY);
    assertThat(r.findings(Codes.ZIP_DUPLICATE_ENTRY)).extracting(Finding::path).containsExactly(
        r.findings(Codes.ZIP_DUPLICATE_ENTRY).get(0).path()).first().isIn(nfc, nfd);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fuzz/a\u0000b.py", "../evil.py", "fuzz/../../evil.py", "C:/evil.py", "c:evil.py",
      "fuzz\\evil.py", "/etc/passwd"})
  void unsafeNamesAreUnsafePaths(String name) throws Exception {
    VerificationReport r = verify(wheel(Map.of(), zb -> zb.entry(name, "evil = 1\n")));
    assertThat(zipErrorCodes(r)).containsExactly(Codes.ZIP_UNSAFE_PATH);
    assertThat(r.findings(Codes.ZIP_UNSAFE_PATH)).extracting(Finding::path).containsExactly(name);
    assertThat(r.passed()).isFalse();
  }

  @Test
  void overlapBombManyCentralRecordsShareOneBody() throws Exception {
    VerificationReport r = verify(wheel(Map.of(), zb -> zb.entry("fuzz/bomb.bin", new byte[10_000]).centralCopies(1_000)));
    assertThat(zipErrorCodes(r)).containsExactly(Codes.ZIP_DUPLICATE_ENTRY, Codes.ZIP_OVERLAPPING_ENTRIES);
    assertThat(r.findings(Codes.ZIP_OVERLAPPING_ENTRIES)).hasSize(999)
        .allSatisfy(f -> assertThat(f.path()).isEqualTo("fuzz/bomb.bin"));
    // Every central record is read, so the shared body is inflated once per record (10 MB here): the bomb is bounded
    // by the limits, as the next case shows, not by recognising the sharing.
    assertThat(r.bytesInflated()).isBetween(10_000_000L, 10_001_000L);
  }

  @Test
  void overlapBombBeyondTheRatioLimitStopsAtTheLimit() throws Exception {
    // 1,000 x 100 kB declared from one 100 kB body: beyond the overall ratio limit (50:1 above 64 MiB)
    VerificationReport r = verify(wheel(Map.of(), zb -> zb.entry("fuzz/bomb.bin", new byte[100_000]).centralCopies(1_000)));
    assertThat(zipErrorCodes(r))
        .containsExactly(Codes.ZIP_DUPLICATE_ENTRY, Codes.ZIP_LIMIT_EXCEEDED, Codes.ZIP_OVERLAPPING_ENTRIES);
    // reading stops once the declared total passes the ratio floor
    assertThat(r.bytesInflated()).isLessThanOrEqualTo(ZipLimits.defaults().totalRatioFloor() + 200_000);
  }

  @Test
  void tenGigabytesDeclaredInAOneKilobyteFile() throws Exception {
    byte[] zip = wheel(Map.of(), zb -> zb.entry("fuzz/big.bin", "tiny").centralSizes(6, 10_000_000_000L)
        .localSizes(6, 10_000_000_000L));
    assertThat(zip.length).isLessThan(1024);
    VerificationReport r = verify(zip);
    assertThat(r.findings()).extracting(Finding::code, Finding::path)
        .contains(tuple(Codes.ZIP_LIMIT_EXCEEDED, "fuzz/big.bin"));
    assertThat(zipErrorCodes(r)).containsExactly(Codes.ZIP_LIMIT_EXCEEDED);
  }

  @Test
  void zip64SizesThatDisagreeWithTheCentralDirectory() throws Exception {
    VerificationReport r = verify(wheel(Map.of(), zb -> zb.entry("fuzz/z.py", "z = 1\n").zip64().localSizes(9, 9)));
    assertThat(zipErrorCodes(r)).containsExactly(Codes.ZIP_HEADER_MISMATCH);
    assertThat(r.findings(Codes.ZIP_HEADER_MISMATCH)).isNotEmpty().extracting(Finding::path).containsOnly("fuzz/z.py");
  }

  private static String csv(String path) {
    return path.contains(",") || path.contains("\"") ? "\"" + path.replace("\"", "\"\"") + "\"" : path;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] data) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
