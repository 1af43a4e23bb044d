package io.liaison.backend;

import io.liaison.query.AliasTable;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.StoredDocument;
import java.io.Closeable;
import java.io.IOException;
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

  /** Where the index is, for people: a folder or {@code URL/index}. */
  String describe();
}
