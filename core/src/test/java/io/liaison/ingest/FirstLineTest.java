package io.liaison.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The title scan finds what the regex split it replaced found, line breaks of every kind included. */
class FirstLineTest {

  /** The previous definition, kept as the reference. */
  private static String bySplit(String text) {
    for (String line : text.split("\\R", 50)) {
      String t = line.strip();
      if (!t.isEmpty()) {
        return t;
      }
    }
    return "";
  }

  @Test
  void examplesGiveTheSameTitleAsTheSplit() {
    String[] texts = {"", " ", "\n", "Title", "  Title  \nbody", "\n\n \t\r\n第一行\r\n第二行", "\r\rA", "\u2028\u2029\u0085B\u000BC",
        "\r\n\r\nX", "a\u000Cb", "\n".repeat(49) + "rest\nof it", "\n".repeat(48) + "last\nnext", "\n".repeat(60),
        " \n".repeat(49) + " tail ", "\r\n".repeat(49) + "\nx", "\r".repeat(49) + "\n y"};
    for (String text : texts) {
      assertEquals(bySplit(text), DocumentExtractor.firstLine(text), () -> "for " + text.replace("\n", "\\n").replace("\r", "\\r"));
    }
  }

  @Test
  void randomTextsOfBlanksAndBreaksGiveTheSameTitleAsTheSplit() {
    char[] alphabet = {'\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029', ' ', '\t', '\u3000', 'a', '中'};
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(120);
      // Mostly breaks and blanks, so the 49-line limit and blank-line skipping are exercised.
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(random.nextInt(10) == 0 ? alphabet.length : alphabet.length - 2)]);
      }
      String s = text.toString();
      assertEquals(bySplit(s), DocumentExtractor.firstLine(s), () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
    }
  }
}
