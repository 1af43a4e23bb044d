package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChineseCompoundsTest {
  static Lexicon lexicon;

  @BeforeAll
  static void compile() throws IOException {
    lexicon = LexiconCompilerTest.compile(LexiconCompilerTest.HEADER
        + "system call,,,n. 系统调用,,,,,0,0,,,\n"
        + "factor,,,n. 因数,,,,,3000,3000,,,\n"
        + "package,,,n. 软件包,,,,,2000,2000,,,\n"
        + "management,,,n. 管理,,,,,1500,1500,,,\n"
        + "clear,,,a. 清,,,,,1000,1000,,,\n"
        + "screen,,,n. 屏,,,,,1000,1000,,,\n"
        + "economy,,,n. 经济,,,,,1200,900,,,\n");
  }

  private static List<String> parts(String word) {
    return ChineseCompounds.split(lexicon, word).stream().map(ChineseCompounds.Part::text).toList();
  }

  @Test
  void splitsIntoTheLongestListedWords() {
    assertEquals(List.of("软件包", "管理"), parts("软件包管理"));
    List<ChineseCompounds.Part> call = ChineseCompounds.split(lexicon, "系统调用号");
    assertEquals(List.of("系统调用"), call.stream().map(ChineseCompounds.Part::text).toList(), "号 is no part");
    assertEquals("system call", call.get(0).translations().get(0).text());
  }

  @Test
  void skipsCharactersThatStartNoPart() {
    assertEquals(List.of("因数"), parts("质因数"));
  }

  @Test
  void singleCharactersAreNoParts() {
    assertEquals(List.of(), parts("清屏"), "清 and 屏 are listed, but single characters are not parts");
  }

  @Test
  void aListedWordIsNotSplit() {
    assertEquals(List.of(), parts("经济"));
    assertEquals(List.of(), parts("软件包"));
  }
}
