package io.liaison.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.liaison.query.Concept;
import io.liaison.search.Hit;
import io.liaison.search.SearchResponse;
import io.liaison.search.Version;
import java.util.List;

/** Jackson configured once, and the JSON shapes shared by the command line and the API. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /** One hit as {@code liaison search --json} prints it. */
  public record CliHit(String id, String title, String lang, float score, String snippet, List<Version> versions) {}

  /**
   * {@code {"total": N, "hits": [...], "expansion": [...]}}: the output of {@code liaison search --json}.
   * The expansion is the API's own ({@code expansion} of {@code /api/search}): the same records
   * through the same mapper, so the two cannot drift apart.
   */
  public record CliResult(long total, List<CliHit> hits, List<Concept> expansion) {}

  public static CliResult cliResult(SearchResponse r) {
    return new CliResult(r.total(), r.hits().stream().map(Json::cliHit).toList(), r.expansion());
  }

  private static CliHit cliHit(Hit h) {
    return new CliHit(h.id(), h.title(), h.lang(), h.score(), h.snippets().isEmpty() ? "" : String.join(" … ", h.snippets()),
        h.versions());
  }

  /** Every error body: what went wrong and, for query syntax errors, where. */
  public record Error(String error, String message, Integer position) {}
}
