package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
