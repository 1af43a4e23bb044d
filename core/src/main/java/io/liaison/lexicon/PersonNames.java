package io.liaison.lexicon;

import java.util.HashMap;
import java.util.Map;

/**
 * Chinese personal names in pinyin, the way English text writes them: the family name, a space,
 * the given name's syllables joined (刘建超: liu jianchao; 欧阳修: ouyang xiu).
 *
 * <p>Why: a person's name is in no dictionary, and SmartCN cuts an unknown name into single
 * characters (刘|建|超), whose glosses (build, super) are noise. English reports write the
 * mainland's names in pinyin, so the pinyin finds them. Taiwan's and Hong Kong's own
 * romanisations (Tsai Ing-wen, not Cai Yingwen) are not produced: that needs the glossary.
 *
 * <p>Family names come from {@code surnames-zh.txt} (written for the project, with the reading a
 * character has as a family name: 曾 zeng, 单 shan); the given name from ICU's Han-Latin
 * transliteration ({@link Pinyin#toneless}, shared with the lexicon compiler). Thread-safe.
 */
public final class PersonNames {
  static final String RESOURCE = "surnames-zh.txt";

  private PersonNames() {}

  private static final class Holder {
    static final Map<String, String> SURNAMES = load();
  }

  private static Map<String, String> load() {
    Map<String, String> surnames = new HashMap<>();
    for (String line : BundledList.lines(RESOURCE)) {
      String[] f = line.split("\t");
      if (f.length != 2) {
        throw new IllegalStateException("io/liaison/lexicon/" + RESOURCE + ": expected 'family name<TAB>pinyin', got: " + line);
      }
      surnames.put(f[0].strip(), f[1].strip());
    }
    return Map.copyOf(surnames);
  }

  /**
   * The length in characters of the family name that {@code simplified} starts with (2 for 欧阳, 1
   * for 刘), 0 when it starts with none.
   */
  public static int familyNameLength(String simplified) {
    if (simplified.length() >= 2 && Holder.SURNAMES.containsKey(simplified.substring(0, 2))) {
      return 2;
    }
    return !simplified.isEmpty() && Holder.SURNAMES.containsKey(simplified.substring(0, 1)) ? 1 : 0;
  }

  /**
   * The pinyin of {@code simplified}, a name that starts with a family name ({@link
   * #familyNameLength} above 0) and has a given name after it, in lower case without tones.
   */
  public static String pinyin(String simplified) {
    int family = familyNameLength(simplified);
    if (family == 0 || family == simplified.length()) {
      throw new IllegalArgumentException("not a family name and a given name: " + simplified);
    }
    return Holder.SURNAMES.get(simplified.substring(0, family)) + " " + Pinyin.toneless(simplified.substring(family));
  }

  /**
   * Makes the transliterator now (about 0.8 s: ICU loads its Han-Latin rules), so that the first
   * query with a name does not wait for it; {@code Liaison.warmUp} calls this in the background.
   */
  public static void prepare() {
    Pinyin.toneless("");
  }
}
