package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.Liaison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A phrase with a stop word inside finds the text that has it: the query keeps the stop word's gap. */
class StopWordPhraseTest {
  @TempDir Path dir;

  @Test
  void aQuotedPhraseWithAStopWordInsideFindsItsText() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("bri.txt"), "Projects\nThe Belt and Road projects include railways and ports.\n");
    Files.writeString(corpus.resolve("apart.txt"), "Roads\nA belt of trees runs along the road to the port.\n");
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      for (String q : List.of("\"Belt and Road\"", "\"belt and road projects\"")) {
        SearchResponse r = liaison.search(SearchRequest.of(q).withTranslate(false));
        assertEquals(List.of("bri.txt"), r.hits().stream().map(Hit::id).toList(), q);
      }
    }
  }
}
