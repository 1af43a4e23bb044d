package io.liaison.query;

import java.util.List;

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
  org.apache.lucene.search.Query build(List<String> fields, Concept concept, int slop);
}
