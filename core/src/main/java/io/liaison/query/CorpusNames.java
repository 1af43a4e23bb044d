package io.liaison.query;

/**
 * What the indexed documents hold, asked when an English query names a Chinese person in pinyin
 * (Liu Jianchao): which of the ways of writing the name in characters occur there ({@link
 * PinyinNames}). Implementations answer from the index the query is about to search; thread-safe.
 */
public interface CorpusNames {
  /** Knows no documents, so no English name is written in characters (the OpenSearch backend). */
  CorpusNames NONE = new CorpusNames() {
    @Override
    public boolean hasBigram(String bigram) {
      return false;
    }

    @Override
    public int documentsWith(String han) {
      return 0;
    }
  };

  /** True if some document has these two Han characters (Simplified) side by side: a quick test before {@link #documentsWith}. */
  boolean hasBigram(String bigram);

  /**
   * How many documents hold {@code han} (Simplified) as a query for it would match it: its words
   * side by side in the title or body, as the segmenter cuts them (a name it does not know, one
   * character each).
   */
  int documentsWith(String han);
}
