package io.liaison.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alias miner as it was before it learnt to try only starts near brackets and slashes: both
 * patterns run with {@code find()} over the whole text. Kept as the reference the fast version
 * must agree with, output for output.
 */
final class ReferenceAliasMiner {

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


  private ReferenceAliasMiner() {}

  /** Returns the aliases found in the text, each as {@code left<TAB>right}, without duplicates. */
  public static List<String> mine(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = BRACKETED.matcher(text);
    while (m.find()) {
      add(out, m.group(1), m.group(2).strip());
    }
    m = SLASH.matcher(text);
    while (m.find()) {
      String left = m.group(1);
      String right = m.group(2);
      if (isHan(left) != isHan(right)) {
        add(out, left, right);
      }
    }
    return new ArrayList<>(out);
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
      if (!right.matches(HAN_RUN)) {
        return;
      }
    } else if (!right.matches(LATIN_NAME) && !right.matches(ACRONYM)) {
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
    return !s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HAN;
  }

  /** Drops leading connectors; for an acronym, keeps just the words its letters stand for. */
  private static String trimLatinName(String name, String other) {
    String[] words = name.strip().split("\\s+");
    int from = 0;
    while (from < words.length && words[from].matches("(?i)" + CONNECTORS)) {
      from++;
    }
    if (other.matches(ACRONYM) && !isHan(other)) {
      int letters = other.replaceAll("[a-z]", "").length();
      // Walk back from the end until the initials cover the acronym.
      int count = 0;
      for (int i = words.length - 1; i >= from; i--) {
        if (!words[i].matches("(?i)" + CONNECTORS)) {
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
    if (!acronym.matches(ACRONYM)) {
      return false;
    }
    String caps = acronym.replaceAll("[a-z]", "");
    StringBuilder initials = new StringBuilder();
    for (String w : name.split("[\\s\\-]+")) {
      if (!w.isEmpty() && !w.matches("(?i)" + CONNECTORS)) {
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
