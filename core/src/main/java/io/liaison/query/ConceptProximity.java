package io.liaison.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Credit for a document that uses two neighbouring words of the query close together, each in any
 * of its forms: the word itself or any translation. This is the term-dependence part of a
 * sequential dependence model, with concepts in place of words and an unordered window only,
 * since English and Chinese order the same words differently.
 *
 * <p>For a cross-language query it is also translation disambiguation: of "set"'s translations
 * 日落 (sunset) and 设置, only 设置 turns up next to 时间 (time) in a page about setting the time,
 * so the page that uses the right senses together gains over one that merely holds both words.
 *
 * <p>The clause is an {@link IntervalQuery} under a constant score: a document with at least one
 * window of at most {@value #WINDOW} positions that holds both concepts scores {@code w}, one
 * without none. The score needs no statistics, so it is the same on an OpenSearch shard. Each
 * clause of a run with {@code n} of them (its pairs, and one per phrase for the phrase's own
 * words) gets {@code w = }{@value #WEIGHT}{@code / n^}{@value #LENGTH_EXPONENT}: a title's three
 * pairs weigh more each than a sentence's fifteen, whose common pairs (使用 … 文件) are everywhere.
 *
 * <p>A short run, of at most {@value #SKIP_PAIRS_UP_TO} units, also pairs each unit with the one
 * after next, at {@value #SKIP_PAIR_SHARE} of a neighbouring pair's weight and on top of it: a
 * step towards the full-dependence model, which suits short queries. Between languages a title's
 * words seldom keep their order, so two words next to each other in the query may stand one word
 * apart in the page, and in a title every relation counts. Measured on bench/crosslang
 * (PROXIMITY-SWEEP.md, session 18): MRR@10 of every title set rose, by 0.009–0.017, in each half of
 * the topics; sentence sets moved by −0.003 to +0.006. More weight on the neighbouring pairs alone
 * (× 1.25) gave titles half of that and cost sentences up to 0.014.
 *
 * <p>Why constant: the interval query's own score, {@code w · f / (f + 1)} with {@code f} the
 * windows counted (a tight one counting more), has to walk every window of a document, and gave a
 * pair found once about half of {@code w}. A constant {@code w} needs only the first window.
 * Measured on bench/crosslang (PROXIMITY-SWEEP.md): MRR@10 of every title set rose, by 0.006–0.05,
 * in both halves of the topics, and sentence sets moved by less than 0.007; at 100k documents a
 * translated search's median fell from 4.53 to 4.15 ms and its 99th percentile from 17.5 to 12.5
 * ms (bench/perf/RESULTS.md).
 *
 * <p>The embedded search scores these clauses on its best hits only: it ranks by the query without
 * them ({@link #without}, {@link #isProximity}), then gives the first pass's best hits the whole
 * query's score ({@code io.liaison.search.WindowRescorer}); their intervals were 45 % of a
 * translated Chinese question's ranking pass. The OpenSearch backend does the same with the
 * cluster's rescore.
 *
 * <p>Measured on bench/crosslang (MRR@10 of all twelve sets at several weights, windows, fields,
 * with an idf factor and three ways of treating phrases: bench/crosslang/PROXIMITY-SWEEP.md): the
 * body only, because the same clause on the title added nothing; a window of 8 (4 and 16 were
 * within noise of it); no idf factor, which gave half the title gains or less; a weight shared by
 * a run's pairs, because a fixed one that helps titles lowers sentences.
 */
public final class ConceptProximity {
  /** The widest window, in positions, that counts as near. */
  public static final int WINDOW = 8;

  /** The weight of a query's proximity, shared among its pairs (see {@link #pairWeight}). */
  static final float WEIGHT = 4.3f;

  /** How fast a pair's weight falls with the number of pairs. */
  static final double LENGTH_EXPONENT = 0.7;

  /** The longest run whose units are also paired with the one after next. */
  static final int SKIP_PAIRS_UP_TO = 8;

  /** A pair of units one apart weighs this share of a neighbouring pair. */
  static final float SKIP_PAIR_SHARE = 0.5f;

  /** How many other words may stand among the words of an English form (see {@link #form}). */
  static final int ENGLISH_SLACK = 4;

  /** A query's proximity clauses may add at most this share of Lucene's clause limit. */
  private static final int CLAUSE_SHARE_DIVISOR = 2;

  private ConceptProximity() {}

  /** The weight of each clause of a run that has {@code pairs} of them. */
  public static float pairWeight(int pairs) {
    return (float) (WEIGHT / Math.pow(Math.max(1, pairs), LENGTH_EXPONENT));
  }

  /**
   * The clauses for a run: one for each pair of neighbouring units, in order, then one for each
   * phrase's words, then, in a run of at most {@value #SKIP_PAIRS_UP_TO} units, one for each unit
   * and the one after next. A unit is a word or phrase concept given as its alternatives' analysed
   * terms (one list per alternative; for what several terms make, see {@link #form}); units with
   * no term are left out, so their neighbours pair up. A phrase's words are the units it took the
   * place of.
   */
  static List<Query> of(String field, List<List<List<String>>> units, List<List<List<List<String>>>> phrases) {
    List<IntervalsSource> sources = new ArrayList<>(units.size());
    for (List<List<String>> unit : units) {
      IntervalsSource s = anyOf(unit);
      if (s != null) {
        sources.add(s);
      }
    }
    List<IntervalsSource> near = new ArrayList<>();
    for (int i = 0; i + 1 < sources.size(); i++) {
      near.add(Intervals.unordered(sources.get(i), sources.get(i + 1)));
    }
    for (List<List<List<String>>> words : phrases) {
      List<IntervalsSource> each = new ArrayList<>(words.size());
      for (List<List<String>> word : words) {
        IntervalsSource s = anyOf(word);
        if (s != null) {
          each.add(s);
        }
      }
      if (each.size() > 1) {
        near.add(Intervals.unordered(each.toArray(IntervalsSource[]::new)));
      }
    }
    // The pairs one apart come last, so withinBudget drops them before the others when a query's
    // proximity passes its clause budget; they do not count in n, so the other clauses weigh what
    // they would without them.
    float weight = pairWeight(near.size());
    List<Query> out = new ArrayList<>(near.size());
    for (IntervalsSource n : near) {
      out.add(clause(field, n, weight));
    }
    if (sources.size() <= SKIP_PAIRS_UP_TO) {
      for (int i = 0; i + 2 < sources.size(); i++) {
        out.add(clause(field, Intervals.unordered(sources.get(i), sources.get(i + 2)), weight * SKIP_PAIR_SHARE));
      }
    }
    return out;
  }

  /** The clause for concepts {@code near} each other ({@link Intervals#unordered} of their forms), scoring {@code weight}. */
  public static Query clause(String field, IntervalsSource near, float weight) {
    return new BoostQuery(new ConstantScoreQuery(new IntervalQuery(field, Intervals.maxwidth(WINDOW, near))), weight);
  }

  /**
   * {@code q} without the optional clauses that {@code drop} picks, at any depth: only optional
   * clauses of a Boolean query with no minimum go, so what the rest matches is unchanged.
   */
  public static Query without(Query q, Predicate<Query> drop) {
    if (q instanceof BoostQuery b) {
      Query inner = without(b.getQuery(), drop);
      return inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
    }
    if (q instanceof CoordinationQuery c) {
      Query inner = without(c.query(), drop);
      return inner == c.query() ? q : new CoordinationQuery(inner, c.concepts(), c.exponent());
    }
    if (q instanceof ContentMatchQuery c) {
      Query inner = without(c.query(), drop);
      return inner == c.query() ? q : new ContentMatchQuery(inner, c.content());
    }
    if (!(q instanceof BooleanQuery b)) {
      return q;
    }
    var out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    boolean changed = false;
    int kept = 0;
    for (var c : b.clauses()) {
      if (c.occur() == BooleanClause.Occur.SHOULD && b.getMinimumNumberShouldMatch() == 0
          && drop.test(c.query())) {
        changed = true;
        continue;
      }
      Query inner = without(c.query(), drop);
      changed |= inner != c.query();
      out.add(inner, c.occur());
      kept++;
    }
    return !changed ? q : kept == 0 ? new MatchNoDocsQuery("every clause was dropped") : out.build();
  }

  /** Whether {@code q} is a clause that {@link #of} made: it scores, and matches only where its concepts' terms do. */
  public static boolean isProximity(Query q) {
    Query inner = q;
    while (inner instanceof BoostQuery b) { // none once a weight of 1 is rewritten away
      inner = b.getQuery();
    }
    return inner instanceof ConstantScoreQuery c && c.getQuery() instanceof IntervalQuery;
  }

  /**
   * The first of {@code proximity}'s clauses that fit beside a query of {@code base} clauses
   * ({@link #clauses}): together at most a share of {@link IndexSearcher#getMaxClauseCount()}, so
   * that one run of words (a pasted paragraph, translated) keeps room. A query of several runs
   * can still add up; {@link LiaisonQueryParser} then leaves proximity out altogether.
   */
  public static List<Query> withinBudget(List<Query> proximity, int base) {
    int budget = IndexSearcher.getMaxClauseCount() / CLAUSE_SHARE_DIVISOR - base;
    List<Query> out = new ArrayList<>(proximity.size());
    for (Query q : proximity) {
      budget -= clauses(q);
      if (budget < 0) {
        break;
      }
      out.add(q);
    }
    return out;
  }

  /**
   * The clauses {@code q}, a run's concept, takes from the proximity budget ({@link #withinBudget}):
   * its {@link #clauses}, but a concept split by script ({@link ConceptQueryBuilder#inField}) counts
   * its larger branch only, as it did before the split, since a page matches one branch or the
   * other. Counted whole, a split concept took room from the run's proximity on every page, and the
   * long runs of sentences kept fewer pairs (LEXICON-SWEEP.md, session 59). {@link
   * LiaisonQueryParser} still checks the whole query against the limit with {@link #clauses}.
   */
  static int budgetClauses(Query q) {
    switch (q) {
      case BoostQuery b -> {
        return budgetClauses(b.getQuery());
      }
      case BooleanQuery b when ConceptQueryBuilder.isScriptSplit(b) -> {
        int largest = 0;
        for (BooleanClause c : b.clauses()) {
          BooleanClause script = ConceptQueryBuilder.scriptClause((BooleanQuery) c.query());
          largest = Math.max(largest, clauses(c.query()) - clauses(script.query()));
        }
        return largest;
      }
      case BooleanQuery b -> {
        int sum = 0;
        for (BooleanClause c : b.clauses()) {
          sum += budgetClauses(c.query());
        }
        return sum;
      }
      case DisjunctionMaxQuery d -> {
        int sum = 0;
        for (Query disjunct : d.getDisjuncts()) {
          sum += budgetClauses(disjunct);
        }
        return sum;
      }
      default -> {
        return clauses(q);
      }
    }
  }

  /** The clauses of {@code q} as Lucene's clause limit counts them. */
  public static int clauses(Query q) {
    int[] n = new int[1];
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
        n[0]++; // as Lucene counts: a synonym query is one clause, an interval query's terms one each
      }

      @Override
      public void consumeTermsMatching(Query query, String field,
          java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        n[0]++;
      }

      @Override
      public void visitLeaf(Query query) {
        n[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return n[0];
  }

  private static IntervalsSource anyOf(List<List<String>> alternatives) {
    Set<List<String>> distinct = new LinkedHashSet<>(alternatives);
    List<IntervalsSource> sources = new ArrayList<>(distinct.size());
    for (List<String> terms : distinct) {
      if (terms.isEmpty()) {
        continue;
      }
      sources.add(form(terms));
    }
    if (sources.isEmpty()) {
      return null;
    }
    return sources.size() == 1 ? sources.get(0) : Intervals.or(sources.toArray(IntervalsSource[]::new));
  }

  /**
   * One form: a term; several Chinese terms as a phrase, or, where the analyzer left a position
   * empty inside it (a stop word, as an empty string), in order within the width the text gives
   * them; several English words in order, with up to {@value #ENGLISH_SLACK} other words among
   * them.
   *
   * <p>Why English words get slack: a unit is only asked to be near its neighbour, and a page says
   * "changes the file" or "file of the system" where a dictionary phrase says "change file" or
   * "file system". Held to the exact phrase, an English phrase concept took the place of words
   * that each matched before, and translation cost English titles MRR@10 0.012 (en2en.title
   * 0.4636 against 0.4751 without translation). With the slack: 0.4692, mixed-en.title +0.001,
   * zh2en.title +0.001, en2en.sent −0.001, the rest unchanged (bench/crosslang/PROXIMITY-SWEEP.md,
   * session 19). A Chinese phrase stays exact: 行号 split into 行 … 号 is no longer "line number".
   */
  private static IntervalsSource form(List<String> terms) {
    if (terms.size() == 1) {
      return Intervals.term(terms.get(0));
    }
    IntervalsSource[] words = terms.stream().filter(t -> !t.isEmpty()).map(Intervals::term).toArray(IntervalsSource[]::new);
    if (!TermKey.isHan(terms.get(0))) {
      return Intervals.maxwidth(terms.size() + ENGLISH_SLACK, Intervals.ordered(words));
    }
    return words.length == terms.size()
        ? Intervals.phrase(words)
        : Intervals.maxwidth(terms.size(), Intervals.ordered(words));
  }
}
