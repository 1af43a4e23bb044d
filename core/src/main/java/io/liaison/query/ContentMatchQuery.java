package io.liaison.query;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The documents a disjunction matches that also match one of its content clauses, scored as the
 * disjunction scores them. {@link LiaisonQueryParser} puts the optional clauses of a query that
 * holds a Chinese question's function words (的, 已 standing aside, {@link
 * QueryTranslator#standingAside}) in one, the other clauses as the content: the function words add
 * to the score of a page that has the question's other words, and a page that has only them is no
 * hit.
 *
 * <p>It matches what {@code +in #(content1 content2 ...)} matches, with the same scores, but that
 * conjunction is scored document by document, where the disjunction alone has Lucene's fastest
 * scorer (MaxScoreBulkScorer). This query keeps that scorer and asks the content clauses about a
 * document only when it is collected with a score that could rank, which with top-k pruning is
 * few of them.
 * Each content query must match only where {@code in} does (a clause of it), so the documents
 * that match this query are those that match one of the content queries ({@link #matchSet}).
 */
public final class ContentMatchQuery extends Query {
  private final Query in;
  private final List<Query> content;

  /**
   * @param in the disjunction that finds and scores documents
   * @param content the clauses of {@code in} of which a document must match one (at least one)
   */
  public ContentMatchQuery(Query in, List<Query> content) {
    if (content.isEmpty()) {
      throw new IllegalArgumentException("a content match needs at least one content clause");
    }
    this.in = Objects.requireNonNull(in);
    this.content = List.copyOf(content);
  }

  public Query query() {
    return in;
  }

  public List<Query> content() {
    return content;
  }

  /** A query that matches the same documents, unscored: any of the content queries. */
  public Query matchSet() {
    if (content.size() == 1) {
      return content.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    content.forEach(c -> any.add(c, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    boolean changed = rewritten != in;
    List<Query> parts = new java.util.ArrayList<>(content.size());
    for (Query c : content) {
      Query r = c.rewrite(searcher);
      changed |= r != c;
      parts.add(r);
    }
    return changed ? new ContentMatchQuery(rewritten, parts) : this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight any = searcher.createWeight(searcher.rewrite(matchSet()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<Weight> anyOnly = List.of(any);
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, inner) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        if (!scoreMode.needsScores()) {
          return any.scorerSupplier(context); // the same documents
        }
        // Pages checked as they are collected from the disjunction's own bulk scorer.
        return AdaptedScorerSupplier.of(in.scorerSupplier(context), () -> {
          MatchCounter check = new MatchCounter(anyOnly, context);
          return new AdaptedScorerSupplier.Adapter() {
            @Override
            public Scorer scorer(Scorer scorer) {
              return new Checked(scorer, check);
            }

            @Override
            public LeafCollector collector(LeafCollector collector) {
              return new Checking(collector, check);
            }
          };
        });
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation inner = in.explain(context, doc);
        if (inner.isMatch() && new MatchCounter(anyOnly, context).matched(doc) == 0) {
          return Explanation.noMatch("matches none of the query's words but the function words beside them", inner);
        }
        return inner;
      }

      @Override
      public int count(LeafReaderContext context) throws IOException {
        return any.count(context);
      }

      /** The disjunction's matches, the function words' included, where a content clause matches. */
      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        return new MatchCounter(anyOnly, context).matched(doc) > 0 ? in.matches(context, doc) : null;
      }
    };
  }

  /**
   * A collector that sees only the documents that pass the check. A document scored below the
   * collector's bar is passed on unchecked: the collector drops it whatever it matches, and most
   * documents a top-k search sees are such.
   */
  private static final class Checking extends FilterLeafCollector {
    private final MatchCounter check;
    private Scorable scorer;
    private float minCompetitive;

    Checking(LeafCollector in, MatchCounter check) {
      super(in);
      this.check = check;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      this.scorer = scorer;
      in.setScorer(new FilterScorable(scorer) {
        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
          minCompetitive = minScore;
          in.setMinCompetitiveScore(minScore);
        }
      });
    }

    @Override
    public void collect(int doc) throws IOException {
      if (scorer.score() < minCompetitive || check.matched(doc) > 0) {
        in.collect(doc);
      }
    }
  }

  /** The disjunction's documents that pass the check, with its scores. */
  private static final class Checked extends Scorer {
    private final Scorer in;
    private final TwoPhaseIterator twoPhase;

    Checked(Scorer in, MatchCounter check) {
      this.in = in;
      TwoPhaseIterator inner = in.twoPhaseIterator();
      DocIdSetIterator approximation = inner == null ? in.iterator() : inner.approximation();
      this.twoPhase = new TwoPhaseIterator(approximation) {
        @Override
        public boolean matches() throws IOException {
          return (inner == null || inner.matches()) && check.matched(approximation.docID()) > 0;
        }

        @Override
        public float matchCost() {
          return (inner == null ? 0 : inner.matchCost()) + 10; // a few postings advanced
        }
      };
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "content(" + in.toString(field) + ", " + content.size() + " content clauses)";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && in.equals(((ContentMatchQuery) other).in)
        && content.equals(((ContentMatchQuery) other).content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), in, content);
  }
}
