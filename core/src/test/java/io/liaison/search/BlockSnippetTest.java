package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.Liaison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snippet stays within its block: a heading does not run into the paragraph under it, while the
 * lines of a hard-wrapped paragraph are still one passage.
 */
class BlockSnippetTest {
  @TempDir Path dir;

  private Map<String, List<String>> snippets(Map<String, String> files, String query) throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(corpus.resolve(f.getKey()), f.getValue());
    }
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      Map<String, List<String>> out = new TreeMap<>();
      for (Hit h : liaison.search(SearchRequest.of(query).withTranslate(false)).hits()) {
        out.put(h.id(), h.snippets());
      }
      return out;
    }
  }

  @Test
  void aSnippetDoesNotJoinAHeadingAndTheParagraphUnderIt() throws Exception {
    String paragraph = "Dredging resumed after the storm and cargo volumes recovered.";
    Map<String, List<String>> got = snippets(Map.of(
        "outlook.html", "<html><body><h1>Harbour outlook</h1><p>" + paragraph + "</p><ul><li>Cranes</li><li>Pilots</li></ul></body></html>",
        "outlook.md", "# Harbour outlook\n\n" + paragraph + "\n\n* Cranes\n* Pilots\n"), "dredging OR pilots");
    List<String> expected = List.of("<mark>Dredging</mark> resumed after the storm and cargo volumes recovered.", "<mark>Pilots</mark>");
    assertEquals(Map.of("outlook.html", expected, "outlook.md", expected), got);
  }

  @Test
  void aHardWrappedParagraphIsOnePassageAcrossItsLinesButNotItsHeading() throws Exception {
    // Wrapped at 70 columns, as an editor wraps plain text.
    String text = """
        Harbour report
        The harbour authority dredged the main channel through the winter so
        that larger container ships could berth, and cargo volumes recovered
        steadily once the new cranes were working.

        Next year the authority plans to deepen the eastern basin.
        """;
    Map<String, List<String>> got = snippets(Map.of("report.txt", text), "cargo");
    assertEquals(Map.of("report.txt", List.of("The harbour authority dredged the main channel through the winter so"
        + " that larger container ships could berth, and <mark>cargo</mark> volumes recovered steadily once the new"
        + " cranes were working.")), got);
  }
}
