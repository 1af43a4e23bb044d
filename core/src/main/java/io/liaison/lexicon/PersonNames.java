package io.liaison.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * transliteration ({@link Pinyin#toneless}, shared with the lexicon compiler).
 *
 * <p>The other way, from a name in pinyin to the characters it may be written with ({@link
 * #familyNamesReading}, {@link #charactersReading}), the characters are those of GB 2312, the
 * mainland's standard set, read as ICU reads them ({@link PinyinReadingsGenerator}, at build time),
 * so a name is found by the reading the forward direction gives it. Thread-safe.
 */
public final class PersonNames {
  static final String RESOURCE = "surnames-zh.txt";

  private PersonNames() {}

  private static final class Holder {
    static final Map<String, String> SURNAMES = load();
    /** Pinyin of a family name (liu, ouyang) → the family names read so. */
    static final Map<String, List<String>> FAMILY_NAMES = familyNames(SURNAMES);
  }

  private static final class Readings {
    /** Toneless syllable → the GB 2312 characters ICU reads so, in code point order. */
    static final Map<String, List<String>> CHARACTERS = characters();
  }

  /** The table {@link PinyinReadingsGenerator} wrote at build time. */
  private static Map<String, List<String>> characters() {
    Map<String, List<String>> bySyllable = new HashMap<>();
    for (String line : BundledList.lines(PinyinReadingsGenerator.RESOURCE)) {
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalStateException("io/liaison/lexicon/" + PinyinReadingsGenerator.RESOURCE
            + ": expected 'syllable<TAB>characters', got: " + line + "; rebuild liaison-core");
      }
      bySyllable.put(line.substring(0, tab), line.substring(tab + 1).codePoints().mapToObj(Character::toString).toList());
    }
    return Map.copyOf(bySyllable);
  }

  private static Map<String, List<String>> familyNames(Map<String, String> surnames) {
    Map<String, List<String>> byReading = new HashMap<>();
    surnames.forEach((name, reading) -> byReading.computeIfAbsent(reading.replace(" ", ""), k -> new ArrayList<>()).add(name));
    byReading.replaceAll((k, v) -> List.copyOf(v.stream().sorted().toList()));
    return Map.copyOf(byReading);
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
   * The family names read as {@code pinyin} (lower case, no spaces or tones: liu → 刘, 柳; ouyang
   * → 欧阳), empty for a word that reads as none.
   */
  public static List<String> familyNamesReading(String pinyin) {
    return Holder.FAMILY_NAMES.getOrDefault(pinyin, List.of());
  }

  /** The characters read as the toneless syllable {@code syllable} (chao → 超, 朝, 潮, …), empty for no syllable. */
  public static List<String> charactersReading(String syllable) {
    return Readings.CHARACTERS.getOrDefault(syllable, List.of());
  }

  /**
   * Every way of cutting {@code word} (lower case, no spaces or tones) into one to {@code most}
   * syllables of pinyin: jianchao → [jian, chao]; xian → [xian] and [xi, an]. Empty when there is
   * none, as for an English word that is no pinyin (build).
   */
  public static List<List<String>> syllables(String word, int most) {
    List<List<String>> out = new ArrayList<>();
    cut(word, 0, most, new ArrayList<>(), out);
    return out;
  }

  private static void cut(String word, int from, int most, List<String> done, List<List<String>> out) {
    if (from == word.length()) {
      if (!done.isEmpty()) {
        out.add(List.copyOf(done));
      }
      return;
    }
    if (done.size() == most) {
      return;
    }
    // A syllable of pinyin has at most six letters (zhuang, shuang).
    for (int end = Math.min(word.length(), from + 6); end > from; end--) {
      String syllable = word.substring(from, end);
      if (Readings.CHARACTERS.containsKey(syllable)) {
        done.add(syllable);
        cut(word, end, most, done, out);
        done.remove(done.size() - 1);
      }
    }
  }

  /**
   * Makes the transliterator now (about 0.8 s: ICU loads its Han-Latin rules) and reads the table
   * of readings, so that the first query with a name does not wait for them; {@code
   * Liaison.warmUp} calls this in the background.
   */
  public static void prepare() {
    Pinyin.toneless("");
    Readings.CHARACTERS.size();
  }

  /**
   * True if {@code han} starts with a character read as {@code syllable} (彝人, yi): an English
   * dictionary word that is itself a Chinese word in pinyin (ECDICT lists yi, the Yi people, and
   * qiang) may still be a given name.
   */
  public static boolean startsWithReading(String han, String syllable) {
    return !han.isEmpty() && charactersReading(syllable).contains(han.substring(0, Character.charCount(han.codePointAt(0))));
  }
}
