package io.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.IndexSummary;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's embedding example compiling and working. */
class ReadmeExampleTest {

  /** The project root: core's tests run there (see core/pom.xml). */
  static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void theReadmeShowsExactlyTheExampleThisTestRuns() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("<!-- readme-example:start -->");
    int end = readme.indexOf("<!-- readme-example:end -->");
    assertTrue(start >= 0 && end > start, "README.md lost its example markers");
    String block = readme.substring(start, end);
    String code = block.substring(block.indexOf("```java") + 7, block.lastIndexOf("```")).strip();
    String source = Files.readString(ROOT.resolve("core/src/test/java/io/liaison/ReadmeExampleTest.java"));
    String normalizedSource = source.replaceAll("\\s+", " ");
    assertTrue(normalizedSource.contains(code.replaceAll("\\s+", " ")),
        "the README example differs from ReadmeExampleTest.example(); change both together");
  }

  @Test
  void theExampleIndexesTheSampleCorpusAndFindsChineseResults() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      example();
    } finally {
      System.setOut(old);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertFalse(out.isBlank(), "the example printed no hits");
    assertEquals(5, out.lines().filter(l -> l.matches("\\S+\\.(txt|md|html)  .+")).count(), out);
    assertTrue(out.contains("cecc/"), out);
  }

  /** The README's example, verbatim; core's tests run from the project root. */
  private static void example() throws Exception {
    Path corpus = Path.of("index-data/corpus");
    Path index = Files.createTempDirectory("liaison-index");
    IndexSummary summary = Liaison.index(corpus, index);
    try (Liaison liaison = Liaison.open(index, Path.of("index-data/glossary.tsv"))) {
      SearchResponse response = liaison.search(SearchRequest.of("经济联络").withLimit(5));
      for (Hit hit : response.hits()) {
        System.out.println(hit.id() + "  " + hit.title());
      }
    }
    assertTrue(summary.documents() > 30);
  }
}
