package io.liaison.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * What {@link Suggester} reads from an index: document titles and indexed terms. The local index
 * ({@link LocalSuggestionIndex}) and a cluster ({@code io.liaison.backend}) answer alike.
 * Implementations are thread-safe.
 */
public interface SuggestionIndex extends Closeable {
  /** Terms scanned per field for one prefix; the rest of a long run of completions is not read. */
  int TERMS_SCANNED = 2000;

  /**
   * The first {@code max} titles, in title order, whose {@linkplain Suggester#fold folded} form
   * contains {@code folded}; of titles that fold alike, only the first.
   */
  List<String> titles(String folded, int max) throws IOException;

  /**
   * Indexed title and body terms that start with {@code prefix}, each with the larger of its two
   * document frequencies, most frequent first (ties by text); at least the first {@code max} of
   * them, more when that is as cheap.
   */
  List<Suggester.Suggestion> terms(String prefix, int max) throws IOException;

  /** Makes later calls see the latest indexed state. */
  void refresh() throws IOException;
}
