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

  /** Simplified script, lower case, single spaces, no spaces between Han characters. */
  static String of(String text) {
    String s = ChineseScript.toSimplified(text).toLowerCase(Locale.ROOT).strip();
    if (!hasWhitespace(s)) {
      return s; // the common case, a single word: nothing for the patterns to do
    }
    s = SPACES.matcher(s).replaceAll(" ");
    // 中国 经济 and 中国经济 are the same Chinese phrase.
    return SPACE_BETWEEN_HAN.matcher(s).replaceAll("");
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
    return text.codePoints().anyMatch(ChineseScript::isHan);
  }
}
