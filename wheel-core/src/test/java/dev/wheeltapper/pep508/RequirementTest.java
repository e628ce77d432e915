package dev.wheeltapper.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.pep440.SpecifierSet;
import dev.wheeltapper.pep440.Version;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementTest {

  @Test
  void pep508FullExample() throws Exception {
    Requirement r = Requirement.parse("requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"");
    assertThat(r.name()).isEqualTo("requests");
    assertThat(r.extras()).containsExactly("security", "tests");
    assertThat(r.specifier()).isEqualTo(SpecifierSet.parse(">=2.8.1,==2.8.*"));
    assertThat(r.specifier()).hasToString(">=2.8.1,==2.8.*");
    assertThat(r.url()).isEmpty();
    assertThat(r.marker()).map(Marker::toString).contains("python_version < \"2.7\"");
    assertThat(r).hasToString("requests[security,tests]>=2.8.1,==2.8.*; python_version < \"2.7\"");
    assertThat(r.appliesTo(MarkerTest.LINUX_312)).isFalse();
    assertThat(r.specifier().contains(Version.parse("2.8.5"))).isTrue();
  }

  @Test
  void pep508UrlExample() throws Exception {
    String url = "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686";
    Requirement r = Requirement.parse("pip @ " + url);
    assertThat(r.name()).isEqualTo("pip");
    assertThat(r.url()).contains(url);
    assertThat(r.specifier().isEmpty()).isTrue();
    assertThat(r.marker()).isEmpty();
    assertThat(r).hasToString("pip@ " + url);
    assertThat(r.appliesTo(MarkerTest.LINUX_312)).isTrue();
  }

  /** The PEP 508 test-program examples: each parses. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A",
        "A.B-C_D",
        "aa",
        "name",
        "name<=1",
        "name>=3",
        "name>=3,<2",
        "name@http://foo.com",
        "name [fred,bar] @ http://foo.com ; python_version=='2.7'",
        "name[quux, strange];python_version<'2.7' and platform_version=='2'",
        "name; os_name=='a' or os_name=='b'",
        "name; os_name=='a' and os_name=='b' or os_name=='c'",
        "name; os_name=='a' and (os_name=='b' or os_name=='c')",
        "name; os_name=='a' or os_name=='b' and os_name=='c'",
        "name; (os_name=='a' or os_name=='b') and os_name=='c'",
        "name (==4)",
        "name ( >= 2 , < 3 )",
        "name()",
        "name[]",
        "name===arbitrarystring",
        "name (=== arbitrarystring)",
        "name==1.0-alpha",
        "name<=1!3.0.0.rc2",
        "  name  ",
        "\tname\t[\ta\t,\tb\t]\t>=\t1\t;\tos_name\t==\t'a'\t"
      })
  void parsesPep508Examples(String text) throws Exception {
    Requirement r = Requirement.parse(text);
    assertThat(Requirement.parse(r.toString())).isEqualTo(r);
  }

  /** Names x extras x (URL or specifier) x marker x whitespace, as in pypa/packaging's parity test. */
  @Test
  void combinationsParseToTheirParts() throws Exception {
    List<String> names = List.of("package", "pAcKaGe", "foo-bar.quux_bAz", "installer", "android12");
    List<List<String>> extrasOptions = List.of(List.of(), List.of("a"), List.of("a", "B", "CDEF123"));
    List<String[]> urlOrSpec =
        List.of(
            new String[] {null, ""},
            new String[] {"https://example.com/packagename.zip", ""},
            new String[] {"ssh://user:pass%20word@example.com/packagename.zip", ""},
            new String[] {"https://example.com/name;v=1.1/?query=foo&bar=baz#blah", ""},
            new String[] {"git+ssh://git@github.com:pypa/packaging.git", ""},
            new String[] {"git+https://git.example.com/MyProject.git@refs/pull/123/head", ""},
            new String[] {"file:///absolute/path", ""},
            new String[] {null, "==={ws}arbitrarystring"},
            new String[] {null, "({ws}=={ws}1.0{ws})"},
            new String[] {null, "=={ws}1.0-alpha"},
            new String[] {null, "<={ws}1!3.0.0.rc2"},
            new String[] {null, ">{ws}2.2{ws},{ws}<{ws}3"},
            new String[] {null, "(>{ws}2.2{ws},{ws}<{ws}3)"});
    List<String> markers =
        List.of(
            "",
            "python_version{ws}>={ws}'3.3'",
            "({ws}python_version{ws}>={ws}\"3.4\"{ws}){ws}and extra{ws}=={ws}\"oursql\"",
            "sys_platform{ws}!={ws}'linux' and(os_name{ws}=={ws}'linux' or python_version{ws}>={ws}'3.3'{ws}){ws}");
    int count = 0;
    for (String ws : List.of("", " ", "\t")) {
      for (String name : names) {
        for (List<String> extras : extrasOptions) {
          for (String[] us : urlOrSpec) {
            for (String marker : markers) {
              List<String> parts = new ArrayList<>();
              parts.add(name);
              if (!extras.isEmpty()) {
                parts.add("[" + String.join(ws + "," + ws, extras) + "]");
              }
              String spec = us[1].replace("{ws}", ws);
              if (!spec.isEmpty()) {
                parts.add(spec);
              }
              if (us[0] != null) {
                parts.add("@");
                parts.add(us[0]);
              }
              String m = marker.replace("{ws}", ws);
              if (!m.isEmpty()) {
                parts.add(us[0] != null ? " ;" : ";");
                parts.add(m);
              }
              String text = String.join(ws, parts);
              Requirement r = Requirement.parse(text);
              assertThat(r.name()).as(text).isEqualTo(name);
              assertThat(r.extras()).as(text).isEqualTo(extras);
              assertThat(r.url()).as(text).isEqualTo(java.util.Optional.ofNullable(us[0]));
              String bare = us[1].replace("{ws}", "");
              bare = bare.startsWith("(") ? bare.substring(1, bare.length() - 1) : bare;
              assertThat(r.specifier()).as(text).isEqualTo(SpecifierSet.parse(bare));
              assertThat(r.marker()).as(text).isEqualTo(
                  m.isEmpty() ? java.util.Optional.empty()
                      : java.util.Optional.of(Marker.parse(marker.replace("{ws}", ""))));
              assertThat(Requirement.parse(r.toString())).as(text).isEqualTo(r);
              count++;
            }
          }
        }
      }
    }
    assertThat(count).isEqualTo(3 * 5 * 3 * 13 * 4);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "packaging>20.1|packaging>20.1",
        "requests[security, tests]>=2.8.1,==2.8.*;python_version<\"2.7\""
            + "|requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"",
        "importlib-metadata; python_version<\"3.8\"|importlib-metadata; python_version<'3.8'",
        "appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\""
            + "|appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'testing'",
        "Foo_Bar[Extra_One]|foo.bar[extra-one]",
        "name>=1.0,<2|name<2,>=1.0.0"
      })
  void equalRequirements(String a, String b) throws Exception {
    assertThat(Requirement.parse(a)).isEqualTo(Requirement.parse(b)).hasSameHashCodeAs(Requirement.parse(b));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "package_one|package_two",
        "packaging>20.1|packaging>=20.1",
        "packaging>20.1|packaging>21.1",
        "packaging>20.1|package>20.1",
        "requests[security,tests]>=2.8.1,==2.8.*;python_version<\"2.7\""
            + "|requests [security,tests] >= 2.8.1 ; python_version < \"2.7\"",
        "importlib-metadata; python_version<\"3.8\"|importlib-metadata; python_version<'3.7'",
        "appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\""
            + "|appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'docs'",
        "name @ https://a.example/x.whl|name @ https://b.example/x.whl"
      })
  void differentRequirements(String a, String b) throws Exception {
    assertThat(Requirement.parse(a)).isNotEqualTo(Requirement.parse(b));
  }

  /**
   * Any URI reference is syntax PEP 508 accepts; judging a direct reference is policy. pypa/packaging 26.2 agrees;
   * its older releases rejected {@code gopher:/foo/com}, {@code file:.} and {@code file:/.} as "Invalid URL".
   */
  @ParameterizedTest
  @ValueSource(strings = {"gopher:/foo/com", "file:.", "file:/.", "https:///path", "./local/path", "file:///abs"})
  void urlsAreUriReferencesNotPolicy(String url) throws Exception {
    assertThat(Requirement.parse("name @ " + url).url()).contains(url);
  }

  @Test
  void trailingCommaInSpecifiersIsTolerated() throws Exception {
    assertThat(Requirement.parse("name>=1.0,").specifier()).hasToString(">=1.0");
    assertThat(Requirement.parse("name (>=1.0, )").specifier()).hasToString(">=1.0");
    assertThat(Requirement.parse("name>=1.0, ; os_name == 'nt'").marker()).isPresent();
  }

  @Test
  void namesAndExtrasNormalise() throws Exception {
    Requirement r = Requirement.parse("Foo.Bar__baz[Sec_Urity,TESTS,sec-urity]");
    assertThat(r.normalizedName()).isEqualTo("foo-bar-baz");
    assertThat(r.extras()).containsExactly("Sec_Urity", "TESTS", "sec-urity");
    assertThat(r.normalizedExtras()).containsExactly("sec-urity", "tests");
  }

  @Test
  void toStringRoundTrips() throws Exception {
    for (String url : List.of("", "@ https://url ", "!=2.0", "==2.*")) {
      for (String extras : List.of("", "[a]", "[a,b]", "[a1,b1,b2]")) {
        for (String marker : List.of("", "; python_version == \"3.11\"", "; \"3.\" not in python_version")) {
          String text = "name" + extras + url + marker;
          assertThat(Requirement.parse(text)).hasToString(text.strip());
        }
      }
    }
  }

  /** Input, position of the error, message ending. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|0|expected package name at the start of the requirement, found end of text",
        "==0.0|0|expected package name at the start of the requirement, found '='",
        "foo!|3|invalid PEP 440 specifier \"!\": must start with one of ~= == != <= >= < > ===",
        "name[bar baz]|9|expected comma between extra names",
        "name[bar, baz,]|14|expected extra name after comma, found ']'",
        "name (>= 1.0|12|expected ')' to close the '(' at position 5, found end of text",
        "black (>=20.*) ; extra == 'format'|7|invalid PEP 440 specifier \">=20.*\": "
            + "a .* prefix match is only allowed with == and !=",
        "name[bar, baz >= 1.0|14|expected ']' to close the '[' at position 4, found '>'",
        "name[bar, baz|13|expected ']' to close the '[' at position 4, found end of text",
        "name @ https://example.com/; extra == 'example'|29|expected end or ' ;' after the URL, found 'e'",
        "name; (extra == 'example'|25|expected ')' to close the '(' at position 6, found end of text",
        "`name @ `|7|expected URL after @",
        "name; invalid_name|6|expected a marker variable or quoted string, found 'i'",
        "name; '3.7' <= invalid_name|15|expected a marker variable or quoted string, found 'i'",
        "name; '3.7' notin python_version|12|expected marker operator, "
            + "one of <=, <, !=, ==, >=, >, ~=, ===, in, not in; found 'n'",
        "name; '3.6'inpython_version|11|expected marker operator, "
            + "one of <=, <, !=, ==, >=, >, ~=, ===, in, not in; found 'i'",
        "name; '3.7' not python_version|12|expected 'in' after 'not'",
        "name==1.0.org1|4|invalid PEP 440 specifier \"==1.0.org1\": invalid PEP 440 version \"1.0.org1\": "
            + "unexpected '.' at position 3 of the stripped text",
        "name==|4|invalid PEP 440 specifier \"==\": no version after ==",
        "name 1.0|5|expected end or ';' (after name and no valid version specifier), found '1'",
        "name >= 1.0 #|12|expected end or ';' (after version specifier), found '#'",
        "name>=1.0,,<2|10|expected a version specifier after comma, found ','",
        "name>=1.0, x|11|expected a version specifier after comma, found 'x'",
        "name.|0|name \"name.\" must start and end with a letter or digit",
        "-name|0|name \"-name\" must start and end with a letter or digit",
        "name; os_name == 'a' extra|21|expected 'and', 'or' or end of marker, found 'e'"
      })
  void rejectsWithPositionAndReason(String text, int position, String reason) {
    assertThatThrownBy(() -> Requirement.parse(text))
        .isInstanceOfSatisfying(
            InvalidRequirementException.class,
            e -> {
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.input()).isEqualTo(text);
            })
        .hasMessageEndingWith(" at position " + position + ": " + reason);
  }

  @Test
  void hostileInputsGiveTypedExceptions() {
    assertThatThrownBy(() -> Requirement.parse("name\n>=1"))
        .isInstanceOfSatisfying(InvalidRequirementException.class, e -> assertThat(e.position()).isEqualTo(4))
        .hasMessage("invalid PEP 508 requirement \"name\\u000a>=1\" at position 4: "
            + "expected end or ';' (after name and no valid version specifier), found character U+000A");
    assertThatThrownBy(() -> Requirement.parse("a".repeat(10_000)))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageContaining("(10000 chars)")
        .hasMessageEndingWith("longer than 8192 characters");
    assertThatThrownBy(() -> Requirement.parse("name; " + "(".repeat(5000) + "os_name == 'a'"))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageEndingWith("parentheses nested deeper than 64 levels");
    assertThatThrownBy(() -> Requirement.parse("n\u0430me"))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageEndingWith("found character U+0430");
    assertThatThrownBy(() -> Requirement.parse("name>=1\u202e.0"))
        .isInstanceOf(InvalidRequirementException.class);
    assertThatThrownBy(() -> Requirement.parse("name @ http://x\u0000y"))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageEndingWith("control character in URL");
    assertThatThrownBy(() -> Requirement.parse("name" + ">=1,".repeat(70) + ">=1"))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageEndingWith("more than 64 version specifiers");
    assertThatThrownBy(() -> Requirement.parse("name[" + "\ud800"))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageEndingWith("found character U+D800");
  }
}
