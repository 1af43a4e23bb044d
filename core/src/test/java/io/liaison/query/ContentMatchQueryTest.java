package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.tests.search.CheckHits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A content match finds what {@code +in #(content...)} finds, with the same scores, however it is
 * searched: top hits (its bulk scorer, pruned), inside another Boolean query (its scorer), counted,
 * explained, highlighted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentMatchQueryTest {
  private static final String[] WORDS = {"的", "的", "的", "已", "已", "安装", "软件包", "文件", "天气", "filler", "filler"};

  private ByteBuffersDirectory dir;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  @BeforeAll
  void index() throws IOException {
    dir = new ByteBuffersDirectory();
    Random random = new Random(20261205);
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setMaxBufferedDocs(1_500); // several segments
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < 6_000; i++) {
        StringBuilder body = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int k = 0; k < length; k++) {
          body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        Document d = new Document();
        d.add(new StringField("id", "d" + i, Field.Store.YES));
        d.add(new TextField("body", body.toString(), Field.Store.NO));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  void close() throws IOException {
    reader.close();
    dir.close();
  }

  private static Query term(String word) {
    return new TermQuery(new Term("body", word));
  }

  /** 已安装的软件包: the function words 已 and 的 beside 安装, 软件包 and the phrase 安装 软件包. */
  private static List<Query> clauses() {
    return List.of(term("已"), term("安装"), term("的"), term("软件包"), new PhraseQuery("body", "安装", "软件包"));
  }

  private static List<Query> content() {
    List<Query> all = clauses();
    return List.of(all.get(1), all.get(3), all.get(4));
  }

  private static Query disjunction(List<Query> clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    clauses.forEach(c -> b.add(c, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  private static Query contentMatch() {
    return new ContentMatchQuery(disjunction(clauses()), content());
  }

  /** The same thing as Boolean clauses: the disjunction, required, and one content clause as a filter. */
  private static Query reference() {
    return new BooleanQuery.Builder()
        .add(disjunction(clauses()), BooleanClause.Occur.MUST)
        .add(disjunction(content()), BooleanClause.Occur.FILTER).build();
  }

  @Test
  void topHitsAreTheReferencesWithTheSameScores() throws IOException {
    for (int n : new int[] {1, 10, 100, 7_000}) {
      TopDocs expected = searcher.search(reference(), n);
      TopDocs actual = searcher.search(contentMatch(), n);
      assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, "top " + n);
      for (int i = 0; i < expected.scoreDocs.length; i++) {
        assertEquals(expected.scoreDocs[i].doc, actual.scoreDocs[i].doc, "top " + n + ", rank " + i);
        assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, 1e-5f, "top " + n + ", rank " + i);
      }
    }
    // Every document found has a content word; some that have only 的 or 已 are not found.
    int all = searcher.count(disjunction(clauses()));
    int content = searcher.count(disjunction(content()));
    assertTrue(content < all, content + " of " + all);
    assertEquals(content, searcher.search(contentMatch(), 7_000).scoreDocs.length);
    assertEquals(content, searcher.count(contentMatch()));
    assertEquals(content, searcher.count(contentMatch()), "counted again");
  }

  @Test
  void insideAnotherBooleanQueryItIsScoredDocumentByDocument() throws IOException {
    // Beside a required word, the content match is a clause's scorer: the same documents and scores.
    Query withFile = new BooleanQuery.Builder().add(contentMatch(), BooleanClause.Occur.MUST)
        .add(term("文件"), BooleanClause.Occur.MUST).build();
    Query expected = new BooleanQuery.Builder().add(reference(), BooleanClause.Occur.MUST)
        .add(term("文件"), BooleanClause.Occur.MUST).build();
    ScoreDoc[] a = searcher.search(expected, 7_000).scoreDocs;
    ScoreDoc[] b = searcher.search(withFile, 7_000).scoreDocs;
    assertTrue(a.length > 100, "enough documents to compare: " + a.length);
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].doc, b[i].doc, "rank " + i);
      assertEquals(a[i].score, b[i].score, 1e-5f, "rank " + i);
    }
    CheckHits.checkExplanations(withFile, "body", searcher, true);
  }

  @Test
  void aDocumentWithOnlyTheFunctionWordsIsExplainedAsNoMatchAndHasNoMatches() throws IOException {
    Query q = searcher.rewrite(contentMatch());
    Weight w = searcher.createWeight(q, ScoreMode.COMPLETE, 1f);
    int checked = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Weight functionWords = searcher.createWeight(searcher.rewrite(disjunction(List.of(term("已"), term("的")))), ScoreMode.COMPLETE_NO_SCORES, 1f);
      Weight anyContent = searcher.createWeight(searcher.rewrite(disjunction(content())), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (int doc = 0; doc < leaf.reader().maxDoc() && checked < 50; doc++) {
        boolean function = functionWords.matches(leaf, doc) != null;
        boolean words = anyContent.matches(leaf, doc) != null;
        if (function && !words) {
          assertFalse(w.explain(leaf, doc).isMatch(), "doc " + doc);
          assertNull(w.matches(leaf, doc), "doc " + doc);
          checked++;
        } else if (function && words) {
          assertTrue(w.explain(leaf, doc).isMatch(), "doc " + doc);
          assertNotNull(w.matches(leaf, doc), "doc " + doc);
        }
      }
    }
    assertTrue(checked > 0, "some documents hold only function words");
    CheckHits.checkExplanations(contentMatch(), "body", searcher, true);
  }

  @Test
  void itsMatchSetIsItsContentAndRewritingKeepsIt() throws IOException {
    ContentMatchQuery q = (ContentMatchQuery) contentMatch();
    assertEquals(searcher.count(q.matchSet()), searcher.count(q));
    Query rewritten = searcher.rewrite(q);
    assertTrue(rewritten instanceof ContentMatchQuery, rewritten.toString());
    assertEquals(searcher.count(q), searcher.count(rewritten));
    assertEquals(q, contentMatch());
    assertEquals(q.hashCode(), contentMatch().hashCode());
    List<Query> fewer = new ArrayList<>(content());
    fewer.remove(2);
    assertFalse(q.equals(new ContentMatchQuery(disjunction(clauses()), fewer)));
  }
}
