package io.liaison.query;

import java.io.IOException;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.util.Bits;

/**
 * The scorers of a wrapped query, each adapted by a wrapping query ({@link CoordinationQuery},
 * {@link ContentMatchQuery}): its scorer wrapped, and its own bulk scorer kept with the collector
 * wrapped instead. A disjunction's bulk scorer (MaxScoreBulkScorer) is much faster than scoring
 * its scorer document by document: at 100k documents the median translated search took 14 ms
 * through the scorer, 5.6 ms unwrapped (bench/perf/RESULTS.md, session 47).
 */
final class AdaptedScorerSupplier extends ScorerSupplier {
  /** How one use of the wrapped query's scorers on one segment is adapted; each use gets its own. */
  interface Adapter {
    Scorer scorer(Scorer in) throws IOException;

    LeafCollector collector(LeafCollector in) throws IOException;
  }

  /** Makes the adapter for one use. */
  @FunctionalInterface
  interface Adapters {
    Adapter next() throws IOException;
  }

  private final ScorerSupplier in;
  private final Adapters adapters;

  /** {@code in} adapted, or null when {@code in} is (no document of the segment matches). */
  static ScorerSupplier of(ScorerSupplier in, Adapters adapters) {
    return in == null ? null : new AdaptedScorerSupplier(in, adapters);
  }

  private AdaptedScorerSupplier(ScorerSupplier in, Adapters adapters) {
    this.in = in;
    this.adapters = adapters;
  }

  @Override
  public Scorer get(long leadCost) throws IOException {
    return adapters.next().scorer(in.get(leadCost));
  }

  @Override
  public BulkScorer bulkScorer() throws IOException {
    BulkScorer bulk = in.bulkScorer();
    Adapter adapter = adapters.next();
    return new BulkScorer() {
      @Override
      public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
        return bulk.score(adapter.collector(collector), acceptDocs, min, max);
      }

      @Override
      public long cost() {
        return bulk.cost();
      }
    };
  }

  @Override
  public long cost() {
    return in.cost();
  }
}
