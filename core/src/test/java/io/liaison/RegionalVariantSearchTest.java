package io.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Simplified query finds a Taiwan page that words the thing in Taiwan's vocabulary, not only in its
 * script, and a Traditional query the mainland page that words it in the mainland's.
 */
class RegionalVariantSearchTest {
  @TempDir Path dir;

  @Test
  void aMainlandWordFindsTheTaiwanPageThatUsesTaiwansWord() throws Exception {
    try (Liaison liaison = indexed(Map.of(
        "tw/memory.txt", "記憶體不足\n當記憶體不足時，這個軟體會自動結束並寫入記錄。\n",
        "tw/weather.txt", "天氣預報\n明天台北多雲，午後有陣雨。\n"))) {
      assertEquals(List.of("tw/memory.txt"), ids(liaison, SearchRequest.of("内存 软件")));
      assertEquals(List.of(), ids(liaison, SearchRequest.of("内存 软件").withTranslate(false)),
          "folding the script alone cannot join 内存 and 記憶體");
    }
  }

  @Test
  void aMainlandWordsTaiwanFormThatIsAlsoAMainlandWordFindsTaiwanPagesOnly() throws Exception {
    try (Liaison liaison = indexed(Map.of(
        "tw/mkdir.txt", "建立目錄\n用 mkdir 建立一個新的目錄。\n",
        "zh/history.txt", "学会历史\n这个学会建立于一九五零年。\n"))) {
      // Taiwan writes 建立 for create; the mainland's 建立 is "establish", which a search counting
      // the Taiwan form in every page would match.
      assertEquals(List.of("tw/mkdir.txt"), ids(liaison, SearchRequest.of("创建")));
    }
  }

  @Test
  void aTaiwanWordFindsTheEnglishPageThatUsesItsMainlandWordsEnglish() throws Exception {
    try (Liaison liaison = indexed(Map.of(
        "en/defaults.txt", "Defaults\nEach option falls back to its default value.\n",
        "en/weather.txt", "Weather\nCloudy tomorrow, with showers in the afternoon.\n"))) {
      assertEquals(List.of("en/defaults.txt"), ids(liaison, SearchRequest.of("預設")), "Taiwan's 預設 is the mainland's 默认");
    }
  }

  @Test
  void aTaiwanWordFindsTheMainlandPageThatUsesTheMainlandsWordButNotTheTaiwanPageWhereThatWordMeansOtherThings() throws Exception {
    try (Liaison liaison = indexed(Map.of(
        "zh/copy.txt", "复制文件\n把这个文件复制到备份目录。\n",
        "tw/apply.txt", "申請須知\n這份文件說明申請的步驟。\n",
        "tw/modes.txt", "權限\n每個檔案都有自己的權限。\n"))) {
      // Taiwan's 檔案 (file) is the mainland's 文件; Taiwan's own 文件 is a document.
      SearchResponse found = liaison.search(SearchRequest.of("檔案"));
      assertEquals(Set.of("zh/copy.txt", "tw/modes.txt"), found.hits().stream().map(Hit::id).collect(Collectors.toSet()));
      assertEquals(2, found.total(), "the count agrees with the hits");
      assertEquals(List.of("tw/modes.txt"), ids(liaison, SearchRequest.of("檔案").withTranslate(false)),
          "folding the script alone cannot join 檔案 and 文件");
    }
  }

  /**
   * Indexes a corpus folder holding {@code files} (each a path under it and its UTF-8 text) and
   * opens the index without a glossary.
   */
  private Liaison indexed(Map<String, String> files) throws Exception {
    Path corpus = dir.resolve("corpus");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = corpus.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
    }
    Liaison.index(corpus, dir.resolve("index"));
    return Liaison.open(dir.resolve("index"), dir.resolve("no-glossary.tsv"));
  }

  private static List<String> ids(Liaison liaison, SearchRequest request) throws Exception {
    return liaison.search(request).hits().stream().map(Hit::id).toList();
  }
}
