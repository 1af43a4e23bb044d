package io.liaison.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pinyin syllables a syllable written in Wade-Giles may stand for, as Taiwan's passports and
 * newspapers write its people's names: Tsai Ing-wen (蔡英文: cai ying wen), Lai Ching-te (赖清德:
 * lai qing de), Hsieh, Kuo, Chiang.
 *
 * <p>Taiwan writes Wade-Giles without its apostrophes and umlauts, so one spelling stands for
 * several syllables (ching: jing, qing; te: de, te; ko: ge, ke, guo); every reading is returned,
 * and the index decides which characters a name holds ({@code io.liaison.query.PinyinNames}).
 * Beside the system's rules, a few spellings common in names that follow none (Lee for 李, li;
 * Ing for 英, ying; jeou for 九, jiu) are read as they are meant. Stateless.
 */
public final class WadeGiles {
  /** Initials, longest first, with the pinyin initials each may stand for once the apostrophe is gone. */
  private static final List<Map.Entry<String, List<String>>> INITIALS = List.of(
      Map.entry("tz", List.of("z", "c")),
      Map.entry("ts", List.of("z", "c")),
      Map.entry("ch", List.of("zh", "ch", "j", "q")),
      Map.entry("hs", List.of("x")),
      Map.entry("sh", List.of("sh")),
      Map.entry("ss", List.of("s")),
      Map.entry("j", List.of("r")),
      Map.entry("k", List.of("g", "k")),
      Map.entry("p", List.of("b", "p")),
      Map.entry("t", List.of("d", "t")),
      Map.entry("f", List.of("f")),
      Map.entry("h", List.of("h")),
      Map.entry("l", List.of("l")),
      Map.entry("m", List.of("m")),
      Map.entry("n", List.of("n")),
      Map.entry("s", List.of("s")),
      Map.entry("w", List.of("w")),
      Map.entry("y", List.of("y")));

  /** Finals that Wade-Giles writes otherwise than pinyin; any other final is the same in both. */
  private static final Map<String, List<String>> FINALS = Map.ofEntries(
      Map.entry("ih", List.of("i")),
      Map.entry("ung", List.of("ong")),
      Map.entry("iung", List.of("iong")),
      Map.entry("ieh", List.of("ie")),
      Map.entry("ueh", List.of("ue")),
      Map.entry("eh", List.of("e")),
      Map.entry("ien", List.of("ian")),
      Map.entry("uei", List.of("ui")),
      Map.entry("o", List.of("o", "e", "uo")),
      Map.entry("u", List.of("u", "i")), // tzu: zi, ssu: si
      Map.entry("un", List.of("un", "en"))); // Taiwan's wun: wen

  /** Whole syllables read otherwise: a syllable with no initial, and spellings of one family name. */
  private static final Map<String, List<String>> WHOLE = Map.ofEntries(
      Map.entry("erh", List.of("er")),
      Map.entry("i", List.of("yi")),
      Map.entry("in", List.of("yin")),
      Map.entry("ing", List.of("ying")),
      Map.entry("jeou", List.of("jiu")), // Ma Ying-jeou, in an older system's spelling
      Map.entry("lee", List.of("li")),
      Map.entry("yu", List.of("yu", "you")),
      Map.entry("yung", List.of("yong")));

  private WadeGiles() {}

  /**
   * The pinyin syllables {@code syllable} (lower case, no apostrophes) may stand for, those that
   * are syllables of pinyin ({@link PersonNames#charactersReading} knows them); empty when none.
   */
  public static List<String> pinyin(String syllable) {
    Set<String> out = new LinkedHashSet<>(WHOLE.getOrDefault(syllable, List.of()));
    for (Map.Entry<String, List<String>> initial : INITIALS) {
      if (syllable.startsWith(initial.getKey()) && syllable.length() > initial.getKey().length()) {
        String rest = syllable.substring(initial.getKey().length());
        for (String i : initial.getValue()) {
          for (String f : FINALS.getOrDefault(rest, List.of(rest))) {
            out.add(i + f);
          }
        }
        break;
      }
    }
    List<String> valid = new ArrayList<>();
    for (String s : out) {
      if (!PersonNames.charactersReading(s).isEmpty()) {
        valid.add(s);
      }
    }
    return valid;
  }
}
