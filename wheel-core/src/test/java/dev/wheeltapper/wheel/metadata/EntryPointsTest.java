package dev.wheeltapper.wheel.metadata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryPointsTest {

  private static EntryPoints parse(String s) throws MetadataFormatException {
    return EntryPoints.parse(s.getBytes(UTF_8));
  }

  @Test
  void parsesGroupsNamesAndObjectReferences() throws Exception {
    EntryPoints eps =
        parse(
            "# comment\n[console_scripts]\nMyTool = pkg.cli:main [color, fast]\nother=pkg.other\n\n"
                + "; another comment\n[gui_scripts]\n  gui = pkg.gui : App.run\n");
    assertThat(eps.groups()).extracting(EntryPointGroup::name).containsExactly("console_scripts", "gui_scripts");
    EntryPoint tool = eps.group("console_scripts").orElseThrow().entryPoints().get(0);
    assertThat(tool).isEqualTo(new EntryPoint("console_scripts", "MyTool", "pkg.cli:main [color, fast]"));
    assertThat(tool.objectReference())
        .contains(new ObjectReference("pkg.cli", Optional.of("main"), List.of("color", "fast")));
    assertThat(eps.all()).extracting(EntryPoint::name).containsExactly("MyTool", "other", "gui");
    assertThat(eps.all().get(1).objectReference())
        .contains(new ObjectReference("pkg.other", Optional.empty(), List.of()));
    assertThat(eps.all().get(2).objectReference())
        .contains(new ObjectReference("pkg.gui", Optional.of("App.run"), List.of()));
    assertThat(eps.group("nope")).isEmpty();
  }

  @Test
  void malformedValueHasNoObjectReference() throws Exception {
    assertThat(parse("[x]\na = not a/reference\n").all().get(0).objectReference()).isEmpty();
    assertThat(parse("").groups()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a = b|1|entry point outside a [section]",
        "[x]\\njust a name|2|expected 'name = value', found no '='",
        "[x\\na=b|1|section header without a closing ']'",
        "[ ]|1|empty section name",
        "[x]\\na=b\\n[x]|3|duplicate section [x]",
        "[x]\\na=b\\na = c|3|duplicate entry point 'a' in [x]",
        "[x]\\n = c|2|empty entry point name",
      })
  void rejectsWhatConfigparserRejects(String text, int line, String reason) {
    assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
        .isInstanceOf(MetadataFormatException.class)
        .hasMessage("entry_points.txt line " + line + ": " + reason);
  }
}
