package io.liaison.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Makes the query for one concept searched in some fields. {@link ConceptQueryBuilder} builds the
 * Lucene query itself; a remote backend may instead keep the concept to send it to the cluster.
 */
@FunctionalInterface
public interface ConceptQueryFactory {
  /**
   * @param fields the text fields to search, in order
   * @param concept the concept with its weighted alternatives
   * @param slop phrase slop; negative for an unquoted run of words
   * @return the query, or null when no alternative has a searchable term
   */
  Query build(List<String> fields, Concept concept, int slop);

  /**
   * Several concepts, each across {@code fields}, joined with {@code occur}; null when none has a
   * searchable term. How a run of plain words is searched, by {@link LiaisonQueryParser} and by the
   * OpenSearch plugin alike. A {@linkplain Concept#phrase() phrase} concept is always optional
   * (SHOULD): it adds to the concepts of its words, so requiring it would lose documents that word
   * the idea differently. So is a Chinese function word that stands aside ({@link
   * QueryTranslator#standingAside}).
   *
   * @param built told of each concept that gave a query, with that query, in order
   */
  default Query build(List<String> fields, List<Concept> concepts, BooleanClause.Occur occur, int slop,
      BiConsumer<Concept, Query> built) {
    return build(fields, concepts, c -> occur, slop, built);
  }

  /**
   * As above, each concept that is no phrase joined with the occur {@code occurOf} gives it: the
   * words of runs that operators joined keep what the operators made each of them ({@link
   * LiaisonQueryParser}).
   */
  default Query build(List<String> fields, List<Concept> concepts, Function<Concept, BooleanClause.Occur> occurOf,
      int slop, BiConsumer<Concept, Query> built) {
    List<Query> parts = new ArrayList<>();
    List<BooleanClause.Occur> occurs = new ArrayList<>();
    Set<Concept> aside = QueryTranslator.standingAside(concepts);
    for (Concept c : concepts) {
      Query q = build(fields, c, slop);
      if (q != null) {
        built.accept(c, q);
        parts.add(q);
        occurs.add(c.phrase() || aside.contains(c) ? BooleanClause.Occur.SHOULD : occurOf.apply(c));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    // Neighbouring words found close together count extra (ConceptProximity); optional, so they
    // change scores only, and within a share of the clause limit, so one run cannot take the query
    // past it (LiaisonQueryParser checks the whole query).
    int base = parts.stream().mapToInt(ConceptProximity::budgetClauses).sum();
    for (Query near : ConceptProximity.withinBudget(proximity(fields, concepts), base)) {
      parts.add(near);
      occurs.add(BooleanClause.Occur.SHOULD);
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < parts.size(); i++) {
      b.add(parts.get(i), occurs.get(i));
    }
    return b.build();
  }

  /**
   * The clauses that credit neighbouring units of {@code concepts} (the concepts of one run of
   * words, in order) for being found close together in {@code fields}, most important first. None
   * by default. A remote backend returns one stand-in for them all, and the cluster builds them
   * with {@link ConceptQueryBuilder#proximityOf}.
   */
  default List<Query> proximity(List<String> fields, List<Concept> concepts) {
    return List.of();
  }

  /**
   * A factory whose queries search a concept's regional forms in every page rather than its Taiwan
   * forms in Traditional pages only and its mainland forms in the others ({@link
   * ConceptQueryBuilder#inField}), with fewer clauses; this one when
   * it has no such choice (a remote backend's clauses are counted on the cluster).
   */
  default ConceptQueryFactory taiwanFormsEverywhere() {
    return this;
  }

  /** As above, with no one told of the parts. */
  default Query build(List<String> fields, List<Concept> concepts, BooleanClause.Occur occur, int slop) {
    return build(fields, concepts, occur, slop, (c, q) -> {});
  }
}
