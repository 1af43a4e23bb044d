package io.liaison.search;

/**
 * A query that is well formed but too expensive to run: it names the limit it hit, so the user can
 * change the query. A server answers it with 400.
 */
public final class SearchLimitException extends IllegalArgumentException {
  private final String limit;

  public SearchLimitException(String limit, String message, Throwable cause) {
    super(message, cause);
    this.limit = limit;
  }

  /** Which limit: {@code clauses} (see {@link org.apache.lucene.search.IndexSearcher#getMaxClauseCount()}). */
  public String limit() {
    return limit;
  }
}
