package io.liaison.query;

import io.liaison.lexicon.FunctionWords;
import io.liaison.lexicon.Lexicon;
import io.liaison.lexicon.PersonNames;
import io.liaison.lexicon.Translation;
import io.liaison.lexicon.WadeGiles;
import io.liaison.query.QueryTranslator.Token;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Chinese person's name written in pinyin in an English query (Liu Jianchao, Jianchao Liu, Liu
 * Jian-chao), and the ways the indexed documents write it in characters (刘建超).
 *
 * <p>Why: a name is in no dictionary, so an English query for a person found only the English
 * pages. Pinyin is ambiguous (chao is 超, 朝, 潮 and a dozen more), but a name is rare text: of the
 * characters that read so, only those the documents hold side by side after a family name, as a
 * run the segmenter cut into single characters as it does an unknown name, are taken. The other
 * direction, a Chinese name to its pinyin, is {@link PersonNames#pinyin}.
 *
 * <p>Taken for a name: a word that reads as a family name (liu, ouyang) and, next to it, a given
 * name of one or two syllables that the dictionary does not know as an English word (jianchao;
 * not "he said", "long march"), in either order, or a given name hyphenated into its syllables
 * (Liu Jian-chao). Taiwan's names are read in Wade-Giles too ({@link WadeGiles}: Tsai Ing-wen, Lai
 * Ching-te), when the given name is hyphenated, as Taiwan writes it; Hong Kong's Cantonese
 * spellings (Wong, Cheung) are not read.
 */
final class PinyinNames {
  /** How many spellings in characters one name may have in the query. */
  static final int MOST_WRITTEN = 4;
  /** How many candidate spellings are counted in the documents (each is a phrase search). */
  static final int MOST_CHECKED = 64;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern LETTERS = Pattern.compile("[a-z]{1,12}");

  private PinyinNames() {}

  /**
   * A name found at a token: how many tokens it spans, its spellings in characters with the number
   * of documents holding each (most first), and the name in English in both orders, a given name
   * in pinyin joined (Liu Jianchao and Jianchao Liu for Liu Jian-chao; Tsai Ing-wen and Ing-wen
   * Tsai), as English text may write it either way.
   */
  record Found(int tokens, Map<String, Integer> written, List<String> inEnglish) {
    Found(int tokens, Map<String, Integer> written, String family, String given) {
      this(tokens, written, List.of(capitalised(family) + " " + capitalised(given), capitalised(given) + " " + capitalised(family)));
    }
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** The name starting at token {@code i} of an English query, or null when there is none the documents write. */
  static Found at(String text, List<Token> tokens, int i, Lexicon lexicon, CorpusNames corpus) {
    if (corpus == CorpusNames.NONE || i + 1 >= tokens.size()) {
      return null;
    }
    String first = word(text, tokens.get(i));
    String second = word(text, tokens.get(i + 1));
    if (first == null || second == null) {
      return null;
    }
    List<String> family = familyNames(first);
    // A given name hyphenated into its syllables: Liu Jian-chao, and as Taiwan writes its names,
    // in Wade-Giles: Tsai Ing-wen, Lai Ching-te.
    if (!family.isEmpty() && i + 2 < tokens.size() && hyphenated(text, tokens.get(i + 1), tokens.get(i + 2))) {
      String third = word(text, tokens.get(i + 2));
      List<List<String>> given = new ArrayList<>();
      if (third != null) {
        for (String a : syllables(second)) {
          for (String b : syllables(third)) {
            given.add(List.of(a, b));
          }
        }
      }
      Map<String, Integer> written = given.isEmpty() ? Map.of() : written(family, given, corpus);
      if (!written.isEmpty()) {
        // In pinyin, English text joins the given name (Jianchao); Taiwan's names keep the hyphen.
        boolean pinyin = !PersonNames.charactersReading(second).isEmpty() && !PersonNames.charactersReading(third).isEmpty();
        return new Found(3, written, first, pinyin ? second + third : second + "-" + third);
      }
    }
    // Liu Jianchao, as the mainland's names are written in English.
    List<List<String>> given = family.isEmpty() ? List.of() : givenName(second, lexicon);
    if (!given.isEmpty()) {
      Map<String, Integer> written = written(family, given, corpus);
      if (!written.isEmpty()) {
        return new Found(2, written, first, second);
      }
    }
    // Jianchao Liu, as a paper's authors are listed.
    List<String> familyAfter = familyNames(second);
    List<List<String>> givenBefore = familyAfter.isEmpty() ? List.of() : givenName(first, lexicon);
    if (!givenBefore.isEmpty()) {
      Map<String, Integer> written = written(familyAfter, givenBefore, corpus);
      if (!written.isEmpty()) {
        return new Found(2, written, second, first);
      }
    }
    return null;
  }

  /** The token's text in lower case without tone marks (Liú: liu), or null when it is not all letters a to z. */
  private static String word(String text, Token token) {
    String raw = text.substring(token.start(), token.end());
    String plain = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    return LETTERS.matcher(plain).matches() ? plain : null;
  }

  private static boolean hyphenated(String text, Token left, Token right) {
    return right.start() == left.end() + 1 && text.charAt(left.end()) == '-';
  }

  /**
   * The family names a word may write: as pinyin (liu: 刘, 柳), and as Wade-Giles (Tsai: 蔡,
   * Hsieh: 谢, Chang: 张 and 常).
   */
  private static List<String> familyNames(String word) {
    Set<String> names = new LinkedHashSet<>(PersonNames.familyNamesReading(word));
    for (String pinyin : WadeGiles.pinyin(word)) {
      names.addAll(PersonNames.familyNamesReading(pinyin));
    }
    return List.copyOf(names);
  }

  /** The pinyin syllables one syllable of a hyphenated given name may be: itself, or what it stands for in Wade-Giles (ching: jing, qing). */
  private static Set<String> syllables(String word) {
    Set<String> out = new LinkedHashSet<>();
    if (!PersonNames.charactersReading(word).isEmpty()) {
      out.add(word);
    }
    out.addAll(WadeGiles.pinyin(word));
    return out;
  }

  /**
   * The ways a word that may be a given name cuts into one or two syllables of pinyin, none when it
   * is no given name: no pinyin, or an English word the dictionary knows (not "he said", "long
   * march"), unless what it knows is itself a Chinese word in pinyin: ECDICT lists yi (彝人, the
   * Yi) and qiang (羌族, 强), given names as often.
   */
  private static List<List<String>> givenName(String word, Lexicon lexicon) {
    if (FunctionWords.english().contains(word)) {
      return List.of();
    }
    List<List<String>> cuts = PersonNames.syllables(word, 2);
    if (cuts.isEmpty()) {
      return cuts;
    }
    List<Translation> known = lexicon.toChinese(word);
    boolean pinyin = known.isEmpty() || known.stream().anyMatch(t -> cuts.stream()
        .anyMatch(cut -> PersonNames.startsWithReading(t.text(), cut.get(0))));
    return pinyin ? cuts : List.of();
  }

  /**
   * The spellings of family name + given name (as cuts into syllables) that the documents hold,
   * with their number of documents, most first, at most {@link #MOST_WRITTEN}. Three questions to
   * the index at most: the bigrams family name + first character, then first + second character,
   * then the candidates' counts.
   */
  private static Map<String, Integer> written(List<String> families, List<List<String>> givenNames, CorpusNames corpus) {
    Set<String> twoCharacterFamilies = new LinkedHashSet<>();
    for (String family : families) {
      if (family.length() == 2) {
        twoCharacterFamilies.add(family);
      }
    }
    Set<String> heldFamilies = twoCharacterFamilies.isEmpty() ? Set.of() : corpus.bigramsHeld(twoCharacterFamilies);
    Set<String> firstBigrams = new LinkedHashSet<>();
    for (String family : families) {
      if (family.length() == 1 || heldFamilies.contains(family)) {
        String last = family.substring(family.length() - 1);
        for (List<String> given : givenNames) {
          for (String c1 : PersonNames.charactersReading(given.get(0))) {
            firstBigrams.add(last + c1);
          }
        }
      }
    }
    Set<String> heldFirst = firstBigrams.isEmpty() ? Set.of() : corpus.bigramsHeld(firstBigrams);
    // Each candidate with the bigram of its given name's two characters, if it has two (null if one).
    Map<String, String> candidates = new LinkedHashMap<>();
    for (String family : families) {
      if (family.length() == 2 && !heldFamilies.contains(family)) {
        continue;
      }
      String last = family.substring(family.length() - 1);
      for (List<String> given : givenNames) {
        for (String c1 : PersonNames.charactersReading(given.get(0))) {
          if (!heldFirst.contains(last + c1)) {
            continue;
          }
          if (given.size() == 1) {
            candidates.putIfAbsent(family + c1, null);
            continue;
          }
          for (String c2 : PersonNames.charactersReading(given.get(1))) {
            candidates.putIfAbsent(family + c1 + c2, c1 + c2);
          }
        }
      }
    }
    Set<String> secondBigrams = new LinkedHashSet<>(candidates.values());
    secondBigrams.remove(null);
    Set<String> heldSecond = secondBigrams.isEmpty() ? Set.of() : corpus.bigramsHeld(secondBigrams);
    candidates.values().removeIf(bigram -> bigram != null && !heldSecond.contains(bigram));
    if (candidates.isEmpty()) {
      return Map.of();
    }
    List<String> checked = List.copyOf(candidates.keySet()).subList(0, Math.min(MOST_CHECKED, candidates.size()));
    List<Map.Entry<String, Integer>> counted = new ArrayList<>(corpus.documentsWith(checked).entrySet());
    counted.removeIf(e -> e.getValue() <= 0);
    counted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> written = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : counted.subList(0, Math.min(MOST_WRITTEN, counted.size()))) {
      written.put(e.getKey(), e.getValue());
    }
    return written;
  }
}
