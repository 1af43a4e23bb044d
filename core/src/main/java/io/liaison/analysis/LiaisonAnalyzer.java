package io.liaison.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyzer for mixed Chinese and English text.
 *
 * <p>Chain: {@link CJKWidthCharFilter} (full-width ASCII to half-width), {@link
 * TraditionalToSimplifiedCharFilter}, {@link StandardTokenizer}, {@link HanSegmentationFilter}
 * (SmartCN words from runs of Han characters), then the English chain: {@link
 * EnglishPossessiveFilter}, {@link LowerCaseFilter}, {@link StopFilter} with {@link
 * EnglishAnalyzer#ENGLISH_STOP_WORDS_SET}, {@link PorterStemFilter}. Han words pass the English
 * filters unchanged. Offsets always point into the original text. {@link #normalize} applies the
 * same character folding and lower-casing, so {@code 中國ＣＥＣＣ} normalizes to {@code 中国cecc}.
 *
 * <p>Thread-safe, like every {@link Analyzer}.
 */
public final class LiaisonAnalyzer extends Analyzer {

  private final boolean traditionalToSimplified;

  /** The analyzer with Traditional-to-Simplified folding. */
  public LiaisonAnalyzer() {
    this(true);
  }

  /**
   * @param traditionalToSimplified whether to fold Traditional characters to Simplified before
   *     segmenting; {@code false} only for ablation benchmarks, since SmartCN cannot segment
   *     Traditional text
   */
  public LiaisonAnalyzer(boolean traditionalToSimplified) {
    this.traditionalToSimplified = traditionalToSimplified;
  }

  /** Whether this analyzer folds Traditional characters to Simplified. */
  public boolean traditionalToSimplified() {
    return traditionalToSimplified;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return fold(reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return fold(reader);
  }

  private Reader fold(Reader reader) {
    return fold(reader, traditionalToSimplified);
  }

  /** Full-width to half-width, then Traditional to Simplified when asked: the folding every Liaison analyzer starts with. */
  static Reader fold(Reader reader, boolean traditionalToSimplified) {
    Reader folded = new CJKWidthCharFilter(reader);
    return traditionalToSimplified ? new TraditionalToSimplifiedCharFilter(folded) : folded;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    // Segment before the English filters (they never split a Han run); possessive before lower-case
    // and stop words before stemming, as both lists hold unstemmed lower-case forms.
    TokenStream result = new HanSegmentationFilter(source);
    result = new EnglishPossessiveFilter(result);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
