package io.liaison.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Tells Western text from Chinese when bytes decode both as windows-1252 and as GB18030 or Big5.
 *
 * <p>Every GBK or Big5 byte pair is also valid windows-1252, and a curly quote or accented letter
 * followed by a letter is valid GBK, so decoding without error decides little: a Western {@code
 * Minister’s} reads in GB18030 as {@code Minister抯}. What differs is where the characters fall.
 * Read as windows-1252, Western text has small accented letters and typographic marks among ASCII
 * letters, while Chinese gives pairs of symbols and capitals ({@code 关于} becomes {@code ¹ØÓÚ}).
 * Read as GB18030 or Big5, Western text gives lone characters that swallowed the Latin letter after
 * the accent, while Chinese gives runs of Han characters and Chinese punctuation. Text is taken as
 * Western only when both readings say so (or, for bytes that are neither GBK nor Big5, when its
 * accents stand alone, unlike a damaged Chinese file's pairs): a file wrongly read as Chinese was
 * what every Western file got before, one wrongly read as Western would be a regression for the
 * Chinese ones. Every test looks at the first {@value #SAMPLE} characters.
 *
 * <p>Measured on the lines with Chinese of 300 zh_CN and zh_TW manual pages (manpages-zh), each
 * saved alone in GBK and in Big5 where it encodes (32 408 files): 3 were read as windows-1252, each
 * a line of one character ({@code 與}, {@code 非}).
 *
 * <p>ICU's CharsetDetector was tried and is no help on short text: it calls {@code 第3章
 * Introduction} in GBK ISO-8859-1 and finds no Western reading of {@code Straße}. Stateless.
 */
final class WesternEvidence {
  private static final int SAMPLE = 20_000;
  /**
   * Typographic marks of windows-1252 that Western prose uses, and the no-break space. Not the
   * Latin-1 ones that lead Big5's frequent characters ({@code «D} is 非, {@code §J} is 克) or its
   * punctuation ({@code ¡A} is {@code ，}); {@code °} stays for {@code 20°C}.
   */
  private static final String WESTERN_MARKS = "‘’‚“”„…–—•‹›†‡‰™€£°\u00A0";

  private WesternEvidence() {}

  /**
   * True when most characters above ASCII in a windows-1252 reading fit Western text: a typographic
   * mark, a small letter, or a capital starting a word of ASCII small letters ({@code Öl}). A capital
   * or a symbol beside another such character, or before an ASCII capital, is what a Chinese
   * character's two bytes look like.
   */
  static boolean looksWestern(String text) {
    int n = Math.min(text.length(), SAMPLE);
    int high = 0;
    int fitting = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      high++;
      boolean capitalOfAWord = Character.isUpperCase(c) && (i == 0 || text.charAt(i - 1) < 0x80)
          && i + 1 < text.length() && isSmallLatin(text.charAt(i + 1));
      // Small letters by category, so not the ordinals ª and º: read as Big5 they are 的.
      if (WESTERN_MARKS.indexOf(c) >= 0 || Character.getType(c) == Character.LOWERCASE_LETTER || capitalOfAWord) {
        fitting++;
      }
    }
    return fitting * 2 > high;
  }

  /**
   * True when most characters above ASCII in a windows-1252 reading stand alone among ASCII
   * characters ({@code ½ cup}, {@code © 2024}). This is enough when the bytes are neither GBK nor
   * Big5: then the only Chinese they could be is a damaged file, whose characters come in pairs.
   */
  static boolean mostlyAlone(String text) {
    int n = Math.min(text.length(), SAMPLE);
    int high = 0;
    int alone = 0;
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) < 0x80) {
        continue;
      }
      high++;
      if ((i == 0 || text.charAt(i - 1) < 0x80) && (i + 1 >= text.length() || text.charAt(i + 1) < 0x80)) {
        alone++;
      }
    }
    return alone * 2 > high;
  }

  /**
   * True when most characters above ASCII in a GB18030 or Big5 reading are Han characters or
   * Chinese punctuation that did not swallow a Latin letter: beside another of them, or with a
   * second byte above ASCII. A Western accent or curly quote before a letter reads as one character
   * whose second byte is that letter ({@code ’s} as {@code 抯}); GB2312's characters all have a
   * second byte above ASCII, and Big5's, which may not, stand in runs.
   *
   * @param damaged the text is a lenient reading of bytes that are neither GBK nor Big5; then only
   *     characters in runs count, since an accented pair such as {@code äß} reads as a lone GB2312
   *     character ({@code 溥})
   */
  static boolean looksChinese(String text, Charset charset, boolean damaged) {
    CharsetEncoder encoder = charset.newEncoder();
    int n = Math.min(text.length(), SAMPLE);
    int signs = 0;
    int settled = 0;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp >= 0x80 && cp != 0xFFFD) { // a replacement character is a damaged byte, not a sign of either
        signs++;
        boolean inRun = i > 0 && isChinese(text.codePointBefore(i)) || next < text.length() && isChinese(text.codePointAt(next));
        if (isChinese(cp) && (inRun || !damaged && !swallowsLetter(encoder, text.substring(i, next)))) {
          settled++;
        }
      }
      i = next;
    }
    return settled * 2 > signs;
  }

  /** Han characters and the punctuation Chinese text uses: CJK, full-width and general (“”、—). */
  private static boolean isChinese(int cp) {
    return cp >= 0x2010 && cp <= 0x206F || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF
        || cp >= 0x80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /** Whether the character's encoding is two bytes, the second an ASCII letter. */
  private static boolean swallowsLetter(CharsetEncoder encoder, String character) {
    try {
      ByteBuffer code = encoder.encode(CharBuffer.wrap(character));
      return code.remaining() == 2 && isLatinLetter(code.get(1));
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean isSmallLatin(int c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLatinLetter(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }
}
