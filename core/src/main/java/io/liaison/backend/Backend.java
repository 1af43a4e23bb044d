package io.liaison.backend;

import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.query.AliasTable;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.StoredDocument;
import io.liaison.search.SuggestionIndex;
import io.liaison.search.VersionLinker;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;

/** An index that answers searches: the embedded Lucene index or a remote cluster. Thread-safe. */
public interface Backend extends Closeable {
  /** Searches; a malformed query throws {@link io.liaison.query.QuerySyntaxException} with its position. */
  SearchResponse search(SearchRequest request) throws IOException;

  /** The indexed document with this id, if there is one. */
  Optional<StoredDocument> document(String id) throws IOException;

  /** Makes searches see the latest indexed state, and reloads the mined aliases. */
  void refresh() throws IOException;

  /** Number of searchable documents. */
  int documentCount() throws IOException;

  /** The analyzer of the text fields, as the index was built with it. */
  Analyzer analyzer();

  /** The aliases mined from the corpus, as currently loaded. */
  AliasTable aliases();

  /** The titles and terms that suggestions complete from, read where the index is; the caller closes it. */
  SuggestionIndex openSuggestionIndex() throws IOException;

  /**
   * Indexes every file of {@code corpus} again, deleting the documents of files that are gone;
   * searches keep answering while it runs. Call {@link #refresh()} afterwards, then {@link
   * #linkVersions(VersionLinker.Progress)}: the new documents are searchable before they are linked.
   *
   * @throws IllegalArgumentException when the corpus folder cannot be read
   */
  IndexSummary reindex(Path corpus, IndexProgress progress) throws IOException;

  /**
   * Links each document to its version in the other language where that is not done yet ({@link
   * VersionLinker}); a backend that keeps no links says so in the summary. Call {@link #refresh()}
   * afterwards.
   */
  default VersionLinker.Summary linkVersions() throws IOException {
    return linkVersions(VersionLinker.Progress.NONE);
  }

  /** As {@link #linkVersions()}, telling {@code progress} how far it is. */
  default VersionLinker.Summary linkVersions(VersionLinker.Progress progress) throws IOException {
    return new VersionLinker.Summary(0, 0, 0, 0, 0, Optional.of(describe() + " keeps no language versions"), false);
  }

  /** Where the index is, for people: a folder or {@code URL/index}. */
  String describe();
}
