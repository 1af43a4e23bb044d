package io.liaison.opensearch;

import io.liaison.analysis.HanBigramAnalyzer;
import io.liaison.analysis.LiaisonAnalyzer;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;

/**
 * One of Liaison's analyzers under a stable name: the library's own class, not a chain rebuilt
 * from parts, so terms in the cluster are the terms of the embedded index. The setting {@code
 * traditional_to_simplified} (default true) is off only to reproduce the embedded index's
 * ablation builds.
 */
public final class FoldingAnalyzerProvider<A extends Analyzer> extends AbstractIndexAnalyzerProvider<A> {
  /** {@link LiaisonAnalyzer}, for the title and the body. */
  public static final String LIAISON = "liaison";
  /** {@link HanBigramAnalyzer}, for the field of Han bigrams. */
  public static final String HAN_BIGRAMS = "liaison_han_bigrams";

  private final A analyzer;

  private FoldingAnalyzerProvider(IndexSettings indexSettings, String name, Settings settings, Function<Boolean, A> make) {
    super(indexSettings, name, settings);
    this.analyzer = make.apply(settings.getAsBoolean("traditional_to_simplified", true));
  }

  /** The provider of an analyzer made by {@code make} from the folding setting. */
  static <A extends Analyzer> AnalysisProvider<AnalyzerProvider<? extends Analyzer>> of(Function<Boolean, A> make) {
    return (IndexSettings indexSettings, Environment environment, String name, Settings settings) ->
        new FoldingAnalyzerProvider<>(indexSettings, name, settings, make);
  }

  @Override
  public A get() {
    return analyzer;
  }
}
