package io.liaison.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * Match offsets from the postings, as Lucene's {@link PostingsOffsetStrategy} finds them with the
 * query's {@link Matches}, but with the query rewritten and its weight created once per index
 * segment instead of once per highlighted document.
 *
 * <p>Lucene's strategy does both for every document: for a translated query, dozens of terms
 * looked up again for each of the ten hits on a page. Here the weight is kept while consecutive
 * documents come from the same segment (the highlighter visits them in document order). The
 * rewrite still runs against a searcher over that one segment, as Lucene's does, so a fuzzy or
 * wildcard query expands to the same terms and the offsets, hence the snippets, are the same.
 *
 * <p>One instance serves one highlighting call on one thread.
 */
final class LeafWeightOffsetStrategy extends PostingsOffsetStrategy {
  private LeafReader segment; // the segment the weight below was made for
  private LeafReader remapped;
  private Weight weight;

  LeafWeightOffsetStrategy(UHComponents components) {
    super(components);
  }

  @Override
  protected void createOffsetsEnumsWeightMatcher(LeafReader leafReader, int docId, List<OffsetsEnum> results)
      throws IOException {
    if (leafReader != segment) {
      remapped = remapFields(leafReader);
      IndexSearcher searcher = new IndexSearcher(remapped);
      searcher.setQueryCache(null);
      weight = searcher.rewrite(components.query()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1.0f);
      segment = leafReader;
    }
    Matches matches;
    try {
      matches = weight.matches(remapped.getContext(), docId);
    } catch (ArrayIndexOutOfBoundsException e) {
      // Lucene 10.3's CachingMatchesIterator (under an unordered interval query, as proximity
      // builds) grows its two arrays apart, and an interval with about fifty sub-matches overruns
      // one. The search itself does not use it; the document's snippet is its opening, unmarked,
      // rather than the whole search failing. SnippetsTest only simulates the exception: after a
      // Lucene upgrade, the Reference's s2t headings on a --no-t2s index (bench/crosslang) show
      // whether this is still needed.
      return;
    }
    if (matches == null) {
      return; // the document does not match
    }
    for (String field : matches) {
      if (components.fieldMatcher().test(field)) {
        MatchesIterator iterator = matches.getMatches(field);
        if (iterator != null) {
          results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
        }
      }
    }
  }

  /** As in Lucene's strategy: the fields the field matcher accepts read as the highlighted field. */
  private LeafReader remapFields(LeafReader leafReader) {
    return new FilterLeafReader(leafReader) {
      @Override
      public Terms terms(String field) throws IOException {
        return super.terms(components.fieldMatcher().test(field) ? components.field() : field);
      }

      @Override
      public CacheHelper getCoreCacheHelper() {
        return null;
      }

      @Override
      public CacheHelper getReaderCacheHelper() {
        return null;
      }
    };
  }
}
