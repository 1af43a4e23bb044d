package io.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.Origin;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Chinese person's name no dictionary knows finds the English report that writes it in pinyin. */
class PersonNameSearchTest {
  @TempDir Path dir;

  @Test
  void aChineseNameFindsItsPinyinInEnglishText() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("talks.txt"), "Party talks\nLiu Jianchao met the delegation in Beijing on Monday.\n",
        StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("builders.txt"), "Builders\nThe builders met a super delegation in Beijing.\n",
        StandardCharsets.UTF_8);
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"), dir.resolve("no-glossary.tsv"))) {
      SearchResponse r = liaison.search(SearchRequest.of("会见了刘建超"));
      assertEquals("talks.txt", r.hits().get(0).id(), ids(r).toString());
      Concept name = r.expansion().stream().filter(c -> c.source().equals("刘建超")).findFirst().orElseThrow();
      assertFalse(name.phrase(), "one concept in place of its characters");
      assertEquals(List.of("会见", "了", "刘建超"), r.expansion().stream().map(Concept::source).toList(),
          "no concept for 刘, 建 or 超 alone, whose glosses (kill, build, exceed) are noise for a name");
      Alternative pinyin = name.alternatives().get(1);
      assertEquals("liu jianchao", pinyin.text());
      assertEquals(Origin.PINYIN, pinyin.origin());
      // Traditional script, and the name alone: the same pinyin.
      assertEquals("talks.txt", liaison.search(SearchRequest.of("劉建超")).hits().get(0).id());
    }
  }

  @Test
  void onlyAWholeRunOfSingleCharactersAfterAFamilyNameIsTakenForAName() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Talks\nWang Yi met Liu Jianchao.\n", StandardCharsets.UTF_8);
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"), dir.resolve("no-glossary.tsv"))) {
      assertEquals(List.of("wang yi", "liu jianchao"), pinyin(liaison, "王毅会见了刘建超"));
      assertEquals(List.of(), pinyin(liaison, "王，毅"), "a break between the characters");
      assertEquals(List.of(), pinyin(liaison, "王毅刘建超"), "five characters in a row are not one name");
      assertEquals(List.of(), pinyin(liaison, "文件系统深入解析"), "解析 (parse) is a word the dictionary knows");
      assertEquals(List.of(), pinyin(liaison, SearchRequest.of("王毅").withTranslate(false)));
    }
  }

  private static List<String> pinyin(Liaison liaison, String query) throws Exception {
    return pinyin(liaison, SearchRequest.of(query));
  }

  private static List<String> pinyin(Liaison liaison, SearchRequest request) throws Exception {
    return liaison.search(request).expansion().stream().flatMap(c -> c.alternatives().stream())
        .filter(a -> a.origin() == Origin.PINYIN).map(Alternative::text).toList();
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }
}
