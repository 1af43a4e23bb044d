package io.liaison.ingest;

import java.util.Locale;

/** The language of a document, decided by the share of Han characters against Latin letters. */
public enum Language {
  ZH,
  EN,
  MIXED;

  /** The code used in the index, the API and the command line: {@code zh}, {@code en} or {@code mixed}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a code such as {@code zh}; throws with the accepted values when it is none of them. */
  public static Language fromCode(String code) {
    for (Language l : values()) {
      if (l.code().equalsIgnoreCase(code.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown language '" + code + "': use zh, en or mixed");
  }

  /**
   * Classifies text. A Han character carries about as much as a short Latin word's half, so two
   * Latin letters weigh as one Han character; 80 % or more Han weight is Chinese, 20 % or less is
   * English, anything between is mixed. Text with neither counts as English.
   */
  public static Language detect(CharSequence text) {
    long han = 0;
    long latin = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        // ASCII, most of most text: a letter here is Latin; the script lookup is a binary search.
        int lower = cp | 0x20;
        if (lower >= 'a' && lower <= 'z') {
          latin++;
        }
      } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        han++;
      } else if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
        latin++;
      }
    }
    double hanWeight = han;
    double latinWeight = latin / 2.0;
    if (hanWeight + latinWeight == 0) {
      return EN;
    }
    double share = hanWeight / (hanWeight + latinWeight);
    if (share >= 0.8) {
      return ZH;
    }
    if (share <= 0.2) {
      return EN;
    }
    return MIXED;
  }
}
