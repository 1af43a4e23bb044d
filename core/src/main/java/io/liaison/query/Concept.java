package io.liaison.query;

import java.util.List;

/**
 * A source word or phrase of the query with every way of saying it; it is scored as one unit.
 *
 * @param source the words as the user typed them
 * @param alternatives the source itself first, then its translations, heaviest first
 */
public record Concept(String source, List<Alternative> alternatives) {
  public Concept {
    alternatives = List.copyOf(alternatives);
  }
}
