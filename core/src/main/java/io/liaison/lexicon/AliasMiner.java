package io.liaison.lexicon;

import io.liaison.analysis.ChineseScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mines aliases from a document's text: the pairs authors write to tie two names of one thing.
 *
 * <ul>
 *   <li>a name and its rendering in the other script in brackets: {@code 中国经济联络中心（China Economic
 *       Liaison Center）}, {@code China Economic Cooperation Center (中国经济联络中心)};
 *   <li>a name and its acronym: {@code China Economic Cooperation Center (CECC)}, {@code CECC (China
 *       Economic Cooperation Center)}, whose initials must agree;
 *   <li>a Chinese name and its short form: {@code 中国国际贸易促进委员会（贸促会）}, whose characters must
 *       appear in the long form in order;
 *   <li>slash pairs across scripts: {@code 中联部 / ILD}.
 * </ul>
 *
 * <p>Each alias is returned as {@code left<TAB>right}. Stateless and thread-safe.
 */
public final class AliasMiner {

  private static final String CONNECTORS = "of|and|for|the|on|in|to|de|&";
  private static final String CAP_WORD = "[A-Z][\\p{L}\\p{M}'’\\-]*";
  /** A capitalised name of up to ten words, lower-case connectors allowed inside. */
  private static final String LATIN_NAME =
      CAP_WORD + "(?:\\s+(?:(?:" + CONNECTORS + ")\\s+){0,2}" + CAP_WORD + "){0,9}";
  private static final String ACRONYM = "[A-Z][A-Za-z]{1,9}";
  private static final String HAN_RUN = "\\p{IsHan}{2,24}";

  private static final Pattern BRACKETED = Pattern.compile(
      "(" + LATIN_NAME + "|" + HAN_RUN + ")\\s*[(（]\\s*([^()（）\\n]{2,80}?)\\s*[)）]");
  private static final Pattern SLASH = Pattern.compile(
      "(" + HAN_RUN + "|" + LATIN_NAME + ")\\s*[/／]\\s*(" + HAN_RUN + "|" + LATIN_NAME + ")");


  // The same expressions compiled once (String.matches, split and replaceAll compile on every call).
  private static final Pattern HAN_RUN_ONLY = Pattern.compile(HAN_RUN);
  private static final Pattern LATIN_NAME_ONLY = Pattern.compile(LATIN_NAME);
  private static final Pattern ACRONYM_ONLY = Pattern.compile(ACRONYM);
  private static final Pattern CONNECTOR = Pattern.compile("(?i)" + CONNECTORS);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\-]+");
  private static final Pattern LOWER = Pattern.compile("[a-z]");

  private AliasMiner() {}

  /** Returns the aliases found in the text, each as {@code left<TAB>right}, without duplicates. */
  public static List<String> mine(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = BRACKETED.matcher(text);
    for (int from = 0; (from = next(m, text, from, '(', '（')) >= 0; ) {
      add(out, m.group(1), m.group(2).strip());
    }
    m = SLASH.matcher(text);
    for (int from = 0; (from = next(m, text, from, '/', '／')) >= 0; ) {
      String left = m.group(1);
      String right = m.group(2);
      if (isHan(left) != isHan(right)) {
        add(out, left, right);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Finds the match {@code m.find()} would find from {@code from}, and returns its end (or -1 when
   * there is none), trying far fewer starts than {@code find()} does.
   *
   * <p>Both patterns are a name, optional spaces, then an anchor character ({@code a} or {@code b}:
   * a bracket or a slash), and a name holds no anchor. So a match starting at {@code i} uses the
   * first anchor at or after {@code i}, and starts only in the run of possible name characters
   * just before that anchor, at a capital or a Han character. Trying those starts in order,
   * anchor by anchor, gives the leftmost match, as {@code find()} does. Scanning every position
   * with the regex cost half of all indexing CPU (a script lookup per character for {@code \p{IsHan}}).
   */
  private static int next(Matcher m, String text, int from, char a, char b) {
    int n = text.length();
    for (int anchor = indexOf(text, from, a, b); anchor >= 0; anchor = indexOf(text, anchor + 1, a, b)) {
      int start = anchor;
      while (start > from && mayBeInName(text.charAt(start - 1), a, b)) {
        start--;
      }
      for (int i = start; i < anchor; i++) {
        if (mayStartName(text.charAt(i))) {
          m.region(i, n);
          if (m.lookingAt()) {
            return m.end();
          }
        }
      }
      from = anchor + 1;
    }
    return -1;
  }

  private static int indexOf(String text, int from, char a, char b) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == a || c == b) {
        return i;
      }
    }
    return -1;
  }

  /** A superset of what a name starts with: {@code [A-Z]} or a Han character (all at U+2E80 or above, surrogates included). */
  private static boolean mayStartName(char c) {
    return (c >= 'A' && c <= 'Z') || c >= 0x2E80;
  }

  /**
   * A superset of the characters of a name and the spaces after it: letters, marks, {@code ' ’ - &},
   * the regex's {@code \s}, and anything from U+2E80 up (Han, surrogates), but not the anchors.
   */
  private static boolean mayBeInName(char c, char a, char b) {
    if (c == a || c == b) {
      return false;
    }
    if (c >= 0x2E80 || Character.isLetter(c)) {
      return true;
    }
    return switch (c) {
      case ' ', '\t', '\n', '\u000B', '\f', '\r', '\'', '’', '-', '&' -> true;
      default -> {
        int type = Character.getType(c);
        yield type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
            || type == Character.COMBINING_SPACING_MARK;
      }
    };
  }

  private static void add(Set<String> out, String left, String right) {
    boolean leftHan = isHan(left);
    boolean rightHan = isHan(right);
    if (leftHan) {
      left = HanNameTrimmer.trim(left);
    } else {
      left = trimLatinName(left, right);
    }
    if (rightHan) {
      right = HanNameTrimmer.trim(right);
      if (!HAN_RUN_ONLY.matcher(right).matches()) {
        return;
      }
    } else if (!LATIN_NAME_ONLY.matcher(right).matches() && !ACRONYM_ONLY.matcher(right).matches()) {
      return;
    }
    if (left == null || left.length() < 2 || right.length() < 2 || left.equals(right)) {
      return;
    }
    boolean ok;
    if (leftHan && rightHan) {
      ok = isAbbreviation(right, left) || isAbbreviation(left, right);
    } else if (!leftHan && !rightHan) {
      ok = isAcronymOf(right, left) || isAcronymOf(left, right);
    } else {
      ok = true; // a name and its rendering in the other script
    }
    if (ok) {
      out.add(left + "\t" + right);
    }
  }

  private static boolean isHan(String s) {
    return !s.isEmpty() && ChineseScript.isHan(s.codePointAt(0));
  }

  /** Drops leading connectors; for an acronym, keeps just the words its letters stand for. */
  private static String trimLatinName(String name, String other) {
    String[] words = SPACES.split(name.strip());
    int from = 0;
    while (from < words.length && CONNECTOR.matcher(words[from]).matches()) {
      from++;
    }
    if (ACRONYM_ONLY.matcher(other).matches() && !isHan(other)) {
      int letters = LOWER.matcher(other).replaceAll("").length();
      // Walk back from the end until the initials cover the acronym.
      int count = 0;
      for (int i = words.length - 1; i >= from; i--) {
        if (!CONNECTOR.matcher(words[i]).matches()) {
          count++;
        }
        if (count == letters) {
          from = i;
          break;
        }
      }
    }
    return from >= words.length ? null : String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
  }

  /** True when {@code acronym}'s capitals are the initials of {@code name}'s significant words. */
  static boolean isAcronymOf(String acronym, String name) {
    if (!ACRONYM_ONLY.matcher(acronym).matches()) {
      return false;
    }
    String caps = LOWER.matcher(acronym).replaceAll("");
    StringBuilder initials = new StringBuilder();
    for (String w : WORD_BREAKS.split(name)) {
      if (!w.isEmpty() && !CONNECTOR.matcher(w).matches()) {
        initials.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    return caps.length() >= 2 && initials.toString().toUpperCase(Locale.ROOT).equals(caps);
  }

  /** True when every character of {@code shortForm} appears in {@code longForm} in order. */
  static boolean isAbbreviation(String shortForm, String longForm) {
    if (shortForm.length() >= longForm.length()) {
      return false;
    }
    int at = 0;
    for (int i = 0; i < shortForm.length(); i++) {
      at = longForm.indexOf(shortForm.charAt(i), at);
      if (at < 0) {
        return false;
      }
      at++;
    }
    return true;
  }
}
