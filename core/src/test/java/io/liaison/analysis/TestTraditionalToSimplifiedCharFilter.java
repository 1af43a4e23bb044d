package io.liaison.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

public class TestTraditionalToSimplifiedCharFilter extends BaseTokenStreamTestCase {

  private Analyzer analyzer;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
            return new TokenStreamComponents(tokenizer, tokenizer);
          }

          @Override
          protected Reader initReader(String fieldName, Reader reader) {
            return new TraditionalToSimplifiedCharFilter(reader);
          }
        };
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testReplacesInPlaceWithExactOffsets() throws IOException {
    assertAnalyzesTo(
        analyzer,
        "中國經濟 聯絡中心 臺灣 CECC",
        new String[] {"中国经济", "联络中心", "台湾", "CECC"},
        new int[] {0, 5, 10, 13},
        new int[] {4, 9, 12, 17});
  }

  public void testSupplementaryCharactersPassThrough() throws IOException {
    assertAnalyzesTo(
        analyzer, "𠀀國 國𠀀", new String[] {"𠀀国", "国𠀀"}, new int[] {0, 4}, new int[] {3, 7});
  }

  public void testSingleCharRead() throws IOException {
    try (CharFilter filter = new TraditionalToSimplifiedCharFilter(new StringReader("聯a"))) {
      assertEquals('联', filter.read());
      assertEquals('a', filter.read());
      assertEquals(-1, filter.read());
      assertEquals(7, filter.correctOffset(7));
    }
  }

  public void testEmpty() throws IOException {
    assertAnalyzesTo(analyzer, "", new String[0]);
  }

  public void testRandomStrings() throws IOException {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }
}
