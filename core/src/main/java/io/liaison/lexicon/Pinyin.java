package io.liaison.lexicon;

import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;

/**
 * Recognises an English dictionary word that is only the pinyin of a Chinese word: ECDICT lists
 * transliterations such as {@code zhong} (中) and {@code cheng} (成) as headwords, and inverting
 * them would offer the pinyin as the word's English translation. Used by {@link LexiconCompiler}
 * at build time ({@link #transliterates}, not thread-safe) and, for the transliteration alone ({@link
 * #toneless}, thread-safe), by {@link PinyinReadingsGenerator} at build time and {@link
 * PersonNames} at query time.
 */
final class Pinyin {
  /** Longer Chinese words are never transliterated as one English headword in ECDICT's noise. */
  private static final int MAX_HAN = 3;

  private static Transliterator transliterator;
  private static final Map<String, String> CACHE = new HashMap<>();

  private Pinyin() {}

  /** True if {@code english} (lower case) spells {@code chinese} in toneless pinyin. */
  static boolean spells(String english, String chinese) {
    int han = chinese.codePointCount(0, chinese.length());
    if (han > MAX_HAN || english.length() > 6 * han || english.isEmpty()) {
      return false;
    }
    for (int i = 0; i < english.length(); i++) {
      char ch = english.charAt(i);
      if (!(ch >= 'a' && ch <= 'z') && ch != ' ') {
        return false;
      }
    }
    return english.replace(" ", "").equals(of(chinese));
  }

  /**
   * True if {@code english} is only the sound of a single character ({@code zhong} for 中, {@code
   * cheng} for 成: ECDICT lists such syllables as headwords, marked 汉语拼音), which inverted would
   * offer the syllable as the character's English translation. A word of several characters whose
   * English headword spells its pinyin is a name English writes so (Beijing for 北京, Shanghai,
   * Guangzhou, Shenzhen) or a loanword (hutong, jiaozi): that is its translation, and kept.
   */
  static boolean transliterates(String english, String chinese) {
    return chinese.codePointCount(0, chinese.length()) == 1 && spells(english, chinese);
  }

  /** Toneless pinyin in lower case, without spaces (中国 → zhongguo), remembered for the build's many lookups. */
  static String of(String chinese) {
    return CACHE.computeIfAbsent(chinese, Pinyin::toneless);
  }

  /**
   * As {@link #of}, not remembered; the first call makes ICU's transliterator (about 0.8 s: it loads
   * its Han-Latin rules). Synchronised: ICU does not document its transliterators as thread-safe.
   */
  static synchronized String toneless(String chinese) {
    if (transliterator == null) {
      transliterator = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    }
    return transliterator.transliterate(chinese).replaceAll("[^a-z]", "");
  }
}
