package io.liaison.lexicon;

import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code pinyin-readings.txt}, the characters of GB 2312 grouped by their toneless pinyin,
 * at build time, for {@link PersonNames} to find the characters a name in pinyin may be written
 * with (chao: 超, 朝, 潮, …).
 *
 * <p>GB 2312 is the mainland's standard set of 6 763 characters, which holds the characters of
 * nearly every mainland name; each is read as ICU4J's Han-Latin transform reads it, the reading
 * {@link PersonNames#pinyin} gives it the other way. Reading them at run time would cost ICU's
 * rules (0.8 s) and 6 763 transliterations, so Maven runs this class at {@code process-classes}
 * and the table ships in the core jar; nothing derived from ICU's data is committed.
 */
public final class PinyinReadingsGenerator {
  static final String RESOURCE = "pinyin-readings.txt";

  private PinyinReadingsGenerator() {}

  /** Syllable → its characters in code point order. */
  static Map<String, String> readings() {
    CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
    Map<String, StringBuilder> bySyllable = new TreeMap<>();
    for (char c = '\u4E00'; c <= '\u9FA5'; c++) {
      if (gb2312.canEncode(c)) {
        String reading = Pinyin.toneless(String.valueOf(c));
        if (!reading.isEmpty()) {
          bySyllable.computeIfAbsent(reading, k -> new StringBuilder()).append(c);
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    bySyllable.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  /** Writes the table to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PinyinReadingsGenerator OUTPUT_FILE");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# The characters of GB 2312 by their toneless pinyin: syllable<TAB>characters.\n");
    sb.append("# Generated at build time from ICU4J ").append(VersionInfo.ICU_VERSION)
        .append("'s Han-Latin transform by PinyinReadingsGenerator; not committed.\n");
    readings().forEach((syllable, characters) -> sb.append(syllable).append('\t').append(characters).append('\n'));
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
  }
}
