package io.liaison.lexicon;

import io.liaison.analysis.ChineseScript;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The English modal verbs that are nouns or names too (can 罐头, will 遗嘱, may 五月, might 力量),
 * and whether one of them stands as a modal where it is written.
 *
 * <p>ECDICT lists the noun's senses first, so "you can use" was searched for 罐头 (tin can) at the
 * word's full weight and its modal sense 可以 at two thirds of it, and an English page's "you will
 * need" was rendered 遗嘱 (last will). Where one stands as a modal it takes its modal senses alone
 * ({@link #modalSenses}: can 可以, 能, 能够; the facts are ECDICT's {@code aux.} lines, the list is
 * written for Liaison); elsewhere the dictionary's. Dropping them as function words instead, as
 * could and must are dropped, lost more than it gained: a sentence's Chinese translation says
 * 可以 where the English says can (bench/crosslang/LEXICON-SWEEP.md, session 73). Which use it is,
 * is told from the neighbours, as a tagger would in the commonest cases: a modal is followed by a
 * word (the verb, or an adverb before it: can also be) and is not preceded by an article, a
 * possessive or a determiner that is never a pronoun (a can, the will, his will, every can; but
 * this will, that may, some can are modals); a capitalised word after the first ({@code in May the
 * release}) is a name, one in capitals ({@code CAN bus}) too, and one followed by a number
 * ({@code May 2024}) or nothing is not a modal.
 *
 * <p>Stateless and thread-safe.
 */
public final class EnglishModals {
  /**
   * Words after which one of them is a noun: articles, possessives, the determiners that are never
   * pronouns (every, no), and free, good, last, ill will. Not the demonstratives and quantifiers that
   * stand alone as pronouns or begin a clause (this, that, these, those, each, any, some): in
   * "this will install", "options that may be given", "some may fail" the word is the modal, and in
   * a manual "this can of" or "that will" (the testament) hardly occurs.
   */
  private static final Set<String> BEFORE_NOUN = Set.of(
      "a", "an", "the", "my", "your", "his", "her", "its", "our", "their",
      "whose", "every", "no", "one's", "free", "good", "last", "ill");

  /** The modal senses, best first. */
  private static final Map<String, List<String>> SENSES = Map.of(
      "can", List.of("可以", "能", "能够"),
      "may", List.of("可以", "可能", "也许"),
      "might", List.of("可能", "也许"),
      "will", List.of("将", "会"));

  private EnglishModals() {}

  /** The Chinese senses of a modal verb ({@code word} in any case), best first; empty for any other word. */
  public static List<String> modalSenses(String word) {
    return SENSES.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
  }

  /** True if {@code word} is one of the four, in any case. */
  public static boolean isModalWord(String word) {
    return SENSES.containsKey(word.toLowerCase(Locale.ROOT));
  }

  /**
   * True if {@code word}, as written, stands as a modal verb between {@code previous} and {@code
   * next} (the words beside it, as written; {@code null} at either end). {@code first} says whether
   * it begins its text (a capital there is the sentence's, not a name's).
   */
  public static boolean standsAsModal(String previous, String word, String next, boolean first) {
    if (!isModalWord(word) || next == null || !isWord(next)) {
      return false;
    }
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
      return false; // CAN (the bus), WILL: a name or an acronym, as WHO is
    }
    if (!first && Character.isUpperCase(word.charAt(0))) {
      return false; // May, Will: a month or a name inside a sentence
    }
    return previous == null || !BEFORE_NOUN.contains(previous.toLowerCase(Locale.ROOT));
  }

  /**
   * As {@link #standsAsModal(String, String, String, boolean)} for the word at {@code start} to
   * {@code end} of {@code text}, its neighbours read from the text as written (a query's analyser
   * drops stop words such as "in", which are neighbours all the same): the word before it and the
   * word after it when only spaces stand between; across punctuation ("Files. Can you") there is
   * none, and the word begins a sentence.
   */
  public static boolean standsAsModal(String text, int start, int end) {
    String word = text.substring(start, end);
    if (!isModalWord(word)) {
      return false;
    }
    int before = start;
    while (before > 0 && text.charAt(before - 1) == ' ') {
      before--;
    }
    int from = before;
    while (from > 0 && isWordChar(text.charAt(from - 1))) {
      from--;
    }
    String previous = before < start && from < before ? text.substring(from, before) : null;
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    int to = after;
    while (to < text.length() && (isWordChar(text.charAt(to)) || Character.isDigit(text.charAt(to)))) {
      to++;
    }
    String next = after > end && to > after ? text.substring(after, to) : null;
    return standsAsModal(previous, word, next, previous == null);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || c == '\'' || c == '’';
  }

  /** A Latin word: letters, an apostrophe inside allowed (can't and won't end in the modal already). */
  private static boolean isWord(String s) {
    if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || ChineseScript.containsHan(s)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isWordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
