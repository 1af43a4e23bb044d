package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.index.Fields;
import io.liaison.index.IndexLayout;
import io.liaison.index.Indexer;
import io.liaison.ingest.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Language versions found by content alone (the file names here do not pair them), kept up to date as the corpus changes. */
class VersionLinkerTest {
  @TempDir Path tmp;
  Path corpus;
  Path index;

  private void write(String path, String text) throws IOException {
    Path file = corpus.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @BeforeEach
  void aCorpusWithThreeTranslatedPairsAndTwoLoneTexts() throws IOException {
    corpus = tmp.resolve("corpus");
    index = tmp.resolve("index");
    write("en/port.txt", "Qingdao harbour reopens berth seven\nThe port authority of Qingdao reopened berth seven on Monday "
        + "after engineers repaired the container crane.");
    write("zh/gangkou.txt", "青岛港重新开放七号泊位\n青岛港务局周一重新开放七号泊位，工程师修好了集装箱起重机。");
    write("en/rice.txt", "Rice harvest in Hunan\nFarmers in Hunan province brought in a record rice harvest despite the "
        + "summer drought.");
    write("zh/shuidao.txt", "湖南水稻丰收\n尽管夏季干旱，湖南省农民仍然获得了创纪录的水稻收成。");
    write("en/library.txt", "City library extends opening hours\nThe municipal library will stay open until ten at night "
        + "so that students can prepare for examinations.");
    write("zh/tushuguan.txt", "市图书馆延长开放时间\n市立图书馆将开放到晚上十点，方便学生准备考试。");
    write("en/volcano.txt", "Volcano erupts in Iceland\nA volcano erupted near a fishing town and lava flowed toward the sea.");
    write("zh/xiongmao.txt", "大熊猫幼崽出生\n成都大熊猫繁育研究基地迎来一只新生幼崽。");
  }

  private VersionLinker.Summary indexAndLink() throws IOException {
    new Indexer(Indexer.Options.of(corpus, index)).run();
    return Liaison.linkVersions(index);
  }

  @Test
  void eachTextIsLinkedToItsTranslationAndALoneTextToNothing() throws IOException {
    VersionLinker.Summary s = indexAndLink();
    assertEquals(Optional.empty(), s.skipped());
    assertFalse(s.relinked(), "a first run links, it does not link again: " + s.describe());
    assertEquals(3, s.pairs());
    assertEquals(Map.of(
        "en/port.txt", "zh/gangkou.txt", "zh/gangkou.txt", "en/port.txt",
        "en/rice.txt", "zh/shuidao.txt", "zh/shuidao.txt", "en/rice.txt",
        "en/library.txt", "zh/tushuguan.txt", "zh/tushuguan.txt", "en/library.txt"), VersionLinker.pairs(index));
  }

  /** A second report on the port, in English and Chinese: the award to the engineers who repaired its crane. */
  private void writeTheAwardReport() throws IOException {
    write("en/award.txt", "Crane engineers honoured in Qingdao\nThe Qingdao port authority gave an award to the engineers "
        + "who repaired the container crane at berth seven.");
    write("zh/banjiang.txt", "青岛表彰起重机工程师\n青岛港务局为修好七号泊位集装箱起重机的工程师颁奖。");
  }

  @Test
  void aTextWhoseBestMatchPairedWithAnotherTakesItsNextWhenThatFindsItFirst() throws IOException {
    // A second report on the port: its openings share the port story's rarest words (Qingdao,
    // berth seven, the container crane), and the English port story's best match is the Chinese
    // award report, which pairs with its own English. The port story's next match scores near its
    // best and finds the port story first, as a translation does: their shares sum past PAIR_SHARES.
    writeTheAwardReport();
    VersionLinker.Summary s = indexAndLink();
    Map<String, String> pairs = VersionLinker.pairs(index);
    assertEquals("zh/banjiang.txt", pairs.get("en/award.txt"), pairs.toString());
    assertEquals("zh/gangkou.txt", pairs.get("en/port.txt"), "paired by competitive linking: " + pairs);
    assertEquals(4, s.pairs(), "and the lone texts stay alone: " + pairs);
    assertFalse(pairs.containsKey("en/volcano.txt"), pairs.toString());
  }

  @Test
  void theSecondReportArrivingLaterLeavesThePairsAFirstRunMakes() throws IOException {
    assertEquals(3, indexAndLink().pairs());
    writeTheAwardReport();
    VersionLinker.Summary later = indexAndLink();
    Map<String, String> pairs = VersionLinker.pairs(index);
    assertEquals(4, later.pairs(), pairs.toString());
    assertEquals("zh/banjiang.txt", pairs.get("en/award.txt"), pairs.toString());
    assertEquals("zh/gangkou.txt", pairs.get("en/port.txt"), "the port story keeps its version: " + pairs);
  }

  @Test
  void aTextWhoseBestMatchIsANoteQuotingItPairsWithTheVersionThatFindsItFirst() {
    // The sample corpus's article on CECC's two names: the Chinese article's best English match is
    // an analyst's note that quotes its Chinese words, and its English version comes next, at 0.82
    // of that; the English version finds the Chinese article first; the note finds another text
    // first. Neither mutual best matches nor second choices paired the article with its version.
    Map<String, List<VersionLinker.Match>> lists = new TreeMap<>(Map.of(
        "zh/article", List.of(new VersionLinker.Match("en/note", 1.09f), new VersionLinker.Match("en/article", 0.89f)),
        "en/article", List.of(new VersionLinker.Match("zh/article", 1.78f), new VersionLinker.Match("zh/other", 1.30f)),
        "en/note", List.of(new VersionLinker.Match("zh/other", 1.11f), new VersionLinker.Match("zh/article", 0.60f)),
        "zh/other", List.of(new VersionLinker.Match("en/elsewhere", 1.05f), new VersionLinker.Match("en/note", 0.60f))));
    assertEquals(List.of(Map.entry("en/article", "zh/article")), VersionLinker.competitivePairs(lists, (a, b) -> true),
        "1 + 0.82 reaches PAIR_SHARES; the note and the Chinese article (0.54 + 1) do not, nor the note and the other (1 + 0.57)");
  }

  private Map<String, String> indexAndLinkPairs() throws IOException {
    indexAndLink();
    return VersionLinker.pairs(index);
  }

  /** An English forecast for Harbin: lows of minus 25 degrees, wind force 6, the cold from 3 January. */
  private void writeTheHarbinForecast() throws IOException {
    write("en/forecast.txt", "Harbin forecast: cold wave before the ice festival\nA cold wave reaches Harbin on 3 January; "
        + "lows fall to minus 25 degrees and the north wind reaches force 6, so the ice festival opens in bright frost.");
  }

  @Test
  void twoForecastsWhoseFiguresDifferAreNotVersionsOfOneText() throws IOException {
    // The sample corpus's two weather reports: each is the other's best match (the only texts on
    // the subject), but a translation carries its figures over, and these share none of theirs.
    writeTheHarbinForecast();
    write("zh/tianqi.txt", "哈尔滨天气：冰雪节前寒潮来袭\n寒潮十二月二十日抵达哈尔滨，最低气温降到零下十八度，北风四级，冰雪节在晴冷中开幕。");
    Map<String, String> pairs = indexAndLinkPairs();
    assertFalse(pairs.containsKey("en/forecast.txt"), "figures 3, 25, 6 against 12, 20, 0, 18, 4: " + pairs);
    assertEquals(3, pairs.size() / 2, "the three translations stay paired: " + pairs);
  }

  @Test
  void aTranslationWritingItsFiguresInChineseNumeralsIsStillAVersion() throws IOException {
    writeTheHarbinForecast();
    String chinese = "哈尔滨天气：冰雪节前寒潮来袭\n寒潮一月三日抵达哈尔滨，最低气温降到零下二十五度，北风六级，冰雪节在晴冷中开幕。";
    write("zh/tianqi.txt", chinese);
    assertTrue(TextNumbers.in(chinese).containsAll(Set.of(3L, 25L, 6L)), "read, not only not refused: " + TextNumbers.in(chinese));
    Map<String, String> pairs = indexAndLinkPairs();
    assertEquals("zh/tianqi.txt", pairs.get("en/forecast.txt"), "三, 二十五 and 六 are 3, 25 and 6: " + pairs);
  }

  @Test
  void anIndexLinkedByEarlierRulesIsLinkedAgainOnce() throws IOException {
    // An index linked before the figures were checked holds the two forecasts as a pair, and no
    // rules in its commit: the next run links every document again, and the forecasts go apart.
    writeTheHarbinForecast();
    write("zh/tianqi.txt", "哈尔滨天气：冰雪节前寒潮来袭\n寒潮十二月二十日抵达哈尔滨，最低气温降到零下十八度，北风四级，冰雪节在晴冷中开幕。");
    indexAndLink();
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      writer.updateBinaryDocValue(new Term(Fields.ID, "en/forecast.txt"), Fields.VERSION, new BytesRef("zh/tianqi.txt"));
      writer.updateBinaryDocValue(new Term(Fields.ID, "zh/tianqi.txt"), Fields.VERSION, new BytesRef("en/forecast.txt"));
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      assertEquals(VersionLinker.RULES, data.remove(IndexLayout.LINK_RULES_KEY), "a run records its rules");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    assertEquals("zh/tianqi.txt", VersionLinker.pairs(index).get("en/forecast.txt"), "the old pair, as an old run left it");

    VersionLinker.Summary again = Liaison.linkVersions(index);
    assertEquals(10, again.queried(), "every document searched again");
    assertTrue(again.relinked() && again.describe().endsWith("as the index's links were made by an earlier version of Liaison"),
        "and the user is told why: " + again.describe());
    assertFalse(VersionLinker.pairs(index).containsKey("en/forecast.txt"), VersionLinker.pairs(index).toString());
    assertEquals(3, again.pairs());
    assertEquals(0, Liaison.linkVersions(index).queried(), "once: the rules are recorded");
  }

  @Test
  void competitiveLinkingTakesTheHighestSumFirstAndEachDocumentOnce() {
    Map<String, List<VersionLinker.Match>> lists = new TreeMap<>(Map.of(
        "a1", List.of(new VersionLinker.Match("b1", 1.0f), new VersionLinker.Match("b2", 0.95f)),
        "a2", List.of(new VersionLinker.Match("b1", 1.0f)),
        "b1", List.of(new VersionLinker.Match("a2", 1.0f), new VersionLinker.Match("a1", 0.9f)),
        "b2", List.of(new VersionLinker.Match("a1", 1.0f))));
    assertEquals(List.of(Map.entry("a2", "b1"), Map.entry("a1", "b2")), VersionLinker.competitivePairs(lists, (a, b) -> true),
        "a2 and b1 (2.0) before a1 and b2 (1.95); a1 and b1 (1.9) come too late, b1 is taken");
    assertEquals(List.of(Map.entry("a1", "b2")), VersionLinker.competitivePairs(lists, (a, b) -> !a.equals("a2")),
        "a pair the texts themselves refuse (a script version that is a rewrite) is passed over");
  }

  @Test
  void progressIsToldOfEachDocumentSearchedAndOfTheTotal() throws IOException {
    new Indexer(Indexer.Options.of(corpus, index)).run();
    List<Integer> searched = Collections.synchronizedList(new ArrayList<>());
    Set<Integer> totals = ConcurrentHashMap.newKeySet();
    Set<VersionLinker.Kind> kinds = ConcurrentHashMap.newKeySet();
    VersionLinker.Summary s = Liaison.linkVersions(index, (kind, done, total) -> {
      kinds.add(kind);
      searched.add(done);
      totals.add(total);
    });
    assertEquals(8, s.queried());
    assertEquals(IntStream.rangeClosed(1, 8).boxed().toList(), searched.stream().sorted().toList(), "once per document searched");
    assertEquals(Set.of(8), totals, "every document, and no best match left to search in turn");
    assertEquals(Set.of(VersionLinker.Kind.LANGUAGE), kinds, "no Traditional text, so no script versions searched");
    assertTrue(Liaison.linkVersions(index, (kind, done, total) -> searched.add(-1)).queried() == 0);
    assertFalse(searched.contains(-1), "a run with nothing to search tells nothing");
  }

  @Test
  void aRunAfterAChangeSearchesOnlyForWhatTheChangeConcerns() throws IOException {
    assertEquals(8, indexAndLink().queried(), "the first run looks at every document");
    assertEquals(0, Liaison.linkVersions(index).queried(), "nothing changed, nothing to search");

    Files.delete(corpus.resolve("zh/shuidao.txt"));
    VersionLinker.Summary afterDelete = indexAndLink();
    assertEquals(2, afterDelete.pairs());
    assertFalse(VersionLinker.pairs(index).containsKey("en/rice.txt"), "its version is gone");
    assertTrue(afterDelete.queried() <= 2, "the orphan and at most its new best match: " + afterDelete.queried());

    write("zh/shuidao-2024.txt", "湖南水稻丰收\n尽管夏季干旱，湖南省农民仍然获得了创纪录的水稻收成。");
    VersionLinker.Summary afterAdd = indexAndLink();
    assertEquals(3, afterAdd.pairs());
    assertEquals("zh/shuidao-2024.txt", VersionLinker.pairs(index).get("en/rice.txt"), "an unchanged text pairs with a new one");
  }

  @Test
  void aHitShowsItsVersionOnceAndTheListDoesNotRepeatIt() throws IOException {
    indexAndLink();
    try (Liaison liaison = Liaison.open(index)) {
      SearchResponse r = liaison.search(new SearchRequest("berth crane", 1, 10, Optional.empty(), true, false, Set.of()));
      // The two versions match the query about as well (LanguageBalance draws them level): either
      // may lead, with the other beneath it.
      Hit first = r.hits().get(0);
      Version en = new Version("en/port.txt", "Qingdao harbour reopens berth seven", "en", "");
      Version zh = new Version("zh/gangkou.txt", "青岛港重新开放七号泊位", "zh", "Hans");
      assertEquals(List.of(first.id().equals(en.id()) ? zh : en), first.versions(), first.toString());
      String version = first.versions().get(0).id();
      assertTrue(r.hits().stream().noneMatch(h -> h.id().equals(version)), "shown with its version, not again");

      SearchResponse chinese = liaison.search(new SearchRequest("berth crane", 1, 10, Optional.of(Language.ZH), true, false, Set.of()));
      assertEquals("zh/gangkou.txt", chinese.hits().get(0).id());
      assertEquals(List.of(en), chinese.hits().get(0).versions(), "a filtered list still names the version");
    }
  }

  @Test
  void aTraditionalConversionJoinsItsTextAndARewriteDoesNot() throws IOException {
    // The port story converted to Traditional, with Taiwan's word for container (貨櫃, not 集装箱);
    // the rice story told again in Traditional in other words, which is a text of its own.
    write("zh-hant/gangkou-tw.txt", "青島港重新開放七號泊位\n青島港務局週一重新開放七號泊位，工程師修好了貨櫃起重機。");
    write("zh-hant/daomi.txt", "湖南稻米豐收\n今年夏天雖然乾旱，湖南稻農的收成依然創下紀錄。");
    VersionLinker.Summary s = indexAndLink();
    assertEquals(1, s.scriptPairs(), s.describe());
    assertEquals(Map.of("zh/gangkou.txt", "zh-hant/gangkou-tw.txt", "zh-hant/gangkou-tw.txt", "zh/gangkou.txt"),
        VersionLinker.pairs(index, VersionLinker.Kind.SCRIPT));
    assertEquals(3, s.pairs(), "one of the two Chinese versions of the port story pairs with the English");
    assertTrue(s.describe().contains("3 pairs and 1 Simplified–Traditional pairs"), s.describe());

    try (Liaison liaison = Liaison.open(index)) {
      for (String query : List.of("berth crane", "七号泊位")) {
        SearchResponse r = liaison.search(new SearchRequest(query, 1, 10, Optional.empty(), true, false, Set.of()));
        Hit first = r.hits().get(0);
        Set<String> shown = new java.util.HashSet<>(Set.of(first.id()));
        first.versions().forEach(v -> shown.add(v.id()));
        assertEquals(Set.of("en/port.txt", "zh/gangkou.txt", "zh-hant/gangkou-tw.txt"), shown, query + ": " + first);
        assertEquals(2, first.versions().size(), first.toString());
        for (Version v : first.versions()) {
          assertEquals(v.id().startsWith("zh-hant/") ? "zh-Hant" : v.id().startsWith("zh/") ? "zh" : "en", v.label(), v.toString());
        }
        assertTrue(r.hits().stream().skip(1).noneMatch(h -> shown.contains(h.id())), query + ": shown once: " + r.hits());
      }
      SearchResponse chinese = liaison.search(new SearchRequest("七号泊位", 1, 10, Optional.of(Language.ZH), true, false, Set.of()));
      assertEquals(1, chinese.hits().stream().filter(h -> h.id().startsWith("zh")).count(),
          "a filtered list shows the two scripts as one hit: " + chinese.hits());
    }
  }

  @Test
  void anIndexWrittenBeforeTheScriptOrderIsLinkedAndOneWrittenWithItKeepsIt() throws IOException {
    write("zh-hant/gangkou-tw.txt", "青島港重新開放七號泊位\n青島港務局週一重新開放七號泊位，工程師修好了貨櫃起重機。");
    new Indexer(Indexer.Options.of(corpus, index)).run();
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
      assertTrue(VersionLinker.sortedByScript(r), "the indexer writes the script order");
    }
    // The same documents copied into a writer without the order, as format 4 wrote them: a linker
    // that imposed the order on these segments would be refused by Lucene.
    Path unsorted = tmp.resolve("unsorted");
    try (FSDirectory from = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(from);
        FSDirectory to = FSDirectory.open(unsorted);
        IndexWriter writer = new IndexWriter(to, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      List<CodecReader> leaves = new ArrayList<>();
      for (LeafReaderContext l : r.leaves()) {
        leaves.add(SlowCodecReaderWrapper.wrap(l.reader()));
      }
      writer.addIndexes(leaves.toArray(CodecReader[]::new));
      writer.setLiveCommitData(r.getIndexCommit().getUserData().entrySet());
      writer.commit();
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(unsorted))) {
      assertFalse(VersionLinker.sortedByScript(r));
    }
    assertEquals(3, Liaison.linkVersions(unsorted).pairs());
    assertEquals(3, Liaison.linkVersions(index).pairs());
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
      assertTrue(VersionLinker.sortedByScript(r), "linking keeps the order");
    }
  }

  @Test
  void pagesStayFullAndDisjointWhereFewDocumentsAreLinked() throws IOException {
    for (String gone : List.of("en/rice.txt", "zh/shuidao.txt", "en/library.txt", "zh/tushuguan.txt")) {
      Files.delete(corpus.resolve(gone));
    }
    for (int n = 1; n <= 6; n++) {
      write("en/crane-" + n + ".txt", "Crane " + n + " stands idle\nThe crane numbered " + n + " stood idle for " + n
          + " weeks while the dockers waited for parts.");
    }
    assertEquals(1, indexAndLink().pairs(), "one pair among ten documents: the searcher fetches the page's ranks first");
    try (Liaison liaison = Liaison.open(index)) {
      List<String> shown = new java.util.ArrayList<>();
      for (int page = 1; page <= 4; page++) {
        // Untranslated, so each language's hits are not fetched apart (LanguageBalance) and the
        // page's ranks are all the first search has: the two versions take the first two.
        SearchResponse r = liaison.search(new SearchRequest("Qingdao 青岛 crane 起重机", page, 2, Optional.empty(), false, false, Set.of()));
        assertEquals(page < 4 ? 2 : 1, r.hits().size(), "page " + page + ": " + r.hits());
        for (Hit h : r.hits()) {
          shown.add(h.id());
          h.versions().forEach(v -> shown.add(v.id()));
        }
      }
      assertEquals(8, shown.size(), shown.toString());
      assertEquals(8, Set.copyOf(shown).size(), "nothing shown twice: " + shown);
      assertTrue(shown.containsAll(List.of("en/port.txt", "zh/gangkou.txt")), shown.toString());
    }
  }

  @Test
  void twoReportsThatDifferOnlyByWhoMetWhomAreLinkedByThePersonsName() throws IOException {
    // Each report's words but the name match both reports in the other language alike. Liu
    // Zhenmin and Liu Jianchao share their family name, and the dictionary knows neither given
    // name: the English report finds its Chinese one by the name written in the characters the
    // index holds (刘振民, 刘建超), and the Chinese report its English one by the name's pinyin,
    // its characters kept side by side in the linking query as in the text.
    write("en/liu.txt", "Liu Jianchao meets a delegation from Laos\nLiu Jianchao met a visiting delegation from Laos in Beijing on Tuesday.");
    write("en/zhenmin.txt", "Liu Zhenmin meets a delegation from Laos\nLiu Zhenmin met a visiting delegation from Laos in Beijing on Tuesday.");
    write("zh/liu.txt", "刘建超会见老挝代表团\n周二，刘建超在北京会见了来访的老挝代表团。");
    write("zh/zhenmin.txt", "刘振民会见老挝代表团\n周二，刘振民在北京会见了来访的老挝代表团。");
    indexAndLink();
    Map<String, String> pairs = VersionLinker.pairs(index);
    assertEquals("zh/liu.txt", pairs.get("en/liu.txt"), pairs.toString());
    assertEquals("zh/zhenmin.txt", pairs.get("en/zhenmin.txt"), pairs.toString());
  }

  @Test
  void aCorpusInOneLanguageIsNotSearchedAtAll() throws IOException {
    for (String zh : List.of("zh/gangkou.txt", "zh/shuidao.txt", "zh/tushuguan.txt", "zh/xiongmao.txt")) {
      Files.delete(corpus.resolve(zh));
    }
    VersionLinker.Summary s = indexAndLink();
    assertEquals(0, s.queried());
    assertEquals(0, s.pairs());
  }
}
