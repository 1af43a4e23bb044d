package io.liaison.backend;

import io.liaison.index.Fields;
import io.liaison.search.Suggester;
import io.liaison.search.SuggestionIndex;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Titles and terms of an index on the cluster, asked for at each suggestion, so that any number of
 * servers share one index and hold nothing of their own. Titles: a wildcard query on the folded
 * title, one hit per folded title (field collapsing), in title order, as the embedded suggester
 * lists them. Terms: the plugin's {@code liaison_terms} suggester, which reads each shard's terms
 * dictionary from the prefix on; shard frequencies add up to the index's. Thread-safe.
 */
final class ClusterSuggestionIndex implements SuggestionIndex {
  /** The plugin's suggester of indexed terms by prefix. */
  static final String TERMS_SUGGESTER = "liaison_terms";

  private final OpenSearchCluster cluster;

  /** Reads through {@code cluster}, which stays its owner's to close. */
  ClusterSuggestionIndex(OpenSearchCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public List<String> titles(String folded, int max) throws IOException {
    JsonObject body = Json.createObjectBuilder()
        .add("size", max)
        .add("track_total_hits", false)
        .add("query", Json.createObjectBuilder().add("wildcard", Json.createObjectBuilder()
            .add(OpenSearchIndexer.TITLE_FOLDED, Json.createObjectBuilder().add("value", "*" + escapeWildcard(folded) + "*"))))
        .add("collapse", Json.createObjectBuilder().add("field", OpenSearchIndexer.TITLE_FOLDED))
        .add("sort", Json.createArrayBuilder().add(Json.createObjectBuilder().add(OpenSearchIndexer.TITLE_SORT, "asc")))
        .add("_source", Json.createArrayBuilder().add(Fields.TITLE))
        .build();
    List<String> titles = new ArrayList<>();
    for (JsonValue hit : search(body, "find titles for suggestions").getJsonObject("hits").getJsonArray("hits")) {
      titles.add(hit.asJsonObject().getJsonObject("_source").getString(Fields.TITLE, ""));
    }
    return titles;
  }

  @Override
  public List<Suggester.Suggestion> terms(String prefix, int max) throws IOException {
    if (prefix.isEmpty()) {
      return List.of();
    }
    JsonObjectBuilder suggest = Json.createObjectBuilder();
    for (String field : List.of(Fields.TITLE, Fields.BODY)) {
      // Every scanned term from each shard: the top ones by total frequency are then exact.
      suggest.add(field, Json.createObjectBuilder().add("text", prefix).add(TERMS_SUGGESTER, Json.createObjectBuilder()
          .add("field", field).add("size", max).add("shard_size", TERMS_SCANNED)));
    }
    JsonObject body = Json.createObjectBuilder().add("size", 0).add("track_total_hits", false).add("suggest", suggest).build();
    JsonObject reply = search(body, "find terms for suggestions").getJsonObject("suggest");
    Map<String, Long> freq = new LinkedHashMap<>();
    for (String field : List.of(Fields.TITLE, Fields.BODY)) {
      for (JsonValue entry : reply.getJsonArray(field)) {
        for (JsonValue o : entry.asJsonObject().getJsonArray("options")) {
          JsonObject option = o.asJsonObject();
          freq.merge(option.getString("text"), option.getJsonNumber("freq").longValue(), Math::max);
        }
      }
    }
    return freq.entrySet().stream()
        .map(x -> new Suggester.Suggestion(x.getKey(), "term", x.getValue()))
        .sorted(Suggester.BY_WEIGHT)
        .toList();
  }

  private JsonObject search(JsonObject body, String what) throws IOException {
    return cluster.json("POST", cluster.path("/_search"), Map.of(), body.toString(), what);
  }

  /** The text matched literally inside a wildcard pattern. */
  static String escapeWildcard(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Nothing to do: every call reads the cluster's current state. */
  @Override
  public void refresh() {}

  /** Nothing to close: the connection is the backend's. */
  @Override
  public void close() {}
}
