package io.liaison.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Chinese word the dictionary does not list into the longest words of two or more
 * characters it does list: 系统调用号 into 系统调用 (system call), 质因数 into 因数 (factor; 质 alone
 * is a single character). Chinese forms technical words by compounding, and SmartCN's dictionary
 * knows many that ECDICT lacks, so without this such a word could not be translated at all.
 *
 * <p>Single characters are not parts: ECDICT's inverted entries for them are mostly romanisations
 * and rare words (清: ch'ing, 屏: besel, 质: guilder), and measured as parts they added nothing on
 * bench/crosslang.
 */
public final class ChineseCompounds {
  private ChineseCompounds() {}

  /** The shortest part, in characters. */
  static final int MIN_PART = 2;

  /**
   * The word's parts, left to right, each with the dictionary's translations; a character that
   * starts no known part is skipped. Empty if the dictionary lists the word whole (it needs no
   * splitting) or knows none of its parts.
   */
  public static List<Part> split(Lexicon lexicon, String word) {
    int length = word.codePointCount(0, word.length());
    if (length <= MIN_PART || !lexicon.toEnglish(word).isEmpty()) {
      return List.of();
    }
    List<Part> parts = new ArrayList<>();
    int start = 0; // in code points
    while (start < length) {
      int taken = 1;
      for (int end = Math.min(length, start + lexicon.longestChineseEntry()); end >= start + MIN_PART; end--) {
        if (end - start == length) {
          continue; // the whole word, known not to be listed
        }
        String piece = word.substring(word.offsetByCodePoints(0, start), word.offsetByCodePoints(0, end));
        List<Translation> translations = lexicon.toEnglish(piece);
        if (!translations.isEmpty()) {
          parts.add(new Part(piece, translations));
          taken = end - start;
          break;
        }
      }
      start += taken;
    }
    return parts;
  }

  /** One part of a compound and its translations, best first. */
  public record Part(String text, List<Translation> translations) {
    public Part {
      translations = List.copyOf(translations);
    }
  }
}
