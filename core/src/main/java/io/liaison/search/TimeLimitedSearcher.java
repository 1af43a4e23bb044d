package io.liaison.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * An index searcher that stops searching at a deadline, checked between long runs of documents;
 * {@link #timedOut()} then says so, and what was collected is partial.
 *
 * <p>Lucene's own time limit ({@link IndexSearcher#setTimeout}) scores each segment in runs that
 * start at 100 documents and grow by half each time. Every run starts the top-hits pruning over:
 * the scorer works out again, from each clause's impacts, which clauses can still lift a document
 * into the page. A translated query has tens of clauses, and that work, repeated over runs of a few
 * hundred documents, was a third of its time when much of the index matches (配置文件 at 100 k
 * documents: 34.3 ms CPU with Lucene's limit against 21.4 without one; {@code bench/perf/RESULTS.md}).
 * Here runs start at {@value #FIRST_RUN} documents and double up to {@value #MAX_RUN}, so a segment
 * of the usual size is a few runs, and a runaway search stops within one run of the deadline however
 * large its segments: on a segment of millions of documents, runs doubling without a cap would let
 * the last one be half the segment.
 */
final class TimeLimitedSearcher extends IndexSearcher {
  /** Documents in a segment's first run; each later run is twice the one before, up to {@link #MAX_RUN}. */
  static final int FIRST_RUN = 1 << 14;
  /**
   * The longest run: a few tens of milliseconds of the heaviest query, a small overrun of any
   * sensible limit, and a restart of the pruning per 262 144 documents costs nothing by comparison.
   */
  static final int MAX_RUN = 1 << 18;

  private final QueryTimeout timeout;
  private final int firstRun;
  private final int maxRun;
  private volatile boolean timedOut;

  /** Stops at {@code deadline}, a {@link System#nanoTime()} value. */
  TimeLimitedSearcher(IndexReader reader, long deadline) {
    this(reader, () -> System.nanoTime() - deadline > 0, FIRST_RUN, MAX_RUN);
  }

  /**
   * Stops when {@code timeout} says so, asked on entering each segment and before each run: runs of
   * {@code firstRun} documents, doubling up to {@code maxRun}.
   */
  TimeLimitedSearcher(IndexReader reader, QueryTimeout timeout, int firstRun, int maxRun) {
    super(reader);
    if (firstRun < 1 || maxRun < firstRun) {
      throw new IllegalArgumentException("runs must be 1 <= firstRun <= maxRun, not " + firstRun + " and " + maxRun);
    }
    this.timeout = timeout;
    this.firstRun = firstRun;
    this.maxRun = maxRun;
  }

  /** True when a search reached the deadline and stopped before the end. */
  @Override
  public boolean timedOut() {
    return timedOut;
  }

  private boolean expired() {
    if (!timedOut && timeout.shouldExit()) {
      timedOut = true;
    }
    return timedOut;
  }

  @Override
  protected void searchLeaf(LeafReaderContext leaf, int minDocId, int maxDocId, Weight weight, Collector collector)
      throws IOException {
    if (expired()) {
      return;
    }
    LeafCollector leafCollector;
    try {
      leafCollector = collector.getLeafCollector(leaf);
    } catch (CollectionTerminatedException e) {
      return; // nothing in this segment can be collected
    }
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier != null) {
      supplier.setTopLevelScoringClause();
      BulkScorer scorer = supplier.bulkScorer();
      try {
        int from = minDocId;
        for (int run = firstRun; from < maxDocId && !expired(); run = run > maxRun / 2 ? maxRun : run << 1) {
          from = scorer.score(leafCollector, leaf.reader().getLiveDocs(), from, (int) Math.min((long) from + run, maxDocId));
        }
      } catch (CollectionTerminatedException e) {
        // the collector has what it needs from this segment
      }
    }
    leafCollector.finish();
  }
}
