package dev.wheeltapper.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.report.Code;
import dev.wheeltapper.report.CodeRegistry;
import dev.wheeltapper.report.Codes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link CodeRegistry} honest against the main sources of every module: each {@link Codes} constant is
 * registered, each class a code names as its emitter exists and uses the code (outside comments), and no main code
 * emits a code the registry does not know (a string literal in a registered area, or any literal passed as a
 * {@code Finding}'s code).
 */
class CodeRegistryTest {
  /** A string literal. */
  static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  /** A literal that looks like a code, {@code area.kebab-name}. */
  static final Pattern CODE_LIKE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");
  /** File names that look like codes of the {@code index} area: a simple repository's pages, the samples' list. */
  static final Set<String> FILE_NAMES = Set.of("index.html", "index.json", "index.txt");
  /** A literal given as the code of a finding. */
  static final Pattern FINDING_CODE = Pattern.compile(
      "(?:Finding\\.(?:error|warning|note)|new\\s+Finding)\\(\\s*\"([^\"]*)\"");
  /** A String constant declaration. */
  static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

  /** Every main source file, by path, with its comments blanked out. */
  static Map<Path, String> sources;

  @BeforeAll
  static void readSources() throws IOException {
    sources = new LinkedHashMap<>();
    Path root = FindingsDocTest.repositoryRoot();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
            try {
              sources.put(root.relativize(p), withoutComments(Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
      }
    }
  }

  /** Java source with comments replaced by spaces (line breaks kept); string and char literals kept. */
  static String withoutComments(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
        while (i < src.length() && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
        int end = src.indexOf("*/", i + 2);
        end = end < 0 ? src.length() : end + 2;
        src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != c && src.charAt(j) != '\n') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(j + 1, src.length());
        out.append(src, i, j);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The codes a source file emits or declares that the registry does not know. */
  static Set<String> unregistered(String source, Set<String> areas) {
    Set<String> out = new TreeSet<>();
    Matcher m = LITERAL.matcher(source);
    while (m.find()) {
      String s = m.group(1);
      if (CODE_LIKE.matcher(s).matches() && !FILE_NAMES.contains(s) && areas.contains(s.substring(0, s.indexOf('.')))
          && CodeRegistry.find(s).isEmpty()) {
        out.add(s);
      }
    }
    Matcher f = FINDING_CODE.matcher(source);
    while (f.find()) {
      if (CodeRegistry.find(f.group(1)).isEmpty()) {
        out.add(f.group(1));
      }
    }
    return out;
  }

  static Set<String> areas() {
    return CodeRegistry.all().stream().map(Code::area).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The public String constants of {@link Codes}. */
  static Set<String> codesConstants() throws IllegalAccessException {
    Set<String> out = new TreeSet<>();
    for (Field f : Codes.class.getFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
        out.add((String) f.get(null));
      }
    }
    return out;
  }

  @Test
  void theRegistryHoldsExactlyTheCodesConstants() throws IllegalAccessException {
    Set<String> registered = CodeRegistry.all().stream().map(Code::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(registered).hasSize(CodeRegistry.all().size()).hasSizeGreaterThanOrEqualTo(56);
    assertThat(registered).as("registered codes without a Codes constant, or constants not registered")
        .isEqualTo(codesConstants());
  }

  @Test
  void everyNamedEmitterExistsAndUsesTheCode() {
    List<String> problems = new ArrayList<>();
    for (Code code : CodeRegistry.all()) {
      // The names that stand for the code: its literal and every String constant declared with it.
      List<Pattern> names = new ArrayList<>();
      names.add(Pattern.compile(Pattern.quote("\"" + code.id() + "\"")));
      for (String src : sources.values()) {
        Matcher c = CONSTANT.matcher(src);
        while (c.find()) {
          if (c.group(2).equals(code.id())) {
            names.add(Pattern.compile("\\b" + c.group(1) + "\\b"));
          }
        }
      }
      for (String emitter : code.emittedBy()) {
        List<String> files = sources.entrySet().stream()
            .filter(e -> e.getKey().getFileName().toString().equals(emitter + ".java"))
            .map(e -> CONSTANT.matcher(e.getValue()).replaceAll("")) // a declaration is not a use
            .toList();
        if (files.isEmpty()) {
          problems.add(code.id() + ": no main class " + emitter);
        } else if (files.stream().noneMatch(src -> names.stream().anyMatch(n -> n.matcher(src).find()))) {
          problems.add(code.id() + ": " + emitter + " does not use it");
        }
      }
    }
    assertThat(problems).as("emitters in the code registry that do not emit their code").isEmpty();
  }

  @Test
  void mainCodeEmitsNoUnregisteredCode() {
    assertThat(sources).hasSizeGreaterThan(100);
    Map<Path, Set<String>> found = new LinkedHashMap<>();
    sources.forEach((path, src) -> {
      Set<String> u = unregistered(src, areas());
      if (!u.isEmpty()) {
        found.put(path, u);
      }
    });
    assertThat(found).as("codes in main sources that CodeRegistry does not know").isEmpty();
  }

  @Test
  void theScansCanFail() {
    String src = withoutComments("""
        class X {
          // Finding.error("zip.in-a-comment", "", "")
          static final String C = "zip.not-registered";
          Object f = Finding.warning("elsewhere.new-code", path, "m");
          Object g = new Finding("zip.not-a-zip", Severity.NOTE, "", "libc.so.6 // not a comment");
          String h = "libc.so";
        }
        """);
    assertThat(src).doesNotContain("zip.in-a-comment").contains("libc.so.6 // not a comment");
    assertThat(unregistered(src, areas())).containsExactly("elsewhere.new-code", "zip.not-registered");
  }
}
