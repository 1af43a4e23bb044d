package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.liaison.Liaison;
import io.liaison.ingest.Language;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.search.CheckHits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinationQueryTest {
  private static final QueryTranslator TRANSLATOR = new QueryTranslator(io.liaison.index.Fields.analyzer(true),
      io.liaison.lexicon.Lexicon.defaultLexicon(), io.liaison.lexicon.Glossary::empty, AliasTable::empty);

  /** A parser of its own, so the test does not depend on another class having run first. */
  private static LiaisonQueryParser parser(boolean translate, Ablation... off) {
    Set<Ablation> ablations = off.length == 0 ? Set.of() : java.util.EnumSet.of(off[0], off);
    return new LiaisonQueryParser(io.liaison.index.Fields.analyzer(true), TRANSLATOR, translate, ablations, 2f);
  }

  private static Map<String, Float> scores(IndexSearcher searcher, Query q) throws IOException {
    Map<String, Float> out = new TreeMap<>();
    for (ScoreDoc d : searcher.search(q, 10).scoreDocs) {
      out.put(searcher.storedFields().document(d.doc).get("id"), d.score);
    }
    return out;
  }

  @Test
  void aDocumentLackingAWordOfTheQueryScoresItsShareToTheExponent() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (String[] doc : new String[][] {
            {"repeats", "disk disk disk disk disk disk other words"},
            {"both", "disk quota other words here too"},
            {"neither", "nothing relevant at all"}}) {
          Document d = new Document();
          d.add(new StringField("id", doc[0], Field.Store.YES));
          d.add(new TextField("body", doc[1], Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query disk = new TermQuery(new Term("body", "disk"));
        Query quota = new TermQuery(new Term("body", "quota"));
        Query plain = new BooleanQuery.Builder()
            .add(disk, BooleanClause.Occur.SHOULD).add(quota, BooleanClause.Occur.SHOULD).build();
        Map<String, Float> before = scores(searcher, plain);
        Map<String, Float> after = scores(searcher, new CoordinationQuery(plain, List.of(disk, quota), 0.5f));
        assertEquals(Set.of("repeats", "both"), after.keySet(), "the same documents match");
        assertEquals(before.get("both"), after.get("both"), "a document with every word keeps its score");
        assertEquals(before.get("repeats") * (float) Math.sqrt(0.5), after.get("repeats"), 1e-6f,
            "one word of two: its score times (1/2)^0.5");
        assertNotEquals(0f, after.get("repeats"));

        // An explanation adds up to the score, factor included (as OpenSearch's "explain" shows it).
        Query coordinated = new CoordinationQuery(plain, List.of(disk, quota), 0.5f);
        CheckHits.checkExplanations(coordinated, "body", searcher, true);
        for (ScoreDoc d : searcher.search(coordinated, 10).scoreDocs) {
          Explanation e = searcher.explain(coordinated, d.doc);
          assertEquals(d.score, e.getValue().floatValue(), 1e-6f, e.toString());
          String id = searcher.storedFields().document(d.doc).get("id");
          assertTrue(e.getDescription().contains(id.equals("both") ? "2 of 2 concepts" : "1 of 2 concepts"),
              e.toString());
        }
        assertFalse(searcher.explain(coordinated, 2).isMatch(), "a document the query misses");
      }
    }
  }

  @Test
  void explanationsAddUpWithPhraseAndAbsentConceptsAcrossSegmentsAndDeletions() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        String[][] docs = {
            {"a", "disk quota report for every user"}, {"b", "quota disk"}, {"gone", "disk quota report"},
            {"c", "a report on disk usage"}, {"d", "quota report"}, {"e", "nothing here"}};
        for (String[] doc : docs) {
          Document d = new Document();
          d.add(new StringField("id", doc[0], Field.Store.YES));
          d.add(new TextField("body", doc[1], Field.Store.NO));
          w.addDocument(d);
          w.commit(); // a segment each
        }
        w.deleteDocuments(new Term("id", "gone"));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query disk = new TermQuery(new Term("body", "disk"));
        Query report = new TermQuery(new Term("body", "report"));
        Query absent = new TermQuery(new Term("body", "printer"));
        Query diskQuota = new org.apache.lucene.search.PhraseQuery("body", "disk", "quota"); // two-phase
        Query plain = new BooleanQuery.Builder().add(disk, BooleanClause.Occur.SHOULD)
            .add(report, BooleanClause.Occur.SHOULD).add(diskQuota, BooleanClause.Occur.SHOULD).build();
        Query coordinated = new CoordinationQuery(plain, List.of(disk, report, absent, diskQuota), 0.5f);
        CheckHits.checkExplanations(coordinated, "body", searcher, true);
        Map<String, String> matched = new TreeMap<>();
        for (ScoreDoc d : searcher.search(coordinated, 10).scoreDocs) {
          Explanation e = searcher.explain(coordinated, d.doc);
          assertEquals(d.score, e.getValue().floatValue(), 1e-6f, e.toString());
          matched.put(searcher.storedFields().document(d.doc).get("id"), e.getDescription().replaceAll(" concepts.*", ""));
        }
        assertEquals(Map.of("a", "coordination, 3 of 4", "b", "coordination, 1 of 4", "c", "coordination, 2 of 4",
            "d", "coordination, 1 of 4"), matched);
      }
    }
  }

  @Test
  void aPageHoldingAPhraseTranslationHoldsTheWordsThePhraseCovers(@TempDir Path dir) throws Exception {
    // 主机名 is cut 主机 | 名, and the dictionary translates the whole as hostname: the first page
    // matches no word concept on its own, only the phrase. Counted by words alone it held 0 of 2,
    // and its score was multiplied by 0.
    try (Liaison liaison = indexed(dir, Map.of(
        "hostname.txt", "Naming\nThe kernel keeps the system hostname and sets it at boot.\n",
        "host.txt", "Servers\nA host on the network answers requests from other machines.\n"))) {
      SearchResponse found = liaison.search(SearchRequest.of("主机名"));
      assertEquals(List.of("hostname.txt", "host.txt"), found.hits().stream().map(Hit::id).toList());
      assertTrue(found.hits().get(0).score() > 0f, "the phrase's page is scored, not zeroed: " + found.hits());
      assertEquals(Map.of("hostname.txt", 1f, "host.txt", 0.70711f), factors(liaison, "主机名"), "(1/2)^0.5 for host alone");
      // A word typed twice is counted once, with the phrase that covers it in either place.
      assertEquals(1f, factors(liaison, "主机 主机名").get("hostname.txt"), 1e-6f);
      assertEquals(1f, factors(liaison, "主机名 主机").get("hostname.txt"), 1e-6f);
    }
  }

  @Test
  void aPhraseRejoinedAcrossAnOperatorCoversItsWordsToo(@TempDir Path dir) throws Exception {
    // "server AND host name": the syntax hands over server AND host, then name; the parser
    // translates host and name together for the phrase host name (主机名). This page's 主机名 is cut
    // 主机 | 名, so the word name (名字, 名称 ...) is found only through the phrase.
    try (Liaison liaison = indexed(dir, Map.of(
        "config.txt", "配置\n每台服务器的主机名写在这个文件里。\n",
        "other.txt", "天气\n周末有雨，周一转晴。\n"))) {
      assertEquals(Map.of("config.txt", 1f), factors(liaison, "server AND host name"));
    }
  }

  /** Indexes {@code files} (name to text) under {@code dir} and opens the index. */
  private static Liaison indexed(Path dir, Map<String, String> files) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(corpus.resolve(f.getKey()), f.getValue());
    }
    Liaison.index(corpus, dir.resolve("index"));
    return Liaison.open(dir.resolve("index"));
  }

  @Test
  void aSearchLimitedToOneLanguageIsCoordinatedToo(@TempDir Path dir) throws Exception {
    // A language or folder filter puts the query inside a bool beside a FILTER clause, which scores
    // it document by document through its scorer rather than through its bulk scorer.
    try (Liaison liaison = indexed(dir, Map.of(
        "hostname.txt", "Naming\nThe kernel keeps the system hostname and sets it at boot.\n",
        "host.txt", "Servers\nA host on the network answers requests from other machines.\n",
        "主机.txt", "服务器\n网络上的主机回答其他机器的请求。\n"))) {
      SearchRequest english = SearchRequest.of("主机名").withLanguage(Language.EN);
      assertEquals(List.of("hostname.txt", "host.txt"), liaison.search(english).hits().stream().map(Hit::id).toList());
      assertEquals(Map.of("hostname.txt", 1f, "host.txt", 0.70711f), factors(liaison, english));
    }
  }

  /**
   * Each hit's score with coordination over its score without: the factor it was given. Both
   * without the pages' renderings, whose evidence is added beside the coordinated query.
   */
  private static Map<String, Float> factors(Liaison liaison, String q) throws Exception {
    return factors(liaison, SearchRequest.of(q));
  }

  private static Map<String, Float> factors(Liaison liaison, SearchRequest request) throws Exception {
    Map<String, Float> without = new TreeMap<>();
    for (Hit h : liaison.search(request.withAblations(Set.of(Ablation.COORDINATION, Ablation.DOCUMENTS))).hits()) {
      without.put(h.id(), h.score());
    }
    Map<String, Float> out = new TreeMap<>();
    for (Hit h : liaison.search(request.withAblations(Set.of(Ablation.DOCUMENTS))).hits()) {
      out.put(h.id(), Math.round(h.score() / without.get(h.id()) * 1e5f) / 1e5f);
    }
    return out;
  }

  @Test
  void aShortQueryIsCoordinatedALongOneAndAnAblatedOneAreNot() {
    CoordinationQuery three = assertInstanceOf(CoordinationQuery.class, parser(true).parsePlain("set disk quotas"));
    assertEquals(LiaisonQueryParser.COORDINATION_EXPONENT, three.exponent(), 0f);
    // Five and six words are coordinated at a lower exponent, seven not at all.
    CoordinationQuery five = assertInstanceOf(CoordinationQuery.class,
        parser(true).parsePlain("set disk quotas remote users"));
    assertEquals(5, five.concepts().size(), five.toString());
    assertEquals(LiaisonQueryParser.LONGER_COORDINATION_EXPONENT, five.exponent(), 0f);
    assertTrue(five.exponent() < three.exponent());
    CoordinationQuery six = assertInstanceOf(CoordinationQuery.class,
        parser(true).parsePlain("set disk quotas remote users daily"));
    assertEquals(6, six.concepts().size(), six.toString());
    Query seven = parser(true).parsePlain("set disk quotas remote users daily limits");
    assertEquals(false, seven instanceof CoordinationQuery, seven.toString());
    Query longer = parser(true).parsePlain("report the disk usage and the limits of every user quota on remote file servers");
    assertEquals(false, longer instanceof CoordinationQuery, longer.toString());
    Query off = parser(true, Ablation.COORDINATION).parsePlain("set disk quotas");
    assertEquals(false, off instanceof CoordinationQuery, off.toString());
    assertEquals(false, parser(true).parsePlain("quotas") instanceof CoordinationQuery,
        "one word has nothing to coordinate");
    // With syntax: only the words the query still holds outside NOT are counted.
    CoordinationQuery withSyntax = assertInstanceOf(CoordinationQuery.class,
        parser(true).parseQuery("disk AND quota -printer"));
    assertEquals(2, withSyntax.concepts().size(), withSyntax.toString());
    Query notCounted = parser(true).parseQuery("quota -printer");
    assertEquals(false, notCounted instanceof CoordinationQuery, "one word and a NOT: " + notCounted);
    // A Chinese query's function words are searched but not counted, as an English query's are
    // dropped: 如何显示已安装的软件包包含的文件 counts 显示, 安装, 软件包, 包含, 文件.
    LiaisonQueryParser chinese = parser(true);
    CoordinationQuery withParticles = assertInstanceOf(CoordinationQuery.class,
        chinese.parsePlain("如何显示已安装的软件包包含的文件"));
    assertEquals(5, withParticles.concepts().size(), withParticles.toString());
    assertEquals(LiaisonQueryParser.LONGER_COORDINATION_EXPONENT, withParticles.exponent(), 0f);
    assertTrue(chinese.expansion().stream().map(Concept::source).toList().containsAll(List.of("如何", "已", "的")),
        "still searched: " + chinese.expansion());
  }
}
