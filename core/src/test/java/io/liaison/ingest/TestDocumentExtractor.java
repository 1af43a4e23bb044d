package io.liaison.ingest;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TestDocumentExtractor {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset GB2312 = Charset.forName("GB2312");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset BIG5 = Charset.forName("Big5");

  private static final String SIMPLIFIED = "国务院关于推进一带一路建设的意见\n今天我们讨论经济合作。";
  private static final String TRADITIONAL = "經濟合作與發展組織的報告指出\n香港特別行政區政府";

  private final DocumentExtractor extractor = new DocumentExtractor();

  private ExtractedDocument extract(String id, byte[] bytes) throws IOException {
    return extractor.extract(id, bytes, 1_700_000_000_000L);
  }

  @Test
  void plainTextIsReadInEveryUnicodeForm() throws IOException {
    for (byte[] bytes : new byte[][] {
        TestFiles.text(SIMPLIFIED, UTF_8, false), TestFiles.text(SIMPLIFIED, UTF_8, true),
        TestFiles.text(SIMPLIFIED, UTF_16LE, true), TestFiles.text(SIMPLIFIED, UTF_16BE, true)}) {
      ExtractedDocument d = extract("notes/a.txt", bytes);
      assertEquals(SIMPLIFIED, d.body());
      assertEquals("国务院关于推进一带一路建设的意见", d.title());
      assertEquals(Language.ZH, d.language());
      assertEquals("notes", d.folder());
      assertEquals(bytes.length, d.size());
    }
  }

  @Test
  void utf16WithoutBomIsRecognisedWhenMostlyAscii() throws IOException {
    String mixed = "Liaison report on the 一带一路 initiative, second draft";
    assertEquals(mixed, extract("a.txt", TestFiles.text(mixed, UTF_16LE, false)).body());
    assertEquals(mixed, extract("a.txt", TestFiles.text(mixed, UTF_16BE, false)).body());
  }

  @Test
  void undeclaredGbkAndGb18030AndGb2312TextIsDetected() throws IOException {
    for (Charset cs : new Charset[] {GBK, GB18030, GB2312}) {
      assertEquals(SIMPLIFIED, extract("a.txt", TestFiles.text(SIMPLIFIED, cs, false)).body(), cs.name());
    }
  }

  @Test
  void undeclaredBig5TextIsDetected() throws IOException {
    assertEquals(TRADITIONAL, extract("a.md", TestFiles.text(TRADITIONAL, BIG5, false)).body());
  }

  /** Short titles are where detectors guess: each of these alone is the whole file. */
  @ParameterizedTest
  @ValueSource(strings = {"中华人民共和国", "政府工作报告", "人工智能", "关于", "一帶一路", "國務院", "行政院", "臺灣的人口"})
  void shortChineseTextsDecodeInTheEncodingTheyWereSavedIn(String text) throws IOException {
    for (Charset cs : new Charset[] {GBK, BIG5}) {
      if (cs.newEncoder().canEncode(text)) {
        assertEquals(text, extract("t.txt", text.getBytes(cs)).body(), text + " in " + cs);
      }
    }
  }

  @Test
  void htmlMetaCharsetIsHonoured() throws IOException {
    String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "<title>政府信息公开</title><script>var x = '脚本不是正文';</script><style>.a{color:red}</style></head>"
        + "<body><p>国务院办公厅</p><noscript>请启用脚本</noscript></body></html>";
    ExtractedDocument d = extract("gov/page.htm", page.getBytes(GBK));
    assertEquals("政府信息公开", d.title());
    assertEquals("国务院办公厅", d.body());
    assertFalse(d.body().contains("脚本"));
    assertFalse(d.body().contains("color"));
  }

  @Test
  void html5MetaCharsetBig5() throws IOException {
    String page = "<!doctype html><meta charset=\"big5\"><title>行政院公報</title><p>" + TRADITIONAL + "</p>";
    ExtractedDocument d = extract("tw/a.html", page.getBytes(BIG5));
    assertEquals("行政院公報", d.title());
    assertTrue(d.body().contains("香港特別行政區政府"), d.body());
  }

  @Test
  void xhtmlXmlPrologEncoding() throws IOException {
    String page = "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<head><title>通知</title></head><body><p>关于印发通知</p></body></html>";
    ExtractedDocument d = extract("a.xhtml", page.getBytes(GBK));
    assertEquals("通知", d.title());
    assertEquals("关于印发通知", d.body());
  }

  @Test
  void undeclaredGbkHtmlIsDetected() throws IOException {
    String page = "<html><head><title>人民政府</title></head><body>" + SIMPLIFIED + "</body></html>";
    assertEquals("人民政府", extract("a.html", page.getBytes(GBK)).title());
  }

  @Test
  void aBomOutranksAStaleDeclaration() throws IOException {
    String page = "<html><head><meta charset=\"gb2312\"><title>重新保存</title></head><body>正文</body></html>";
    assertEquals("重新保存", extract("a.html", TestFiles.text(page, UTF_8, true)).title());
  }

  @Test
  void pdfGivesItsTextLayerAndTitle() throws IOException {
    ExtractedDocument d = extract("r/report.pdf", TestFiles.pdf("Annual Report", "Belt and Road cooperation 2024"));
    assertEquals("Annual Report", d.title());
    assertTrue(d.body().contains("Belt and Road cooperation 2024"), d.body());
    assertEquals(Language.EN, d.language());
  }

  @Test
  void docxGivesParagraphsAndCoreTitle() throws IOException {
    ExtractedDocument d = extract("a.docx", TestFiles.docx("合作备忘录", "一带一路倡议", "Memorandum of Understanding"));
    assertEquals("合作备忘录", d.title());
    assertTrue(d.body().contains("一带一路倡议"), d.body());
    assertTrue(d.body().contains("Memorandum of Understanding"), d.body());
  }

  @Test
  void odtGivesHeadingParagraphAndTitle() throws IOException {
    ExtractedDocument d = extract("a.odt", TestFiles.odt("會議紀要", "對外聯絡部", "International Department"));
    assertEquals("會議紀要", d.title());
    assertTrue(d.body().contains("對外聯絡部"), d.body());
    assertTrue(d.body().contains("International Department"), d.body());
  }

  @Test
  void rtfWithCodePage936Escapes() throws IOException {
    ExtractedDocument d = extract("a.rtf", TestFiles.rtfGbk("中国国际贸易促进委员会", "China Council"));
    assertTrue(d.body().contains("中国国际贸易促进委员会"), d.body());
    assertTrue(d.body().contains("China Council"), d.body());
  }

  @Test
  void emailGivesSubjectAsTitleAndDecodedBody() throws IOException {
    ExtractedDocument d = extract("mail/a.eml", TestFiles.eml("会议通知 Meeting", "明天上午十点开会。", GBK));
    assertEquals("会议通知 Meeting", d.title());
    assertTrue(d.body().contains("明天上午十点开会"), d.body());
  }

  @Test
  void brokenFilesAreRejectedWithAReason() {
    byte[] pdf = TestFiles.pdf("T", "some text");
    assertReason("truncated.pdf", TestFiles.truncated(pdf, pdf.length / 3), ".pdf");
    assertReason("junk.pdf", TestFiles.junk(5000, 1), ".pdf");
    byte[] docx = TestFiles.docx("T", "text");
    assertReason("truncated.docx", TestFiles.truncated(docx, docx.length / 2), ".docx");
    assertReason("junk.odt", TestFiles.junk(5000, 2), ".odt");
    assertReason("junk.txt", TestFiles.junk(5000, 3), "binary");
    assertReason("empty.md", new byte[0], "empty");
    assertReason("blank.txt", "  \n\n ".getBytes(UTF_8), "no text");
    assertReason("a.exe", new byte[] {1}, "unsupported");
  }

  private void assertReason(String name, byte[] bytes, String expected) {
    UnsupportedFileException e = assertThrows(UnsupportedFileException.class, () -> extract(name, bytes), name);
    assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
  }
}
