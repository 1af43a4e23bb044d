package io.liaison.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

public class TestLiaisonAnalyzer extends BaseTokenStreamTestCase {

  private static final String HAN = HanSegmentationFilter.HAN_TYPE;

  private Analyzer analyzer;
  private Analyzer withoutFolding;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer = new LiaisonAnalyzer();
    withoutFolding = new LiaisonAnalyzer(false);
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    withoutFolding.close();
    super.tearDown();
  }

  public void testSimplified() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中国经济联络中心",
        new String[] {"中国", "经济", "联络", "中心"},
        new int[] {0, 2, 4, 6},
        new int[] {2, 4, 6, 8},
        new String[] {HAN, HAN, HAN, HAN},
        new int[] {1, 1, 1, 1});
  }

  public void testTraditionalSegmentsLikeSimplified() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中國經濟聯絡中心",
        new String[] {"中国", "经济", "联络", "中心"},
        new int[] {0, 2, 4, 6},
        new int[] {2, 4, 6, 8},
        new String[] {HAN, HAN, HAN, HAN},
        new int[] {1, 1, 1, 1});
    assertAnalyzesTo(
        analyzer,
        "臺灣發展計劃",
        new String[] {"台湾", "发展", "计划"},
        new int[] {0, 2, 4},
        new int[] {2, 4, 6});
  }

  public void testWithoutFoldingTraditionalFallsApart() throws IOException {
    assertTrue(analyzer instanceof LiaisonAnalyzer la && la.traditionalToSimplified());
    assertFalse(((LiaisonAnalyzer) withoutFolding).traditionalToSimplified());
    assertAnalyzesTo(
        withoutFolding,
        "中國經濟聯絡中心",
        new String[] {"中", "國", "經", "濟", "聯", "絡", "中心"},
        new int[] {0, 1, 2, 3, 4, 5, 6},
        new int[] {1, 2, 3, 4, 5, 6, 8});
    assertAnalyzesTo(
        withoutFolding,
        "中国经济联络中心",
        new String[] {"中国", "经济", "联络", "中心"},
        new int[] {0, 2, 4, 6},
        new int[] {2, 4, 6, 8});
  }

  public void testMixedAcronymAndChinese() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "CECC是中联部下属单位",
        new String[] {"cecc", "是", "中联部", "下属", "单位"},
        new int[] {0, 4, 5, 8, 10},
        new int[] {4, 5, 8, 10, 12},
        new String[] {"<ALPHANUM>", HAN, HAN, HAN, HAN},
        new int[] {1, 1, 1, 1, 1});
  }

  public void testMixedSentence() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "The China Economic Liaison Center (中国经济联络中心) was founded in 1993",
        new String[] {
          "china", "econom", "liaison", "center", "中国", "经济", "联络", "中心", "found", "1993"
        },
        new int[] {4, 10, 19, 27, 35, 37, 39, 41, 49, 60},
        new int[] {9, 18, 26, 33, 37, 39, 41, 43, 56, 64},
        new String[] {
          "<ALPHANUM>", "<ALPHANUM>", "<ALPHANUM>", "<ALPHANUM>", HAN, HAN, HAN, HAN, "<ALPHANUM>",
          "<NUM>"
        },
        new int[] {2, 1, 1, 1, 1, 1, 1, 1, 2, 2});
  }

  public void testFullWidth() throws IOException {
    assertAnalyzesTo(
        analyzer, "ＣＥＣＣ２０２４", new String[] {"cecc2024"}, new int[] {0}, new int[] {8});
    // Half-width katakana with a voiced mark folds two characters into one: offsets still point
    // into the original text.
    assertAnalyzesTo(
        analyzer,
        "ﾃﾞｰﾀ中國ＣＥＣＣ",
        new String[] {"データ", "中国", "cecc"},
        new int[] {0, 4, 6},
        new int[] {4, 6, 10},
        new String[] {"<KATAKANA>", HAN, "<ALPHANUM>"},
        new int[] {1, 1, 1});
  }

  public void testSurrogatePairInsideHanText() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中國𠀀經濟",
        new String[] {"中国", "𠀀", "经济"},
        new int[] {0, 2, 4},
        new int[] {2, 4, 6},
        new String[] {HAN, HAN, HAN},
        new int[] {1, 1, 1});
  }

  public void testPunctuationOnlyAndEmpty() throws IOException {
    assertAnalyzesTo(analyzer, "", new String[0]);
    assertAnalyzesTo(analyzer, "   ", new String[0]);
    assertAnalyzesTo(analyzer, "，。！？、……（）《》.,;:!?-()", new String[0]);
  }

  public void testEnglish() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "The liaisons of China's economy are in the news",
        new String[] {"liaison", "china", "economi", "new"},
        new int[] {4, 16, 24, 43},
        new int[] {12, 23, 31, 47},
        new int[] {2, 2, 1, 4});
    assertAnalyzesTo(analyzer, "Liaisons", new String[] {"liaison"});
    assertAnalyzesTo(
        analyzer,
        "CHINA'S 2024",
        new String[] {"china", "2024"},
        new int[] {0, 8},
        new int[] {7, 12});
  }

  public void testChineseFunctionWordsAreKept() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中国的经济和发展",
        new String[] {"中国", "的", "经济", "和", "发展"},
        new int[] {0, 2, 3, 5, 6},
        new int[] {2, 3, 5, 6, 8});
  }

  /** The English filters must leave every Han word exactly as the segmenter produced it. */
  public void testEnglishFiltersLeaveHanWordsUntouched() throws IOException {
    try (Analyzer segmentOnly =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new HanSegmentationFilter(tokenizer));
          }
        }) {
      for (int i = 0; i < 50 * RANDOM_MULTIPLIER; i++) {
        StringBuilder sb = new StringBuilder();
        int n = TestUtil.nextInt(random(), 1, 200);
        for (int j = 0; j < n; j++) {
          sb.appendCodePoint(TestUtil.nextInt(random(), 0x4E00, 0x9FA5));
        }
        String text = sb.toString();
        assertEquals(text, hanTokens(segmentOnly, text), hanTokens(withoutFolding, text));
      }
    }
  }

  private static String hanTokens(Analyzer a, String text) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        assertEquals(HAN, type.type());
        sb.append(term).append('/').append(offset.startOffset());
        sb.append('-').append(offset.endOffset()).append(' ');
      }
      ts.end();
    }
    return sb.toString();
  }

  public void testVeryLongMixedInput() throws IOException {
    String unit = "The China Economic Liaison Center (中國經濟聯絡中心) was founded in 1993. ";
    int repeats = 100_000 / unit.length() + 1;
    String text = unit.repeat(repeats);
    assertTrue(text.length() >= 100_000);
    int count = 0;
    String lastTerm = null;
    int lastStart = -1;
    int lastEnd = -1;
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        count++;
        lastTerm = term.toString();
        lastStart = offset.startOffset();
        lastEnd = offset.endOffset();
      }
      ts.end();
      assertEquals(text.length(), offset.endOffset());
    }
    assertEquals(10 * repeats, count);
    assertEquals("1993", lastTerm);
    assertEquals(text.length() - 6, lastStart);
    assertEquals(text.length() - 2, lastEnd);
  }

  public void testNormalizeFoldsLikeIndexing() {
    assertEquals("中国cecc", analyzer.normalize("f", "中國ＣＥＣＣ").utf8ToString());
    assertEquals("中國cecc", withoutFolding.normalize("f", "中國ＣＥＣＣ").utf8ToString());
  }

  public void testRandomStrings() throws IOException {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomHugeStrings() throws IOException {
    checkRandomData(random(), analyzer, 10 * RANDOM_MULTIPLIER, 8192);
  }

  public void testRandomStringsWithoutFolding() throws IOException {
    checkRandomData(random(), withoutFolding, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomHugeStringsWithoutFolding() throws IOException {
    checkRandomData(random(), withoutFolding, 10 * RANDOM_MULTIPLIER, 8192);
  }
}
