package io.liaison.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/reliability.md} honest: every row of its table names a test method that
 * exists (or a script that exists), and every test in the {@code io.liaison.reliability} packages
 * has a row. A renamed or deleted test, or a new one nobody documented, fails the build.
 */
class ReliabilityReportTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z]+)#([A-Za-z0-9_]+)`");
  static final Pattern SCRIPT_REF = Pattern.compile("`(bench/[A-Za-z0-9_/.-]+)`");
  static final Pattern TEST_METHOD = Pattern.compile("@Test\\s+(?:@[A-Za-z]+(?:\\([^)]*\\))?\\s+)*void\\s+([A-Za-z0-9_]+)\\s*\\(");

  @Test
  void every_row_names_an_existing_test_and_every_reliability_test_has_a_row() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("docs/reliability.md"));
    int from = lines.indexOf("## Faults and attacks");
    assertTrue(from >= 0, "docs/reliability.md has its 'Faults and attacks' section");
    List<String> rows = lines.subList(from + 1, lines.size()).stream()
        .takeWhile(l -> !l.startsWith("## "))
        .filter(l -> l.startsWith("|") && !l.startsWith("| Fault") && !l.startsWith("|---")).toList();
    assertTrue(rows.size() >= 20, "the table has its rows: " + rows.size());
    List<String> problems = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    for (String row : rows) {
      Matcher t = TEST_REF.matcher(row);
      Matcher s = SCRIPT_REF.matcher(row);
      boolean any = false;
      while (t.find()) {
        any = true;
        named.add(t.group(1) + "#" + t.group(2));
        if (!testExists(t.group(1), t.group(2))) {
          problems.add("no test " + t.group(1) + "#" + t.group(2));
        }
      }
      while (s.find()) {
        any = true;
        if (!Files.exists(ROOT.resolve(s.group(1)))) {
          problems.add("no script " + s.group(1));
        }
      }
      if (!any) {
        problems.add("a row names no test or script: " + row);
      }
    }
    for (String test : reliabilityTests()) {
      if (!named.contains(test)) {
        problems.add("not in docs/reliability.md: " + test);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static boolean testExists(String className, String method) throws IOException {
    for (Path file : sources()) {
      if (file.getFileName().toString().equals(className + ".java")) {
        Matcher m = TEST_METHOD.matcher(Files.readString(file));
        while (m.find()) {
          if (m.group(1).equals(method)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> reliabilityTests() throws IOException {
    List<String> out = new ArrayList<>();
    for (Path file : sources()) {
      if (file.toString().contains("/io/liaison/reliability/") && !file.getFileName().toString().equals("ReliabilityReportTest.java")) {
        String name = file.getFileName().toString().replace(".java", "");
        Matcher m = TEST_METHOD.matcher(Files.readString(file));
        while (m.find()) {
          out.add(name + "#" + m.group(1));
        }
      }
    }
    return out;
  }

  private static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String module : new String[] {"core", "server"}) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/test/java"))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
      }
    }
    return out;
  }
}
