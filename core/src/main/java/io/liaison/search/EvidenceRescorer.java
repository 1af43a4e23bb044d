package io.liaison.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Adds an optional query's score to the hits a first pass ranked, and ranks them again: the pages'
 * renderings ({@link io.liaison.query.LiaisonQueryParser#renderedEvidence}) scored only on the
 * query's best hits ({@link #window}) instead of on every match.
 *
 * <p>As one clause of the query beside it ({@code +query evidence}) the renderings cost a Chinese
 * question on the 100k benchmark index two and a half times the time of the search without them
 * (p50 14 ms to 36 ms, bench/perf/RESULTS.md, session 54): their terms' postings (the Chinese
 * translations of common English words) are long, and an optional clause raises every page's
 * possible score, so the top-hits pruning skips less. A page's score is the same either way (the
 * clause's score added to the query's); only a page outside the first pass's window can no longer
 * climb into the results. The window is five times a page of ten hits and twice any longer list,
 * and the evidence weighs 0.3 of the query: a page the query alone ranks that far down stays
 * down (measured on both benchmarks' 32 sets: every MRR@10 the same as with the clause; ten hits
 * asked for, 4 of 9 600 topics' top 10 differ with this window, 1 with a window of 100, which
 * took keyword pairs' p50 from 7.7–8.4 ms to 9.4–10.2 ms, bench/perf/RESULTS.md, session 55; a
 * window of only the hits wanted lowered Recall@100 by one to three topics on six sets, twice
 * them does not).
 *
 * <p>Hits are {@link FieldDoc}s in {@link Searcher#RANKING} order (score, then id). Not Lucene's
 * {@code QueryRescorer}, which does the same in outline: it sums the two scores in a float (the
 * Boolean scorer's sum, which the clause gave, is a double rounded once, and equal scores are
 * common on short titles) and breaks ties by doc id, not by the page's id as {@link
 * Searcher#RANKING} does. The evidence is a disjunction of term queries, whose iterator is exact;
 * a query with a two-phase iterator would need its {@code matches()} checked here.
 */
final class EvidenceRescorer {
  /** The first pass's hits scored with the evidence: at least this many, and twice the hits wanted. */
  static final int WINDOW = 50;

  private final IndexSearcher searcher;
  private final Weight weight;

  private EvidenceRescorer(IndexSearcher searcher, Weight weight) {
    this.searcher = searcher;
    this.weight = weight;
  }

  /** A rescorer for {@code evidence} (boost included), or null when there is none. */
  static EvidenceRescorer of(IndexSearcher searcher, Query evidence) throws IOException {
    if (evidence == null) {
      return null;
    }
    return new EvidenceRescorer(searcher, searcher.createWeight(searcher.rewrite(evidence), ScoreMode.COMPLETE, 1f));
  }

  /** How many hits the first pass should keep for {@code wanted} to be rescored. */
  static int window(EvidenceRescorer rescorer, int wanted) {
    return rescorer == null ? wanted : Math.max(Math.multiplyExact(wanted, 2), WINDOW);
  }

  /** {@code hits} with the evidence's score added, in {@link Searcher#RANKING} order, the best {@code keep}. */
  ScoreDoc[] rescore(ScoreDoc[] hits, int keep) throws IOException {
    FieldDoc[] byDoc = new FieldDoc[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = (FieldDoc) hits[i];
    }
    Arrays.sort(byDoc, Comparator.comparingInt(h -> h.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FieldDoc[] out = new FieldDoc[byDoc.length];
    int leafIndex = -1;
    DocIdSetIterator it = null;
    Scorer scorer = null;
    for (int i = 0; i < byDoc.length; i++) {
      FieldDoc h = byDoc[i];
      int index = ReaderUtil.subIndex(h.doc, leaves);
      LeafReaderContext leaf = leaves.get(index);
      if (index != leafIndex) {
        leafIndex = index;
        scorer = weight.scorer(leaf);
        it = scorer == null ? null : scorer.iterator();
      }
      float score = (Float) h.fields[0];
      int target = h.doc - leaf.docBase;
      if (it != null && (it.docID() == target || it.docID() < target && it.advance(target) == target)) {
        // As the Boolean scorers sum clause scores: in a double, rounded once.
        score = (float) ((double) score + scorer.score());
      }
      out[i] = new FieldDoc(h.doc, score, new Object[] {score, h.fields[1]});
    }
    Arrays.sort(out, EvidenceRescorer::byRanking);
    return Arrays.copyOf(out, Math.min(keep, out.length));
  }

  private static int byRanking(FieldDoc a, FieldDoc b) {
    int c = Float.compare((Float) b.fields[0], (Float) a.fields[0]);
    return c != 0 ? c : ((BytesRef) a.fields[1]).compareTo((BytesRef) b.fields[1]);
  }
}
