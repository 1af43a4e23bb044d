package io.liaison.opensearch;

import io.liaison.analysis.HanBigramAnalyzer;
import io.liaison.analysis.LiaisonAnalyzer;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.search.fetch.subphase.highlight.Highlighter;
import org.opensearch.search.suggest.term.TermSuggestion;

/**
 * Liaison inside OpenSearch: the bilingual analysis under stable names, and the {@code
 * liaison_concepts} query that scores translated concepts exactly as the embedded library does.
 *
 * <p>Names: char filter {@value T2sCharFilterFactory#NAME}, token filter {@value
 * HanSegmentationTokenFilterFactory#NAME}, analyzers {@value FoldingAnalyzerProvider#LIAISON} and {@value
 * FoldingAnalyzerProvider#HAN_BIGRAMS} (the field of Han bigrams), query
 * {@value ConceptsQueryBuilder#NAME}, suggester {@value PrefixTermsSuggestionBuilder#NAME} (indexed
 * terms by prefix, for the server's completions), highlighter {@value SnippetHighlighter#NAME} (the
 * library's snippets). Translation stays in the client library: the
 * cluster receives concepts, not words.
 */
public final class LiaisonPlugin extends Plugin implements AnalysisPlugin, SearchPlugin {

  @Override
  public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
    return Map.of(T2sCharFilterFactory.NAME, T2sCharFilterFactory::new);
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(HanSegmentationTokenFilterFactory.NAME, HanSegmentationTokenFilterFactory::new);
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(FoldingAnalyzerProvider.LIAISON, FoldingAnalyzerProvider.of(LiaisonAnalyzer::new),
        FoldingAnalyzerProvider.HAN_BIGRAMS, FoldingAnalyzerProvider.of(HanBigramAnalyzer::new));
  }

  @Override
  public List<QuerySpec<?>> getQueries() {
    return List.of(new QuerySpec<>(ConceptsQueryBuilder.NAME, ConceptsQueryBuilder::new, ConceptsQueryBuilder::fromXContent),
        new QuerySpec<>(CoordinationQueryBuilder.NAME, CoordinationQueryBuilder::new, CoordinationQueryBuilder::fromXContent),
        new QuerySpec<>(ContentMatchQueryBuilder.NAME, ContentMatchQueryBuilder::new, ContentMatchQueryBuilder::fromXContent));
  }

  @Override
  public List<SuggesterSpec<?>> getSuggesters() {
    return List.of(new SuggesterSpec<>(PrefixTermsSuggestionBuilder.NAME, PrefixTermsSuggestionBuilder::new,
        PrefixTermsSuggestionBuilder::fromXContent, TermSuggestion::new));
  }

  @Override
  public Map<String, Highlighter> getHighlighters() {
    return Map.of(SnippetHighlighter.NAME, new SnippetHighlighter());
  }
}
