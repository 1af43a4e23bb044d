package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonNamesTest {
  @Test
  void theFamilyNameThenTheGivenNameJoined() {
    assertEquals("liu jianchao", PersonNames.pinyin("刘建超"));
    assertEquals("wang yi", PersonNames.pinyin("王毅"));
    assertEquals("ouyang xiu", PersonNames.pinyin("欧阳修"), "a family name of two characters");
  }

  @Test
  void aFamilyNameIsReadAsAFamilyName() {
    // As ordinary words 曾 is ceng (once) and 单 dan (single).
    assertEquals("zeng guofan", PersonNames.pinyin("曾国藩"));
    assertEquals("shan tianfang", PersonNames.pinyin("单田芳"));
  }

  @Test
  void familyNameLengthIsZeroForTextThatStartsWithNone() {
    assertEquals(1, PersonNames.familyNameLength("刘建超"));
    assertEquals(2, PersonNames.familyNameLength("欧阳修"));
    assertEquals(0, PersonNames.familyNameLength("软件"));
    assertEquals(0, PersonNames.familyNameLength(""));
    assertThrows(IllegalArgumentException.class, () -> PersonNames.pinyin("软件"));
    assertThrows(IllegalArgumentException.class, () -> PersonNames.pinyin("刘"));
  }

  @Test
  void aNameInPinyinIsReadBackIntoItsPossibleCharacters() {
    assertEquals(List.of("刘", "柳"), PersonNames.familyNamesReading("liu"));
    assertEquals(List.of("欧阳"), PersonNames.familyNamesReading("ouyang"));
    assertEquals(List.of(), PersonNames.familyNamesReading("build"));
    assertTrue(PersonNames.charactersReading("chao").containsAll(List.of("超", "朝", "潮")));
    assertTrue(PersonNames.charactersReading("jian").contains("建"));
    assertEquals(List.of(), PersonNames.charactersReading("chaox"));
    assertEquals(List.of(List.of("jian", "chao")), PersonNames.syllables("jianchao", 2));
    assertEquals(List.of(List.of("xian"), List.of("xi", "an")), PersonNames.syllables("xian", 2));
    assertEquals(List.of(), PersonNames.syllables("build", 2));
    assertEquals(List.of(), PersonNames.syllables("jianchaoyang", 2), "three syllables are no given name");
    assertTrue(PersonNames.startsWithReading("彝人", "yi"));
    assertFalse(PersonNames.startsWithReading("北美洲", "na"));
  }

  @Test
  void theBundledReadingsAreIcusReadingsOfGb2312() {
    Map<String, String> bundled = new LinkedHashMap<>();
    for (String line : BundledList.lines(PinyinReadingsGenerator.RESOURCE)) {
      String[] f = line.split("\t");
      bundled.put(f[0], f[1]);
    }
    Map<String, String> icu = PinyinReadingsGenerator.readings();
    assertEquals(icu, bundled, "the table in the jar was built by another ICU4J: rebuild liaison-core");
    assertEquals(6763, icu.values().stream().mapToInt(String::length).sum(), "every character of GB 2312's two levels");
  }

  @Test
  void aWadeGilesSyllableIsReadAsEveryPinyinSyllableItMayStandFor() {
    assertEquals(List.of("cai", "zai"), sorted(WadeGiles.pinyin("tsai")));
    assertEquals(List.of("jing", "qing"), sorted(WadeGiles.pinyin("ching")));
    assertEquals(List.of("de", "te"), sorted(WadeGiles.pinyin("te")));
    assertEquals(List.of("xie"), WadeGiles.pinyin("hsieh"));
    assertEquals(List.of("ge", "guo", "ke", "kuo"), sorted(WadeGiles.pinyin("ko")));
    assertEquals(List.of("hong"), WadeGiles.pinyin("hung"));
    assertEquals(List.of("chi", "ji", "qi", "zhi"), sorted(WadeGiles.pinyin("chih")), "shih, chih: the i Wade-Giles writes ih");
    assertEquals(List.of("ying"), WadeGiles.pinyin("ing"), "Taiwan's Ing, no Wade-Giles syllable, is ying");
    assertEquals(List.of("li"), WadeGiles.pinyin("lee"));
    assertEquals(List.of(), WadeGiles.pinyin("build"));
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }
}
