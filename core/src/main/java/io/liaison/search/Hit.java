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
 * @param versions the same text in the other language ({@link VersionLinker}), shown with this hit
 *     and not again as a hit of its own lower on the list; empty when there is none
 */
public record Hit(String id, String title, String lang, String folder, float score, List<String> snippets,
    List<Version> versions) {
  public Hit {
    snippets = List.copyOf(snippets);
    versions = List.copyOf(versions);
  }

  /** A hit without versions. */
  public Hit(String id, String title, String lang, String folder, float score, List<String> snippets) {
    this(id, title, lang, folder, score, snippets, List.of());
  }
}
