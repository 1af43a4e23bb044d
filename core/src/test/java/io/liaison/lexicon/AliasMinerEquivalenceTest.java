package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fast miner finds exactly what the whole-text regex scan ({@link ReferenceAliasMiner}) finds. */
class AliasMinerEquivalenceTest {
  /** Pieces that make names, brackets, slashes and the characters around them, in both scripts. */
  private static final String[] PIECES = {
    "China", "Economic", "Cooperation", "Center", "CECC", "ILD", "Fund", "of", "and", "the", "&", "de",
    "iPhone", "O'Brien", "Jean-Luc", "Café", "e\u0301", "x", "ls", "NAME", "SEE", "ALSO",
    "中国", "经济", "联络", "中心", "中联部", "贸促会", "的", "是", "于", "丝路基金", "𠀀", "々",
    " ", " ", " ", "  ", "\n", "\t", "\u3000", "(", ")", "（", "）", "/", "／", ",", ".", "。", "、", "1993", "(1)",
    "-", "’", "'", ":", "\"", "é"
  };

  @Test
  void namesWithConnectorsMarksAndApostrophesGiveTheSameAliases() {
    for (String text : List.of(
        "Research & Development (R&D), Research & Development (RD) and Procter & Gamble / 宝洁公司.",
        "See the Ministry of Foreign Affairs (MFA) and O'Brien’s Jean-Luc Fund (OJF).",
        "The Cafe\u0301 Mu\u0308ller (CM) and the Banque de France (BF); ls(1), /usr/bin/ls.",
        "成立于1993年的中国经济联络中心（China Economic Liaison Center）隶属中联部 / ILD。",
        "ABC DEF GHI (ADG) XYZ\u3000Foo (F) 中国\u3000经济（CE）𠀀𠀁中心 (Center)")) {
      List<String> expected = ReferenceAliasMiner.mine(text);
      assertEquals(expected, AliasMiner.mine(text), text);
    }
    assertEquals(List.of("Research & Development\tRD", "Procter & Gamble\t宝洁公司"),
        AliasMiner.mine("Research & Development (RD) and Procter & Gamble / 宝洁公司."));
  }

  @Test
  void randomTextsGiveTheSameAliases() {
    Random random = new Random(20261129);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(60);
      for (int i = 0; i < length; i++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = sb.toString();
      assertEquals(ReferenceAliasMiner.mine(text), AliasMiner.mine(text), text);
    }
  }

  @Test
  void theSampleCorpusGivesTheSameAliases() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("index-data/corpus"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    int withAliases = 0;
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      List<String> expected = ReferenceAliasMiner.mine(text);
      assertEquals(expected, AliasMiner.mine(text), f.toString());
      withAliases += expected.isEmpty() ? 0 : 1;
    }
    assertEquals(true, withAliases >= 5, "the sample corpus should exercise the miner: " + withAliases);
  }
}
