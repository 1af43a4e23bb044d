package io.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.Origin;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese person's name no dictionary knows finds the English report that writes it in pinyin,
 * and the name in pinyin the Chinese page that writes it in characters.
 */
class PersonNameSearchTest {
  @TempDir Path dir;

  @Test
  void aChineseNameFindsItsPinyinInEnglishText() throws Exception {
    try (Liaison liaison = indexed(
        "talks.txt", "Party talks\nLiu Jianchao met the delegation in Beijing on Monday.\n",
        "builders.txt", "Builders\nThe builders met a super delegation in Beijing.\n")) {
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
    try (Liaison liaison = indexed(
        "a.txt", "Talks\nWang Yi met Liu Jianchao.\n")) {
      assertEquals(List.of("wang yi", "liu jianchao"), pinyin(liaison, "王毅会见了刘建超"));
      assertEquals(List.of(), pinyin(liaison, "王，毅"), "a break between the characters");
      assertEquals(List.of(), pinyin(liaison, "王毅刘建超"), "five characters in a row are not one name");
      assertEquals(List.of(), pinyin(liaison, "文件系统深入解析"), "解析 (parse) is a word the dictionary knows");
      // 一 is a function word, and a character of given names after the family name.
      assertEquals(List.of("zhang yiming"), pinyin(liaison, "张一鸣表示"));
      assertEquals(List.of("liu jieyi"), pinyin(liaison, "会见了刘结一"));
      assertEquals(List.of(), pinyin(liaison, "一张纸"));
      assertEquals(List.of(), pinyin(liaison, "万一出事"));
      assertEquals(List.of(), pinyin(liaison, "尝试任一操作系统"), "任一, any one: 一 alone is no given name");
      assertEquals(List.of(), pinyin(liaison, SearchRequest.of("王毅").withTranslate(false)));
    }
  }

  @Test
  void aNameInPinyinFindsTheChinesePageThatWritesItInCharacters() throws Exception {
    try (Liaison liaison = indexed(
        "huijian.txt", "会见\n中联部部长刘建超会见了代表团。\n",
        "chaoliu.txt", "潮流\n这是建筑的潮流，刘先生说。\n",
        "talks.txt", "Talks\nThe delegation met in Beijing.\n",
        "paper.txt", "A paper\nBy Jianchao Liu and two others.\n")) {
      for (String query : List.of("Liu Jianchao", "liu jianchao", "Jianchao Liu", "Liu Jian-chao", "Liú Jiànchāo", "met Liu Jianchao")) {
        SearchResponse r = liaison.search(SearchRequest.of(query));
        // The Chinese page by the name's characters, the English one by the name in either order
        // (each a hit, or shown beside one as its version in the other language); not the page
        // with 刘 and 潮流 (chaoliu, a trend) apart.
        Set<String> shown = new HashSet<>();
        r.hits().forEach(h -> {
          shown.add(h.id());
          h.versions().forEach(v -> shown.add(v.id()));
        });
        assertTrue(shown.containsAll(Set.of("huijian.txt", "paper.txt")), query + ": " + shown);
        assertFalse(ids(r).contains("chaoliu.txt"), query + ": " + ids(r));
        assertEquals(List.of("刘建超"), characters(r), query);
      }
      List<Concept> expansion = liaison.search(SearchRequest.of("Liu Jianchao")).expansion();
      assertEquals(List.of("Liu Jianchao"), expansion.stream().map(Concept::source).toList(),
          "one concept in place of Liu (线路接口单元, line interface unit) and Jianchao");
      assertEquals(List.of("Liu Jianchao", "刘建超", "Jianchao Liu"),
          expansion.get(0).alternatives().stream().map(Alternative::text).toList());
      assertEquals(List.of(), characters(liaison.search(SearchRequest.of("Liu Jianchao").withTranslate(false))));
    }
  }

  @Test
  void onlyTheCharactersTheDocumentsHoldAsANameAreTaken() throws Exception {
    try (Liaison liaison = indexed(
        "king.txt", "国王\n国王一直住在这里。\n",
        "wangyi.txt", "外长\n外长王毅表示，双方同意加强合作。\n",
        "ouyang.txt", "醉翁亭记\n《醉翁亭记》是欧阳修的散文名篇。\n")) {
      // 王一 stands side by side in 国王一直 (king, always), but across two words: no name.
      assertEquals(List.of("王毅"), characters(liaison.search(SearchRequest.of("Wang Yi"))));
      assertEquals("wangyi.txt", liaison.search(SearchRequest.of("Wang Yi")).hits().get(0).id());
      assertEquals(List.of("欧阳修"), characters(liaison.search(SearchRequest.of("Ouyang Xiu"))), "a family name of two characters");
      // English words are no given names, though he and long are family names' pinyin.
      assertEquals(List.of(), characters(liaison.search(SearchRequest.of("he said"))));
      assertEquals(List.of(), characters(liaison.search(SearchRequest.of("long march"))));
    }
  }

  @Test
  void aTaiwanNameInWadeGilesFindsTheTraditionalPageThatWritesIt() throws Exception {
    try (Liaison liaison = indexed(
        "tsai.txt", "總統\n蔡英文總統今天出席了活動。\n",
        "lai.txt", "副總統\n副總統賴清德昨天訪問了台南。\n",
        "english.txt", "English\nThe English text of the activity.\n")) {
      // Tsai: cai, Ing: ying; Ching: jing or qing, te: de or te. Searched in Simplified, as folded.
      SearchResponse tsai = liaison.search(SearchRequest.of("Tsai Ing-wen"));
      assertEquals(List.of("Tsai Ing-wen", "蔡英文", "Ing-wen Tsai"),
          tsai.expansion().get(0).alternatives().stream().map(Alternative::text).toList(), "the hyphen kept");
      assertEquals("tsai.txt", liaison.search(SearchRequest.of("Tsai Ing-wen")).hits().get(0).id());
      assertEquals(List.of("赖清德"), characters(liaison.search(SearchRequest.of("Lai Ching-te"))));
      assertEquals("lai.txt", liaison.search(SearchRequest.of("Lai Ching-te")).hits().get(0).id());
    }
  }

  @Test
  void aNameBeforeAnOperatorIsStillOneName() throws Exception {
    try (Liaison liaison = indexed(
        "huijian.txt", "会见\n中联部部长刘建超会见了代表团。\n",
        "zhongguo.txt", "会议\n刘先生在会议上会见了代表团。\n",
        "other.txt", "访问\n刘建超昨天访问了上海。\n")) {
      // The syntax hands over Liu, then Jianchao, which the AND requires: read together, they are
      // the name, required as Jianchao was.
      SearchResponse r = liaison.search(SearchRequest.of("Liu Jianchao AND delegation"));
      assertEquals(List.of("刘建超"), characters(r));
      assertEquals(List.of("Liu Jianchao", "delegation"), r.expansion().stream().map(Concept::source).toList());
      assertEquals(List.of("huijian.txt"), ids(r), "the name and the delegation, not one of them");
      assertEquals(List.of("刘建超"), characters(liaison.search(SearchRequest.of("delegation AND Liu Jianchao"))));
      // An operator between the words keeps them apart.
      assertEquals(List.of(), characters(liaison.search(SearchRequest.of("Liu OR Jianchao"))));
      assertEquals(List.of(), characters(liaison.search(SearchRequest.of("Liu -Jianchao"))));
    }
  }

  /** Indexes the documents given as file name, text, file name, text … and opens the index, without a glossary. */
  private Liaison indexed(String... namesAndTexts) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      Files.writeString(corpus.resolve(namesAndTexts[i]), namesAndTexts[i + 1], StandardCharsets.UTF_8);
    }
    Liaison.index(corpus, dir.resolve("index"));
    return Liaison.open(dir.resolve("index"), dir.resolve("no-glossary.tsv"));
  }

  /** The characters the expansion gives for a name in pinyin. */
  private static List<String> characters(SearchResponse r) {
    return r.expansion().stream().flatMap(c -> c.alternatives().stream())
        .filter(a -> a.origin() == Origin.PINYIN
            && Character.UnicodeScript.of(a.text().codePointAt(0)) == Character.UnicodeScript.HAN).map(Alternative::text).toList();
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
