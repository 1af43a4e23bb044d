package io.liaison.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.ingest.Language;
import io.liaison.lexicon.DocumentRenderer;
import io.liaison.lexicon.Lexicon;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class RenderedTermsTest {
  static final DocumentRenderer renderer = new DocumentRenderer(Lexicon.defaultLexicon());
  static final Analyzer analyzer = Fields.analyzer(true);

  static final String ENGLISH = "A system call returns the status of the process. The system call fails when the files are missing.";
  static final String CHINESE = "系統調用返回進程的狀態。文件不存在時，系統調用失敗。";

  static List<String> analysed(String text) {
    return AnalyzedToken.analyze(analyzer, Fields.RENDERED, text).stream().map(AnalyzedToken::term).toList();
  }

  @Test
  void theTermsAreThoseOfAnalysingTheJoinedRendering() {
    RenderedTerms terms = new RenderedTerms(analyzer);
    for (String text : List.of(ENGLISH, CHINESE)) {
      Language language = Language.detect(text);
      List<String> translations = renderer.translations(text, language);
      assertEquals(renderer.render(text, language), String.join(" ", translations));
      List<String> expected = analysed(renderer.render(text, language));
      assertTrue(expected.size() > 5, text);
      // Some translation is more than one term (SmartCN cuts a Chinese one, an English one has
      // words or stop words), so the case the memo must get right is there.
      assertTrue(translations.stream().anyMatch(t -> analysed(t).size() != 1), translations.toString());
      assertEquals(expected, terms.of(translations), "first time: analysed");
      assertEquals(expected, terms.of(translations), "second time: remembered");
    }
  }

  @Test
  void theStreamIndexesTheFrequenciesAndLengthOfTheText() throws IOException {
    String rendered = renderer.render(ENGLISH, Language.EN);
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        Document text = new Document();
        text.add(new StringField("kind", "text", Field.Store.YES));
        text.add(new Field(Fields.RENDERED, rendered, type));
        w.addDocument(text);
        Document stream = new Document();
        stream.add(new StringField("kind", "stream", Field.Store.YES));
        stream.add(new Field(Fields.RENDERED, RenderedTerms.stream(new RenderedTerms(analyzer).of(
            renderer.translations(ENGLISH, Language.EN))), type));
        w.addDocument(stream);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().get(0).reader();
        StoredFields stored = leaf.storedFields();
        Map<String, Map<String, Integer>> freqs = new HashMap<>();
        Terms terms = leaf.terms(Fields.RENDERED);
        TermsEnum te = terms.iterator();
        BytesRef t;
        while ((t = te.next()) != null) {
          PostingsEnum p = te.postings(null, PostingsEnum.FREQS);
          while (p.nextDoc() != PostingsEnum.NO_MORE_DOCS) {
            freqs.computeIfAbsent(stored.document(p.docID()).get("kind"), k -> new HashMap<>()).put(t.utf8ToString(), p.freq());
          }
        }
        assertTrue(freqs.get("text").values().stream().anyMatch(f -> f > 1), "a repeated translation");
        assertEquals(freqs.get("text"), freqs.get("stream"));
        NumericDocValues norms = leaf.getNormValues(Fields.RENDERED);
        Map<String, Long> lengths = new HashMap<>();
        for (int d = 0; d < leaf.maxDoc(); d++) {
          norms.advanceExact(d);
          lengths.put(stored.document(d).get("kind"), norms.longValue());
        }
        assertEquals(lengths.get("text"), lengths.get("stream"));
      }
    }
  }
}
