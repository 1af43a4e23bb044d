package io.liaison.query;

import io.liaison.analysis.ChineseScript;
import java.util.Locale;

/** The form under which glossary terms, aliases and query spans are compared. */
final class TermKey {
  private TermKey() {}

  /** Simplified script, lower case, single spaces, no spaces between Han characters. */
  static String of(String text) {
    String s = ChineseScript.toSimplified(text).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    // 中国 经济 and 中国经济 are the same Chinese phrase.
    return s.replaceAll("(?<=\\p{IsHan}) (?=\\p{IsHan})", "");
  }

  static boolean isHan(String text) {
    return text.codePoints().anyMatch(ChineseScript::isHan);
  }
}
