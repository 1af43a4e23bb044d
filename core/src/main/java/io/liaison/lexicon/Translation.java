package io.liaison.lexicon;

/**
 * One dictionary translation of a term with its weight in (0, 1].
 *
 * <p>The weights of one term's translations sum to at most 1 (exactly 1 for curated entries), so
 * they can be used directly as translation probabilities in a structured query.
 */
public record Translation(String text, float weight) {
  public Translation {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("translation text must not be empty");
    }
    if (!(weight > 0f && weight <= 1f)) {
      throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
    }
  }
}
