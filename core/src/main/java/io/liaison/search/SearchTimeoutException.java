package io.liaison.search;

import java.time.Duration;

/**
 * A search that ran past {@link Searcher#timeLimit()} and was stopped; no partial results are
 * returned, since a page and a total that depend on timing would be misleading. A server answers
 * it with 503: the query may succeed when the server is less busy, or when it is narrower.
 */
public final class SearchTimeoutException extends RuntimeException {
  public SearchTimeoutException(Duration limit) {
    super("the search took longer than the limit of " + limit.toMillis() + " ms and was stopped; "
        + "make the query more specific (fewer wildcards, fuzzy terms or regular expressions) or try again later",
        null, false, false);
  }
}
