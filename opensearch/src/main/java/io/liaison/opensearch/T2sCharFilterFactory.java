package io.liaison.opensearch;

import io.liaison.analysis.TraditionalToSimplifiedCharFilter;
import java.io.Reader;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.NormalizingCharFilterFactory;

/** Folds Traditional Chinese characters to Simplified, offsets kept; also applied to normalized terms. */
public final class T2sCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
  public static final String NAME = "liaison_t2s";

  T2sCharFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name);
    // Takes no parameters: a misspelt one should fail the index creation, not be ignored.
    if (!settings.keySet().stream().allMatch(k -> k.equals("type") || k.startsWith("index."))) {
      throw new IllegalArgumentException("Unknown parameters for " + NAME + ": " + settings.keySet());
    }
  }

  @Override
  public Reader create(Reader reader) {
    return new TraditionalToSimplifiedCharFilter(reader);
  }
}
