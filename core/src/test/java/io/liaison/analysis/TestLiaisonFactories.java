package io.liaison.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

public class TestLiaisonFactories extends BaseTokenStreamTestCase {

  public void testCharFilterFactoryLoadsBySpiName() throws IOException {
    assertTrue(
        CharFilterFactory.availableCharFilters()
            .contains(TraditionalToSimplifiedCharFilterFactory.NAME));
    assertSame(
        TraditionalToSimplifiedCharFilterFactory.class,
        CharFilterFactory.lookupClass("liaisonTraditionalToSimplified"));
    CharFilterFactory factory =
        CharFilterFactory.forName("liaisonTraditionalToSimplified", new HashMap<>());
    assertTrue(factory instanceof TraditionalToSimplifiedCharFilterFactory);
    try (var reader = factory.create(new StringReader("聯絡"))) {
      char[] buf = new char[4];
      assertEquals(2, reader.read(buf, 0, 4));
      assertEquals("联络", new String(buf, 0, 2));
    }
    try (var reader = factory.normalize(new StringReader("聯絡"))) {
      StringBuilder sb = new StringBuilder();
      for (int c = reader.read(); c >= 0; c = reader.read()) {
        sb.append((char) c);
      }
      assertEquals("联络", sb.toString());
    }
  }

  public void testTokenFilterFactoryLoadsBySpiName() throws IOException {
    assertTrue(
        TokenFilterFactory.availableTokenFilters().contains(HanSegmentationFilterFactory.NAME));
    assertSame(
        HanSegmentationFilterFactory.class,
        TokenFilterFactory.lookupClass("liaisonHanSegmentation"));
    TokenFilterFactory factory =
        TokenFilterFactory.forName("liaisonHanSegmentation", new HashMap<>());
    assertTrue(factory instanceof HanSegmentationFilterFactory);
  }

  public void testBogusArgumentsAreRejected() {
    IllegalArgumentException e =
        expectThrows(
            IllegalArgumentException.class,
            () ->
                CharFilterFactory.forName(
                    TraditionalToSimplifiedCharFilterFactory.NAME,
                    new HashMap<>(Map.of("bogusArg", "bogusValue"))));
    assertTrue(e.getMessage(), e.getMessage().contains("Unknown parameters"));
    e =
        expectThrows(
            IllegalArgumentException.class,
            () ->
                TokenFilterFactory.forName(
                    HanSegmentationFilterFactory.NAME,
                    new HashMap<>(Map.of("bogusArg", "bogusValue"))));
    assertTrue(e.getMessage(), e.getMessage().contains("Unknown parameters"));
  }

  public void testCustomAnalyzerMatchesLiaisonAnalyzer() throws IOException {
    try (Analyzer custom = customAnalyzer();
        Analyzer liaison = new LiaisonAnalyzer()) {
      List<String> inputs =
          new ArrayList<>(
              List.of(
                  "",
                  "中國經濟聯絡中心",
                  "CECC是中联部下属单位",
                  "The China Economic Liaison Center (中国经济联络中心) was founded in 1993",
                  "ＣＥＣＣ２０２４ ﾃﾞｰﾀ 中國𠀀經濟",
                  "The liaisons of China's economy are in the news"));
      for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
        inputs.add(TestUtil.randomAnalysisString(random(), 200, false));
        inputs.add(TestUtil.randomRealisticUnicodeString(random(), 200));
      }
      for (String input : inputs) {
        assertEquals(input, tokens(liaison, input), tokens(custom, input));
      }
      assertEquals("中国cecc", custom.normalize("f", "中國ＣＥＣＣ").utf8ToString());
      assertEquals(
          liaison.normalize("f", "中國ＣＥＣＣ Liaison"), custom.normalize("f", "中國ＣＥＣＣ Liaison"));
    }
  }

  private static Analyzer customAnalyzer() throws IOException {
    return CustomAnalyzer.builder()
        .withTokenizer("standard")
        .addCharFilter("cjkWidth")
        .addCharFilter("liaisonTraditionalToSimplified")
        .addTokenFilter("liaisonHanSegmentation")
        .addTokenFilter("englishPossessive")
        .addTokenFilter("lowercase")
        .addTokenFilter("stop")
        .addTokenFilter("porterStem")
        .build();
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term + " " + offset.startOffset() + "-" + offset.endOffset() + " " + type.type() + " +"
                + posInc.getPositionIncrement());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " +" + posInc.getPositionIncrement());
    }
    return out;
  }
}
