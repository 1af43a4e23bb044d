package io.liaison.server;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.index.IndexSummary;
import io.liaison.query.Concept;
import io.liaison.search.Hit;
import io.liaison.search.SearchResponse;
import io.liaison.search.StoredDocument;
import io.liaison.search.Suggester;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the API, as records. */
final class ApiResponses {
  private ApiResponses() {}

  record SearchResult(
      String query, int page, int limit, long total, long tookMs, List<Hit> hits, List<Concept> expansion,
      Map<String, Map<String, Long>> facets) {
    static SearchResult of(String query, int page, int limit, SearchResponse r) {
      return new SearchResult(query, page, limit, r.total(), r.tookMs(), r.hits(), r.expansion(), r.facets());
    }
  }

  record Document(
      String id, String title, String lang, String folder, long size, long modified, String hash, String body,
      List<String> aliases) {
    static Document of(StoredDocument d) {
      return new Document(d.id(), d.title(), d.lang(), d.folder(), d.size(), d.modified(), d.hash(), d.body(), d.aliases());
    }
  }

  record Analysis(String text, List<AnalyzedToken> tokens) {}

  record Suggestions(String prefix, List<Suggester.Suggestion> suggestions) {}

  record Health(String status, int documents) {}

  /**
   * The rebuild job: {@code state} is idle, running, succeeded or failed; {@code progress} is that of
   * the running or last run (null before the first). {@code lastWarning} is set when the last
   * rebuild's documents were indexed and are searched but linking their language versions did not
   * finish; the rebuild still succeeded.
   */
  record RebuildStatus(
      String state, Long startedAt, Long finishedAt, Long elapsedMs, RebuildProgress progress, IndexSummary lastResult,
      String lastError, String lastWarning) {}

  /**
   * Files of a rebuild finished (indexed, unchanged or skipped) out of the files found; the total is 0
   * while the corpus folder is still being walked. The rate is over the files done so far. Once the
   * files are committed (and searchable), the documents searched for their language version out
   * of those to search; null until linking starts.
   */
  record RebuildProgress(int filesDone, int filesTotal, double filesPerSecond, Integer linkingDone, Integer linkingTotal) {}

  record Accepted(String status, String statusUrl) {}
}
