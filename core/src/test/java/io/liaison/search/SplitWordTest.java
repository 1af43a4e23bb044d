package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.Liaison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word that the segmenter cuts into single characters is found where its characters stand
 * together, not wherever one of them appears.
 */
class SplitWordTest {
  @TempDir Path dir;

  @Test
  void aTaiwanWordCutIntoCharactersFindsOnlyThePageThatHasIt() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    // 軟體 (software) folds to 软体, which SmartCN cuts into 软 and 体 in the pages and the query.
    Files.writeString(corpus.resolve("software.txt"), "軟體公司\n這家軟體公司今年擴大了研發團隊。\n");
    Files.writeString(corpus.resolve("drinks.txt"), "飲料\n軟性飲料的銷量在夏天上升。\n");
    Files.writeString(corpus.resolve("chips.txt"), "晶片\n記憶體晶片的價格下跌。\n");
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      for (String q : List.of("軟體", "软体")) {
        SearchResponse r = liaison.search(SearchRequest.of(q));
        assertEquals(List.of("software.txt"), r.hits().stream().map(Hit::id).toList(), q);
      }
    }
  }
}
