package io.liaison.ingest;

import io.liaison.index.Fields;
import io.liaison.search.Snippets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/** What search makes of an extracted document: the tokens of a text, the snippets of a word. */
final class AsIndexed {
  private static final Analyzer ANALYZER = Fields.analyzer(true);

  private AsIndexed() {}

  /** The tokens the body field's analyzer makes of {@code text}, in order. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The body snippets of {@code d} for one word, as a search shows them; empty when the word is not found. */
  static List<String> snippets(ExtractedDocument d, String word) throws IOException {
    List<String> terms = tokens(word);
    if (terms.size() != 1) {
      throw new IllegalArgumentException("not one token: " + word + " " + terms);
    }
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(ANALYZER))) {
        writer.addDocument(Fields.toDocument(d, List.of()));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        TermQuery query = new TermQuery(new Term(Fields.BODY, terms.get(0)));
        if (searcher.count(query) == 0) {
          return List.of();
        }
        return Snippets.of(searcher, ANALYZER, query, Fields.BODY, new int[] {0}, null).get(0);
      }
    }
  }
}
