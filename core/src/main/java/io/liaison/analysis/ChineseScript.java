package io.liaison.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Static helpers for Han text: script test and Traditional-to-Simplified folding.
 *
 * <p>The folding is character by character, one code point to one of the same UTF-16 length, from
 * a table generated from ICU4J's {@code Traditional-Simplified} transform and bundled as {@code
 * io/liaison/analysis/traditional-to-simplified.txt}. It is the same table {@link
 * TraditionalToSimplifiedCharFilter} applies, so glossary, lexicon and query code that folds with
 * {@link #toSimplified(String)} matches what the analyzer indexed. Thread-safe; the table loads
 * once, on first use (about 15 ms).
 */
public final class ChineseScript {

  /** Resource name of the bundled table, relative to this class. */
  static final String TABLE_RESOURCE = "traditional-to-simplified.txt";

  // Every mapped character lies in Extension A .. Compatibility Ideographs (U+3400..U+FAFF).
  private static final int TABLE_FIRST = 0x3400;
  private static final int TABLE_LAST = 0xFAFF;

  private ChineseScript() {}

  /** Whether {@code codePoint} belongs to the Han script (ideographs, radicals, 々 and the like). */
  public static boolean isHan(int codePoint) {
    return codePoint >= 0
        && codePoint <= Character.MAX_CODE_POINT
        && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** Whether {@code text} holds a Han character anywhere ({@link #isHan(int)}). */
  public static boolean containsHan(CharSequence text) {
    return text.codePoints().anyMatch(ChineseScript::isHan);
  }

  /** The Simplified form of {@code codePoint}, or {@code codePoint} itself when it has none. */
  public static int toSimplified(int codePoint) {
    return codePoint >= TABLE_FIRST && codePoint <= TABLE_LAST
        ? Table.simplify((char) codePoint)
        : codePoint;
  }

  /**
   * {@code text} with every Traditional character replaced by its Simplified form; the result has
   * the same length, so indexes into it are indexes into {@code text}. Returns {@code text} itself
   * when nothing changes.
   */
  public static String toSimplified(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (simplify(c) != c) {
        char[] out = text.toCharArray();
        for (int j = i; j < n; j++) {
          out[j] = simplify(out[j]);
        }
        return new String(out);
      }
    }
    return text;
  }

  /** The {@link #script} of text written in Traditional characters. */
  public static final String TRADITIONAL = "Hant";
  /** The {@link #script} of text written in Simplified characters. */
  public static final String SIMPLIFIED = "Hans";

  /**
   * The script Han text is written in, as an ISO 15924 code: {@value #TRADITIONAL} when at least one
   * Han character in {@value #TRADITIONAL_ONE_IN} has a different Simplified form, {@value
   * #SIMPLIFIED} otherwise, and empty for text without Han characters. Simplified text has almost
   * none (a few fold that are right as they stand, such as 乾 in 乾隆): at most 1.4 % of the Han
   * characters of the benchmarks' 1 277 Simplified pages. Traditional text has about a third (們,
   * 這, 國, 經, 說): 12 to 50 %, median 33 %, on their 1 128 Traditional pages.
   */
  public static Optional<String> script(CharSequence text) {
    int han = 0;
    int traditional = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (isHan(cp)) {
        han++;
        if (toSimplified(cp) != cp) {
          traditional++;
        }
      }
    }
    if (han == 0) {
      return Optional.empty();
    }
    return Optional.of(traditional * TRADITIONAL_ONE_IN >= han ? TRADITIONAL : SIMPLIFIED);
  }

  /** One Han character in this many with a Simplified form of its own makes text Traditional. */
  static final int TRADITIONAL_ONE_IN = 20;

  /** One UTF-16 unit folded; surrogates and characters outside the table come back unchanged. */
  static char simplify(char c) {
    return c >= TABLE_FIRST && c <= TABLE_LAST ? Table.simplify(c) : c;
  }

  /** Number of mapped characters (for tests and diagnostics). */
  static int tableSize() {
    return Table.size;
  }

  // Holder idiom: the JVM loads the table once, lazily and safely, when first touched.
  private static final class Table {
    private static final char[] MAP = new char[TABLE_LAST - TABLE_FIRST + 1];
    private static int size;

    static {
      load();
    }

    static char simplify(char c) {
      char s = MAP[c - TABLE_FIRST];
      return s == 0 ? c : s;
    }

    private static void load() {
      try (InputStream in = ChineseScript.class.getResourceAsStream(TABLE_RESOURCE)) {
        if (in == null) {
          throw new UncheckedIOException(
              new IOException("Bundled resource missing: io/liaison/analysis/" + TABLE_RESOURCE));
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
          lineNo++;
          if (line.isEmpty() || line.charAt(0) == '#') {
            continue;
          }
          if (line.length() != 2
              || line.charAt(0) < TABLE_FIRST
              || line.charAt(0) > TABLE_LAST
              || Character.isSurrogate(line.charAt(1))) {
            throw new UncheckedIOException(
                new IOException(
                    "Malformed line " + lineNo + " in io/liaison/analysis/" + TABLE_RESOURCE));
          }
          MAP[line.charAt(0) - TABLE_FIRST] = line.charAt(1);
          size++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read bundled resource io/liaison/analysis/" + TABLE_RESOURCE, e);
      }
    }
  }
}
