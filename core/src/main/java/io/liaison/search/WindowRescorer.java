package io.liaison.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Scores the hits a first pass ranked ({@link #window} of them) in full, and ranks them again. Two
 * parts of a translated query's score are left out of that first pass, which finds the window by
 * dynamic pruning over every match, and computed here on the window only:
 *
 * <ul>
 *   <li>the query's proximity clauses ({@link io.liaison.query.ConceptProximity}): the first pass
 *       ranks by the query without them, and each hit of the window gets the whole query's score,
 *       the one an exhaustive pass would give it;
 *   <li>the pages' renderings ({@link io.liaison.query.LiaisonQueryParser#renderedEvidence}),
 *       whose score is added to that.
 * </ul>
 *
 * <p>Both only add to the score of a page the query matches, so the matches, their count and
 * the facets stay the query's, and a page's score is what a clause beside the query would give;
 * only a page outside the first pass's window can no longer climb into the results.
 *
 * <p>Why the renderings: as one clause of the query beside it ({@code +query evidence}) they cost
 * a Chinese question on the 100k benchmark index two and a half times the time of the search
 * without them (p50 14 ms to 36 ms, bench/perf/RESULTS.md, session 54): their terms' postings
 * (the Chinese translations of common English words) are long, and an optional clause raises
 * every page's possible score, so the top-hits pruning skips less. The evidence weighs 0.3 of the
 * query: a page the query alone ranks below the window stays down (measured on both benchmarks'
 * 32 sets: every MRR@10 the same as with the clause; ten hits asked for, 4 of 9 600 topics' top 10
 * differ with a window of 50, 1 with a window of 100, which took keyword pairs' p50 from 7.7–8.4
 * ms to 9.4–10.2 ms, bench/perf/RESULTS.md, session 55; a window of only the hits wanted lowered
 * Recall@100 by one to three topics on six sets, twice them does not).
 *
 * <p>Why proximity: its interval queries were 45 % of a translated Chinese question's ranking pass
 * (bench/perf/RESULTS.md, session 62), read for every page the pruning could not yet rule out.
 * Scored here, at 100k documents, a question's p50 fell by about a fifth and its p99 from 77–92 ms
 * to 29–32 ms, keyword pairs' p99 from 30–44 ms to 18–25 ms (session 64). A pair weighs more than
 * the renderings (4.3 in a two-word query), so the window matters more: of 849 queries from that
 * index's own pages, 18 have other first ten pages, most of them English sentences found among
 * near-identical pages that proximity alone tells apart. A window of 100 or 200 kept more of them
 * but gave questions a p50 above the one without the window: a longer first-pass list prunes less.
 *
 * <p>Hits are {@link FieldDoc}s in {@link Searcher#RANKING} order (score, then id). Not Lucene's
 * {@code QueryRescorer}, which does the same in outline: it sums the two scores in a float (the
 * Boolean scorer's sum, which a clause gives, is a double rounded once, and equal scores are
 * common on short titles) and breaks ties by doc id, not by the page's id as {@link
 * Searcher#RANKING} does. Both scorers are asked for a document through their exact iterators, so
 * a two-phase match (a phrase, an interval) is checked before it is scored.
 */
public final class WindowRescorer {
  /** The first pass's hits scored in full: at least this many, and twice the hits wanted. */
  static final int WINDOW = 50;

  private final IndexSearcher searcher;
  /** The whole query, whose score replaces the first pass's; null when the first pass ranked by it. */
  private final Weight whole;
  /** What is added to that score; null for nothing. */
  private final Weight evidence;

  private WindowRescorer(IndexSearcher searcher, Weight whole, Weight evidence) {
    this.searcher = searcher;
    this.whole = whole;
    this.evidence = evidence;
  }

  /**
   * A rescorer for hits a first pass ranked, or null when there is nothing to rescore.
   *
   * @param whole the query as rewritten, when the first pass ranked by a part of it that matches
   *     the same documents; null when it ranked by the query itself
   * @param evidence scored beside the query (boost included); null for none
   */
  static WindowRescorer of(IndexSearcher searcher, Query whole, Query evidence) throws IOException {
    if (whole == null && evidence == null) {
      return null;
    }
    return new WindowRescorer(searcher,
        whole == null ? null : searcher.createWeight(whole, ScoreMode.COMPLETE, 1f),
        evidence == null ? null : searcher.createWeight(searcher.rewrite(evidence), ScoreMode.COMPLETE, 1f));
  }

  /** How many hits the first pass should keep for {@code wanted} to be rescored. */
  static int window(WindowRescorer rescorer, int wanted) {
    return rescorer == null ? wanted : window(wanted);
  }

  /**
   * How many of a first pass's best hits are scored in full for the best {@code wanted}: at least
   * {@value #WINDOW}, and twice {@code wanted}. The OpenSearch backend asks the cluster's rescore
   * for the same window.
   */
  public static int window(int wanted) {
    return Math.max(Math.multiplyExact(wanted, 2), WINDOW);
  }

  /** {@code hits} scored in full, in {@link Searcher#RANKING} order, the best {@code keep}. */
  ScoreDoc[] rescore(ScoreDoc[] hits, int keep) throws IOException {
    return rescore(keep, hits)[0];
  }

  /**
   * Each of {@code groups} (a first pass's hits, say one list per language) scored in full, in
   * {@link Searcher#RANKING} order, the best {@code keep} of each. The groups are scored together,
   * so each segment's scorers are made once.
   */
  ScoreDoc[][] rescore(int keep, ScoreDoc[]... groups) throws IOException {
    List<FieldDoc> all = new ArrayList<>();
    for (ScoreDoc[] group : groups) {
      for (ScoreDoc h : group) {
        all.add((FieldDoc) h);
      }
    }
    all.sort(Comparator.comparingInt(h -> h.doc));
    Map<Integer, FieldDoc> scored = new HashMap<>(all.size() * 2);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int from = 0; from < all.size(); ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(all.get(from).doc, leaves));
      int to = from;
      while (to < all.size() && all.get(to).doc < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      // Asked for as many documents as the window holds in this segment, so that Lucene's query
      // cache does not build a whole segment's bit set for a clause (an interval query) to score them.
      Scorer wholeScorer = scorer(whole, leaf, to - from);
      DocIdSetIterator wholeDocs = wholeScorer == null ? null : wholeScorer.iterator();
      Scorer evidenceScorer = scorer(evidence, leaf, to - from);
      DocIdSetIterator evidenceDocs = evidenceScorer == null ? null : evidenceScorer.iterator();
      for (FieldDoc h : all.subList(from, to)) {
        int target = h.doc - leaf.docBase;
        float score = (Float) h.fields[0];
        if (whole != null) {
          if (!at(wholeDocs, target)) {
            continue; // no match: a first pass may keep what it was told is out of the running
          }
          score = wholeScorer.score();
        }
        if (at(evidenceDocs, target)) {
          // As the Boolean scorers sum clause scores: in a double, rounded once.
          score = (float) ((double) score + evidenceScorer.score());
        }
        scored.put(h.doc, new FieldDoc(h.doc, score, new Object[] {score, h.fields[1]}));
      }
      from = to;
    }
    ScoreDoc[][] out = new ScoreDoc[groups.length][];
    for (int g = 0; g < groups.length; g++) {
      FieldDoc[] group = Arrays.stream(groups[g]).map(h -> scored.get(h.doc)).filter(Objects::nonNull)
          .toArray(FieldDoc[]::new);
      Arrays.sort(group, WindowRescorer::byRanking);
      out[g] = Arrays.copyOf(group, Math.min(keep, group.length));
    }
    return out;
  }

  /** {@code weight}'s scorer on {@code leaf} for {@code docs} documents, or null where it has none. */
  private static Scorer scorer(Weight weight, LeafReaderContext leaf, int docs) throws IOException {
    ScorerSupplier supplier = weight == null ? null : weight.scorerSupplier(leaf);
    return supplier == null ? null : supplier.get(docs);
  }

  /** Whether {@code docs} (null: none) holds {@code doc}, asked in increasing order; positioned on it if so. */
  private static boolean at(DocIdSetIterator docs, int doc) throws IOException {
    return docs != null && (docs.docID() == doc || docs.docID() < doc && docs.advance(doc) == doc);
  }

  private static int byRanking(FieldDoc a, FieldDoc b) {
    int c = Float.compare((Float) b.fields[0], (Float) a.fields[0]);
    return c != 0 ? c : ((BytesRef) a.fields[1]).compareTo((BytesRef) b.fields[1]);
  }
}
