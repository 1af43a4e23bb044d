package io.liaison.query;

import java.util.List;

/**
 * One way to say a concept: the user's word or one of its translations.
 *
 * @param text the term as it is searched (before analysis)
 * @param weight its weight inside the concept, in (0, 1]
 * @param origin where it came from
 * @param documents for mined aliases, the ids of the documents that stated it; empty otherwise
 */
public record Alternative(String text, float weight, Origin origin, List<String> documents) {
  public Alternative {
    if (!(weight > 0f && weight <= 1f)) {
      throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
    }
    documents = List.copyOf(documents);
  }
}
