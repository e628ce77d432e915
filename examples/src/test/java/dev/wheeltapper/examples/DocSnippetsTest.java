package dev.wheeltapper.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of {@code README.md} and {@code docs/*.md} against the test class path (which
 * holds every library module), so that the documented API cannot drift from the code.
 *
 * <p>A block starts with its {@code import} lines, which become the imports of the compilation unit; the rest becomes
 * the body of {@code static void snippet() throws Exception} of a generated class, or is compiled as it is when it
 * declares a type. One dynamic test per block, named {@code file:line} (the line of the opening fence), failing with
 * the compiler's diagnostics at the document's line numbers. A block preceded by {@code <!-- not compiled: reason -->}
 * is reported as skipped with that reason.
 *
 * <p>Each block is also compiled as JShell reads it when it is pasted: JShell ends a snippet at the first line that
 * completes a statement, so a chain continued by a line that starts with {@code .} becomes two snippets and fails
 * there. Blocks therefore continue a chain with a trailing dot.
 */
class DocSnippetsTest {
  static final Pattern NOT_COMPILED = Pattern.compile("<!--\\s*not compiled:\\s*(.+?)\\s*-->");
  static final Pattern TYPE_DECLARATION = Pattern.compile(
      "^(?:@\\w+\\s+)*(?:(?:public|final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
          + "(?:class|record|interface|enum)\\s+(\\w+)");

  @TempDir Path classes;

  /** One {@code ```java} block: its document, the line of its opening fence, its text, and why it is skipped. */
  record Block(Path document, String documentName, int line, String source, Optional<String> notCompiled) {
    String name() {
      return documentName + ":" + line;
    }
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

  /** {@code README.md} and every {@code docs/*.md}, in name order. */
  static List<Path> documents(Path root) throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** Every {@code ```java} block of a Markdown text; other fenced blocks are stepped over. */
  static List<Block> blocks(Path document, String documentName, List<String> lines) {
    List<Block> found = new ArrayList<>();
    String lastNonBlank = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```")) {
        if (!line.isBlank()) {
          lastNonBlank = line;
        }
        continue;
      }
      String info = line.substring(3).strip();
      int start = i;
      StringBuilder body = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        body.append(lines.get(i)).append('\n');
      }
      if (info.equals("java")) {
        Matcher m = NOT_COMPILED.matcher(lastNonBlank.strip());
        Optional<String> skip = m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        found.add(new Block(document, documentName, start + 1, body.toString(), skip));
      }
      lastNonBlank = "";
    }
    return found;
  }

  static List<Block> allBlocks() throws IOException {
    Path root = repositoryRoot();
    List<Block> all = new ArrayList<>();
    for (Path doc : documents(root)) {
      String name = root.relativize(doc).toString().replace('\\', '/');
      all.addAll(blocks(doc, name, Files.readAllLines(doc, StandardCharsets.UTF_8)));
    }
    return all;
  }

  /**
   * The compilation unit of a block, line for line with the block (so that diagnostics point at document lines): the
   * leading {@code import} lines as they are, then either the declared type as it is, or the rest wrapped in a
   * method.
   *
   * @return the public class name (the file name javac wants) and the source
   */
  static String[] compilationUnit(Block block, int index) {
    return compilationUnit(block, index, false);
  }

  /**
   * The compilation unit of a block, or of the block as JShell splits it into snippets.
   *
   * @param asJShell true to join the snippets JShell would evaluate one by one (with the semicolons it adds)
   */
  static String[] compilationUnit(Block block, int index, boolean asJShell) {
    List<String> lines = block.source().lines().toList();
    int firstBody = 0;
    while (firstBody < lines.size()
        && (lines.get(firstBody).isBlank() || lines.get(firstBody).startsWith("import "))) {
      firstBody++;
    }
    StringBuilder unit = new StringBuilder();
    for (int i = 0; i < firstBody; i++) {
      unit.append(lines.get(i)).append('\n');
    }
    String rest = lines.subList(firstBody, lines.size()).stream().collect(Collectors.joining("\n", "", "\n"));
    Optional<String> declared = rest.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*"))
        .findFirst()
        .map(TYPE_DECLARATION::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1));
    if (declared.isPresent()) {
      return new String[] {declared.get(), unit.append(rest).toString()};
    }
    String className = "Snippet" + index;
    unit.append("final class ").append(className).append(" { static void snippet() throws Exception { ")
        .append(asJShell ? asJShellReadsIt(rest) : rest).append("}}\n");
    return new String[] {className, unit.toString()};
  }

  /** One JShell for its source analysis only (nothing is evaluated). */
  static final class Analysis {
    static final JShell SHELL = JShell.builder().executionEngine("local").build();
  }

  /**
   * The snippets JShell makes of a text pasted into it, one after the other, each as JShell completes it (with the
   * semicolon it adds). Like the jshell tool, it reads line by line and ends a snippet as soon as the lines read so
   * far are complete.
   */
  static String asJShellReadsIt(String text) {
    SourceCodeAnalysis analysis = Analysis.SHELL.sourceCodeAnalysis();
    StringBuilder out = new StringBuilder();
    String pending = "";
    for (String line : text.lines().toList()) {
      pending = pending + line + "\n";
      while (!pending.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
        if (!info.completeness().isComplete()) {
          break;
        }
        out.append(info.source().strip()).append('\n');
        pending = info.remaining();
      }
      if (pending.isBlank()) {
        pending = "";
      }
    }
    return out.append(pending).toString();
  }

  /**
   * Compiles one block against the test class path.
   *
   * @return the error diagnostics, one per line as {@code document:line: message}; empty when it compiles
   */
  static List<String> compile(Block block, int index, Path outputDir) throws IOException {
    return compile(block, index, outputDir, false);
  }

  /**
   * Compiles one block, or the snippets JShell makes of it.
   *
   * @return the error diagnostics; for the JShell view, each names the snippet it is in
   */
  static List<String> compile(Block block, int index, Path outputDir, boolean asJShell) throws IOException {
    String[] unit = compilationUnit(block, index, asJShell);
    JavaFileObject source = new SimpleJavaFileObject(
        URI.create("string:///" + unit[0] + JavaFileObject.Kind.SOURCE.extension), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return unit[1];
      }
    };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:none",
          "-classpath", System.getProperty("java.class.path"), "-d", outputDir.toString());
      javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
    }
    List<String> unitLines = unit[1].lines().toList();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> asJShell
            ? block.name() + " as JShell reads it: " + d.getMessage(Locale.ROOT) + "\n  in the snippet: "
                + (d.getLineNumber() >= 1 ? unitLines.get((int) d.getLineNumber() - 1) : "")
            : block.documentName() + ":" + (block.line() + d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT))
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadmeAndTheDocsCompiles() throws IOException {
    List<Block> all = allBlocks();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Block block = all.get(i);
      int index = i;
      if (block.notCompiled().isPresent()) {
        continue; // no test at all rather than a skipped one; the marked blocks are counted below
      }
      tests.add(DynamicTest.dynamicTest(block.name(), block.document().toUri(), () -> {
        assertThat(block.source().lines().findFirst().orElse(""))
            .as(block.name() + ": a block starts with its import lines").startsWith("import ");
        Path out = Files.createDirectories(classes.resolve("block" + index));
        List<String> errors = compile(block, index, out);
        if (errors.isEmpty()) {
          errors = compile(block, index, out, true);
        }
        if (!errors.isEmpty()) {
          throw new AssertionError(block.name() + " does not compile:\n" + String.join("\n", errors));
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void theReadmeAndTheDocsHaveJavaBlocksAndAlmostAllAreCompiled() throws IOException {
    List<Block> all = allBlocks();
    assertThat(all).filteredOn(b -> b.documentName().equals("README.md")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(all).filteredOn(b -> b.notCompiled().isPresent()).as("blocks marked not compiled").hasSizeLessThan(3);
  }

  @Test
  void aBlockWithoutItsImportsDoesNotCompileAndWithThemItDoes() throws IOException {
    String body = "try (Wheel wheel = Wheel.open(Path.of(\"a-1.0-py3-none-any.whl\"))) {\n"
        + "  wheel.filename().tags();\n}\n";
    Block bare = new Block(Path.of("README.md"), "README.md", 10, body, Optional.empty());
    assertThat(compile(bare, 0, Files.createDirectories(classes.resolve("bare"))))
        .anyMatch(e -> e.startsWith("README.md:11: ") && e.contains("cannot find symbol"));
    Block imported = new Block(Path.of("README.md"), "README.md", 10,
        "import dev.wheeltapper.wheel.Wheel;\nimport java.nio.file.Path;\n\n" + body, Optional.empty());
    assertThat(compile(imported, 1, Files.createDirectories(classes.resolve("imported")))).isEmpty();
  }

  @Test
  void aChainContinuedOnALineStartingWithADotFailsAsJShellReadsIt() throws IOException {
    String body = "import java.lang.StringBuilder;\n\n"
        + "String s = new StringBuilder()\n    .append(1)\n    .toString();\n";
    Block leading = new Block(Path.of("x.md"), "x.md", 1, body, Optional.empty());
    assertThat(compile(leading, 0, Files.createDirectories(classes.resolve("leading")))).isEmpty();
    assertThat(compile(leading, 0, classes.resolve("leading"), true))
        .anyMatch(e -> e.contains("as JShell reads it") && e.contains(".append(1)"));
    String trailingDots = body.replace("()\n    .append(1)\n    .", "().\n    append(1).\n    ");
    Block trailing = new Block(Path.of("x.md"), "x.md", 1, trailingDots, Optional.empty());
    assertThat(compile(trailing, 1, Files.createDirectories(classes.resolve("trailing")), true)).isEmpty();
  }

  @Test
  void blocksAreFoundWithTheirLineAndMarker() {
    List<String> md = List.of("text", "```java", "import a.B;", "```", "", "<!-- not compiled: a fragment -->", "",
        "```java", "x", "```", "```json", "{}", "```", "```", "```java", "```");
    List<Block> found = blocks(Path.of("x.md"), "x.md", md);
    assertThat(found).extracting(Block::name).containsExactly("x.md:2", "x.md:8");
    assertThat(found.get(0).notCompiled()).isEmpty();
    assertThat(found.get(1).notCompiled()).contains("a fragment");
    assertThat(found.get(1).source()).isEqualTo("x\n");
  }

  @Test
  void aTypeDeclarationIsCompiledAsItIs() {
    Block type = new Block(Path.of("x.md"), "x.md", 1,
        "import java.util.List;\n\npublic record Pair(int a, int b) {}\n", Optional.empty());
    String[] unit = compilationUnit(type, 0);
    assertThat(unit[0]).isEqualTo("Pair");
    assertThat(unit[1]).isEqualTo(type.source());
  }
}
