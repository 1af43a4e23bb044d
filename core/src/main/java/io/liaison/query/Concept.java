package io.liaison.query;

import java.util.List;

/**
 * A source word or phrase of the query with every way of saying it; it is scored as one unit.
 *
 * @param source the words as the user typed them
 * @param alternatives the source itself first, then its translations, heaviest first
 * @param phrase true for a multi-word unit found in the glossary, the aliases or the dictionary;
 *     it adds to the concepts of its words rather than replacing them, is searched only through
 *     its translations (its own words already count through their concepts), and is never required
 */
public record Concept(String source, List<Alternative> alternatives, boolean phrase) {
  public Concept {
    alternatives = List.copyOf(alternatives);
  }

  /** A concept for one source word. */
  public Concept(String source, List<Alternative> alternatives) {
    this(source, alternatives, false);
  }
}
