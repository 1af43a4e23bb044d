package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.index.IndexSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes the bundled sample corpus and pins the ranked results of typical queries, as Anserini's
 * regressions do: a change that moves a result changes this test on purpose.
 */
class SampleCorpusEndToEndTest {
  @TempDir static Path dir;
  static Liaison liaison;
  static IndexSummary summary;

  @BeforeAll
  static void indexTheSampleCorpus() throws Exception {
    summary = Liaison.index(Path.of("index-data/corpus"), dir.resolve("index"));
    liaison = Liaison.open(dir.resolve("index"), Path.of("index-data/glossary.tsv"));
  }

  @AfterAll
  static void close() throws Exception {
    liaison.close();
  }

  /** The first {@code n} documents a reader sees: each hit, then its language version (VersionGroups). */
  static List<String> top(String query, int n) throws Exception {
    return shown(liaison.search(SearchRequest.of(query).withLimit(n)).hits()).stream().limit(n).toList();
  }

  /** The first two hits, each with the versions listed with it. */
  static List<String> firstTwoHits(String query) throws Exception {
    return shown(liaison.search(SearchRequest.of(query).withLimit(2)).hits());
  }

  static List<String> shown(List<Hit> hits) {
    List<String> ids = new java.util.ArrayList<>();
    for (Hit h : hits) {
      ids.add(h.id());
      h.versions().forEach(v -> ids.add(v.id()));
    }
    return ids;
  }

  @Test
  void everyFileIsIndexedAndTheIndexIsClean() throws Exception {
    assertEquals(44, summary.documents());
    assertTrue(summary.skipped().isEmpty(), summary.skipped().toString());
    try (FSDirectory d = FSDirectory.open(dir.resolve("index"));
        CheckIndex check = new CheckIndex(d)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      assertTrue(check.checkIndex().clean, log.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aTraditionalQueryRanksTheCeccFoundingStoriesInEveryScript() throws Exception {
    assertEquals(List.of(
        // The best English hit and the best Chinese one tie at the top (LanguageBalance merges the
        // languages' lists); the tie goes to the higher score before merging, and the English page
        // on the centre's two names, whose rendering says 经济 and 联络 again and again
        // (Fields.RENDERED), scores higher than the Taiwan story.
        "cecc/cecc-name-translation-en.md",
        "cecc/cecc-name-translation-zh.md",
        // The Taiwan story, which repeats 經濟聯絡 and 聯絡部 (matched as words and as bigrams).
        "taiwan-sources/cecc-founding-zh-tw.txt",
        // The Simplified story, with its English version beneath it (VersionLinker).
        "cecc/cecc-founding-zh.txt",
        "cecc/cecc-founding-en.txt"), top("經濟聯絡", 5));
  }

  @Test
  void anEnglishQueryRanksTheSameDocumentsAsItsChineseCounterpart() throws Exception {
    assertEquals(new HashSet<>(top("經濟聯絡", 5)), new HashSet<>(top("economic liaison", 5)));
    Set<String> foundingStories = Set.of(
        "cecc/cecc-founding-zh.txt", "cecc/cecc-founding-en.txt", "taiwan-sources/cecc-founding-zh-tw.txt");
    // The best hit of each language shares the top score (LanguageBalance): a founding story is one of them.
    assertTrue(firstTwoHits("經濟聯絡").stream().anyMatch(foundingStories::contains)
        && firstTwoHits("economic liaison").stream().anyMatch(foundingStories::contains),
        "a version of the founding story at the top from either language");
    Set<String> zh = new HashSet<>(top("经济联络", 10));
    Set<String> en = new HashSet<>(top("economic liaison", 10));
    Set<String> union = new HashSet<>(zh);
    union.addAll(en);
    zh.retainAll(en);
    assertTrue(zh.size() >= 0.8 * union.size(), "top-10 Jaccard below 0.8: " + zh.size() + "/" + union.size());
  }

  @Test
  void theAbbreviationOfTheInternationalDepartmentFindsItsOverviewInAllThreeVersions() throws Exception {
    List<String> top = top("中联部", 6);
    assertEquals(List.of(
        "ild/ild-overview-zh.txt",
        "ild/ild-overview-en.txt",
        "taiwan-sources/ild-overview-zh-tw.txt"), top.subList(0, 3));
    // Then pages that name it beside its full name: the analyst notes give 中共中央对外联络部, the
    // dialogue the English name, and the Taiwan page on the Center's name 中共中央對外聯絡部, which
    // the corpus's own 中共中央对外联络部（中联部） ties to the short form.
    assertEquals(java.util.Set.of("ild/ild-dialogue-mixed.html", "cecc/cecc-analyst-notes-mixed.md",
        "taiwan-sources/cecc-name-translation-zh-tw.md"), java.util.Set.copyOf(top.subList(3, 6)), top.toString());
  }

  @Test
  void aGlossaryPhraseFindsTheOverviewsInEveryLanguage() throws Exception {
    List<String> top = top("Belt and Road", 5);
    // The three versions of the overview first, in whatever order their scores put them.
    assertEquals(java.util.Set.of(
        "belt-and-road/bri-overview-en.html",
        "belt-and-road/bri-overview-zh.html",
        "taiwan-sources/bri-overview-zh-tw.html"), java.util.Set.copyOf(top.subList(0, 3)), top.toString());
    // Then other pages of the folder that name it.
    assertTrue(top.subList(3, 5).stream().allMatch(id -> id.startsWith("belt-and-road/")), top.toString());
  }

  @Test
  void aTraditionalAbbreviationFindsTheSimplifiedAndEnglishAiibPages() throws Exception {
    assertEquals(List.of("belt-and-road/aiib-zh.txt", "belt-and-road/aiib-en.txt"), top("亞投行 成員", 2));
  }

  @Test
  void liaisonFindsLiaisonsAndAChineseWordInsideAnEnglishSentenceIsFound() throws Exception {
    List<String> english = liaison.search(SearchRequest.of("liaison").withTranslate(false).withLimit(20)).hits().stream()
        .map(Hit::id).toList();
    assertTrue(english.contains("cecc/cecc-analyst-notes-mixed.md"), english.toString());
    List<String> inline = liaison.search(SearchRequest.of("统战").withTranslate(false).withLimit(10)).hits().stream()
        .map(Hit::id).toList();
    assertTrue(inline.contains("united-front/united-front-glossary-mixed.md"), inline.toString());
  }

  @Test
  void aPrefixOfAWholeWordFindsWhatTheWordFinds() throws Exception {
    // The index holds stems (economic: econom); the prefix as typed would find nothing.
    long word = liaison.search(SearchRequest.of("economic").withTranslate(false)).total();
    assertTrue(word > 0);
    assertTrue(liaison.search(SearchRequest.of("economic*")).total() >= word);
    assertTrue(liaison.search(SearchRequest.of("ECONOMIC*")).total() >= word);
  }

  @Test
  void fullWidthLettersAreTranslatedAsTheirHalfWidthForms() throws Exception {
    // What a Chinese input method types in full-width mode.
    SearchResponse full = liaison.search(SearchRequest.of("ｅｃｏｎｏｍｉｃ　ｌｉａｉｓｏｎ").withLimit(10));
    SearchResponse half = liaison.search(SearchRequest.of("economic liaison").withLimit(10));
    assertEquals(half.total(), full.total());
    assertEquals(half.hits().stream().map(Hit::id).toList(), full.hits().stream().map(Hit::id).toList());
    assertEquals(liaison.search(SearchRequest.of("CECC")).total(), liaison.search(SearchRequest.of("ＣＥＣＣ")).total());
  }

  @Test
  void questionMarksAndExclamationsAreTheQuestionsPunctuation() throws Exception {
    List<String> plain = top("what is CECC", 5);
    assertEquals(plain, top("what is CECC?", 5));
    assertEquals(plain, top("what is CECC ?", 5));
    assertEquals(plain, top("what is CECC??", 5));
    assertEquals(plain, top("What is CECC?!", 5));
  }

  /** Ids of the documents shown in a response (hits and versions) that are in this folder and language. */
  private static java.util.Set<String> ids(SearchResponse r, String folder, String lang) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Hit h : r.hits()) {
      if (h.folder().equals(folder) && h.lang().equals(lang)) {
        out.add(h.id());
      }
      h.versions().stream().filter(v -> v.lang().equals(lang) && v.id().startsWith(folder + "/")).forEach(v -> out.add(v.id()));
    }
    return out;
  }

  @Test
  void scriptTagsOfSavedPagesAreNotIndexed() throws Exception {
    assertEquals(0, liaison.search(SearchRequest.of("pixelBeacon OR dataLayer")).total());
  }

  @Test
  void aFolderFilterKeepsOnlyThatFolderAndItsFacetsCountTheFilteredHits() throws Exception {
    SearchResponse all = liaison.search(SearchRequest.of("economic liaison").withLimit(1000));
    long inCecc = all.facets().get("folder").getOrDefault("cecc", 0L);
    assertTrue(inCecc > 0 && inCecc < all.total(), "the query should match cecc and other folders: " + all.facets());

    SearchResponse cecc = liaison.search(SearchRequest.of("economic liaison").withLimit(1000).withFolder("cecc"));
    assertEquals(inCecc, cecc.total());
    assertEquals(Map.of("cecc", inCecc), cecc.facets().get("folder"));
    assertEquals(cecc.total(), cecc.facets().get("lang").values().stream().mapToLong(Long::longValue).sum());
    assertTrue(cecc.hits().stream().allMatch(h -> h.folder().equals("cecc")), cecc.hits().toString());
    // The filter does not score: within each language the cecc hits keep the order they have among
    // all hits (how the two languages interleave depends on the best hit of each among the hits shown).
    // A hit's version is shown beneath whichever of the two ranks first, and that can differ with
    // the filter, so compare the documents shown, not their order.
    for (String lang : List.of("en", "zh", "mixed")) {
      assertEquals(ids(all, "cecc", lang), ids(cecc, "cecc", lang), lang);
    }
  }
}
