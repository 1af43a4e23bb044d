package io.liaison.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the hits of a result list that mixes English and Chinese documents, so that each
 * language's best hits stand beside the other's.
 *
 * <p>A translated query scores documents in its own language through the words as typed and
 * documents in the other language only through translations, which weigh less (a translation is
 * less certain than the user's word). Ranked by raw score, an English query would bury the
 * Chinese version of the very document it finds in English. This is the result-merging problem of
 * multilingual retrieval; like normalised-score merging there, the scores of the weaker language
 * are scaled so that its best hit scores like the best hit overall, but by at most {@link
 * #MAX_LIFT}: a language whose best hit scores under half the overall best (a weak, incidental
 * match) is lifted only by that much and stays below. Within a language the order never changes.
 * On equal merged scores the hit that scored higher before merging goes first, then the lower
 * id. A list in one language is returned as it came.
 *
 * <p>Languages are grouped by script: {@code en} against {@code zh} and {@code mixed} (both hold
 * Chinese text). Both backends find the best hits of each group and merge them through this
 * class, so a page is the same from either.
 * Stateless and thread-safe.
 */
public final class LanguageBalance {
  /** The most a language's scores are raised: its best hit must score at least half the overall best to draw level. */
  static final float MAX_LIFT = 2f;
  /** The language code of English documents; every other code holds Chinese text. */
  public static final String ENGLISH = "en";

  private LanguageBalance() {}

  /**
   * True if a search's hits are merged across languages: a translated query that is not limited
   * to one language (without translation, the other language's hits are incidental matches).
   */
  public static boolean appliesTo(SearchRequest request) {
    return request.translate() && request.language().isEmpty();
  }

  /**
   * One hit before merging.
   *
   * @param item what the caller keeps with it (a Lucene doc number, a JSON hit)
   * @param id the document id, which breaks ties as {@link Searcher#RANKING} does
   * @param lang the document's language code
   * @param score its raw score
   */
  public record Candidate<T>(T item, String id, String lang, float score) {}

  /**
   * The candidates in merged order, each with its merged score: the raw score, times the lift of
   * its language (1 for the language of the best hit). To fill a page of merged hits exactly, pass
   * the best hits of each language down to that page's last rank (a language's order never
   * changes, so no other hit can enter the page).
   */
  public static <T> List<Candidate<T>> merge(List<Candidate<T>> byRawScore) {
    Map<String, Float> best = new HashMap<>();
    float top = 0f;
    for (Candidate<T> c : byRawScore) {
      best.merge(group(c.lang()), c.score(), Math::max);
      top = Math.max(top, c.score());
    }
    if (best.size() < 2 || !(top > 0f)) {
      return List.copyOf(byRawScore);
    }
    Map<String, Float> lift = new HashMap<>();
    for (Map.Entry<String, Float> e : best.entrySet()) {
      lift.put(e.getKey(), top / Math.max(e.getValue(), top / MAX_LIFT));
    }
    record Lifted<T>(Candidate<T> merged, float raw) {}
    List<Lifted<T>> lifted = new ArrayList<>(byRawScore.size());
    for (Candidate<T> c : byRawScore) {
      // At most the best overall: a lifted best hit ties it exactly, whatever the rounding.
      float merged = Math.min(top, c.score() * lift.get(group(c.lang())));
      lifted.add(new Lifted<>(new Candidate<>(c.item(), c.id(), c.lang(), merged), c.score()));
    }
    // A lifted best hit draws level with the best overall; the one that scored higher as it was goes first.
    lifted.sort(Comparator.<Lifted<T>>comparingDouble(l -> -l.merged().score())
        .thenComparingDouble(l -> -l.raw())
        .thenComparing(l -> l.merged().id()));
    return lifted.stream().map(Lifted::merged).toList();
  }

  /** English documents against those holding Chinese text. */
  private static String group(String lang) {
    return ENGLISH.equals(lang) ? ENGLISH : "zh";
  }
}
