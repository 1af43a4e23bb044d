package io.liaison.search;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.index.Fields;
import io.liaison.query.CorpusNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.util.IOFunction;

/**
 * {@link CorpusNames} answered from an index: the bigram field's term dictionary for the quick
 * test, a phrase of the segmenter's words in the title or body for the count. A search asks the
 * newest index its searcher manager holds; the language-version linker asks the commit it links.
 * Thread-safe.
 */
final class IndexedNames implements CorpusNames {
  /** The searcher manager a search's lookups acquire the newest index from; null for a fixed searcher. */
  private final ReferenceManager<IndexSearcher> manager;
  /** The one searcher the linker's lookups read; null with a manager. */
  private final IndexSearcher fixed;
  private final Analyzer analyzer;

  /** Answers from the newest index {@code manager} holds. */
  IndexedNames(ReferenceManager<IndexSearcher> manager, Analyzer analyzer) {
    this.manager = manager;
    this.fixed = null;
    this.analyzer = analyzer;
  }

  /** Answers from the one index {@code searcher} reads. */
  IndexedNames(IndexSearcher searcher, Analyzer analyzer) {
    this.manager = null;
    this.fixed = searcher;
    this.analyzer = analyzer;
  }

  @Override
  public Set<String> bigramsHeld(Collection<String> bigrams) {
    return ask(s -> {
      IndexReader reader = s.getIndexReader();
      Set<String> held = new LinkedHashSet<>();
      for (String bigram : bigrams) {
        if (reader.docFreq(new Term(Fields.HAN_BIGRAMS, bigram)) > 0) {
          held.add(bigram);
        }
      }
      return held;
    });
  }

  @Override
  public Map<String, Integer> documentsWith(Collection<String> names) {
    return ask(s -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String name : names) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        for (String field : List.of(Fields.TITLE, Fields.BODY)) {
          either.add(phrase(field, name), BooleanClause.Occur.SHOULD);
        }
        int n = s.count(either.build());
        if (n > 0) {
          counts.put(name, n);
        }
      }
      return counts;
    });
  }

  private <T> T ask(IOFunction<IndexSearcher, T> question) {
    try {
      if (manager == null) {
        return question.apply(fixed);
      }
      IndexSearcher s = manager.acquire();
      try {
        return question.apply(s);
      } finally {
        manager.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code han} as the segmenter's words side by side, at the positions the analyzer gives them. */
  private Query phrase(String field, String han) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (AnalyzedToken t : AnalyzedToken.analyze(analyzer, field, han)) {
      phrase.add(new Term(field, t.term()), t.position());
    }
    return phrase.build();
  }
}
