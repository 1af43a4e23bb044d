package io.liaison.lexicon;

import java.util.HashSet;
import java.util.Set;

/**
 * Function words (particles, prepositions, pronouns, auxiliaries) that carry no meaning a
 * dictionary can carry across languages. The query translator searches both lists' words as
 * typed and does not translate them.
 *
 * <p>{@linkplain #chinese() Chinese}: ECDICT's inverted entries give them either English stop
 * words or rare glosses of one idiom (把 → lall, 成 → cheng), which only add noise in the other
 * language.
 *
 * <p>{@linkplain #english() English}: their Chinese glosses (how: 如何, do: 进行) are in every
 * Chinese page; and they are never offered as the translation of a Chinese word (原因 → why,
 * 许多 → much): in English text they match nearly every document.
 *
 * <p>The lists are resources written for the project ({@code function-words-zh.txt} in Simplified
 * script, {@code function-words-en.txt} in lower case). Immutable and thread-safe.
 */
public final class FunctionWords {
  static final String RESOURCE = "function-words-zh.txt";
  static final String ENGLISH_RESOURCE = "function-words-en.txt";

  private final Set<String> words;

  private FunctionWords(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  private static FunctionWords load(String resource) {
    Set<String> words = new HashSet<>();
    for (String line : BundledList.lines(resource)) {
      words.add(line.strip());
    }
    return new FunctionWords(words);
  }

  // One holder per list, so each is read on first use and a fault in one cannot break the other.
  private static final class ChineseHolder {
    static final FunctionWords LIST = load(RESOURCE);
  }

  private static final class EnglishHolder {
    static final FunctionWords LIST = load(ENGLISH_RESOURCE);
  }

  /** The bundled Chinese list. */
  public static FunctionWords chinese() {
    return ChineseHolder.LIST;
  }

  /** The bundled English list. */
  public static FunctionWords english() {
    return EnglishHolder.LIST;
  }

  /**
   * True if {@code word} is a function word: for the Chinese list one word in Simplified script,
   * for the English list one word in lower case, without spaces.
   */
  public boolean contains(String word) {
    return words.contains(word);
  }

  /** Number of words in the list. */
  public int size() {
    return words.size();
  }
}
