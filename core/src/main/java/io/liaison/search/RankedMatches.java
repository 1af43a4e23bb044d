package io.liaison.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * The best hits of a query in {@link Searcher#RANKING} order, with the exact number of matches
 * and exact facet counts, found in two passes over the index.
 *
 * <p>One pass that both ranks and counts has to score every match. Instead, the first pass
 * counts and facets every match without scoring any ({@code COMPLETE_NO_SCORES}: postings are
 * read without frequencies, norms are not read), and the second scores only the documents that
 * can still enter the top {@code wanted}: its collector hands the scorer the lowest score on the
 * page so far, and Lucene's MaxScore and block-max machinery skips what cannot beat it. A
 * document that ties that score is still collected, so ties keep their order by id.
 *
 * <p>Scores are the ones a single exhaustive pass gives: the Boolean scorers of both modes add
 * clause scores in a {@code double} before rounding to {@code float}, and a sum of a few floats
 * is exact in a double whatever the order, so pruning changes which documents are scored, never a
 * score.
 *
 * @param top the best {@code wanted} hits; their {@code totalHits} is only a lower bound, use
 *     {@link #total()}
 * @param total the exact number of matching documents
 * @param facets the exact counts per facet field and value, as {@link FacetCounts} gives them
 */
record RankedMatches(TopDocs top, long total, Map<String, Map<String, Long>> facets) {

  /** The page of a search stopped by its time limit, which the caller reports as such. */
  private static final TopDocs NO_PAGE = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

  /**
   * Runs both passes on {@code searcher}; the searcher's time limit applies to each.
   *
   * @param wanted how many of the best hits to keep, at least 1
   */
  static RankedMatches search(IndexSearcher searcher, Query query, int wanted) throws IOException {
    // Rewritten once for both passes.
    Query rewritten = searcher.rewrite(query);
    FacetCounts.Result counts = searcher.search(rewritten, new FacetCounts());
    if (searcher.timedOut()) {
      return new RankedMatches(NO_PAGE, counts.total(), counts.facets());
    }
    // A total-hits threshold of `wanted` (not Integer.MAX_VALUE) lets the collector prune.
    TopDocs top = searcher.search(rewritten, new TopFieldCollectorManager(Searcher.RANKING, wanted, null, wanted));
    return new RankedMatches(top, counts.total(), counts.facets());
  }
}
