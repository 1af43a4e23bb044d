package io.liaison.backend;

import io.liaison.index.Fields;
import io.liaison.query.CorpusNames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link CorpusNames} answered by an index on a cluster, each question in one request: a {@code
 * filters} aggregation with a bucket per bigram (a term of the bigram field) or per name (a phrase
 * in the title or body, analysed by the index's own analyzer, as the embedded {@code IndexedNames}
 * analyses it). The counts are the embedded index's, so a name finds the same spellings on both.
 */
final class ClusterNames implements CorpusNames {
  private final OpenSearchCluster cluster;

  ClusterNames(OpenSearchCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Set<String> bigramsHeld(Collection<String> bigrams) {
    return new LinkedHashSet<>(counts(bigrams, b -> Json.createObjectBuilder()
        .add("term", Json.createObjectBuilder().add(Fields.HAN_BIGRAMS, b)).build()).keySet());
  }

  @Override
  public Map<String, Integer> documentsWith(Collection<String> names) {
    return counts(names, name -> {
      var either = Json.createArrayBuilder();
      for (String field : List.of(Fields.TITLE, Fields.BODY)) {
        either.add(Json.createObjectBuilder().add("match_phrase", Json.createObjectBuilder().add(field, name)));
      }
      return Json.createObjectBuilder().add("bool", Json.createObjectBuilder().add("should", either)).build();
    });
  }

  /** The number of documents each key's filter matches, keys matching none left out. */
  private Map<String, Integer> counts(Collection<String> keys, Function<String, JsonObject> filter) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    JsonObjectBuilder filters = Json.createObjectBuilder();
    for (String key : keys) {
      filters.add(key, filter.apply(key));
    }
    String body = Json.createObjectBuilder()
        .add("size", 0)
        .add("aggs", Json.createObjectBuilder().add("names", Json.createObjectBuilder()
            .add("filters", Json.createObjectBuilder().add("filters", filters))))
        .build().toString();
    try {
      JsonObject buckets = cluster.json("POST", cluster.path("/_search"), Map.of(), body, "look up a name's characters")
          .getJsonObject("aggregations").getJsonObject("names").getJsonObject("buckets");
      Map<String, Integer> out = new LinkedHashMap<>();
      for (String key : keys) {
        JsonObject bucket = buckets.getJsonObject(key);
        int n = bucket == null ? 0 : bucket.getInt("doc_count");
        if (n > 0) {
          out.put(key, n);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
