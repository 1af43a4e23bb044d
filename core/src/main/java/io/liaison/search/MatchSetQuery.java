package io.liaison.search;

import io.liaison.query.ConceptProximity;
import io.liaison.query.ConceptQueryBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A query that matches exactly the documents another query matches, shaped to be counted fast;
 * its scores mean nothing.
 *
 * <p>A translated query is a disjunction of disjunctions: per concept and field a dis-max of a
 * synonym query and phrase queries. Counting it walks that tree document by document, and its
 * phrases make it check positions in every document that holds a phrase's words, which for
 * translations made of common words is most of the index (the phrase 配置文件 and its
 * translation "configuration file": in the 100 k-document benchmark, two-phase phrase iteration
 * was most of counting, 27 % of a whole search against 29.5 % for the count pass). These
 * rewrites keep the set of matches and drop that work:
 *
 * <ul>
 *   <li>a disjunction nested in a disjunction (optional clauses, dis-max, synonym terms, boosts)
 *       is flattened into one set of terms per field, a {@link TermInSetQuery}, which Lucene reads
 *       postings list by postings list into a bit set;
 *   <li>in such a disjunction a phrase holding one of the disjunction's own terms is dropped: every
 *       document it matches already matches that term (a phrase concept's words are concepts of
 *       their own, so this drops most phrases);
 *   <li>optional clauses beside a required one are dropped: they add score, not matches;
 *   <li>in a disjunction, the proximity clauses of {@link ConceptProximity} are dropped: they sit
 *       beside the two concepts they join, and match only documents that hold those concepts' terms;
 *   <li>a concept split by script ({@link #openScriptBranches}) is the concept without its Taiwan
 *       forms, on every page, and the Taiwan forms alone on Traditional pages (a concept with
 *       mainland forms is left as it is);
 *   <li>a {@link io.liaison.query.ContentMatchQuery} is the disjunction of its content clauses:
 *       the Chinese function words beside them make no match on their own.
 * </ul>
 *
 * <p>Anything else (a required or excluded clause's own query, a phrase of terms found nowhere else,
 * wildcards, a minimum number of optional clauses) is kept as it is, so the count stays exact.
 */
final class MatchSetQuery {
  private MatchSetQuery() {}

  /** The rewritten form of {@code query} (already {@linkplain org.apache.lucene.search.IndexSearcher#rewrite rewritten}). */
  static Query of(Query query) {
    Query q = unwrap(query);
    if (q instanceof io.liaison.query.ContentMatchQuery c) {
      return of(c.matchSet());
    }
    if (isDisjunction(q)) {
      Set<Term> terms = new LinkedHashSet<>();
      List<Query> others = new ArrayList<>();
      collect(q, terms, others);
      openScriptBranches(terms, others);
      others.removeIf(o -> o instanceof PhraseQuery p && Arrays.stream(p.getTerms()).anyMatch(terms::contains));
      List<Query> clauses = new ArrayList<>(others.size() + 2);
      // One clause per field: the clause limit counts a synonym query as one clause, so a query
      // within the limit could exceed it once its synonyms were opened into term queries.
      Map<String, List<BytesRef>> byField = new LinkedHashMap<>();
      terms.forEach(t -> byField.computeIfAbsent(t.field(), f -> new ArrayList<>()).add(t.bytes()));
      byField.forEach((field, values) -> clauses.add(values.size() == 1
          ? new TermQuery(new Term(field, values.get(0)))
          : new TermInSetQuery(field, values)));
      others.forEach(o -> clauses.add(of(o)));
      if (clauses.size() == 1) {
        return clauses.get(0);
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      clauses.forEach(c -> b.add(c, BooleanClause.Occur.SHOULD));
      return b.build();
    }
    if (q instanceof BooleanQuery bq) {
      boolean required = bq.clauses().stream().anyMatch(BooleanClause::isRequired);
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() == BooleanClause.Occur.SHOULD && required && bq.getMinimumNumberShouldMatch() == 0) {
          continue;
        }
        // Required clauses only filter here: FILTER skips their scores.
        BooleanClause.Occur occur = c.occur() == BooleanClause.Occur.MUST ? BooleanClause.Occur.FILTER : c.occur();
        b.add(of(c.query()), occur);
      }
      return b.build();
    }
    return q;
  }

  /**
   * Opens the branches of concepts split by script ({@link ConceptQueryBuilder#scriptClause}) among
   * a disjunction's {@code others}. A page not in Traditional script matches such a concept without
   * its Taiwan forms, a Traditional page with them. Where the Traditional branch holds every
   * alternative of the other (as {@link ConceptQueryBuilder#inField} builds them), the two match
   * together what the concept without its forms matches on any page, plus what the Taiwan forms
   * alone match on Traditional pages. So the other branch's alternatives join the disjunction's
   * flat terms, each list read once, and of the Traditional branch only its Taiwan forms are left,
   * under the script clause: a few rare terms where the branch read every alternative's list
   * again. A branch without such a partner is left whole: so is a concept with mainland forms (a
   * Traditional query's, which only the other branch holds), counted exactly but reading the lists
   * its two branches share twice (a form that read them once, the branches' union opened without
   * pairing, measured no faster on Traditional questions: bench/perf/RESULTS.md, session 69).
   */
  private static void openScriptBranches(Set<Term> terms, List<Query> others) {
    List<Branch> elsewhere = new ArrayList<>();
    List<Branch> traditional = new ArrayList<>();
    for (Query o : others) {
      Branch b = Branch.of(o);
      if (b != null) {
        (b.script().occur() == BooleanClause.Occur.MUST_NOT ? elsewhere : traditional).add(b);
      }
    }
    if (elsewhere.isEmpty() || traditional.isEmpty()) {
      return;
    }
    List<Query> kept = new ArrayList<>(others.size());
    Set<Query> opened = new HashSet<>();
    for (Branch t : traditional) {
      for (Branch e : elsewhere) {
        if (!opened.contains(e.query()) && t.script().query().equals(e.script().query())
            && t.terms().containsAll(e.terms()) && t.others().containsAll(e.others())) {
          opened.add(e.query());
          opened.add(t.query());
          terms.addAll(e.terms());
          kept.addAll(e.others());
          List<Query> forms = new ArrayList<>();
          t.terms().stream().filter(x -> !e.terms().contains(x)).forEach(x -> forms.add(new TermQuery(x)));
          t.others().stream().filter(x -> !e.others().contains(x)).forEach(forms::add);
          if (!forms.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            forms.forEach(f -> any.add(f, BooleanClause.Occur.SHOULD));
            kept.add(new BooleanQuery.Builder().add(any.build(), BooleanClause.Occur.FILTER)
                .add(t.script().query(), BooleanClause.Occur.FILTER).build());
          }
          break;
        }
      }
    }
    for (Query o : others) {
      if (!opened.contains(o)) {
        kept.add(o);
      }
    }
    others.clear();
    others.addAll(kept);
  }

  /** One branch of a concept split by script: the branch, its script clause and its alternatives, opened. */
  private record Branch(Query query, BooleanClause script, Set<Term> terms, Set<Query> others) {
    static Branch of(Query q) {
      if (!(q instanceof BooleanQuery b)) {
        return null;
      }
      BooleanClause script = ConceptQueryBuilder.scriptClause(b);
      if (script == null) {
        return null;
      }
      Query within = b.clauses().stream().filter(c -> c.occur() == BooleanClause.Occur.MUST).findFirst().orElseThrow().query();
      Set<Term> terms = new LinkedHashSet<>();
      List<Query> rest = new ArrayList<>();
      collect(within, terms, rest);
      return new Branch(q, script, terms, new LinkedHashSet<>(rest));
    }
  }

  /** Boosts and constant scores change scores, not matches. */
  private static Query unwrap(Query q) {
    while (true) {
      if (q instanceof BoostQuery b) {
        q = b.getQuery();
      } else if (q instanceof ConstantScoreQuery c) {
        q = c.getQuery();
      } else if (q instanceof io.liaison.query.CoordinationQuery c) {
        q = c.query();
      } else {
        return q;
      }
    }
  }

  /** A query that matches what any of its parts matches: optional clauses only, or a dis-max, or synonyms. */
  private static boolean isDisjunction(Query q) {
    if (q instanceof DisjunctionMaxQuery || q instanceof SynonymQuery) {
      return true;
    }
    return q instanceof BooleanQuery bq
        && bq.getMinimumNumberShouldMatch() <= 1
        && !bq.clauses().isEmpty()
        && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
  }

  /** The single terms and the other parts of a disjunction, nested disjunctions opened. */
  private static void collect(Query query, Set<Term> terms, List<Query> others) {
    if (ConceptProximity.isProximity(query)) {
      return; // a proximity clause beside its two concepts: every document it matches holds their terms
    }
    Query q = unwrap(query);
    switch (q) {
      case TermQuery t -> terms.add(t.getTerm());
      case SynonymQuery s -> terms.addAll(s.getTerms());
      case DisjunctionMaxQuery d -> d.getDisjuncts().forEach(x -> collect(x, terms, others));
      case BooleanQuery bq when isDisjunction(bq) -> bq.clauses().forEach(c -> collect(c.query(), terms, others));
      default -> others.add(q);
    }
  }
}
