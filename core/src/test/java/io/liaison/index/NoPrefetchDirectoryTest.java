package io.liaison.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches through the wrapper find what they find without it, and no prefetch gets through. */
class NoPrefetchDirectoryTest {
  @TempDir static Path indexDir;

  @BeforeAll
  static void writeIndex() throws IOException {
    try (Directory dir = new MMapDirectory(indexDir);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      String[] words = {"economic", "liaison", "centre", "trade", "office", "report", "policy"};
      for (int i = 0; i < 3000; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", "d" + i, Field.Store.YES));
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          body.append(words[(i * 7 + w * w + i / 13) % words.length]).append(' ');
        }
        body.append("word").append(i % 211);
        doc.add(new TextField("body", body.toString(), Field.Store.YES));
        doc.add(new NumericDocValuesField("rank", i % 97));
        writer.addDocument(doc);
        if (i % 500 == 499) {
          writer.commit(); // several segments, so that lookups run per segment
        }
      }
    }
  }

  @Test
  void searchesFindTheSameHitsAndPrefetchNeverReachesTheDirectory() throws IOException {
    AtomicInteger plain = new AtomicInteger();
    AtomicInteger wrapped = new AtomicInteger();
    String[] plainResults;
    String[] wrappedResults;
    try (Directory dir = new CountingPrefetch(new MMapDirectory(indexDir), plain)) {
      plainResults = searchAll(dir);
    }
    try (Directory dir =
        new NoPrefetchDirectory(new CountingPrefetch(new MMapDirectory(indexDir), wrapped))) {
      wrappedResults = searchAll(dir);
    }
    assertTrue(plain.get() > 0, "Lucene prefetches through an unwrapped directory: the probe works");
    assertEquals(0, wrapped.get(), "prefetch calls that reached the wrapped directory");
    assertTrue(plainResults.length > 20);
    assertArrayEquals(plainResults, wrappedResults);
  }

  /** Term, boolean and sorted searches, with stored fields and doc values read for every hit. */
  private static String[] searchAll(Directory dir) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query[] queries = {
        new TermQuery(new Term("body", "liaison")),
        new TermQuery(new Term("body", "word17")),
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("body", "economic")), Occur.SHOULD)
            .add(new TermQuery(new Term("body", "word5")), Occur.SHOULD)
            .add(new TermQuery(new Term("body", "policy")), Occur.MUST)
            .build(),
      };
      StringBuilder out = new StringBuilder();
      for (Query q : queries) {
        for (TopDocs top :
            new TopDocs[] {
              searcher.search(q, 10),
              searcher.search(q, 10, new Sort(new SortField("rank", SortField.Type.INT, true)))
            }) {
          out.append(q).append(" total=").append(top.totalHits).append('\n');
          for (ScoreDoc sd : top.scoreDocs) {
            out.append(searcher.storedFields().document(sd.doc).get("id"))
                .append(' ')
                .append(sd instanceof FieldDoc fd ? Arrays.toString(fd.fields) : sd.score)
                .append('\n');
          }
        }
      }
      return out.toString().split("\n");
    }
  }

  /** Counts the prefetch calls that reach a directory's inputs, their clones and slices. */
  private static final class CountingPrefetch extends FilterDirectory {
    private final AtomicInteger count;

    CountingPrefetch(Directory in, AtomicInteger count) {
      super(in);
      this.count = count;
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
      return new Counting(in.openInput(name, context), count);
    }

    private static final class Counting extends FilterIndexInput {
      private final AtomicInteger count;

      Counting(IndexInput in, AtomicInteger count) {
        super("Counting(" + in + ")", in);
        this.count = count;
      }

      @Override
      public void prefetch(long offset, long length) throws IOException {
        count.incrementAndGet();
        in.prefetch(offset, length);
      }

      @Override
      public IndexInput clone() {
        return new Counting(in.clone(), count);
      }

      @Override
      public IndexInput slice(String description, long offset, long length) throws IOException {
        return new Counting(in.slice(description, offset, length), count);
      }

      @Override
      public IndexInput slice(String description, long offset, long length, IOContext context)
          throws IOException {
        return new Counting(in.slice(description, offset, length, context), count);
      }
    }
  }
}
