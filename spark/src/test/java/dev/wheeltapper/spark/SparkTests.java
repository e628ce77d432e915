package dev.wheeltapper.spark;

import dev.wheeltapper.testsupport.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** What the Spark test classes share: a small local session, and corpus wheels copied alone into folders. */
final class SparkTests {
  private SparkTests() {}

  /** A session for one test class: few shuffle partitions, no UI, on the loopback interface. */
  static SparkSession session(String master) {
    return SparkSession.builder()
        .master(master)
        .appName("wheeltapper-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  /**
   * The corpus wheels, each copied alone into a folder of its own under {@code dir}: the job reads a wheel through a
   * channel, which has no neighbouring signature files, so the command line compared with it must not see any either.
   */
  static List<Path> corpusWheels(Path dir, int max) throws IOException {
    List<Path> originals;
    try (Stream<Path> s = Files.walk(Corpus.root())) {
      originals = s.filter(f -> f.toString().endsWith(".whl")).sorted().limit(max).toList();
    }
    List<Path> copies = new ArrayList<>();
    int i = 0;
    for (Path w : originals) {
      Path d = Files.createDirectories(dir.resolve(String.format("w%03d", i++)));
      copies.add(Files.copy(w, d.resolve(w.getFileName().toString())));
    }
    return copies;
  }

  /**
   * A copy of a wheel with one more entry, a CycloneDX SBOM under its {@code .dist-info/sboms/} (PEP 770); its RECORD
   * does not list it, which the audit reports, and which changes nothing for the listing of SBOMs.
   */
  static Path withSbom(Path wheel, Path dir) throws IOException {
    Path out = Files.createDirectories(dir).resolve(wheel.getFileName().toString());
    String distInfo = null;
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(wheel.toFile());
        java.util.zip.ZipOutputStream zos = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
      for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
        if (distInfo == null && e.getName().contains(".dist-info/")) {
          distInfo = e.getName().substring(0, e.getName().indexOf(".dist-info/") + ".dist-info/".length());
        }
        zos.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        try (java.io.InputStream is = in.getInputStream(e)) {
          is.transferTo(zos);
        }
        zos.closeEntry();
      }
      zos.putNextEntry(new java.util.zip.ZipEntry(distInfo + "sboms/test.cdx.json"));
      zos.write(("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":"
          + "\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",\"version\":1}").getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      zos.closeEntry();
    }
    return out;
  }
}
