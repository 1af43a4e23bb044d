package io.liaison.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.liaison.Liaison;
import io.liaison.backend.OpenSearchCluster;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTest {
  @TempDir Path dir;

  @Test
  void searchesScoreWithLiaisonsBm25ParametersNotLucenesDefaults() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    // One page says liaison four times in a long body, the other once in a short one: how the
    // count saturates and how length discounts it decide their scores.
    Files.writeString(corpus.resolve("a.txt"), "Memo\nThe liaison office, the liaison officer, a liaison visit and a liaison"
        + " report were all discussed at length during the long afternoon meeting of the delegation.\n");
    Files.writeString(corpus.resolve("b.txt"), "Note\nA liaison.\n");
    Path index = dir.resolve("index");
    Liaison.index(corpus, index);

    List<Hit> hits;
    try (Liaison liaison = Liaison.open(index)) {
      hits = liaison.search(SearchRequest.of("body:liaison").withTranslate(false)).hits();
    }
    assertEquals(2, hits.size(), hits.toString());
    try (FSDirectory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
      for (Hit hit : hits) {
        assertEquals(score(reader, new BM25Similarity(Scoring.K1, Scoring.B), hit.id()), hit.score(), 1e-5f, hit.id());
      }
      // The long page is where the parameters tell most (the short one scores nearly alike).
      Hit longPage = hits.stream().filter(h -> h.id().equals("a.txt")).findFirst().orElseThrow();
      assertNotEquals(score(reader, new BM25Similarity(), "a.txt"), longPage.score(), 1e-2f);
    }
  }

  @Test
  void theClusterIndexIsCreatedWithTheSameParameters() throws Exception {
    // The settings the remote backend creates a cluster index with (bundled from the plugin module).
    try (InputStream in = OpenSearchCluster.class.getResourceAsStream(OpenSearchCluster.INDEX_TEMPLATE);
        JsonReader r = Json.createReader(in)) {
      JsonObject bm25 = r.readObject().getJsonObject("settings").getJsonObject("similarity").getJsonObject("default");
      assertEquals("BM25", bm25.getString("type"));
      assertEquals(Scoring.K1, bm25.getJsonNumber("k1").doubleValue(), 1e-6);
      assertEquals(Scoring.B, bm25.getJsonNumber("b").doubleValue(), 1e-6);
    }
  }

  private static float score(DirectoryReader reader, BM25Similarity similarity, String id) throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.BODY, "liaison")), 10);
    var stored = searcher.storedFields();
    for (var sd : top.scoreDocs) {
      if (id.equals(stored.document(sd.doc).get(Fields.ID))) {
        return sd.score;
      }
    }
    throw new AssertionError(id + " does not match body:liaison");
  }
}
