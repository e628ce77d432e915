package dev.wheeltapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM has no parent, so nothing but this test keeps its versions equal to the build's. */
class BomTest {
  @Test
  void theBomNamesEveryModuleAtTheBuildsVersion() throws Exception {
    String parent = Files.readString(Path.of("..", "pom.xml"));
    String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
    Matcher pv = Pattern.compile("<artifactId>wheeltapper-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(parent);
    assertThat(pv.find()).isTrue();
    String version = pv.group(1);

    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (m.find()) {
      modules.add(m.group(1));
    }
    assertThat(modules).contains("bom", "wheel-core", "binary-inspect", "cli", "examples");
    Matcher bv = Pattern.compile("<artifactId>wheeltapper-bom</artifactId>\\s*<version>([^<]+)</version>").matcher(bom);
    assertThat(bv.find()).isTrue();
    assertThat(bv.group(1)).isEqualTo(version);
    for (String module : modules) {
      if (module.equals("bom") || module.equals("test-support")) {
        continue; // test-support is never published, so the BOM must not name it
      }
      String artifact = artifactId(Path.of("..", module, "pom.xml"));
      Matcher dep = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>\\s*<version>([^<]+)</version>")
          .matcher(bom);
      assertThat(dep.find()).as(module + " in the BOM").isTrue();
      assertThat(dep.group(1)).as(module).isEqualTo(version);
    }
    // the release profile names it only to keep it out of the Central bundle
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    assertThat(managed).doesNotContain("wheeltapper-test-support");
  }

  // A module's own artifactId: the first one after its <parent> block (the cli folder publishes wheeltapper-cli).
  private static String artifactId(Path pom) throws java.io.IOException {
    String text = Files.readString(pom);
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text.substring(text.indexOf("</parent>")));
    assertThat(m.find()).as(pom.toString()).isTrue();
    return m.group(1);
  }
}
