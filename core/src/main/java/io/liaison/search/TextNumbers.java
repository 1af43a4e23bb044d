package io.liaison.search;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.text.ParsePosition;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a text writes, in digits (any script's, with or without thousands separators) or in
 * Chinese numerals (十二, 一九八八, 三百零五, read by ICU's Chinese spell-out rules), and whether two
 * texts' numbers allow them to be translations of each other. A translation carries a text's
 * figures over (dates, sizes, counts), in digits or in Chinese numerals; two reports on one subject
 * (two weather forecasts, two notes on one meeting) share their words but not their figures.
 *
 * <p>English number words (seven, twelve) are not read: "one" and "a" are in every English text,
 * as 一 is in Chinese words (一些, 统一), which are read, as are weekdays (周三: 3). Such numbers
 * help a Chinese text reach {@link #AT_LEAST}; a translation still shares its digits with the
 * original. ICU reads a run as one number where Chinese writes two or an abbreviation: 七八
 * (seven or eight) as 78, 一千二 (1 200) as 1 002. Stateless and thread-safe.
 */
final class TextNumbers {
  /**
   * How many different numbers each text must write before their having none in common says they
   * are not one text: one or two (a year, a section number) are too few to tell.
   */
  static final int AT_LEAST = 3;

  /** Digits, a run with thousands separators (1,200 or 1，200) read as one number. */
  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}{1,3}(?:[,，]\\p{Nd}{3})+|\\p{Nd}+");
  /** Runs of Chinese numerals, Simplified and Traditional (兩, 萬, 億 are read as 两, 万, 亿). */
  private static final Pattern CHINESE = Pattern.compile("[〇零一二三四五六七八九十百千万亿两兩萬億]+");
  /** Longer digit runs are identifiers (hashes, serial numbers), not numbers a text talks about. */
  private static final int MAX_DIGITS = 12;
  /**
   * How much of a numeral run ICU reads at once: its parse looks at the whole rest of the run each
   * time, so a long run (a table of 万) would take seconds; no number a text writes is longer.
   */
  private static final int MAX_NUMERALS = 24;
  private static final ThreadLocal<RuleBasedNumberFormat> CHINESE_NUMERALS = ThreadLocal.withInitial(
      () -> new RuleBasedNumberFormat(ULocale.SIMPLIFIED_CHINESE, RuleBasedNumberFormat.SPELLOUT));

  private TextNumbers() {}

  /** The different numbers {@code text} writes. */
  static Set<Long> in(String text) {
    Set<Long> numbers = new HashSet<>();
    Matcher digits = DIGITS.matcher(text);
    while (digits.find()) {
      int[] run = digits.group().codePoints().filter(Character::isDigit).toArray();
      if (run.length <= MAX_DIGITS) {
        long value = 0;
        for (int digit : run) {
          value = value * 10 + Character.digit(digit, 10);
        }
        numbers.add(value);
      }
    }
    Matcher chinese = CHINESE.matcher(text);
    RuleBasedNumberFormat format = CHINESE_NUMERALS.get();
    while (chinese.find()) {
      String run = chinese.group().replace('兩', '两').replace('萬', '万').replace('億', '亿');
      // Where ICU stops inside a run (一〇一: 10, then 1), the rest is read on from there.
      int start = 0;
      while (start < run.length()) {
        String piece = run.substring(start, Math.min(run.length(), start + MAX_NUMERALS));
        ParsePosition at = new ParsePosition(0);
        Number n = format.parse(piece, at);
        if (n == null || at.getIndex() == 0) {
          start++;
        } else {
          numbers.add(n.longValue());
          start += at.getIndex();
        }
      }
    }
    return Collections.unmodifiableSet(numbers);
  }

  /**
   * False when both texts write at least {@link #AT_LEAST} different numbers and none of them in
   * common: they cannot be one text in two languages. True otherwise, including when either has too
   * few numbers to tell.
   */
  static boolean allowOneText(Set<Long> a, Set<Long> b) {
    if (a.size() < AT_LEAST || b.size() < AT_LEAST) {
      return true;
    }
    return !Collections.disjoint(a, b);
  }
}
