package io.liaison.search;

import io.liaison.query.Concept;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many documents match in all
 * @param tookMs time taken in milliseconds
 * @param hits the requested page of hits
 * @param expansion how the query was translated: one concept per source word or phrase
 * @param facets counts of matching documents per language and per folder
 */
public record SearchResponse(
    long total, long tookMs, List<Hit> hits, List<Concept> expansion, Map<String, Map<String, Long>> facets) {
  public SearchResponse {
    hits = List.copyOf(hits);
    expansion = List.copyOf(expansion);
  }
}
