package io.liaison.search;

import io.liaison.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The best hits of each language group ({@link LanguageBalance}: English, and documents holding
 * Chinese) in one pass, in {@link Searcher#RANKING} order within a group.
 *
 * <p>Each group has its own top-hits collector, and each may tell the scorer which scores can no
 * longer enter it. The scorer is told the lower of the two, or, when higher, half the higher one
 * ({@link LanguageBalance#MAX_LIFT}): no hit below that can reach the first {@code wanted} merged
 * hits, and neither group keeps it, even where its own bar is lower. So a group's list may lack
 * hits that could never be on the page, and the result is meant for {@link LanguageBalance#merge}
 * cut at {@code wanted}. The English hits come first, then the others.
 */
final class ByLanguageTopHits implements CollectorManager<ByLanguageTopHits.PerGroup, TopDocs> {
  private final TopFieldCollectorManager english;
  private final TopFieldCollectorManager chinese;
  private final int wanted;
  private final WindowRescorer rescorer;

  /** @param wanted how many of the best hits to keep per group, at least 1 */
  ByLanguageTopHits(int wanted) {
    this(wanted, null);
  }

  /**
   * @param wanted how many of the best hits to keep per group, at least 1
   * @param rescorer scores each group's best {@link WindowRescorer#window} hits in full before
   *     the group is cut to {@code wanted}; null for none
   */
  ByLanguageTopHits(int wanted, WindowRescorer rescorer) {
    this.wanted = wanted;
    this.rescorer = rescorer;
    int window = WindowRescorer.window(rescorer, wanted);
    // A total-hits threshold of `window` lets each collector prune.
    this.english = new TopFieldCollectorManager(Searcher.RANKING, window, null, window);
    this.chinese = new TopFieldCollectorManager(Searcher.RANKING, window, null, window);
  }

  @Override
  public PerGroup newCollector() {
    return new PerGroup(english.newCollector(), chinese.newCollector());
  }

  @Override
  public TopDocs reduce(Collection<PerGroup> collectors) throws IOException {
    List<TopFieldCollector> en = new ArrayList<>();
    List<TopFieldCollector> zh = new ArrayList<>();
    for (PerGroup c : collectors) {
      en.add(c.english);
      zh.add(c.chinese);
    }
    TopFieldDocs a = english.reduce(en);
    TopFieldDocs b = chinese.reduce(zh);
    ScoreDoc[][] groups = rescorer == null
        ? new ScoreDoc[][] {a.scoreDocs, b.scoreDocs}
        : rescorer.rescore(wanted, a.scoreDocs, b.scoreDocs);
    ScoreDoc[] first = groups[0];
    ScoreDoc[] second = groups[1];
    ScoreDoc[] both = new ScoreDoc[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return new TopFieldDocs(a.totalHits, both, Searcher.RANKING.getSort());
  }

  /** One slice's collectors, one per group, routing each document by its language column. */
  static final class PerGroup implements Collector {
    private final TopFieldCollector english;
    private final TopFieldCollector chinese;

    PerGroup(TopFieldCollector english, TopFieldCollector chinese) {
      this.english = english;
      this.chinese = chinese;
    }

    @Override
    public ScoreMode scoreMode() {
      return english.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector en = english.getLeafCollector(context);
      LeafCollector zh = chinese.getLeafCollector(context);
      SortedDocValues lang = DocValues.getSorted(context.reader(), Fields.LANG);
      int englishOrd = lang.lookupTerm(new BytesRef(LanguageBalance.ENGLISH));
      // One per segment, kept when the segment is scored in several runs (a time-limited search
      // hands over a scorer per run): the groups' thresholds carry over, and only ever rise.
      Threshold shared = new Threshold();
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          shared.scoreWith(scorer);
          en.setScorer(shared.first);
          zh.setScorer(shared.second);
        }

        @Override
        public void collect(int doc) throws IOException {
          // Below what the scorer was told, a page cannot reach the merged page, and a query may
          // hand it over unchecked (ContentMatchQuery does): a group whose own bar is lower must
          // not keep it.
          if (shared.score(doc) < shared.threshold()) {
            return;
          }
          boolean isEnglish = englishOrd >= 0 && lang.advanceExact(doc) && lang.ordValue() == englishOrd;
          (isEnglish ? en : zh).collect(doc);
        }
      };
    }
  }

  /**
   * Two views of one scorer, one per group; the scorer may skip what is below both views' minimum
   * scores. The scorer may be replaced (a new run of the segment) while the views and their minimum
   * scores stay, so what the scorer is told never falls, as Lucene requires.
   */
  private static final class Threshold {
    private final View first = new View();
    private final View second = new View();
    private Scorable scorer;

    /** The document whose score is remembered, and that score: each group's collector asks again. */
    private int doc = -1;
    private float score;

    /** Scores with {@code next} from now on, telling it at once what no longer competes. */
    void scoreWith(Scorable next) throws IOException {
      scorer = next;
      doc = -1;
      float min = threshold();
      if (min > 0) {
        scorer.setMinCompetitiveScore(min);
      }
    }

    /** The score of {@code doc}, the document being collected, computed once. */
    float score(int doc) throws IOException {
      if (doc != this.doc) {
        score = scorer.score();
        this.doc = doc;
      }
      return score;
    }

    private float threshold() {
      float lower = Math.min(first.min, second.min);
      float higher = Math.max(first.min, second.min);
      // `higher` is a lower bound of the k-th raw score overall, and merging never lowers a
      // score, so the k-th merged score is at least `higher`; merging raises a score at most
      // MAX_LIFT-fold, so a hit under higher / MAX_LIFT cannot reach the merged page, whatever
      // its language.
      return Math.max(lower, higher / LanguageBalance.MAX_LIFT);
    }

    private final class View extends Scorable {
      private float min;

      @Override
      public float score() throws IOException {
        return score; // of the document being collected (Threshold.score)
      }

      @Override
      public float smoothingScore(int docId) throws IOException {
        return scorer.smoothingScore(docId);
      }

      @Override
      public Collection<ChildScorable> getChildren() {
        return List.of(new ChildScorable(scorer, "FILTER"));
      }

      @Override
      public void setMinCompetitiveScore(float minScore) throws IOException {
        min = minScore;
        scorer.setMinCompetitiveScore(threshold());
      }
    }
  }
}
