package io.liaison.query;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the indexed documents hold, asked when an English query names a Chinese person in pinyin
 * (Liu Jianchao): which of the ways of writing the name in characters occur there ({@link
 * PinyinNames}). Asked in batches, so that an index on a cluster answers each in one request.
 * Implementations answer from the index the query is about to search; thread-safe.
 */
public interface CorpusNames {
  /** Knows no documents, so no English name is written in characters. */
  CorpusNames NONE = new CorpusNames() {
    @Override
    public Set<String> bigramsHeld(Collection<String> bigrams) {
      return Set.of();
    }

    @Override
    public Map<String, Integer> documentsWith(Collection<String> names) {
      return Map.of();
    }
  };

  /**
   * Those of {@code bigrams} (two Han characters, Simplified) that some document has side by side:
   * a quick test before {@link #documentsWith}.
   */
  Set<String> bigramsHeld(Collection<String> bigrams);

  /**
   * For each of {@code names} (Simplified) that some document holds as a query for it would match
   * it, its words side by side in the title or body as the segmenter cuts them (a name it does
   * not know, one character each), the number of such documents; names no document holds are left
   * out.
   */
  Map<String, Integer> documentsWith(Collection<String> names);
}
