package io.liaison.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * One token as an analyzer produced it, for showing people how text is indexed.
 *
 * @param term the indexed term
 * @param start start offset in the original text (chars)
 * @param end end offset in the original text (chars)
 * @param type the token type, such as {@code <ALPHANUM>} or {@code word}
 * @param position 0-based position (position increments applied)
 */
public record AnalyzedToken(String term, int start, int end, String type, int position) {

  /** Runs {@code text} through {@code analyzer} as if it were indexed into {@code field}. */
  public static List<AnalyzedToken> analyze(Analyzer analyzer, String field, String text) {
    List<AnalyzedToken> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new AnalyzedToken(term.toString(), offset.startOffset(), offset.endOffset(), type.type(), position));
      }
      ts.end();
    } catch (IOException e) {
      // Analyzing a String reads no files; an IOException here is a bug in the chain.
      throw new UncheckedIOException("analyzing text failed", e);
    }
    return out;
  }
}
