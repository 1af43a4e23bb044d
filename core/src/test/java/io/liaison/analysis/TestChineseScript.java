package io.liaison.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.tests.util.LuceneTestCase;

public class TestChineseScript extends LuceneTestCase {

  public void testFoldsTraditionalToSimplified() {
    assertEquals("中国经济联络中心", ChineseScript.toSimplified("中國經濟聯絡中心"));
    assertEquals("联络", ChineseScript.toSimplified("聯絡"));
    assertEquals("台湾", ChineseScript.toSimplified("臺灣"));
    assertEquals("台湾", ChineseScript.toSimplified("台灣"));
    assertEquals("发展", ChineseScript.toSimplified("發展"));
    assertEquals("计划", ChineseScript.toSimplified("計劃"));
    assertEquals('国', ChineseScript.toSimplified((int) '國'));
  }

  public void testLeavesOtherTextAlone() {
    String simplified = "CECC是中联部下属单位, founded 1993.";
    assertSame(simplified, ChineseScript.toSimplified(simplified));
    assertSame("", ChineseScript.toSimplified(""));
    // Supplementary characters and lone surrogates pass through.
    assertEquals("𠀀中国\uD800", ChineseScript.toSimplified("𠀀中國\uD800"));
    assertEquals(0x20000, ChineseScript.toSimplified(0x20000));
    assertEquals('A', ChineseScript.toSimplified((int) 'A'));
  }

  public void testKeepsLengthSoIndexesStayValid() {
    for (int cp = 0x3400; cp <= 0xFAFF; cp++) {
      int s = ChineseScript.toSimplified(cp);
      assertEquals(Character.charCount(cp), Character.charCount(s));
    }
  }

  public void testFoldingIsIdempotent() {
    for (int cp = 0x3400; cp <= 0xFAFF; cp++) {
      int once = ChineseScript.toSimplified(cp);
      assertEquals(Integer.toHexString(cp), once, ChineseScript.toSimplified(once));
    }
  }

  public void testTellsTheScriptOfAText() {
    assertEquals(java.util.Optional.of("Hant"), ChineseScript.script("中國經濟聯絡中心成立於1993年"));
    assertEquals(java.util.Optional.of("Hans"), ChineseScript.script("中国经济联络中心成立于1993年"));
    // 乾 folds to 干, but is right as it stands in 乾隆: one such character in a Simplified text does not make it Traditional.
    assertEquals(java.util.Optional.of("Hans"), ChineseScript.script("乾隆年间，这座城市的人口增长了许多，商业也随之发展起来了"));
    // A few Traditional characters in a longer text do.
    assertEquals(java.util.Optional.of("Hant"), ChineseScript.script("這座城市的人口增長了许多，商业也随之发展起来了"));
    assertEquals(java.util.Optional.empty(), ChineseScript.script("China Economic Cooperation Center (CECC)"));
  }

  public void testIsHan() {
    assertTrue(ChineseScript.isHan('中'));
    assertTrue(ChineseScript.isHan('國'));
    assertTrue(ChineseScript.isHan(0x20000)); // 𠀀
    assertTrue(ChineseScript.isHan(0x3400));
    assertFalse(ChineseScript.isHan('a'));
    assertFalse(ChineseScript.isHan('，'));
    assertFalse(ChineseScript.isHan('カ'));
    assertFalse(ChineseScript.isHan(-1));
    assertFalse(ChineseScript.isHan(Character.MAX_CODE_POINT + 1));
  }

  public void testContainsHan() {
    assertTrue(ChineseScript.containsHan("ls 列出目录"));
    assertTrue(ChineseScript.containsHan("a\uD840\uDC00")); // 𠀀, outside the BMP
    assertFalse(ChineseScript.containsHan("front-end，カナ"));
    assertFalse(ChineseScript.containsHan(""));
  }

  public void testBundledTableMatchesIcu4j() throws IOException {
    String bundled;
    try (InputStream in = ChineseScript.class.getResourceAsStream(ChineseScript.TABLE_RESOURCE)) {
      assertNotNull(in);
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(
        "bundled table is stale: regenerate it with TraditionalToSimplifiedTableGenerator",
        TraditionalToSimplifiedTableGenerator.render(
            TraditionalToSimplifiedTableGenerator.mappings()),
        bundled);
    assertEquals(2904, ChineseScript.tableSize());
  }
}
