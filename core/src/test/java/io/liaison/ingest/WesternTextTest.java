package io.liaison.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Western text in windows-1252 or ISO-8859-1 is read as such, while GBK and Big5 text, Latin words
 * in it or not, keeps its Chinese reading: before, every non-UTF-8 file was read as GB18030 or Big5.
 */
class WesternTextTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset ISO_8859_1 = StandardCharsets.ISO_8859_1;
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset BIG5 = Charset.forName("Big5");

  private final DocumentExtractor extractor = new DocumentExtractor();

  private ExtractedDocument extract(String id, byte[] bytes) throws IOException {
    return extractor.extract(id, bytes, 1_700_000_000_000L);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WesternTextTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aWindows1252FileWithCurlyQuotesIsReadAsWindows1252() throws IOException {
    byte[] bytes = resource("ministers-statement-cp1252.txt");
    assertNull(TextDecoder.strict(bytes, StandardCharsets.UTF_8), "the fixture must stay windows-1252, not UTF-8");
    assertEquals(WINDOWS_1252, TextDecoder.decode(bytes, false).charset());
    ExtractedDocument d = extract("statements/minister.txt", bytes);
    assertEquals("Minister’s Statement", d.title());
    assertTrue(d.body().contains("Report on “China” and ‘Taiwan’ trade – second quarter"), d.body());
    assertTrue(d.body().contains("Prices are quoted in € and £; the café owners’ association"), d.body());
    List<String> tokens = AsIndexed.tokens(d.body());
    for (String word : List.of("china", "taiwan", "minister", "café", "fell")) {
      assertTrue(tokens.contains(AsIndexed.tokens(word).get(0)), word + " in " + tokens);
    }
    assertEquals(Language.EN, d.language());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zürich, Köln und München", "Gemäß §5 der Verordnung über Größe und Füße", "Straße",
      "Le ministère a publié l’avis — à lire.", "Ça va très bien, merci.", "¿Dónde está el baño? ¡Señor!",
      "São Paulo é ótimo", "Temperatures reached 20°C on Monday and 25°C on Tuesday.", "½ cup of flour",
      "© 2024 ACME", "It’s “fine”…", "Öl"})
  void westernTextInWindows1252OrLatin1IsReadRight(String text) throws IOException {
    for (Charset cs : new Charset[] {WINDOWS_1252, ISO_8859_1}) {
      if (cs.newEncoder().canEncode(text)) {
        assertEquals(text, extract("w.txt", text.getBytes(cs)).body(), text + " in " + cs);
      }
    }
  }

  /** Mixed text: lone Han characters beside Latin letters, Chinese punctuation, English words. */
  @ParameterizedTest
  @ValueSource(strings = {"会议纪要 Meeting notes：讨论了GDP增长和CPI数据", "在Java和Python中使用", "用Python写代码",
      "我用Python写code", "iPhone手机", "第3章 Introduction", "A股市场", "卡拉OK", "T恤", "X光", "的shell。",
      "和“cooperation”", "国务院 State Council", "iPhone手機", "臺灣 Taiwan", "400克，大約"})
  void chineseTextWithLatinWordsKeepsItsChineseReading(String text) throws IOException {
    for (Charset cs : new Charset[] {GBK, BIG5}) {
      if (cs.newEncoder().canEncode(text)) {
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(cs), false);
        assertTrue(d.charset().equals(TextDecoder.GB18030) || d.charset().equals(TextDecoder.BIG5),
            text + " in " + cs + " read as " + d.charset() + ": " + d.text());
      }
    }
  }

  @Test
  void aGbkFileWithAFewEnglishWordsIsReadAsGbk() throws IOException {
    String text = "会议纪要\n今天讨论了GDP增长和CPI数据，参会的有World Bank和IMF的代表。\nNext meeting: 周五";
    ExtractedDocument d = extract("notes/meeting.txt", text.getBytes(GBK));
    assertEquals(text, d.body());
    assertEquals("会议纪要", d.title());
  }

  @Test
  void aTruncatedGbkFileIsStillReadAsChinese() throws IOException {
    byte[] bytes = "国务院关于推进一带一路建设的意见\n今天我们讨论经济合作。".getBytes(GBK);
    ExtractedDocument d = extract("cut.txt", Arrays.copyOf(bytes, bytes.length - 1));
    assertEquals("国务院关于推进一带一路建设的意见", d.title());
    assertTrue(d.body().startsWith("国务院关于推进一带一路建设的意见\n今天我们讨论经济合作"), d.body());
  }

  @Test
  void anUndeclaredWindows1252PageIsReadAsWindows1252() throws IOException {
    String page = "<html><head><title>Minister’s Statement</title></head><body><p>Report on “China” trade.</p></body></html>";
    ExtractedDocument d = extract("a.html", page.getBytes(WINDOWS_1252));
    assertEquals("Minister’s Statement", d.title());
    assertEquals("Report on “China” trade.", d.body());
  }
}
