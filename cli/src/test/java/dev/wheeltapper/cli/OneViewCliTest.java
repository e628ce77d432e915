package dev.wheeltapper.cli;

import static dev.wheeltapper.cli.CliTest.corpus;
import static dev.wheeltapper.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.ArchiveRefusedException;
import dev.wheeltapper.wheel.NotAZipException;
import dev.wheeltapper.wheel.Wheel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One view of each archive: {@code inspect}, {@code verify}, {@code audit} and the library's {@link Wheel} read it
 * through the same strict ZIP layer, so an archive that layer refuses is refused by all of them, for the same reasons.
 */
class OneViewCliTest {
  @TempDir Path tmp;

  /** The codes of the error findings in the area {@code zip}: the strict layer's verdict. */
  private static List<String> zipErrors(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> {
      if (f.get("severity").asText().equals("error") && f.get("code").asText().startsWith("zip.")) {
        out.add(f.get("code").asText() + " " + (f.hasNonNull("path") ? f.get("path").asText() : "")); // null: none
      }
    });
    return out;
  }

  private static List<String> zipErrors(ArchiveRefusedException e) {
    return e.findings().stream().filter(Finding::isError).map(f -> f.code() + " " + f.path()).toList();
  }

  /** Every command fails the file, with the same zip errors the library's refusal carries. */
  private static void everyCommandRefuses(Path wheel, Class<? extends ArchiveRefusedException> refusal)
      throws Exception {
    ArchiveRefusedException e = (ArchiveRefusedException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Wheel.open(wheel).close());
    assertThat(e).isExactlyInstanceOf(refusal);
    List<String> expected = zipErrors(e);
    assertThat(expected).isNotEmpty();
    for (String command : List.of("inspect", "verify", "audit")) {
      CliTest.Run r = run(command, "--format", "json", wheel.toString());
      assertThat(r.code()).as(command).isEqualTo(1);
      JsonNode a = r.json().at("/artifacts/0");
      assertThat(a.get("verdict").asText()).as(command).isEqualTo("fail");
      assertThat(zipErrors(a.get("findings"))).as(command).isEqualTo(expected);
    }
  }

  @Test
  void threeThousandRandomBytesAreRefusedByEveryCommandAndByWheel() throws Exception {
    byte[] random = new byte[3000];
    new Random(18).nextBytes(random);
    Path wheel = Files.write(tmp.resolve("x-1.0-py3-none-any.whl"), random);
    everyCommandRefuses(wheel, NotAZipException.class);
    assertThatThrownBy(() -> Wheel.open(wheel))
        .hasMessageStartingWith("x-1.0-py3-none-any.whl is not a readable ZIP archive: ")
        .hasMessageContaining("[zip.not-a-zip]");
  }

  @Test
  void aBrokenLocalHeaderIsRefusedByEveryCommandAndByWheel() throws Exception {
    // Commons Compress read such an entry from the broken header's length fields: Wheel (and every tool built on
    // it) saw content that verify and audit refused.
    byte[] bytes = Files.readAllBytes(Path.of(corpus("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl")));
    assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK\3\4");
    bytes[2] = 'X'; // the first local file header's signature
    Path wheel = Files.write(tmp.resolve("plumbum-1.6.8-py2.py3-none-any.whl"), bytes);
    everyCommandRefuses(wheel, ArchiveRefusedException.class);
  }
}
