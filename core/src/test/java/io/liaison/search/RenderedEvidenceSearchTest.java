package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.index.Indexer;
import io.liaison.ingest.Language;
import io.liaison.query.Ablation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' renderings in the other language add to the score of the pages a query finds, and
 * only to theirs: a Chinese query's English pages whose words translate back to the query's words
 * gain, the Chinese pages and a monolingual query's pages score as before, and the hits are the
 * same.
 */
class RenderedEvidenceSearchTest {
  @TempDir Path dir;

  private static Map<String, Float> scores(SearchResponse r) {
    return r.hits().stream().collect(Collectors.toMap(Hit::id, Hit::score));
  }

  @Test
  void renderingsAddToTheScoresOfTheOtherLanguagesPagesOnly() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("liaison.txt"), "Liaison office\nThe liaison office keeps in contact with the ministry.\n");
    Files.writeString(corpus.resolve("harbour.txt"), "Harbour office\nThe harbour office opens at nine.\n");
    Files.writeString(corpus.resolve("zh.txt"), "天气预报\n明天有雨，出门前请打电话联络家人。\n");
    // Indexed without linking language versions, so that every page is listed on its own.
    new Indexer(Indexer.Options.of(corpus, dir.resolve("index"))).run();
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      SearchRequest zh = SearchRequest.of("联络").withLimit(20);
      SearchResponse with = liaison.search(zh);
      SearchResponse without = liaison.search(zh.withAblations(Set.of(Ablation.DOCUMENTS)));
      assertEquals(without.total(), with.total());
      assertEquals(scores(without).keySet(), scores(with).keySet());
      assertEquals(Set.of("liaison.txt", "zh.txt"), scores(with).keySet(), "one English and one Chinese page hold 联络's idea");
      // Scores compared within one language: across both, LanguageBalance merges the two lists' scores.
      Map<String, Float> enPages = scores(liaison.search(zh.withLanguage(Language.EN)));
      Map<String, Float> enPagesWithout = scores(liaison.search(zh.withLanguage(Language.EN).withAblations(Set.of(Ablation.DOCUMENTS))));
      assertTrue(enPages.get("liaison.txt") > enPagesWithout.get("liaison.txt"),
          "liaison and contact render as 联络: " + enPages + " against " + enPagesWithout);
      assertEquals(scores(liaison.search(zh.withLanguage(Language.ZH).withAblations(Set.of(Ablation.DOCUMENTS)))).get("zh.txt"),
          scores(liaison.search(zh.withLanguage(Language.ZH))).get("zh.txt"), "a Chinese page's rendering is English");
      // An English query never meets its own words in an English page's rendering.
      SearchRequest en = SearchRequest.of("office").withLanguage(Language.EN);
      Map<String, Float> enWith = scores(liaison.search(en));
      Map<String, Float> enWithout = scores(liaison.search(en.withAblations(Set.of(Ablation.DOCUMENTS))));
      for (String page : Set.of("liaison.txt", "harbour.txt")) {
        assertEquals(enWithout.get(page), enWith.get(page), page);
      }
    }
  }
}
