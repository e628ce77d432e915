package dev.wheeltapper.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.testsupport.Corpus;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.EntryPoint;
import dev.wheeltapper.wheel.metadata.ObjectReference;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.HashValue;
import dev.wheeltapper.wheel.record.Record;
import dev.wheeltapper.wheel.record.RecordEntry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.junit.jupiter.api.Test;

/** Concrete values, as the files say them, for a representative set of corpus wheels. */
class RepresentativeWheelsTest {

  private static Wheel open(String relative) throws Exception {
    return Wheel.open(Corpus.corpus(relative));
  }

  private static RecordEntry row(String path, String sha256, long size) {
    return new RecordEntry(path, Optional.of(new HashValue("sha256", sha256)), OptionalLong.of(size));
  }

  @Test
  void manylinuxBinaryWheel() throws Exception {
    try (Wheel w = open("wheels/auditwheel/python_mscl-67.0.1.0-cp313-cp313-manylinux2014_aarch64.whl")) {
      WheelFilename f = w.filename();
      assertThat(f.distribution()).isEqualTo("python_mscl");
      assertThat(f.normalizedName()).isEqualTo("python-mscl");
      assertThat(f.version()).isEqualTo("67.0.1.0");
      assertThat(f.build()).isEmpty();
      assertThat(f.tags()).containsExactly(new Tag("cp313", "cp313", "manylinux2014_aarch64"));

      assertThat(w.entries())
          .extracting(WheelEntry::name)
          .containsExactly(
              "python_mscl/__init__.py",
              "python_mscl/_mscl.so",
              "python_mscl/mscl.py",
              "python_mscl/py.typed",
              "python_mscl-67.0.1.0.dist-info/METADATA",
              "python_mscl-67.0.1.0.dist-info/WHEEL",
              "python_mscl-67.0.1.0.dist-info/licenses/LICENSE",
              "python_mscl-67.0.1.0.dist-info/RECORD");
      WheelEntry so = w.entry("python_mscl/_mscl.so").orElseThrow();
      assertThat(so.size()).isEqualTo(17534656L);
      assertThat(so.method()).isEqualTo(WheelEntry.DEFLATED);
      assertThat(so.directory()).isFalse();
      assertThat(so.unixMode()).isEqualTo(OptionalInt.of(0100644));
      assertThat(so.executable()).isFalse();
      assertThat(w.entry("python_mscl-67.0.1.0.dist-info/METADATA").orElseThrow().unixMode())
          .isEqualTo(OptionalInt.of(0644));

      assertThat(w.distInfo())
          .isEqualTo(new DistInfoDirectory("python_mscl-67.0.1.0.dist-info", "python_mscl", "67.0.1.0"));

      CoreMetadata md = w.metadata();
      assertThat(md.metadataVersion()).contains("2.4");
      assertThat(md.name()).contains("python-mscl");
      assertThat(md.version()).contains("67.0.1.0");
      assertThat(md.summary()).contains("Easy to install python wrapper for the MSCL library.");
      assertThat(md.authorEmail()).contains("Harshil <37377066+harshil21@users.noreply.github.com>");
      assertThat(md.licenseFiles()).containsExactly("LICENSE");
      assertThat(md.classifiers()).hasSize(10).startsWith("Development Status :: 4 - Beta");
      assertThat(md.requiresPython()).contains(">=3.9");
      assertThat(md.descriptionContentType()).contains("text/markdown");
      assertThat(md.description().orElseThrow()).startsWith("# python-mscl\n\nUnofficial Python package");
      assertThat(md.unknownFields()).isEmpty();

      WheelInfo info = w.wheelInfo();
      assertThat(info.wheelVersion()).contains("1.0");
      assertThat(info.generator()).contains("hatchling 1.27.0");
      assertThat(info.rootIsPurelib()).contains(false);
      assertThat(info.tags()).containsExactly("cp313-cp313-manylinux2014_aarch64");
      assertThat(info.build()).isEmpty();

      assertThat(w.record().entries())
          .containsExactly(
              row("python_mscl/__init__.py", "9BO-QS0VB0xCcPxeAhXBaPPZ0mVuLbm_TDAxSjfOH7k", 189),
              row("python_mscl/_mscl.so", "jgDtwLioK-SSH1lZTxGwJmg3-w_fkbZfUJ7ZVgVlves", 17534656),
              row("python_mscl/mscl.py", "xr_IZK6iXi_DqcCrIgvaoM9IW7pDpHnxu4T8_v4q6TY", 675898),
              row("python_mscl/py.typed", "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU", 0),
              row(
                  "python_mscl-67.0.1.0.dist-info/METADATA",
                  "P7Xd31CFRoL5EdsuhsKxmmHL-Pko2xdoO-mFvCSvX80",
                  3115),
              row("python_mscl-67.0.1.0.dist-info/WHEEL", "Ucg_rYDKjGUoklX8D9pFQnqkIAQ2Xye7VB01xOZMwes", 109),
              row(
                  "python_mscl-67.0.1.0.dist-info/licenses/LICENSE",
                  "HoK_Ay_yWSgBIvLdRPRW9yt-1Es1-EX48iVfRrGz6sA",
                  1064),
              new RecordEntry("python_mscl-67.0.1.0.dist-info/RECORD", Optional.empty(), OptionalLong.empty()));

      assertThat(w.licenseFiles()).extracting(DistInfoFile::path).containsExactly("LICENSE");
      assertThat(w.sboms()).isEmpty();
      assertThat(w.dataEntries()).isEmpty();
      assertThat(w.entryPoints().groups()).isEmpty();

      // Stream the 17 MB extension module: its bytes match the declared CRC and the RECORD hash.
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      CRC32 crc = new CRC32();
      long n;
      try (InputStream in =
          new DigestInputStream(new CheckedInputStream(w.openEntry("python_mscl/_mscl.so"), crc), sha)) {
        n = in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      assertThat(n).isEqualTo(so.size());
      assertThat(crc.getValue()).isEqualTo(so.crc());
      assertThat(sha.digest())
          .isEqualTo(w.record().find("python_mscl/_mscl.so").orElseThrow().hash().orElseThrow().decode());
    }
  }

  @Test
  void pureWheelWithCompressedPythonTags() throws Exception {
    try (Wheel w = open("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl")) {
      assertThat(w.filename().tags()).extracting(Tag::toString).containsExactly("py2-none-any", "py3-none-any");
      assertThat(w.entries()).hasSize(52);
      WheelInfo info = w.wheelInfo();
      assertThat(info.rootIsPurelib()).contains(true);
      assertThat(info.tags()).containsExactly("py2-none-any", "py3-none-any");
      assertThat(info.generator()).contains("bdist_wheel (0.33.6)");
      CoreMetadata md = w.metadata();
      assertThat(md.metadataVersion()).contains("2.1");
      assertThat(md.license()).contains("MIT");
      assertThat(md.keywords()).contains("path,local,remote,ssh,shell,pipe,popen,process,execution,color,cli");
      assertThat(md.platforms()).containsExactly("POSIX", "Windows");
      assertThat(md.provides()).containsExactly("plumbum");
      assertThat(md.homePage()).contains("https://plumbum.readthedocs.io");
      assertThat(md.description().orElseThrow()).startsWith(".. image:: https://readthedocs.org/projects/plumbum/");
      Record r = w.record();
      assertThat(r.entries()).hasSize(52);
      assertThat(w.entry("plumbum-1.6.8.dist-info/RECORD").orElseThrow().unixMode()).isEqualTo(OptionalInt.of(0664));
      // The legacy LICENSE sits directly in .dist-info, not in licenses/.
      assertThat(w.licenseFiles()).isEmpty();
    }
  }

  @Test
  void entriesStreamConcurrentlyFromOneWheel() throws Exception {
    try (Wheel w = open("wheels/auditwheel/plumbum-1.6.8-py2.py3-none-any.whl")) {
      List<WheelEntry> files = w.entries();
      List<java.util.concurrent.Callable<Boolean>> jobs = new java.util.ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (WheelEntry e : files) {
          jobs.add(
              () -> {
                CRC32 crc = new CRC32();
                try (InputStream in = new CheckedInputStream(w.openEntry(e.name()), crc)) {
                  in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return crc.getValue() == e.crc();
              });
        }
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        for (java.util.concurrent.Future<Boolean> f : pool.invokeAll(jobs)) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(jobs).hasSize(20 * 52);
    }
  }

  @Test
  void buildTagWheelWithQuotedRecordPathInDataScheme() throws Exception {
    try (Wheel w = open("wheels/delvewheel/simpleext/simpleext-0.0.1-0record-cp312-cp312-win_amd64.whl")) {
      WheelFilename f = w.filename();
      assertThat(f.build()).contains(BuildTag.of("0record"));
      assertThat(f.tags()).containsExactly(new Tag("cp312", "cp312", "win_amd64"));
      assertThat(w.wheelInfo().build()).isEmpty();
      assertThat(w.record().entries())
          .containsExactly(
              row("simpleext.cp312-win_amd64.pyd", "dIcPNjjyuBkFuJaFlu6MYt6gLQRYKkFk2LH0EBBlrIs", 10752),
              row("simpleext-0.0.1.data/data/a,b.txt", "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU", 0),
              row("simpleext-0.0.1.dist-info/METADATA", "CjcodWVz1SUj9LM3u0h5rVPjgZ9wq3YOb3WkZsRghHs", 438),
              new RecordEntry("simpleext-0.0.1.dist-info/RECORD", Optional.empty(), OptionalLong.empty()),
              row("simpleext-0.0.1.dist-info/top_level.txt", "aB9fYWeOeizJMY0_Xpbg-WTh8wJtzHxLZBcgx-d96Lo", 10),
              row("simpleext-0.0.1.dist-info/WHEEL", "fZWyj_84lK0cA-ZNCsdwhbJl0OTrpWkxInEn424qrSs", 102));
      List<DataEntry> data = w.dataEntries();
      assertThat(data).hasSize(1);
      assertThat(data.get(0).schemeKey()).isEqualTo("data");
      assertThat(data.get(0).scheme()).contains(DataScheme.DATA);
      assertThat(data.get(0).path()).isEqualTo("a,b.txt");
      assertThat(w.readEntry("simpleext-0.0.1.data/data/a,b.txt", 10)).isEmpty();
      CoreMetadata md = w.metadata();
      assertThat(md.requiresPython()).contains("==3.12.*");
      assertThat(md.platforms()).containsExactly("Windows");
      assertThat(md.authorEmail()).contains("adang1345@gmail.com");
      assertThat(w.entry("simpleext.cp312-win_amd64.pyd").orElseThrow().unixMode())
          .isEqualTo(OptionalInt.of(0100666));
    }
  }

  @Test
  void compressedTagSetWheelWhoseWheelFileListsOneTag() throws Exception {
    try (Wheel w = open("wheels/delvewheel/simpleext/simpleext-0.0.1-cp36.cp312-cp36m.cp312-win_amd64.whl")) {
      assertThat(w.filename().pythonTags()).containsExactly("cp36", "cp312");
      assertThat(w.filename().abiTags()).containsExactly("cp36m", "cp312");
      assertThat(w.filename().tags()).hasSize(4);
      // WHEEL claims only one of the four tags: a consistency defect for the verifier, read as written here.
      assertThat(w.wheelInfo().tags()).containsExactly("cp312-cp312-win_amd64");
      assertThat(w.record().entries())
          .extracting(RecordEntry::path)
          .containsExactly(
              "simpleext.cp312-win_amd64.pyd",
              "simpleext.cp36-win_amd64.pyd",
              "simpleext-0.0.1.dist-info/METADATA",
              "simpleext-0.0.1.dist-info/RECORD",
              "simpleext-0.0.1.dist-info/top_level.txt",
              "simpleext-0.0.1.dist-info/WHEEL");
    }
  }

  @Test
  void androidWheelWithMetadata24() throws Exception {
    try (Wheel w = open("wheels/auditwheel/android/spam-0.1.0-cp313-cp313-android_24_arm64_v8a.whl")) {
      assertThat(w.filename().tags()).containsExactly(new Tag("cp313", "cp313", "android_24_arm64_v8a"));
      CoreMetadata md = w.metadata();
      // The file holds exactly these three fields and no body.
      assertThat(md.fields())
          .extracting(f -> f.name() + ": " + f.value())
          .containsExactly("Metadata-Version: 2.4", "Name: spam", "Version: 0.1.0");
      assertThat(md.body()).isEmpty();
      assertThat(w.wheelInfo().generator()).contains("setuptools (82.0.1)");
      assertThat(w.record().entries())
          .containsExactly(
              row(
                  "spam.cpython-313-aarch64-linux-android.so",
                  "T4Xe3FNzRc4mlM2UHg_cNl9LtrJHTinEQJK4Y7gAaWk",
                  6512),
              row("spam-0.1.0.dist-info/METADATA", "wnvVWn0YDps8-wQCMbfPqDxzdHSxwuye0pLVZPIltAA", 48),
              row("spam-0.1.0.dist-info/WHEEL", "8kfuSwNd9eRfFX-4niqTGxpAIUIv3H-0WdDXnjTdytM", 112),
              row("spam-0.1.0.dist-info/top_level.txt", "KE4wKczjrl7gsFhmEA4wAEY1n1OuTHf-azTAWqenLO4", 5),
              new RecordEntry("spam-0.1.0.dist-info/RECORD", Optional.empty(), OptionalLong.empty()));
      assertThat(w.entry("spam.cpython-313-aarch64-linux-android.so").orElseThrow().executable()).isTrue();
    }
  }

  @Test
  void pep639LicenseExpressionAndLicenseFileInMetadata25() throws Exception {
    try (Wheel w = open("npm/piplite-0.8.6-py3-none-any.whl")) {
      CoreMetadata md = w.metadata();
      assertThat(md.metadataVersion()).contains("2.5");
      assertThat(md.licenseExpression()).contains("BSD-3-Clause");
      assertThat(md.licenseFiles()).containsExactly("LICENSE");
      assertThat(md.dynamic()).containsExactly("Summary");
      assertThat(md.author()).contains("JupyterLite Contributors");
      assertThat(md.projectUrls()).containsExactly("Source, https://github.com/jupyterlite/pyodide-kernel");
      assertThat(md.description().orElseThrow()).startsWith("# piplite\n");
      assertThat(w.licenseFiles()).singleElement().satisfies(l -> {
        assertThat(l.path()).isEqualTo("LICENSE");
        assertThat(l.entry().size()).isEqualTo(1519);
      });
      assertThat(w.wheelInfo().generator()).contains("hatchling 1.32.0");
    }
  }

  @Test
  void crlfMetadataWithThreeLicenseFiles() throws Exception {
    try (Wheel w = open("wheels/delvewheel/iknowpy/iknowpy-1.5.3-cp39-cp39-win_amd64.whl")) {
      CoreMetadata md = w.metadata();
      assertThat(md.metadataVersion()).contains("2.4");
      assertThat(md.licenseFiles()).containsExactly("LICENSE", "LICENSE_ICU", "LICENSE_JSON");
      assertThat(md.projectUrls())
          .containsExactly(
              "Source, https://github.com/intersystems/iknow",
              "Tracker, https://github.com/intersystems/iknow/issues",
              "Wiki, https://github.com/intersystems/iknow/wiki");
      assertThat(md.name()).contains("iknowpy");
      assertThat(w.licenseFiles())
          .extracting(DistInfoFile::path)
          .containsExactly("LICENSE", "LICENSE_ICU", "LICENSE_JSON");
    }
  }

  @Test
  void purelibAndPlatlibDataSchemes() throws Exception {
    try (Wheel w = open("wheels/delvewheel/iknowpy/iknowpy-1.5.3-0purelibplatlib-cp312-cp312-win_amd64.whl")) {
      List<DataEntry> data = w.dataEntries();
      assertThat(data).hasSize(10);
      assertThat(data.get(0).scheme()).contains(DataScheme.PLATLIB);
      assertThat(data.get(0).path()).isEqualTo("iknowpy/engine.cp312-win_amd64.pyd");
      assertThat(data.get(5).scheme()).contains(DataScheme.PURELIB);
      assertThat(data.get(5).path()).isEqualTo("iknowpy2/engine.cp312-win_amd64.pyd");
    }
    try (Wheel w = open("wheels/delocate/fakepkg1-1.0-cp36-abi3-macosx_10_9_universal2.whl")) {
      assertThat(w.dataEntries())
          .singleElement()
          .satisfies(d -> {
            assertThat(d.scheme()).contains(DataScheme.SCRIPTS);
            assertThat(d.path()).isEqualTo("fakescript.py");
          });
    }
  }

  @Test
  void entryPointsOfCffi() throws Exception {
    try (Wheel w = open("wheels/auditwheel/cffi-1.5.0-cp27-none-linux_x86_64.whl")) {
      List<EntryPoint> eps = w.entryPoints().all();
      assertThat(eps)
          .containsExactly(
              new EntryPoint("distutils.setup_keywords", "cffi_modules", "cffi.setuptools_ext:cffi_modules"));
      assertThat(eps.get(0).objectReference())
          .contains(new ObjectReference("cffi.setuptools_ext", Optional.of("cffi_modules"), List.of()));
      assertThat(w.entry("_cffi_backend.so").orElseThrow().executable()).isTrue();
    }
  }

  @Test
  void attestedPureWheelOpensFromAChannel() throws Exception {
    var path = Corpus.corpus("attest/rfc8785-0.1.2-py3-none-any.whl");
    try (Wheel w = Wheel.open(Files.newByteChannel(path, StandardOpenOption.READ), "rfc8785-0.1.2-py3-none-any.whl")) {
      assertThat(w.fileName()).isEqualTo("rfc8785-0.1.2-py3-none-any.whl");
      CoreMetadata md = w.metadata();
      assertThat(md.providesExtra()).containsExactly("dev", "doc", "lint", "test");
      assertThat(md.requiresDist()).hasSize(9).startsWith("rfc8785[doc,test,lint] ; extra == \"dev\"");
      assertThat(w.wheelInfo().generator()).contains("flit 3.9.0");
      assertThat(w.record().entries()).hasSize(7);
    }
  }
}
