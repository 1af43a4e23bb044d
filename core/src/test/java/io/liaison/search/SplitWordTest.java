package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.Liaison;
import io.liaison.query.Ablation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words that SmartCN cuts otherwise than the query needs: one cut into single characters is found
 * where its characters stand together, not wherever one of them appears; one inside a longer word
 * that SmartCN keeps whole is found through the field of Han bigrams.
 */
class SplitWordTest {
  @TempDir Path dir;

  /** Indexes {@code files} (name to text) and opens the index. */
  private Liaison corpus(Map<String, String> files) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(corpus.resolve(f.getKey()), f.getValue());
    }
    Liaison.index(corpus, dir.resolve("index"));
    return Liaison.open(dir.resolve("index"));
  }

  private static List<String> ids(Liaison liaison, SearchRequest request) throws Exception {
    return liaison.search(request).hits().stream().map(Hit::id).toList();
  }

  @Test
  void aTaiwanWordCutIntoCharactersFindsOnlyThePageThatHasIt() throws Exception {
    // 軟體 (software) folds to 软体, which SmartCN cuts into 软 and 体 in the pages and the query.
    try (Liaison liaison = corpus(Map.of(
        "software.txt", "軟體公司\n這家軟體公司今年擴大了研發團隊。\n",
        "drinks.txt", "飲料\n軟性飲料的銷量在夏天上升。\n",
        "chips.txt", "晶片\n記憶體晶片的價格下跌。\n"))) {
      for (String q : List.of("軟體", "软体")) {
        assertEquals(List.of("software.txt"), ids(liaison, SearchRequest.of(q)), q);
      }
    }
  }

  @Test
  void aWordCutIntoCharactersInsideALongerPhraseStillFindsItsTranslation() throws Exception {
    // 分页程序 (pager) is cut 分|页|程序, and the dictionary's phrase for it, paging routine, is in
    // neither page; 分页 (page) is what tells them apart.
    try (Liaison liaison = corpus(Map.of(
        "pager.txt", "Viewers\nThis program shows long output one screen at a time and lets you move between pages.\n",
        "copy.txt", "Copies\nThis program copies a file.\n"))) {
      assertEquals(List.of("pager.txt", "copy.txt"), ids(liaison, SearchRequest.of("分页程序")));
    }
  }

  @Test
  void aWordIsFoundInsideALongerWordAndItsOwnPageRanksFirst() throws Exception {
    // SmartCN cuts 文件名 (file name) as one word and 文件 (file) alone as another, so without the
    // bigrams a search for 文件, or for "file" translated to it, misses the first page.
    try (Liaison liaison = corpus(Map.of(
        "name.txt", "输出\n结果写到参数给出的文件名，覆盖原有内容。\n",
        "file.txt", "保存\n结果写到参数给出的文件里，覆盖原有内容。\n",
        "other.txt", "天气\n周末有雨，周一转晴，气温回升。\n"))) {
      for (String q : List.of("文件", "file")) {
        assertEquals(List.of("file.txt", "name.txt"), ids(liaison, SearchRequest.of(q)), q);
        assertEquals(List.of("file.txt"),
            ids(liaison, SearchRequest.of(q).withAblations(Set.of(Ablation.BIGRAMS))), q + " without bigrams");
      }
      // A longer word is a phrase of its bigrams: 文件名 is not found in 文件 followed by another word.
      assertEquals(List.of("name.txt"), ids(liaison, SearchRequest.of("文件名")));
    }
  }
}
