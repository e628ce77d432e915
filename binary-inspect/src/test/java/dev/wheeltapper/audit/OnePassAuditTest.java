package dev.wheeltapper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.verify.VerificationReport;
import dev.wheeltapper.verify.WheelVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass audit (binaries captured through the verifier's content hook) finds exactly what the two-pass
 * {@link NativeBinaries#inspectWheel} finds, leaves the verification report unchanged, spills to temporary files it
 * deletes, and is safe under the verifier's parallel workers.
 */
class OnePassAuditTest {
  private static List<Path> corpusWheels() throws IOException {
    try (Stream<Path> s = Files.walk(Corpus.corpus("wheels"))) {
      return s.filter(p -> p.toString().endsWith(".whl")).sorted().toList();
    }
  }

  private static NativeBinaries.Result onePass(WheelVerifier verifier, Path wheel, long memory,
      List<Path> spilled, List<VerificationReport> reports) throws IOException {
    try (WheelCapture capture = new WheelCapture(memory)) {
      reports.add(verifier.verify(wheel, capture));
      NativeBinaries.Result r = NativeBinaries.inspectCaptured(capture, dev.wheeltapper.elf.ElfLimits.defaults());
      spilled.addAll(capture.temporaryFiles());
      return r;
    }
  }

  @Test
  void everyCorpusWheelGivesTheSameBinariesAndReportInOnePass() throws IOException {
    WheelVerifier serial = WheelVerifier.defaults();
    WheelVerifier parallel = WheelVerifier.builder().parallelism(3).build();
    List<Path> spilled = new java.util.ArrayList<>();
    int withBinaries = 0;
    int withRecognised = 0;
    for (Path w : corpusWheels()) {
      NativeBinaries.Result twoPass = NativeBinaries.inspectWheel(w);
      List<VerificationReport> reports = new java.util.ArrayList<>();
      NativeBinaries.Result inMemory = onePass(serial, w, 64L << 20, spilled, reports);
      NativeBinaries.Result onDisk = onePass(parallel, w, 0, spilled, reports);
      VerificationReport plain = serial.verify(w);
      for (NativeBinaries.Result r : List.of(inMemory, onDisk)) {
        assertThat(r.inspected()).as(w.toString()).isEqualTo(twoPass.inspected());
        assertThat(r.recognised()).as(w.toString()).isEqualTo(twoPass.recognised());
        assertThat(r.findings()).as(w.toString()).isEqualTo(twoPass.findings());
        assertThat(r.linkages()).as(w.toString()).isEqualTo(twoPass.linkages());
      }
      for (VerificationReport r : reports) {
        assertThat(r.findings()).as(w.toString()).isEqualTo(plain.findings());
        assertThat(r.bytesInflated()).isEqualTo(plain.bytesInflated());
      }
      withBinaries += twoPass.inspected().isEmpty() ? 0 : 1;
      withRecognised += twoPass.recognised().isEmpty() ? 0 : 1;
    }
    assertThat(withBinaries).isGreaterThanOrEqualTo(125); // the ELF, PE and Mach-O wheels of the corpus
    assertThat(withRecognised).isZero(); // no WebAssembly in the corpus: every native binary has a reader
    assertThat(spilled).isNotEmpty().noneMatch(Files::exists);
  }
}
