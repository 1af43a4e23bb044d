package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.lexicon.Glossary;
import io.liaison.index.Fields;
import io.liaison.ingest.ExtractedDocument;
import io.liaison.ingest.Language;
import io.liaison.query.AliasTable;
import io.liaison.query.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The title and alias columns that start-up reads instead of the stored documents: they must give
 * what the stored fields give, also for indexes written before the columns existed.
 */
class IndexColumnsTest {
  @TempDir Path dir;

  private static ExtractedDocument doc(String id, String title, String body) {
    return new ExtractedDocument(id, title, body, Language.EN, "", body.length(), 0L, "h" + id);
  }

  /** A document as indexes held it before the title and alias columns: stored fields only. */
  private static Document storedOnly(ExtractedDocument d, List<String> aliases) {
    Document doc = Fields.toDocument(d, aliases);
    doc.removeFields(Fields.TITLE_COLUMN);
    doc.removeFields(Fields.ALIAS_COLUMN);
    return doc;
  }

  /**
   * Documents written before the columns existed (stored fields only) and after, with a deleted
   * document of each kind: in two segments, or merged into one ({@code merged}).
   */
  private Path mixedIndex(boolean merged) throws Exception {
    Path index = dir.resolve(merged ? "merged" : "index");
    IndexWriterConfig config = new IndexWriterConfig(Fields.analyzer(true))
        .setMergePolicy(merged ? new TieredMergePolicy() : NoMergePolicy.INSTANCE);
    try (FSDirectory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, config)) {
      w.addDocument(storedOnly(doc("old/a.txt", "Zeta handbook", "x"), List.of("Silk Road Fund\t丝路基金")));
      w.addDocument(storedOnly(doc("old/b.txt", "  ", "y"), List.of()));
      w.addDocument(storedOnly(doc("old/gone.txt", "Gone title", "z"), List.of("Gone Name\tGN")));
      w.commit();
      w.addDocument(Fields.toDocument(doc("new/c.txt", "Alpha guide", "The China Economic Cooperation Center runs trade fairs."),
          List.of("China Economic Cooperation Center\tCECC", "Silk Road Fund\t丝路基金")));
      w.addDocument(Fields.toDocument(doc("new/d.txt", "经济联络", "y"), List.of()));
      w.addDocument(Fields.toDocument(doc("new/gone.txt", "Also gone", "z"), List.of("Deleted Thing\tDT")));
      w.deleteDocuments(new Term(Fields.ID, "old/gone.txt"), new Term(Fields.ID, "new/gone.txt"));
      if (merged) {
        w.forceMerge(1);
      }
      w.commit();
    }
    return index;
  }

  @Test
  void aliasesRoundTripThroughTheirColumnInOrder() {
    List<String> aliases = List.of("中国经济联络中心\tChina Economic Liaison Center", "a\tb", "x\ty\nz", "");
    assertEquals(aliases, Fields.decodeAliases(Fields.encodeAliases(aliases)));
    assertEquals(List.of(), Fields.decodeAliases(Fields.encodeAliases(List.of())));
  }

  @ParameterizedTest(name = "merged={0}")
  @ValueSource(booleans = {false, true})
  void theAliasTableIsTheSameFromColumnsAndFromStoredFieldsAndSkipsDeletedDocuments(boolean merged) throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(mixedIndex(merged)))) {
      assertEquals(merged ? 1 : 2, reader.leaves().size());
      AliasTable read = AliasTable.read(reader);
      AliasTable expected = AliasTable.of(Map.of(
          "old/a.txt", List.of("Silk Road Fund\t丝路基金"),
          "new/c.txt", List.of("China Economic Cooperation Center\tCECC", "Silk Road Fund\t丝路基金")));
      assertEquals(expected.size(), read.size());
      for (String name : List.of("Silk Road Fund", "丝路基金", "cecc", "China Economic Cooperation Center")) {
        assertEquals(expected.aliasesOf(name), read.aliasesOf(name), name);
      }
      assertEquals(Map.of("丝路基金", List.of("new/c.txt", "old/a.txt")), read.aliasesOf("silk road fund"));
      assertEquals(Map.of(), read.aliasesOf("GN"));
      assertEquals(Map.of(), read.aliasesOf("DT"));
    }
  }

  @ParameterizedTest(name = "merged={0}")
  @ValueSource(booleans = {false, true})
  void titlesAreTheSameFromColumnsAndFromStoredFieldsSortedWithoutBlanksOrDeletedDocuments(boolean merged)
      throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(mixedIndex(merged)))) {
      assertEquals(List.of("Alpha guide", "Zeta handbook", "经济联络"), LocalSuggestionIndex.titles(reader));
    }
  }

  @Test
  void titlesAreSuggestedRightAfterOpening() throws Exception {
    Path index = mixedIndex(false);
    try (Suggester s = new Suggester(new LocalSuggestionIndex(index), Glossary::empty)) {
      // No wait: the titles may still be loading in the background, and suggest must not miss them.
      assertEquals(new Suggester.Suggestion("Alpha guide", "title", 1), s.suggest("alpha", 4).get(0));
      assertEquals(new Suggester.Suggestion("经济联络", "title", 1), s.suggest("經濟", 4).get(0));
    }
  }

  @Test
  void minedAliasesTranslateTheFirstQueryAfterOpening() throws Exception {
    Path index = mixedIndex(false);
    try (Liaison liaison = Liaison.open(index)) {
      SearchResponse r = liaison.search(SearchRequest.of("CECC"));
      assertTrue(r.expansion().stream().flatMap(c -> c.alternatives().stream())
          .anyMatch(a -> a.origin() == Origin.ALIAS && a.text().equals("China Economic Cooperation Center")
              && a.documents().equals(List.of("new/c.txt"))), r.expansion().toString());
      assertEquals("new/c.txt", r.hits().get(0).id());
    }
  }
}
