package io.liaison.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LanguageTest {
  /** The classification before ASCII got its fast path: the script of every code point looked up. */
  private static Language reference(CharSequence text) {
    long han = 0;
    long latin = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        han++;
      } else if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
        latin++;
      }
    }
    double h = han;
    double l = latin / 2.0;
    if (h + l == 0) {
      return Language.EN;
    }
    double share = h / (h + l);
    return share >= 0.8 ? Language.ZH : share <= 0.2 ? Language.EN : Language.MIXED;
  }

  @Test
  void chineseEnglishMixedAndNeither() {
    assertEquals(Language.ZH, Language.detect("中国经济联络中心成立于1993年"));
    assertEquals(Language.EN, Language.detect("The China Economic Liaison Center"));
    assertEquals(Language.MIXED, Language.detect("中国经济联络中心 China Economic Liaison Center"));
    assertEquals(Language.EN, Language.detect("1993 — 2026 @[`{"));
  }

  @Test
  void theAsciiFastPathClassifiesAsEveryCharacterLookedUp() {
    String alphabet = "Az@[`{09 _-\n中國经𠀀éÀßΩДあ한ｆＡ";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      for (int c = 0; c < 0x80 && n == 0; c++) {
        sb.append((char) c);
      }
      assertEquals(reference(sb), Language.detect(sb), sb.toString());
    }
  }
}
