package io.liaison.opensearch;

import io.liaison.analysis.HanSegmentationFilter;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;

/** Splits runs of Han characters into SmartCN words; other tokens pass unchanged. */
public final class HanSegmentationTokenFilterFactory extends AbstractTokenFilterFactory {
  public static final String NAME = "liaison_han_segmentation";

  HanSegmentationTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
    // Takes no parameters: a misspelt one should fail the index creation, not be ignored.
    if (!settings.keySet().stream().allMatch(k -> k.equals("type") || k.startsWith("index."))) {
      throw new IllegalArgumentException("Unknown parameters for " + NAME + ": " + settings.keySet());
    }
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new HanSegmentationFilter(tokenStream);
  }
}
