package io.liaison.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

public class TestHanBigramAnalyzer extends BaseTokenStreamTestCase {
  private static final String BIGRAM = CJKBigramFilter.DOUBLE_TYPE;

  public void testOverlappingBigramsWithOffsets() throws IOException {
    try (Analyzer a = new HanBigramAnalyzer()) {
      assertAnalyzesTo(a, "命令提示符",
          new String[] {"命令", "令提", "提示", "示符"},
          new int[] {0, 1, 2, 3},
          new int[] {2, 3, 4, 5},
          new String[] {BIGRAM, BIGRAM, BIGRAM, BIGRAM},
          new int[] {1, 1, 1, 1});
    }
  }

  public void testTraditionalFoldsFirstAndCanBeLeftAlone() throws IOException {
    try (Analyzer folding = new HanBigramAnalyzer(); Analyzer not = new HanBigramAnalyzer(false)) {
      assertAnalyzesTo(folding, "聯絡中心", new String[] {"联络", "络中", "中心"}, new int[] {0, 1, 2}, new int[] {2, 3, 4});
      assertAnalyzesTo(not, "聯絡中心", new String[] {"聯絡", "絡中", "中心"}, new int[] {0, 1, 2}, new int[] {2, 3, 4});
    }
  }

  public void testLatinWordsAndLoneCharactersAreLeftOut() throws IOException {
    try (Analyzer a = new HanBigramAnalyzer()) {
      // ls and 2 are not Han; 列 stands alone between them. Full-width letters fold as elsewhere.
      assertAnalyzesTo(a, "ls 列 2 目录内容 ＣＥＣＣ",
          new String[] {"目录", "录内", "内容"},
          new int[] {7, 8, 9},
          new int[] {9, 10, 11},
          new int[] {4, 1, 1});
      assertAnalyzesTo(a, "Only English here.", new String[0]);
    }
  }

  public void testTwoValuesAreFarApart() {
    try (Analyzer a = new HanBigramAnalyzer()) {
      assertEquals(HanBigramAnalyzer.VALUE_GAP, a.getPositionIncrementGap("han_bigrams"));
    }
  }

  public void testRandomStrings() throws IOException {
    try (Analyzer a = new HanBigramAnalyzer()) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
    }
  }
}
