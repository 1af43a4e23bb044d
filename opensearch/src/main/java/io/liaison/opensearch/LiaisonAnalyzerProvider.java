package io.liaison.opensearch;

import io.liaison.analysis.LiaisonAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/**
 * The analyzer {@value #NAME}: exactly {@link LiaisonAnalyzer} (the same class, not a chain
 * rebuilt from parts), so terms in the cluster are the terms of the embedded index.
 */
public final class LiaisonAnalyzerProvider extends AbstractIndexAnalyzerProvider<LiaisonAnalyzer> {
  public static final String NAME = "liaison";

  private final LiaisonAnalyzer analyzer;

  LiaisonAnalyzerProvider(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
    // Off only to reproduce the embedded index's ablation builds.
    this.analyzer = new LiaisonAnalyzer(settings.getAsBoolean("traditional_to_simplified", true));
  }

  @Override
  public LiaisonAnalyzer get() {
    return analyzer;
  }
}
