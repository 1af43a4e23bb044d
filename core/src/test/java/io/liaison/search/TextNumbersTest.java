package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TextNumbersTest {
  @Test
  void digitsInAnyScriptAreNumbers() {
    assertEquals(Set.of(15L, 25L, 2024L, 12L), TextNumbers.in("15 to 25 mm in 2024, highs of １２ degrees"));
  }

  @Test
  void thousandsSeparatorsKeepANumberWhole() {
    assertEquals(Set.of(1200L, 3500L, 4L), TextNumbers.in("1,200 workers moved 3，500 tonnes in 4 days"));
  }

  @Test
  void digitsOutsideTheBasicPlaneAreReadToo() {
    assertEquals(Set.of(12L, 9L), TextNumbers.in("\uD835\uDFCF\uD835\uDFD0 and \uD835\uDFD7")); // mathematical bold 12 and 9
  }

  @Test
  void chineseNumeralsAreReadAsTheNumbersTheyWrite() {
    assertEquals(Set.of(12L, 1988L, 305L, 4L), TextNumbers.in("最高气温十二度，一九八八年成立，共三百零五人，风力四级"));
  }

  @Test
  void traditionalNumeralsAreReadLikeSimplifiedOnes() {
    assertEquals(Set.of(20000L, 2L), TextNumbers.in("兩萬人參加了兩天的會議"));
  }

  @Test
  void aLongRunOfDigitsIsAnIdentifierNotANumber() {
    assertEquals(Set.of(1L, 2L), TextNumbers.in("checksum 0123456789012345, build a1b2"));
  }

  @Test
  void textsWithEnoughNumbersAndNoneInCommonAreNotOneText() {
    assertFalse(TextNumbers.allowOneText(Set.of(3L, 25L, 6L), Set.of(12L, 20L, 18L, 4L)));
    assertTrue(TextNumbers.allowOneText(Set.of(3L, 25L, 6L), Set.of(1L, 3L, 25L, 6L)), "one in common is enough");
    assertTrue(TextNumbers.allowOneText(Set.of(3L, 25L), Set.of(12L, 20L, 18L)), "two numbers are too few to tell");
    assertTrue(TextNumbers.allowOneText(Set.of(), Set.of(12L, 20L, 18L)), "a text without numbers tells nothing");
  }
}
