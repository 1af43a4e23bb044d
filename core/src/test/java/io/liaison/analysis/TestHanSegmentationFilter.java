package io.liaison.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.CannedTokenStream;
import org.apache.lucene.tests.analysis.Token;

public class TestHanSegmentationFilter extends BaseTokenStreamTestCase {

  private static final String HAN = HanSegmentationFilter.HAN_TYPE;
  private static final String IDEO = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private Analyzer analyzer;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new HanSegmentationFilter(tokenizer));
          }
        };
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testSegmentsSimplifiedRun() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中国经济联络中心",
        new String[] {"中国", "经济", "联络", "中心"},
        new int[] {0, 2, 4, 6},
        new int[] {2, 4, 6, 8},
        new String[] {HAN, HAN, HAN, HAN},
        new int[] {1, 1, 1, 1});
  }

  public void testNonHanTokensPassThrough() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "CECC是中联部下属单位 2024",
        new String[] {"CECC", "是", "中联部", "下属", "单位", "2024"},
        new int[] {0, 4, 5, 8, 10, 13},
        new int[] {4, 5, 8, 10, 12, 17},
        new String[] {"<ALPHANUM>", HAN, HAN, HAN, HAN, "<NUM>"},
        new int[] {1, 1, 1, 1, 1, 1});
  }

  public void testGapEndsRun() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中国 经济，联络",
        new String[] {"中国", "经济", "联络"},
        new int[] {0, 3, 6},
        new int[] {2, 5, 8});
  }

  public void testSupplementaryCharacterStandsAlone() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中国𠀀经济",
        new String[] {"中国", "𠀀", "经济"},
        new int[] {0, 2, 4},
        new int[] {2, 4, 6},
        new String[] {HAN, HAN, HAN},
        new int[] {1, 1, 1});
  }

  public void testCharactersOutsideSmartCnRangeStayWhole() throws IOException {
    // Extension A is outside SmartCN's Hanzi range: it segments them as single "strings".
    assertAnalyzesTo(
        analyzer,
        "㐀㐁中国",
        new String[] {"㐀", "㐁", "中国"},
        new int[] {0, 1, 2},
        new int[] {1, 2, 4});
  }

  public void testOffsetsFollowCharFilterCorrections() throws IOException {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add("ZH", "中");
    map.add("GUO", "国");
    NormalizeCharMap charMap = map.build();
    try (Analyzer mapped =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new HanSegmentationFilter(tokenizer));
          }

          @Override
          protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(charMap, reader);
          }
        }) {
      assertAnalyzesTo(
          mapped,
          "ZHGUO经济",
          new String[] {"中国", "经济"},
          new int[] {0, 5},
          new int[] {5, 7},
          new String[] {HAN, HAN},
          new int[] {1, 1});
    }
  }

  public void testNonAdjacentIdeographsDoNotJoin() throws IOException {
    TokenStream canned =
        new CannedTokenStream(ideograph("中", 0, 1, 1), ideograph("国", 2, 3, 1));
    assertTokenStreamContents(
        new HanSegmentationFilter(canned),
        new String[] {"中", "国"},
        new int[] {0, 2},
        new int[] {1, 3},
        new String[] {HAN, HAN},
        new int[] {1, 1});
  }

  public void testPositionGapEndsRunAndIsKept() throws IOException {
    TokenStream canned =
        new CannedTokenStream(
            ideograph("中", 0, 1, 3), ideograph("国", 1, 2, 1), ideograph("经", 2, 3, 2),
            ideograph("济", 3, 4, 1));
    assertTokenStreamContents(
        new HanSegmentationFilter(canned),
        new String[] {"中国", "经济"},
        new int[] {0, 2},
        new int[] {2, 4},
        new String[] {HAN, HAN},
        new int[] {3, 2});
  }

  private static Token ideograph(String text, int start, int end, int posInc) {
    Token token = new Token(text, posInc, start, end);
    token.setType(IDEO);
    return token;
  }

  public void testRunLongerThanLimitIsCut() throws IOException {
    String unit = "中国经济联络中心";
    int repeats = 12_500; // 100k characters without a break
    String text = unit.repeat(repeats);
    int count = 0;
    int lastEnd = -1;
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        assertEquals(2, term.length());
        assertEquals(lastEnd < 0 ? 0 : lastEnd, offset.startOffset());
        lastEnd = offset.endOffset();
        count++;
      }
      ts.end();
      assertEquals(text.length(), offset.endOffset());
    }
    // The limit is a multiple of the unit's length, so cutting never splits a word here.
    assertEquals(0, HanSegmentationFilter.MAX_RUN_LENGTH % unit.length());
    assertEquals(4 * repeats, count);
    assertEquals(text.length(), lastEnd);
  }

  public void testEmptyAndPunctuation() throws IOException {
    assertAnalyzesTo(analyzer, "", new String[0]);
    assertAnalyzesTo(analyzer, "，。！？、《》（）……", new String[0]);
  }

  public void testRandomStrings() throws IOException {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomHugeStrings() throws IOException {
    checkRandomData(random(), analyzer, 10 * RANDOM_MULTIPLIER, 8192);
  }
}
