package io.liaison.query;

import io.liaison.analysis.ChineseScript;
import java.util.Locale;
import java.util.regex.Pattern;

/** The form under which glossary terms, aliases and query spans are compared. */
final class TermKey {
  // Compiled once: keys are computed many times per query and for every alias at start-up.
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=\\p{IsHan}) (?=\\p{IsHan})");

  private TermKey() {}

  /**
   * Half-width, Simplified script, lower case, single spaces, no spaces between Han characters.
   * Half-width as the analyzer folds it ({@code CJKWidthCharFilter}): a Chinese input method in
   * full-width mode types ｌｉａｉｓｏｎ and ＣＥＣＣ, which must find the dictionary's and the
   * glossary's liaison and CECC.
   */
  static String of(String text) {
    String s = ChineseScript.toSimplified(halfWidth(text)).toLowerCase(Locale.ROOT).strip();
    if (!hasWhitespace(s)) {
      return s; // the common case, a single word: nothing for the patterns to do
    }
    s = SPACES.matcher(s).replaceAll(" ");
    // 中国 经济 and 中国经济 are the same Chinese phrase.
    return SPACE_BETWEEN_HAN.matcher(s).replaceAll("");
  }

  /** Full-width ASCII (U+FF01 to U+FF5E) and the ideographic space as their ASCII forms. */
  static String halfWidth(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char folded = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
      if (folded != c) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = folded;
      }
    }
    return chars == null ? text : new String(chars);
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isHan(String text) {
    return ChineseScript.containsHan(text);
  }
}
