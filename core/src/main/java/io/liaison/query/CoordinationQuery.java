package io.liaison.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query's score times (m / n)<sup>exponent</sup>, where n is the number of {@code concepts} and m
 * how many of them a document matches: Lucene's classic coordination factor, with the words of a
 * short query in place of clauses. {@link LiaisonQueryParser} makes each counted part a word's
 * concept (the word in any of its forms), or that concept or any phrase concept covering the word
 * (主机名's hostname covers 主机 and 名).
 *
 * <p>With BM25's k1 at 2.0 ({@code Scoring}) term frequency saturates slowly, which suits long
 * queries, and a page that repeats one word of a short query could outscore a page that has all
 * of them. {@link LiaisonQueryParser} wraps a query of few words in this; measured on both
 * bench/crosslang benchmarks in BM25-SWEEP.md, session 46. The OpenSearch plugin builds the same
 * query from {@code liaison_coordination}.
 *
 * <p>The factor is at most 1, so the wrapped query's maximum scores bound this query's and
 * dynamic pruning still works; the concepts are only asked whether they match the document being
 * scored.
 */
public final class CoordinationQuery extends Query {
  private final Query in;
  private final List<Query> concepts;
  private final float exponent;

  /**
   * @param in the query that finds and scores documents
   * @param concepts the parts counted, each matched or not (at least one)
   * @param exponent how much a missing part costs: 0 nothing, 1 its full share
   */
  public CoordinationQuery(Query in, List<Query> concepts, float exponent) {
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("coordination needs at least one concept to count");
    }
    this.in = Objects.requireNonNull(in);
    this.concepts = List.copyOf(concepts);
    this.exponent = exponent;
  }

  public Query query() {
    return in;
  }

  public List<Query> concepts() {
    return concepts;
  }

  public float exponent() {
    return exponent;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    boolean changed = rewritten != in;
    List<Query> parts = new ArrayList<>(concepts.size());
    for (Query c : concepts) {
      Query r = c.rewrite(searcher);
      changed |= r != c;
      parts.add(r);
    }
    return changed ? new CoordinationQuery(rewritten, parts, exponent) : this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    List<Weight> parts = new ArrayList<>(concepts.size());
    for (Query c : concepts) {
      parts.add(searcher.createWeight(searcher.rewrite(c), ScoreMode.COMPLETE_NO_SCORES, 1f));
    }
    float[] factor = new float[parts.size() + 1];
    for (int m = 0; m <= parts.size(); m++) {
      factor[m] = (float) Math.pow((double) m / parts.size(), exponent);
    }
    return new FilterWeight(this, inner) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        // Scores scaled as they are collected from the wrapped query's own bulk scorer.
        return AdaptedScorerSupplier.of(in.scorerSupplier(context), () -> {
          MatchCounter counter = new MatchCounter(parts, context);
          return new AdaptedScorerSupplier.Adapter() {
            @Override
            public Scorer scorer(Scorer scorer) {
              return new Coordinated(scorer, counter, factor);
            }

            @Override
            public LeafCollector collector(LeafCollector collector) {
              return new Scaled(collector, counter, factor);
            }
          };
        });
      }

      /** The wrapped query's explanation and the factor, so that an explanation adds up to the score. */
      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation inner = in.explain(context, doc);
        if (!inner.isMatch()) {
          return inner;
        }
        int matched = new MatchCounter(parts, context).matched(doc);
        float f = factor[matched];
        return Explanation.match(inner.getValue().floatValue() * f,
            "coordination, " + matched + " of " + parts.size() + " concepts matched, product of:",
            inner,
            Explanation.match(f, "(" + matched + "/" + parts.size() + ")^" + exponent));
      }
    };
  }

  /** A collector that sees each collected document's score scaled by its factor. */
  private static final class Scaled extends FilterLeafCollector {
    private final MatchCounter counter;
    private final float[] factor;
    private Scorable scorer;
    private int doc = -1;
    private float minCompetitive;

    Scaled(LeafCollector in, MatchCounter counter, float[] factor) {
      super(in);
      this.counter = counter;
      this.factor = factor;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      this.scorer = scorer;
      in.setScorer(new Scorable() {
        @Override
        public float score() throws IOException {
          float score = Scaled.this.scorer.score();
          // Below the collector's bar unscaled, it is below it scaled: the concepts need not be asked.
          return score < minCompetitive ? score * factor[0] : score * factor[counter.matched(doc)];
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
          minCompetitive = minScore;
          Scaled.this.scorer.setMinCompetitiveScore(minScore); // the factor is at most 1
        }

        @Override
        public java.util.Collection<ChildScorable> getChildren() {
          return List.of(new ChildScorable(Scaled.this.scorer, "COORDINATED"));
        }
      });
    }

    @Override
    public void collect(int doc) throws IOException {
      this.doc = doc;
      in.collect(doc);
    }
  }

  /** The wrapped scorer's documents, each score scaled by the share of the concepts it matches. */
  private static final class Coordinated extends Scorer {
    private final Scorer in;
    private final MatchCounter counter;
    private final float[] factor;

    Coordinated(Scorer in, MatchCounter counter, float[] factor) {
      this.in = in;
      this.counter = counter;
      this.factor = factor;
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return in.iterator();
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return in.twoPhaseIterator();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo); // the factor is at most 1
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore); // a competitive score here is one at least as high there
    }

    @Override
    public float score() throws IOException {
      return in.score() * factor[counter.matched(in.docID())];
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "coordination(" + in.toString(field) + ", " + concepts.size() + " concepts, ^" + exponent + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && in.equals(((CoordinationQuery) other).in)
        && concepts.equals(((CoordinationQuery) other).concepts)
        && exponent == ((CoordinationQuery) other).exponent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, concepts, exponent);
  }
}
