package io.liaison.search;

import java.util.List;

/**
 * One matching document.
 *
 * @param id the document id (its path in the corpus)
 * @param title its title, as plain text
 * @param lang {@code zh}, {@code en} or {@code mixed}
 * @param folder its folder in the corpus
 * @param score the relevance score
 * @param snippets passages of the body, HTML-escaped, with matched terms in {@code <mark>...</mark>}
 */
public record Hit(String id, String title, String lang, String folder, float score, List<String> snippets) {
  public Hit {
    snippets = List.copyOf(snippets);
  }
}
