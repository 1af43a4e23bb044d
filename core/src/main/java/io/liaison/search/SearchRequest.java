package io.liaison.search;

import io.liaison.ingest.Language;
import io.liaison.query.Ablation;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What to search for.
 *
 * @param query the query, in Lucene's classic syntax unless {@code plainText}
 * @param page 1-based page number
 * @param limit hits per page (1 to {@link #MAX_LIMIT})
 * @param language only documents of this language, when present
 * @param translate expand the query with translations
 * @param plainText read the query as plain words, with no syntax (as evaluation topics are)
 * @param ablations parts of translation switched off, for measurement
 * @param folder only documents in this corpus folder (as the folder facet names it), when present
 */
public record SearchRequest(
    String query, int page, int limit, Optional<Language> language, boolean translate, boolean plainText,
    Set<Ablation> ablations, Optional<String> folder) {
  public static final int MAX_LIMIT = 1000;
  public static final int MAX_QUERY_CHARS = 1000;

  public SearchRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the query is empty: give some words to search for");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("the query has " + query.length() + " characters; the limit is " + MAX_QUERY_CHARS);
    }
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more, not " + page);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    ablations = ablations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ablations));
    folder = folder == null ? Optional.empty() : folder.filter(f -> !f.isBlank());
  }

  /** A request in any folder. */
  public SearchRequest(String query, int page, int limit, Optional<Language> language, boolean translate,
      boolean plainText, Set<Ablation> ablations) {
    this(query, page, limit, language, translate, plainText, ablations, Optional.empty());
  }

  /** The first ten hits of a query, translated, in any language. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 1, 10, Optional.empty(), true, false, Set.of());
  }

  public SearchRequest withPage(int page) {
    return new SearchRequest(query, page, limit, language, translate, plainText, ablations, folder);
  }

  public SearchRequest withLimit(int limit) {
    return new SearchRequest(query, page, limit, language, translate, plainText, ablations, folder);
  }

  public SearchRequest withLanguage(Language language) {
    return new SearchRequest(query, page, limit, Optional.ofNullable(language), translate, plainText, ablations, folder);
  }

  public SearchRequest withTranslate(boolean translate) {
    return new SearchRequest(query, page, limit, language, translate, plainText, ablations, folder);
  }

  public SearchRequest withPlainText(boolean plainText) {
    return new SearchRequest(query, page, limit, language, translate, plainText, ablations, folder);
  }

  public SearchRequest withAblations(Set<Ablation> ablations) {
    return new SearchRequest(query, page, limit, language, translate, plainText, ablations, folder);
  }

  /** Restricts the search to one corpus folder; null or blank means any folder. */
  public SearchRequest withFolder(String folder) {
    return new SearchRequest(query, page, limit, language, translate, plainText, ablations, Optional.ofNullable(folder));
  }
}
