package io.liaison.search;

import static io.liaison.search.TestQueries.or;
import static io.liaison.search.TestQueries.splitByScript;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import io.liaison.query.ConceptProximity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two-pass search gives what one exhaustive pass gives: the same hits in the same order with
 * the same scores, the exact total and exact facet counts, on an index large enough that the
 * second pass skips documents and the total is far past Lucene's default counting threshold (1 000).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one index for both tests
class RankedMatchesTest {
  private static final int DOCS = 20_000;
  private static final String[] WORDS = {"liaison", "office", "economic", "center", "report", "memo", "delegation", "filler"};

  private ByteBuffersDirectory dir;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  @BeforeAll
  void index() throws IOException {
    dir = new ByteBuffersDirectory();
    Random random = new Random(20261129);
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setMaxBufferedDocs(3_000); // several segments
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (int i = 0; i < DOCS; i++) {
        StringBuilder body = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int w = 0; w < length; w++) {
          // Skewed word choice: common words match most documents, rare ones few.
          body.append(WORDS[Math.min(WORDS.length - 1, (int) Math.abs(random.nextGaussian() * 3))]).append(' ');
        }
        // Every 50th document repeats an earlier one under another id: equal scores, ranked by id.
        String text = i % 50 == 49 ? "liaison office economic center " + (i % 7) : body.toString();
        String id = String.format("doc-%05d", (i * 7919) % DOCS); // ids not in index order
        String lang = i % 3 == 0 ? "zh" : i % 3 == 1 ? "en" : "mixed";
        // English documents carry a word of their own, so a query can score them higher, as a
        // translated query scores the documents in its own language.
        // Chinese documents alternate between the two scripts, for the concept split by script.
        String script = lang.equals("en") ? null : i % 2 == 0 ? ChineseScript.TRADITIONAL : ChineseScript.SIMPLIFIED;
        add(writer, id, lang.equals("en") ? text + " anglo" : text, lang, "folder" + (i % 11), script);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  private static void add(IndexWriter writer, String id, String text, String lang, String folder, String script)
      throws IOException {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
    doc.add(new TextField(Fields.BODY, text, Field.Store.NO));
    doc.add(new StringField(Fields.LANG, lang, Field.Store.NO));
    doc.add(new StoredField("lang_stored", lang));
    doc.add(new SortedDocValuesField(Fields.LANG, new BytesRef(lang)));
    doc.add(new SortedDocValuesField(Fields.FOLDER, new BytesRef(folder)));
    if (script != null) {
      doc.add(new StringField(Fields.SCRIPT, script, Field.Store.NO));
    }
    writer.addDocument(doc);
  }

  @AfterAll
  void close() throws IOException {
    reader.close();
    dir.close();
  }

  /** Queries shaped like translated concepts: weighted synonyms, boosts, phrases, optional, required and excluded words. */
  private static List<Query> queries() {
    Query liaison = new SynonymQuery.Builder(Fields.BODY)
        .addTerm(new Term(Fields.BODY, "liaison"), 1f).addTerm(new Term(Fields.BODY, "delegation"), 0.5f).build();
    Query office = new TermQuery(new Term(Fields.BODY, "office"));
    Query economic = new BoostQuery(new TermQuery(new Term(Fields.BODY, "economic")), 0.5f);
    Query center = new TermQuery(new Term(Fields.BODY, "center"));
    Query memo = new TermQuery(new Term(Fields.BODY, "memo"));
    // Phrases as translated concepts hold them: beside their words' concepts, inside a dis-max.
    Query liaisonOffice = new PhraseQuery(Fields.BODY, "liaison", "office");
    Query reportMemo = new PhraseQuery(1, Fields.BODY, "report", "memo");
    Query conceptWithPhrase = new DisjunctionMaxQuery(List.of(office, new BoostQuery(liaisonOffice, 0.4f)), 0f);
    return List.of(
        or(liaison, office, economic, center),
        or(office, memo),
        new BooleanQuery.Builder().add(liaison, BooleanClause.Occur.MUST).add(center, BooleanClause.Occur.SHOULD)
            .add(memo, BooleanClause.Occur.SHOULD).build(),
        or(memo),
        or(liaison, conceptWithPhrase, center),
        or(economic, reportMemo),
        new BooleanQuery.Builder().add(center, BooleanClause.Occur.MUST).add(reportMemo, BooleanClause.Occur.SHOULD).build(),
        new BooleanQuery.Builder().add(or(office, liaisonOffice), BooleanClause.Occur.SHOULD)
            .add(memo, BooleanClause.Occur.SHOULD).add(reportMemo, BooleanClause.Occur.SHOULD).setMinimumNumberShouldMatch(2).build(),
        new BooleanQuery.Builder().add(or(liaison, liaisonOffice), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(Fields.BODY, "anglo")), BooleanClause.Occur.MUST_NOT).build(),
        // "memo" stands for a Taiwan form: counted in Traditional documents only.
        or(splitByScript(office, new SynonymQuery.Builder(Fields.BODY).addTerm(new Term(Fields.BODY, "office"), 1f)
            .addTerm(new Term(Fields.BODY, "memo"), 0.5f).build()), center),
        new BooleanQuery.Builder().add(splitByScript(liaison, or(liaison, reportMemo)), BooleanClause.Occur.MUST)
            .add(economic, BooleanClause.Occur.SHOULD).build(),
        // "memo" stands for a Traditional query's mainland form: counted in the other documents only;
        // "report" for a Taiwan form of another concept, in Traditional documents only.
        or(splitByScript(new SynonymQuery.Builder(Fields.BODY).addTerm(new Term(Fields.BODY, "office"), 1f)
            .addTerm(new Term(Fields.BODY, "memo"), 0.5f).build(), office), center,
            splitByScript(economic, or(economic, new TermQuery(new Term(Fields.BODY, "report"))))),
        // A Chinese word's concept: the split of its Han group beside its English group.
        or(or(splitByScript(office, new SynonymQuery.Builder(Fields.BODY).addTerm(new Term(Fields.BODY, "office"), 1f)
            .addTerm(new Term(Fields.BODY, "memo"), 0.5f).build()), economic), center));
  }

  @Test
  void hitsScoresTotalsAndFacetsEqualThoseOfOneExhaustivePass() throws IOException {
    for (Query query : queries()) {
      for (int wanted : new int[] {1, 10, 100}) {
        var exhaustive = new MultiCollectorManager(
            new TopFieldCollectorManager(Searcher.RANKING, wanted, null, Integer.MAX_VALUE), new FacetCounts());
        Object[] expected = searcher.search(query, exhaustive);
        TopDocs expectedTop = (TopDocs) expected[0];
        RankedMatches actual = RankedMatches.search(searcher, query, wanted, false);

        String what = query + " top " + wanted;
        assertEquals(TotalHits.Relation.EQUAL_TO, expectedTop.totalHits.relation(), what);
        assertEquals(expectedTop.totalHits.value(), actual.total(), what);
        assertEquals(expectedTop.totalHits.value(), ((FacetCounts.Result) expected[1]).total(), what);
        assertEquals(((FacetCounts.Result) expected[1]).facets(), actual.facets(), what);
        assertArrayEquals(idsAndScores(expectedTop), idsAndScores(actual.top()), what);
      }
    }
  }

  @Test
  void evidenceAddedToTheBestHitsScoresThemAsAClauseBesideTheQueryWould() throws IOException {
    Query evidence = new BoostQuery(or(new TermQuery(new Term(Fields.BODY, "report")), new TermQuery(new Term(Fields.BODY, "filler"))), 0.3f);
    int changed = 0;
    for (Query query : queries()) {
      Query clause = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(evidence, BooleanClause.Occur.SHOULD).build();
      RankedMatches all = RankedMatches.search(searcher, clause, DOCS, false);
      for (int wanted : new int[] {1, 10, 100}) {
        String what = query + " top " + wanted;
        RankedMatches actual = RankedMatches.search(searcher, query, wanted, false, evidence);
        RankedMatches alone = RankedMatches.search(searcher, query, wanted, false);
        assertEquals(alone.total(), actual.total(), what);
        assertEquals(alone.facets(), actual.facets(), what);
        // The query's best WindowRescorer.window hits, each with the clause's score, in the
        // clause's order: the first `wanted` of them.
        Set<Integer> window = new HashSet<>();
        for (var h : RankedMatches.search(searcher, query, WindowRescorer.window(WindowRescorer.of(searcher, null, evidence), wanted), false).top().scoreDocs) {
          window.add(h.doc);
        }
        List<FieldDoc> expected = new ArrayList<>();
        for (var h : all.top().scoreDocs) {
          if (window.contains(h.doc) && expected.size() < wanted) {
            expected.add((FieldDoc) h);
          }
        }
        assertArrayEquals(idsAndScores(new TopDocs(all.top().totalHits, expected.toArray(new FieldDoc[0]))), idsAndScores(actual.top()), what);
        if (!Arrays.equals(idsAndScores(alone.top()), idsAndScores(actual.top()))) {
          changed++;
        }
      }
    }
    assertTrue(changed > 0, "the evidence changed some ranking");
  }

  /** Queries with proximity clauses beside their concepts, as {@code LiaisonQueryParser} builds a run of words. */
  private static List<Query> queriesWithProximity() {
    Query liaison = new SynonymQuery.Builder(Fields.BODY)
        .addTerm(new Term(Fields.BODY, "liaison"), 1f).addTerm(new Term(Fields.BODY, "delegation"), 0.5f).build();
    Query office = new TermQuery(new Term(Fields.BODY, "office"));
    Query economic = new TermQuery(new Term(Fields.BODY, "economic"));
    Query center = new TermQuery(new Term(Fields.BODY, "center"));
    IntervalsSource liaisonForms = Intervals.or(Intervals.term("liaison"), Intervals.term("delegation"));
    IntervalsSource officeForms = Intervals.term("office");
    IntervalsSource economicForms = Intervals.term("economic");
    IntervalsSource centerForms = Intervals.term("center");
    float three = ConceptProximity.pairWeight(3);
    return List.of(
        or(liaison, office, ConceptProximity.clause(Fields.BODY, Intervals.unordered(liaisonForms, officeForms), ConceptProximity.pairWeight(1))),
        or(liaison, office, economic, center,
            ConceptProximity.clause(Fields.BODY, Intervals.unordered(liaisonForms, officeForms), three),
            ConceptProximity.clause(Fields.BODY, Intervals.unordered(officeForms, economicForms), three),
            ConceptProximity.clause(Fields.BODY, Intervals.unordered(economicForms, centerForms), three)),
        new BooleanQuery.Builder().add(liaison, BooleanClause.Occur.MUST).add(center, BooleanClause.Occur.SHOULD)
            .add(ConceptProximity.clause(Fields.BODY, Intervals.unordered(liaisonForms, centerForms), ConceptProximity.pairWeight(1)),
                BooleanClause.Occur.SHOULD)
            .build());
  }

  @Test
  void proximityIsScoredOnTheBestHitsOfTheRankingPassAsTheWholeQueryScoresThem() throws IOException {
    for (Query query : queriesWithProximity()) {
      Query without = ConceptProximity.without(query, ConceptProximity::isProximity);
      assertFalse(query.equals(without), query + " has proximity clauses");
      // Every match of the whole query, scored by one exhaustive pass, in ranking order.
      TopDocs exhaustive = searcher.search(query, new TopFieldCollectorManager(Searcher.RANKING, DOCS, null, Integer.MAX_VALUE));
      Map<Integer, Object> wholeScore = new HashMap<>();
      for (var h : exhaustive.scoreDocs) {
        wholeScore.put(h.doc, ((FieldDoc) h).fields[0]);
      }
      for (int wanted : new int[] {1, 10, 100}) {
        String what = query + " top " + wanted;
        RankedMatches actual = RankedMatches.search(searcher, query, wanted, false);
        RankedMatches ranking = RankedMatches.search(searcher, without, WindowRescorer.window(WindowRescorer.of(searcher, query, null), wanted), false);
        assertEquals(exhaustive.totalHits.value(), actual.total(), what);
        assertEquals(ranking.facets(), actual.facets(), what);
        // The best hits of the query without proximity, each with the whole query's score, in
        // the whole query's order: the first `wanted` of them.
        Set<Integer> window = new HashSet<>();
        for (var h : ranking.top().scoreDocs) {
          window.add(h.doc);
        }
        List<FieldDoc> expected = new ArrayList<>();
        for (var h : exhaustive.scoreDocs) {
          if (window.contains(h.doc) && expected.size() < wanted) {
            expected.add((FieldDoc) h);
          }
        }
        assertArrayEquals(idsAndScores(new TopDocs(exhaustive.totalHits, expected.toArray(new FieldDoc[0]))), idsAndScores(actual.top()), what);
        // Kept by language group, each hit scores what the whole query gives it.
        for (var h : RankedMatches.search(searcher, query, wanted, true).top().scoreDocs) {
          assertEquals(wholeScore.get(h.doc), ((FieldDoc) h).fields[0], what + " by language");
        }
      }
    }
  }

  @Test
  void aPageThatOnlyProximityLiftsIsFoundWhenTheRankingPassKeepsItInItsWindow() throws IOException {
    // One long page has the two words side by side, once; `far` short pages repeat both, far
    // apart, and score higher on the words alone. Proximity (4.3) lifts the long page above them.
    for (int far : new int[] {WindowRescorer.WINDOW - 10, WindowRescorer.WINDOW + 10}) {
      try (ByteBuffersDirectory small = new ByteBuffersDirectory()) {
        try (IndexWriter writer = new IndexWriter(small, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
          add(writer, "near", "liaison office " + "filler ".repeat(60), "en", "a", null);
          for (int i = 0; i < far; i++) {
            add(writer, String.format("far-%03d", i), "liaison liaison filler filler filler filler filler filler filler filler filler office office", "en", "a", null);
          }
        }
        try (DirectoryReader r = DirectoryReader.open(small)) {
          IndexSearcher s = new IndexSearcher(r);
          Query query = or(new TermQuery(new Term(Fields.BODY, "liaison")), new TermQuery(new Term(Fields.BODY, "office")),
              ConceptProximity.clause(Fields.BODY, Intervals.unordered(Intervals.term("liaison"), Intervals.term("office")),
                  ConceptProximity.pairWeight(1)));
          TopDocs exhaustive = s.search(query, new TopFieldCollectorManager(Searcher.RANKING, 1, null, Integer.MAX_VALUE));
          assertEquals("near", s.storedFields().document(exhaustive.scoreDocs[0].doc).get(Fields.ID));
          RankedMatches top = RankedMatches.search(s, query, 10, false);
          assertEquals(far + 1, top.total());
          boolean found = Arrays.stream(top.top().scoreDocs).anyMatch(h -> h.doc == exhaustive.scoreDocs[0].doc);
          // Within the window it is scored with its proximity and comes first; below it, it is not.
          assertEquals(far < WindowRescorer.WINDOW, found, far + " pages far apart");
          if (found) {
            assertEquals(exhaustive.scoreDocs[0].doc, top.top().scoreDocs[0].doc);
          }
        }
      }
    }
  }

  @Test
  void keptByLanguageAPageScoredBelowTheBarToldToTheScorerIsKeptByNeitherGroup() throws IOException {
    // A query may hand over a page below the bar it was told without checking it (ContentMatchQuery
    // does, as does CoordinationQuery's scaling), trusting the collector to drop it; a group whose
    // own bar is lower must not keep it either.
    try (ByteBuffersDirectory small = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(small, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        add(writer, "en-1", "report", "en", "a", null);
        add(writer, "en-2", "report", "en", "a", null);
        add(writer, "en-3", "report", "en", "a", null);
        add(writer, "zh-1", "memo", "zh", "a", ChineseScript.SIMPLIFIED);
        add(writer, "zh-2", "memo", "zh", "a", ChineseScript.SIMPLIFIED);
      }
      try (DirectoryReader r = DirectoryReader.open(small)) {
        ByLanguageTopHits manager = new ByLanguageTopHits(2);
        ByLanguageTopHits.PerGroup collector = manager.newCollector();
        LeafCollector leaf = collector.getLeafCollector(r.leaves().get(0));
        float[] score = new float[1];
        float[] told = new float[1];
        leaf.setScorer(new Scorable() {
          @Override
          public float score() {
            return score[0];
          }

          @Override
          public void setMinCompetitiveScore(float minScore) {
            told[0] = minScore;
          }
        });
        score[0] = 10f;
        leaf.collect(0); // en-1 and en-2 fill the English group, en-3 passes them: its bar is 10,
        leaf.collect(1);
        score[0] = 12f;
        leaf.collect(2); // so the scorer is told 10 / MAX_LIFT
        assertEquals(10f / LanguageBalance.MAX_LIFT, told[0]);
        score[0] = told[0] / 2;
        leaf.collect(3); // zh-1, below that: the Chinese group, still empty, would keep it
        score[0] = told[0] * 1.5f;
        leaf.collect(4); // zh-2, above it
        TopDocs top = manager.reduce(List.of(collector));
        List<Integer> kept = Arrays.stream(top.scoreDocs).map(h -> h.doc).toList();
        assertEquals(List.of(2, 0, 4), kept);
      }
    }
  }

  @Test
  void underATimeLimitScoredInShortRunsTheResultsAreTheSame() throws IOException {
    // Runs of 97, 194, 388 ... documents: several per segment, each one a fresh start for pruning.
    int[] checks = new int[1];
    TimeLimitedSearcher limited = new TimeLimitedSearcher(reader, () -> ++checks[0] < 0, 97, Integer.MAX_VALUE);
    for (Query query : queries()) {
      for (int wanted : new int[] {1, 10, 100}) {
        for (boolean byLanguage : new boolean[] {false, true}) {
          RankedMatches expected = RankedMatches.search(searcher, query, wanted, byLanguage);
          RankedMatches actual = RankedMatches.search(limited, query, wanted, byLanguage);
          String what = query + " top " + wanted + (byLanguage ? " by language" : "");
          assertEquals(expected.total(), actual.total(), what);
          assertEquals(expected.facets(), actual.facets(), what);
          assertArrayEquals(idsAndScores(expected.top()), idsAndScores(actual.top()), what);
        }
      }
    }
    assertFalse(limited.timedOut());
    // More checks than segments: the segments were scored in runs.
    assertTrue(checks[0] > 3 * reader.leaves().size() * queries().size(), checks[0] + " checks");
  }

  @Test
  void aSearchThatReachesItsDeadlineStopsWithinARunAndSaysSo() throws IOException {
    Query query = queries().get(1);
    // Every match collected one by one (count() could read a segment's total from its statistics).
    var everyMatch = new TopFieldCollectorManager(Searcher.RANKING, 10, null, Integer.MAX_VALUE);
    long all = searcher.search(query, everyMatch).totalHits.value();
    int[] checks = new int[1];
    TimeLimitedSearcher limited = new TimeLimitedSearcher(reader, () -> ++checks[0] > 3, 97, Integer.MAX_VALUE);
    long counted = limited.search(query, new TopFieldCollectorManager(Searcher.RANKING, 10, null, Integer.MAX_VALUE)).totalHits.value();
    assertTrue(limited.timedOut());
    // Checks: entering the first segment, then before each run; the fourth stops it, so only the
    // runs of 97 and 194 documents were scored (the bound below leaves room for one more).
    assertTrue(counted > 0 && counted <= 97 + 194 + 388, counted + " of " + all);
    assertEquals(4, checks[0], "no check after the deadline was seen");

    TimeLimitedSearcher expired = new TimeLimitedSearcher(reader, System.nanoTime() - 1);
    RankedMatches r = RankedMatches.search(expired, query, 10, false);
    assertTrue(expired.timedOut());
    assertEquals(0, r.total());
    assertEquals(0, r.top().scoreDocs.length);
  }

  @Test
  void runsStopGrowingAtTheirCapSoAnyRunIsShort() throws IOException {
    // Every document matches, so each run ends exactly where its window does.
    Query everything = new MatchAllDocsQuery();
    int[] checks = new int[1];
    TimeLimitedSearcher capped = new TimeLimitedSearcher(reader, () -> ++checks[0] < 0, 16, 64);
    long counted = capped.search(everything, new TopFieldCollectorManager(Searcher.RANKING, 10, null, Integer.MAX_VALUE))
        .totalHits.value();
    assertEquals(reader.numDocs(), counted);
    assertFalse(capped.timedOut());
    // A check on entering each segment and one before each run: 16, 32, then 64 documents at most.
    // Doubling without the cap would need far fewer (a segment of 10 000: 10 runs, not 158).
    int expected = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      expected++;
      for (int covered = 0, run = 16; covered < leaf.reader().maxDoc(); covered += run, run = Math.min(run * 2, 64)) {
        expected++;
      }
    }
    assertEquals(expected, checks[0]);
    assertThrows(IllegalArgumentException.class, () -> new TimeLimitedSearcher(reader, () -> false, 64, 16));
  }

  @Test
  void aQueryWithinTheClauseLimitIsCountedWhateverTheSizeOfItsSynonymGroups() throws IOException {
    // Two synonym groups of 600 terms: two clauses for the limit (1 024), 1 200 terms once opened.
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String field : List.of(Fields.TITLE, Fields.BODY)) {
      SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
      for (String w : WORDS) {
        synonyms.addTerm(new Term(field, w), 0.5f);
      }
      for (int i = 0; i < 600 - WORDS.length; i++) {
        synonyms.addTerm(new Term(field, "absent" + i), 0.5f);
      }
      query.add(synonyms.build(), BooleanClause.Occur.SHOULD);
    }
    Query q = query.build();
    RankedMatches r = RankedMatches.search(searcher, q, 10, false);
    assertEquals(searcher.count(q), r.total());
    assertEquals(DOCS, r.total());
  }

  @Test
  void theTopHitsAreFoundByPruningWhileEveryMatchIsCounted() throws IOException {
    Query query = queries().get(0);
    RankedMatches r = RankedMatches.search(searcher, query, 10, false);
    // The second pass stopped scoring documents that could not enter the page...
    assertEquals(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, r.top().totalHits.relation());
    // ...while the total and the facets count every match, far more than the page's pass saw.
    assertEquals(searcher.count(query), r.total());
    assertTrue(r.top().totalHits.value() < r.total(), r.top().totalHits + " of " + r.total());
    assertTrue(r.total() > 10_000, "far past Lucene's default exact-count threshold: " + r.total());
    assertEquals(r.total(), r.facets().get(Fields.LANG).values().stream().mapToLong(Long::longValue).sum());
    assertEquals(r.total(), r.facets().get(Fields.FOLDER).values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void byLanguageTheMergedPageEqualsTheMergeOfEachGroupsExhaustiveBest() throws IOException {
    List<Query> queries = new ArrayList<>(queries());
    // English hits score up to about twice the others: the lift matters, and so does pruning at half.
    queries.add(or(new TermQuery(new Term(Fields.BODY, "memo")), new TermQuery(new Term(Fields.BODY, "office")),
        new BoostQuery(new TermQuery(new Term(Fields.BODY, "anglo")), 0.6f)));
    for (Query query : queries) {
      for (int wanted : new int[] {1, 10, 100}) {
        Query en = new TermQuery(new Term(Fields.LANG, "en"));
        TopDocs bestEnglish = searcher.search(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
            .add(en, BooleanClause.Occur.FILTER).build(), new TopFieldCollectorManager(Searcher.RANKING, wanted, null, Integer.MAX_VALUE));
        TopDocs bestChinese = searcher.search(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
            .add(en, BooleanClause.Occur.MUST_NOT).build(), new TopFieldCollectorManager(Searcher.RANKING, wanted, null, Integer.MAX_VALUE));
        RankedMatches overall = RankedMatches.search(searcher, query, wanted, false);
        RankedMatches byLanguage = RankedMatches.search(searcher, query, wanted, true);

        String what = query + " top " + wanted + " by language";
        assertEquals(overall.total(), byLanguage.total(), what);
        assertEquals(overall.facets(), byLanguage.facets(), what);
        List<String> expected = mergedPage(wanted, bestEnglish, bestChinese);
        assertEquals(Math.min(wanted, bestEnglish.totalHits.value() + bestChinese.totalHits.value()), expected.size(), what);
        assertEquals(expected, mergedPage(wanted, byLanguage.top()), what);
      }
    }
  }

  /** The first {@code wanted} hits merged across languages, as doc:score strings (the score merged). */
  private List<String> mergedPage(int wanted, TopDocs... lists) throws IOException {
    List<LanguageBalance.Candidate<Integer>> candidates = new ArrayList<>();
    for (TopDocs list : lists) {
      for (var d : list.scoreDocs) {
        FieldDoc f = (FieldDoc) d;
        String lang = reader.storedFields().document(f.doc).get("lang_stored");
        candidates.add(new LanguageBalance.Candidate<>(f.doc, ((BytesRef) f.fields[1]).utf8ToString(), lang, (Float) f.fields[0]));
      }
    }
    List<String> page = new ArrayList<>();
    for (var c : LanguageBalance.merge(candidates)) {
      if (page.size() == wanted) {
        break;
      }
      page.add(c.item() + ":" + c.score());
    }
    return page;
  }

  @Test
  void byLanguageOnMatchesAllInOneGroupIsTheOverallSearch() throws IOException {
    Query onlyChinese = new BooleanQuery.Builder().add(queries().get(1), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.LANG, "zh")), BooleanClause.Occur.FILTER).build();
    assertArrayEquals(idsAndScores(RankedMatches.search(searcher, onlyChinese, 10, false).top()),
        idsAndScores(RankedMatches.search(searcher, onlyChinese, 10, true).top()));
    assertEquals(10, RankedMatches.search(searcher, onlyChinese, 10, true).top().scoreDocs.length);
  }

  private static Object[] idsAndScores(TopDocs top) {
    List<Object> out = new ArrayList<>();
    for (var d : top.scoreDocs) {
      FieldDoc f = (FieldDoc) d;
      out.add(f.doc);
      out.add(f.fields[0]);
    }
    return out.toArray();
  }
}
