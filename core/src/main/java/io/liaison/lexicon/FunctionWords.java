package io.liaison.lexicon;

import java.util.HashSet;
import java.util.Set;

/**
 * Chinese function words (particles, prepositions, pronouns, auxiliaries) that carry no meaning a
 * dictionary can carry across languages. The query translator searches them as typed and does not
 * translate them: ECDICT's inverted entries give them either English stop words or rare glosses of
 * one idiom (把 → lall, 成 → cheng), which only add noise in the other language.
 *
 * <p>The list is a resource written for the project ({@code function-words-zh.txt}, Simplified
 * script). Immutable and thread-safe.
 */
public final class FunctionWords {
  static final String RESOURCE = "function-words-zh.txt";

  private final Set<String> words;

  private FunctionWords(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  private static final class Holder {
    static final FunctionWords CHINESE = load();

    private static FunctionWords load() {
      Set<String> words = new HashSet<>();
      for (String line : BundledList.lines(RESOURCE)) {
        words.add(line.strip());
      }
      return new FunctionWords(words);
    }
  }

  /** The bundled Chinese list. */
  public static FunctionWords chinese() {
    return Holder.CHINESE;
  }

  /** True if {@code simplified} (one word, Simplified script, no spaces) is a function word. */
  public boolean contains(String simplified) {
    return words.contains(simplified);
  }

  /** Number of words in the list. */
  public int size() {
    return words.size();
  }
}
