package io.liaison.backend;

import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.query.AliasTable;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.Searcher;
import io.liaison.search.VersionLinker;
import io.liaison.search.LocalSuggestionIndex;
import io.liaison.search.StoredDocument;
import io.liaison.search.SuggestionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;

/** The default backend: a Lucene index in a local folder, searched in process. */
public final class EmbeddedBackend implements Backend {
  private final Searcher searcher;
  private final Path indexDir;
  private final VersionLinker linker;

  /** A backend on {@code searcher}'s index; {@link #linkVersions} links language versions with {@code linker}. */
  public EmbeddedBackend(Searcher searcher, Path indexDir, VersionLinker linker) {
    this.searcher = searcher;
    this.indexDir = indexDir;
    this.linker = linker;
  }

  /** The searcher over the local index. */
  public Searcher searcher() {
    return searcher;
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return searcher.search(request);
  }

  @Override
  public Optional<StoredDocument> document(String id) throws IOException {
    return searcher.document(id);
  }

  @Override
  public void refresh() throws IOException {
    searcher.refresh();
  }

  @Override
  public int documentCount() throws IOException {
    return searcher.documentCount();
  }

  @Override
  public Analyzer analyzer() {
    return searcher.analyzer();
  }

  @Override
  public AliasTable aliases() {
    return searcher.aliases();
  }

  @Override
  public SuggestionIndex openSuggestionIndex() throws IOException {
    return new LocalSuggestionIndex(indexDir);
  }

  /** A fresh index, committed atomically: searches answer from the old one until {@link #refresh()}. */
  @Override
  public IndexSummary reindex(Path corpus, IndexProgress progress) throws IOException {
    return new Indexer(Indexer.Options.of(corpus, indexDir).withRebuild(true)).run(progress);
  }

  @Override
  public VersionLinker.Summary linkVersions(VersionLinker.Progress progress) throws IOException {
    return linker.link(indexDir, progress);
  }

  @Override
  public String describe() {
    return indexDir.toString();
  }

  @Override
  public void close() throws IOException {
    searcher.close();
  }
}
