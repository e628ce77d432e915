package dev.wheeltapper.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheeltapper.hardening.Hardening;
import dev.wheeltapper.report.Codes;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/findings.md}, the severity policy, in step with the code: every finding code (the public string
 * constants of {@link Codes}, and the {@code hardening.*} ones of {@link Hardening}) has exactly one table row whose
 * severity cell starts with error, warning or note, and the page names no code that does not exist.
 */
class FindingsDocTest {
  /** A table row: {@code | `code` | severity | ...}. */
  static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|");
  /** A finding code in backticks anywhere on the page. */
  static final Pattern CODE_MENTION = Pattern.compile(
      "`((?:zip|wheel|metadata|record|signature|binary|policy|hardening)\\.[a-z0-9*-]+)`");
  static final Pattern SEVERITY = Pattern.compile("^(error|warning|note)\\b.*");

  static Set<String> codes;
  static List<String> lines;

  @BeforeAll
  static void read() throws IOException {
    codes = allCodes();
    lines = Files.readAllLines(repositoryRoot().resolve("docs/findings.md"), StandardCharsets.UTF_8);
  }

  /** The repository root: the nearest folder, from the working directory up, that holds {@code mvnw}. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder holding mvnw above " + Path.of("").toAbsolutePath());
  }

  /** The public static final String constants of a class, optionally only those with a prefix. */
  static Set<String> constants(Class<?> type, String prefix) {
    Set<String> out = new TreeSet<>();
    for (Field f : type.getFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
        try {
          String value = (String) f.get(null);
          if (value.startsWith(prefix)) {
            out.add(value);
          }
        } catch (IllegalAccessException e) {
          throw new AssertionError(f.toString(), e);
        }
      }
    }
    return out;
  }

  static Set<String> allCodes() {
    Set<String> all = new TreeSet<>(constants(Codes.class, ""));
    all.addAll(constants(Hardening.class, "hardening."));
    return all;
  }

  /** Each code's table rows: the severity cells, in page order. */
  static Map<String, List<String>> rows() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).trim());
      }
    }
    return out;
  }

  @Test
  void theCodesAreFound() {
    assertThat(codes).hasSizeGreaterThanOrEqualTo(50)
        .contains(Codes.ZIP_NOT_A_ZIP, Codes.POLICY_FOREIGN_BINARY, Hardening.NO_ASLR, Hardening.INVALID_CODE_SIGNATURE)
        .allMatch(c -> c.matches("(zip|wheel|metadata|record|signature|binary|policy|hardening)\\.[a-z0-9-]+"));
  }

  @Test
  void everyCodeHasExactlyOneRowWithASeverity() {
    Map<String, List<String>> rows = rows();
    List<String> problems = new ArrayList<>();
    for (String code : codes) {
      List<String> severities = rows.getOrDefault(code, List.of());
      if (severities.size() != 1) {
        problems.add(code + ": " + severities.size() + " rows");
      } else if (!SEVERITY.matcher(severities.get(0)).matches()) {
        problems.add(code + ": severity cell \"" + severities.get(0) + "\" does not start with error, warning or note");
      }
    }
    assertThat(problems).as("codes without exactly one well-formed row in docs/findings.md").isEmpty();
  }

  @Test
  void thePageNamesNoUnknownCode() {
    Set<String> unknown = new TreeSet<>();
    rows().keySet().stream().filter(c -> !codes.contains(c)).forEach(unknown::add);
    for (String line : lines) {
      Matcher m = CODE_MENTION.matcher(line);
      while (m.find()) {
        if (!codes.contains(m.group(1))) {
          unknown.add(m.group(1));
        }
      }
    }
    assertThat(unknown).as("codes named in docs/findings.md that the code does not define").isEmpty();
  }
}
