package io.liaison.search;

import io.liaison.index.Fields;
import io.liaison.query.ConceptProximity;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * The best hits of a query in {@link Searcher#RANKING} order, with the exact number of matches
 * and exact facet counts, found in two passes over the index.
 *
 * <p>One pass that both ranks and counts has to score every match. Instead, the first pass
 * counts and facets every match without scoring any ({@code COMPLETE_NO_SCORES}: postings are
 * read without frequencies, norms are not read), through a {@link MatchSetQuery} that matches the
 * same documents without checking phrase positions where a phrase's word already decides; the
 * second scores only the documents that can still enter the top {@code wanted}: its collector
 * hands the scorer the lowest score on the page so far, and Lucene's MaxScore and block-max
 * machinery skips what cannot beat it. A document that ties that score is still collected, so
 * ties keep their order by id.
 *
 * <p>Scores are the ones a single exhaustive pass gives: the Boolean scorers of both modes add
 * clause scores in a {@code double} before rounding to {@code float}, and a sum of a few floats
 * is exact in a double whatever the order, so pruning changes which documents are scored, never a
 * score.
 *
 * @param top the best {@code wanted} hits (of each language group, when asked for), in
 *     {@link Searcher#RANKING} order within a group; their {@code totalHits} is only a lower bound,
 *     use {@link #total()}
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
   * @param byLanguage keep the best {@code wanted} of each language group ({@link
   *     LanguageBalance}: English, and documents holding Chinese) instead of overall, for a merge;
   *     when the matches are all in one group this is the same as overall and costs nothing more
   */
  static RankedMatches search(IndexSearcher searcher, Query query, int wanted, boolean byLanguage) throws IOException {
    return search(searcher, query, wanted, byLanguage, null);
  }

  /**
   * As {@link #search(IndexSearcher, Query, int, boolean)}, with {@code evidence} (null: none)
   * added to the scores of the query's best hits: it adds to scores only, so the matches, their
   * count and the facets are the query's. The query's proximity clauses ({@link
   * ConceptProximity}) are scored on those best hits too, not on every match: the ranking pass
   * goes without them, and its best hits are scored by the whole query ({@link WindowRescorer}).
   */
  static RankedMatches search(IndexSearcher searcher, Query query, int wanted, boolean byLanguage, Query evidence)
      throws IOException {
    // Rewritten once for all passes.
    Query rewritten = searcher.rewrite(query);
    FacetCounts.Result counts = searcher.search(MatchSetQuery.of(rewritten), new FacetCounts());
    if (searcher.timedOut()) {
      return new RankedMatches(NO_PAGE, counts.total(), counts.facets());
    }
    Map<String, Long> languages = counts.facets().getOrDefault(Fields.LANG, Map.of());
    long english = languages.getOrDefault(LanguageBalance.ENGLISH, 0L);
    // Proximity only adds to the score of a page its concepts match (ConceptProximity.without).
    Query withoutProximity = ConceptProximity.without(query, ConceptProximity::isProximity);
    Query ranking = withoutProximity == query ? rewritten : searcher.rewrite(withoutProximity);
    WindowRescorer rescorer = counts.total() == 0 ? null
        : WindowRescorer.of(searcher, ranking == rewritten ? null : rewritten, evidence);
    if (!byLanguage || english == 0 || english == counts.total()) {
      TopDocs top = top(searcher, ranking, WindowRescorer.window(rescorer, wanted));
      if (rescorer != null) {
        top = new TopFieldDocs(top.totalHits, rescorer.rescore(top.scoreDocs, wanted), Searcher.RANKING.getSort());
      }
      return new RankedMatches(top, counts.total(), counts.facets());
    }
    TopDocs best = searcher.search(ranking, new ByLanguageTopHits(wanted, rescorer));
    return new RankedMatches(best, counts.total(), counts.facets());
  }

  /** The best {@code wanted} in {@link Searcher#RANKING} order; a total-hits threshold of {@code wanted} lets the collector prune. */
  private static TopDocs top(IndexSearcher searcher, Query query, int wanted) throws IOException {
    return searcher.search(query, new TopFieldCollectorManager(Searcher.RANKING, wanted, null, wanted));
  }
}
