package io.liaison.analysis;

import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The overlapping two-character words of Han text, and nothing else: 命令提示符 gives 命令, 令提,
 * 提示, 示符. It indexes the field that matches Chinese words however SmartCN would cut them.
 *
 * <p>Why: {@link LiaisonAnalyzer} cuts a run of Han characters into SmartCN's words, and a word
 * matches only where the text was cut into that word. SmartCN keeps a longer word whole where a
 * shorter one is inside (文件名, file name, holds 文件, file), so a word of the query, or a
 * dictionary's translation, misses a document that holds it. Its bigrams do not depend on the cut.
 * Chinese retrieval has long combined words with overlapping bigrams for this reason; {@link
 * io.liaison.query.ConceptQueryBuilder} adds the bigram match to the word match.
 *
 * <p>Chain: {@link org.apache.lucene.analysis.cjk.CJKWidthCharFilter}, {@link TraditionalToSimplifiedCharFilter} (as in {@link
 * LiaisonAnalyzer}, so Traditional and Simplified text share bigrams), {@link StandardTokenizer},
 * {@link CJKBigramFilter} over Han only, then {@link TypeTokenFilter} keeping only its bigrams: a
 * Han character standing alone, Latin words and numbers are left to the other fields. Values of a
 * multi-valued field are {@value #VALUE_GAP} positions apart, so no phrase spans two of them where
 * a field keeps positions (Liaison's own index does not since its format 3: it matches a longer
 * word as all of its bigrams). Thread-safe.
 */
public final class HanBigramAnalyzer extends Analyzer {
  /** Positions between two values of one field (a title and a body). */
  static final int VALUE_GAP = 100;

  private final boolean traditionalToSimplified;

  /** With Traditional-to-Simplified folding. */
  public HanBigramAnalyzer() {
    this(true);
  }

  /** @param traditionalToSimplified as for {@link LiaisonAnalyzer#LiaisonAnalyzer(boolean)} */
  public HanBigramAnalyzer(boolean traditionalToSimplified) {
    this.traditionalToSimplified = traditionalToSimplified;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return LiaisonAnalyzer.fold(reader, traditionalToSimplified);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new CJKBigramFilter(source, CJKBigramFilter.HAN);
    result = new TypeTokenFilter(result, Set.of(CJKBigramFilter.DOUBLE_TYPE), true);
    return new TokenStreamComponents(source, result);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return VALUE_GAP;
  }
}
