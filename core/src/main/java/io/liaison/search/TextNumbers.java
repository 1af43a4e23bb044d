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
 * The numbers a text writes, in digits (any script's) or in Chinese numerals (十二, 一九八八,
 * 三百零五, read by ICU's Chinese spell-out rules), and whether two texts' numbers allow them to be
 * translations of each other. A translation carries a text's numbers over, dates, sizes, counts,
 * whichever way each language writes them; two reports on one subject (two weather forecasts, two
 * notes on one meeting) share their words but not their figures. Stateless and thread-safe.
 */
final class TextNumbers {
  /**
   * How many different numbers each text must write before their having none in common says they
   * are not one text: one or two (a year, a section number) are too few to tell.
   */
  static final int AT_LEAST = 3;

  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
  /** Runs of Chinese numerals, Simplified and Traditional (兩, 萬, 億 are read as 两, 万, 亿). */
  private static final Pattern CHINESE = Pattern.compile("[〇零一二三四五六七八九十百千万亿两兩萬億]+");
  /** Longer digit runs are identifiers (hashes, serial numbers), not numbers a text talks about. */
  private static final int MAX_DIGITS = 12;
  private static final ThreadLocal<RuleBasedNumberFormat> CHINESE_NUMERALS = ThreadLocal.withInitial(
      () -> new RuleBasedNumberFormat(ULocale.SIMPLIFIED_CHINESE, RuleBasedNumberFormat.SPELLOUT));

  private TextNumbers() {}

  /** The different numbers {@code text} writes. */
  static Set<Long> in(String text) {
    Set<Long> numbers = new HashSet<>();
    Matcher digits = DIGITS.matcher(text);
    while (digits.find()) {
      String run = digits.group();
      if (run.length() <= MAX_DIGITS) {
        long value = 0;
        for (int i = 0; i < run.length(); i++) {
          value = value * 10 + Character.digit(run.charAt(i), 10);
        }
        numbers.add(value);
      }
    }
    Matcher chinese = CHINESE.matcher(text);
    RuleBasedNumberFormat format = CHINESE_NUMERALS.get();
    while (chinese.find()) {
      String run = chinese.group().replace('兩', '两').replace('萬', '万').replace('億', '亿');
      // A run ICU cannot read whole (七八, two numbers side by side) is read number by number.
      ParsePosition at = new ParsePosition(0);
      while (at.getIndex() < run.length()) {
        int start = at.getIndex();
        Number n = format.parse(run, at);
        if (n == null || at.getIndex() == start) {
          at.setIndex(start + 1);
          at.setErrorIndex(-1);
        } else {
          numbers.add(n.longValue());
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
