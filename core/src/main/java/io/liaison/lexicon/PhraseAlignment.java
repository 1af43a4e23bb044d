package io.liaison.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * English-to-Chinese word translations learnt from a dictionary's phrase entries, read as a small
 * parallel corpus. ECDICT's row for create gives 创造, 建造, 引起, 任命; its phrases "create
 * directory: 创建目录", "create data file: 创建数据文件", "create task: 生成任务" say that in the
 * texts people search create is also 创建 and 生成, which neither dictionary lists for the word.
 *
 * <p>Each pair of a phrase's English words and one of its Chinese translations, cut into words,
 * is a sentence pair of IBM Model 1 (Brown et al. 1993), trained by expectation maximisation for
 * {@value #ROUNDS} rounds, with an empty English word so that a Chinese word need not come from
 * any. A phrase with several translations counts once in all. The expected counts of the last
 * round give each English word's shares of Chinese words. Only pairs seen in at least {@value
 * #MIN_COUNT} phrases' worth are kept, with a share of at least {@value #MIN_SHARE}, and only
 * Chinese words of two characters or more: a single character in a phrase's translation is
 * mostly a piece of a word the segmenter did not know.
 */
final class PhraseAlignment {

  /** Rounds of expectation maximisation; Model 1's shares settle within a handful. */
  static final int ROUNDS = 5;
  /** Least expected count of a pair over all phrases. */
  static final double MIN_COUNT = 3;
  /** Least share of an English word's aligned Chinese. */
  static final double MIN_SHARE = 0.05;

  private PhraseAlignment() {}

  /**
   * Learns the shares.
   *
   * @param phrases an English phrase (lower case, words separated by single spaces) to its
   *     Chinese translations
   * @param segment cuts a Chinese translation (second argument) of an English phrase (first) into words
   * @param lemma an English word's lemma (files: file), or the word itself
   * @param stopWord English words left out of the phrases
   * @return English word to Chinese word to share, the shares of one word summing to at most 1
   */
  static Map<String, Map<String, Float>> learn(Map<String, List<String>> phrases, BiFunction<String, String, List<String>> segment,
      Function<String, String> lemma, Predicate<String> stopWord) {
    Vocabulary english = new Vocabulary();
    Vocabulary chinese = new Vocabulary();
    english.id(""); // the empty word, 0
    Map<Long, Integer> cellOf = new HashMap<>();
    List<int[]> cells = new ArrayList<>(); // per pair: for each Chinese word, a cell per English word
    List<Integer> widths = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : phrases.entrySet()) {
      List<Integer> en = new ArrayList<>(List.of(0));
      for (String w : e.getKey().split(" ")) {
        int id = stopWord.test(w) ? 0 : english.id(lemma.apply(w));
        if (!en.contains(id)) {
          en.add(id);
        }
      }
      if (en.size() == 1) {
        continue;
      }
      float weight = 1f / e.getValue().size();
      for (String translation : e.getValue()) {
        List<Integer> zh = new ArrayList<>();
        for (String w : segment.apply(e.getKey(), translation)) {
          if (SenseCleaner.isHanWord(w)) {
            zh.add(chinese.id(w));
          }
        }
        if (zh.isEmpty()) {
          continue;
        }
        int[] pair = new int[zh.size() * en.size()];
        int i = 0;
        for (int c : zh) {
          for (int w : en) {
            pair[i++] = cellOf.computeIfAbsent(((long) w << 32) | c, k -> cellOf.size());
          }
        }
        cells.add(pair);
        widths.add(en.size());
        weights.add(weight);
      }
    }
    int[] cellEnglish = new int[cellOf.size()];
    int[] cellChinese = new int[cellOf.size()];
    cellOf.forEach((k, v) -> {
      cellEnglish[v] = (int) (k >>> 32);
      cellChinese[v] = (int) (long) k;
    });
    double[] t = new double[cellOf.size()];
    Arrays.fill(t, 1d);
    double[] counts = new double[cellOf.size()];
    double[] totals = new double[english.size()]; // per English word, the sum of its counts
    for (int round = 0; round < ROUNDS; round++) {
      Arrays.fill(counts, 0d);
      Arrays.fill(totals, 0d);
      for (int p = 0; p < cells.size(); p++) {
        int[] pair = cells.get(p);
        int width = widths.get(p);
        float weight = weights.get(p);
        for (int start = 0; start < pair.length; start += width) {
          double z = 0;
          for (int i = start; i < start + width; i++) {
            z += t[pair[i]];
          }
          for (int i = start; i < start + width; i++) {
            double d = weight * t[pair[i]] / z;
            counts[pair[i]] += d;
            totals[cellEnglish[pair[i]]] += d;
          }
        }
      }
      for (int cell = 0; cell < t.length; cell++) {
        t[cell] = counts[cell] / totals[cellEnglish[cell]];
      }
    }
    // The last round's shares are t; its counts say how much evidence each pair had.
    Map<String, Map<String, Float>> shares = new HashMap<>();
    for (int cell = 0; cell < counts.length; cell++) {
      int w = cellEnglish[cell];
      String zh = chinese.word(cellChinese[cell]);
      double share = t[cell];
      if (w != 0 && counts[cell] >= MIN_COUNT && share >= MIN_SHARE && zh.codePointCount(0, zh.length()) >= 2) {
        shares.computeIfAbsent(english.word(w), k -> new LinkedHashMap<>()).put(zh, (float) share);
      }
    }
    return shares;
  }

  /** Words to dense ids and back. */
  private static final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    int id(String word) {
      return ids.computeIfAbsent(word, w -> {
        words.add(w);
        return words.size() - 1;
      });
    }

    String word(int id) {
      return words.get(id);
    }

    int size() {
      return words.size();
    }
  }
}
