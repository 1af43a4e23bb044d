package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese question's function words (的, 已) add to the score of a page that has its other
 * words, but a page that has only them is no hit: not listed, not in the total, not in the facets.
 */
class FunctionWordHitsTest {
  @TempDir Path dir;

  private Liaison corpus() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("installed.txt"),
        "Listing installed packages\nShow the files that an installed package provides.\n");
    Files.writeString(corpus.resolve("zh-installed.txt"), "查看软件包\n列出已安装的软件包提供的文件。\n");
    Files.writeString(corpus.resolve("weather.txt"), "天气\n今天的天气很好，明天的风会大一些。\n");
    Files.writeString(corpus.resolve("harbour.txt"), "Harbour\nThe harbour reopened after the storm.\n");
    Liaison.index(corpus, dir.resolve("index"));
    return Liaison.open(dir.resolve("index"));
  }

  /** The hits and the language versions listed with them (the English page is the Chinese one's). */
  private static Set<String> ids(SearchResponse r) {
    return r.hits().stream().flatMap(h -> Stream.concat(Stream.of(h.id()), h.versions().stream().map(Version::id)))
        .collect(Collectors.toSet());
  }

  @Test
  void aPageWithOnlyTheQuestionsFunctionWordsIsNoHit() throws Exception {
    try (Liaison liaison = corpus()) {
      // Alone, beside an excluded word, in brackets with a boost, and with a field: the same two pages.
      for (String q : List.of("已安装的软件包", "已安装的软件包 -harbour", "(已安装的软件包)^2 OR storms", "_text:(已安装的软件包)")) {
        SearchResponse r = liaison.search(SearchRequest.of(q));
        Set<String> expected = q.contains("storms") ? Set.of("installed.txt", "zh-installed.txt", "harbour.txt")
            : Set.of("installed.txt", "zh-installed.txt");
        assertEquals(expected, ids(r), q);
        assertEquals(expected.size(), r.total(), q);
        assertEquals(expected.size(), r.facets().get("lang").values().stream().mapToLong(Long::longValue).sum(), q + ": " + r.facets());
      }
      // The function word still counts where the page has the words: the Chinese page's snippet marks it.
      SearchResponse r = liaison.search(SearchRequest.of("已安装的软件包"));
      Hit zh = r.hits().stream().filter(h -> h.id().equals("zh-installed.txt")).findFirst().orElseThrow();
      String snippet = String.join(" ", zh.snippets());
      assertTrue(snippet.contains("<mark>软件包</mark>") && snippet.contains("<mark>的</mark>"), snippet);
      // Typed alone, a function word is the query's word, and finds the pages that have it.
      SearchResponse particle = liaison.search(SearchRequest.of("的"));
      assertEquals(Set.of("zh-installed.txt", "weather.txt"), particle.hits().stream().map(Hit::id).collect(Collectors.toSet()));
      assertEquals(2, particle.total());
    }
  }
}
