package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which pages a proximity clause matches, on pages written as their analysed terms. */
class ConceptProximityTest {
  private static final String FIELD = "body";

  private Directory dir;
  private DirectoryReader reader;

  @BeforeEach
  void index() throws IOException {
    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      // English: "check" beside the two words of "file system", in several arrangements.
      add(w, "exact", "check file system now");
      add(w, "gap", "check file of the system");
      add(w, "wide_gap", "check file one two three four system");
      add(w, "too_wide", "check file one two three four five system");
      add(w, "reversed", "check system file");
      // Chinese: 检查 beside 行号 (line number), whole or with a word between its parts.
      add(w, "han_exact", "检查 行 号");
      add(w, "han_gap", "检查 行 的 号");
      add(w, "han_wide_gap", "检查 行 的 的 号");
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void anEnglishPhraseIsNearWithUpToFourWordsAmongItsWordsInTheirOrder() throws IOException {
    List<Query> clauses = ConceptProximity.of(FIELD,
        List.of(List.of(List.of("check")), List.of(List.of("file", "system"))), List.of());
    assertEquals(1, clauses.size(), clauses.toString());
    assertEquals(Set.of("exact", "gap", "wide_gap"), matches(clauses.get(0)));
  }

  @Test
  void aChinesePhraseStaysExact() throws IOException {
    List<Query> clauses = ConceptProximity.of(FIELD,
        List.of(List.of(List.of("检查")), List.of(List.of("行", "号"))), List.of());
    assertEquals(1, clauses.size(), clauses.toString());
    assertEquals(Set.of("han_exact"), matches(clauses.get(0)));
  }

  @Test
  void aChinesePhraseWithAStopWordGapMatchesWithinTheWidthTheTextGivesIt() throws IOException {
    // "行 _ 号": the analyzer left the middle position empty, so the phrase spans three positions.
    List<Query> clauses = ConceptProximity.of(FIELD,
        List.of(List.of(List.of("检查")), List.of(List.of("行", "", "号"))), List.of());
    assertEquals(Set.of("han_exact", "han_gap"), matches(clauses.get(0)));
  }

  private Set<String> matches(Query q) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    StoredFields stored = searcher.storedFields();
    Set<String> ids = new TreeSet<>();
    for (ScoreDoc sd : searcher.search(q, 100).scoreDocs) {
      ids.add(stored.document(sd.doc).get("id"));
    }
    return ids;
  }

  private static void add(IndexWriter w, String id, String body) throws IOException {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    d.add(new TextField(FIELD, body, Field.Store.NO));
    w.addDocument(d);
  }
}
