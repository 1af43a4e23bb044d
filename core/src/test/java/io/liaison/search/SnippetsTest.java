package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.Fields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Snippets from a body handed to {@link Snippets#of} are those the highlighter makes reading the
 * stored field itself, up to its length limit: what lets {@link Searcher} read each hit's stored
 * fields once.
 */
class SnippetsTest {
  @Test
  void aHandedOverBodyGivesTheSnippetsOfTheStoredField() throws IOException {
    String filler = "The module loads & unloads <quietly>. ".repeat(300); // over 10 000 characters
    List<String> bodies = List.of(
        "the kernel module loads at boot; a kernel panic stops it",
        "nothing to see here",
        filler + " kernel module after the highlighter's limit",
        "kernel module " + filler + " kernel module again",
        "a  kernel\n\nmodule   with   spaces");
    Analyzer analyzer = new WhitespaceAnalyzer();
    try (ByteBuffersDirectory dir = indexed(bodies, analyzer)) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int[] docs = {0, 1, 2, 3, 4};
        for (Query q : List.of(new TermQuery(new Term(Fields.BODY, "kernel")), new PhraseQuery(Fields.BODY, "kernel", "module"))) {
          List<List<String>> stored = Snippets.of(searcher, analyzer, q, Fields.BODY, docs, null);
          List<List<String>> handed = Snippets.of(searcher, analyzer, q, Fields.BODY, docs, bodies::get);
          assertEquals(stored, handed, q.toString());
          // The cases differ: a match, none, a match only past the limit, one before it.
          assertTrue(String.join(" ", stored.get(0)).contains("<mark>kernel"), q + ": first");
          assertFalse(String.join(" ", stored.get(2)).contains("<mark>"), q + ": past the limit");
          assertTrue(String.join(" ", stored.get(3)).contains("<mark>kernel"), q + ": before the limit");
        }
      }
    }
  }

  @Test
  void aDocumentWhoseMatchesOverrunLuceneGetsItsOpeningUnmarkedAndTheRestTheirSnippets() throws IOException {
    // Lucene 10.3's CachingMatchesIterator overruns an array for an interval of about fifty
    // sub-matches (seen on a Debian Reference page under a proximity clause): the search must not fail.
    Analyzer analyzer = new WhitespaceAnalyzer();
    try (ByteBuffersDirectory dir = indexed(List.of("the kernel module loads at boot", "a kernel panic stops it"), analyzer)) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query kernel = new TermQuery(new Term(Fields.BODY, "kernel"));
        Query q = new BooleanQuery.Builder()
            .add(kernel, BooleanClause.Occur.SHOULD)
            .add(new OverrunOn(0, new TermQuery(new Term(Fields.BODY, "boot"))), BooleanClause.Occur.SHOULD)
            .build();
        List<List<String>> snippets = Snippets.of(searcher, analyzer, q, Fields.BODY, new int[] {0, 1}, null);
        assertEquals(List.of("the kernel module loads at boot"), snippets.get(0), "the opening, unmarked");
        assertEquals(List.of("a <mark>kernel</mark> panic stops it"), snippets.get(1));
      }
    }
  }

  /** The bodies, one document each, stored and with positions and offsets in the postings. */
  private static ByteBuffersDirectory indexed(List<String> bodies, Analyzer analyzer) throws IOException {
    FieldType text = new FieldType();
    text.setTokenized(true);
    text.setStored(true);
    text.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    text.freeze();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (String body : bodies) {
        Document doc = new Document();
        doc.add(new Field(Fields.BODY, body, text));
        writer.addDocument(doc);
      }
    }
    return dir;
  }

  /** A query whose {@code matches} fails on one document as Lucene's overrun does. */
  private static final class OverrunOn extends Query {
    private final int doc;
    private final Query in;

    OverrunOn(int doc, Query in) {
      this.doc = doc;
      this.in = in;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      return new FilterWeight(this, in.createWeight(searcher, scoreMode, boost)) {
        @Override
        public Matches matches(LeafReaderContext context, int d) throws IOException {
          if (context.docBase + d == doc) {
            throw new ArrayIndexOutOfBoundsException("Index 50 out of bounds for length 50");
          }
          return super.matches(context, d);
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
      return "overrunOn(" + doc + ", " + in.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && doc == ((OverrunOn) other).doc && in.equals(((OverrunOn) other).in);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * classHash() + doc) + in.hashCode();
    }
  }
}
