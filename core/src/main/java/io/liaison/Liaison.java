package io.liaison;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.Searcher;
import io.liaison.search.StoredDocument;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedding facade: index a corpus folder, then search it in Chinese, English or both.
 *
 * <pre>{@code
 * Liaison.index(Path.of("corpus"), Path.of("index"));
 * try (Liaison liaison = Liaison.open(Path.of("index"))) {
 *   SearchResponse r = liaison.search(SearchRequest.of("经济联络"));
 *   r.hits().forEach(h -> System.out.println(h.id() + " " + h.title()));
 * }
 * }</pre>
 *
 * <p><b>Thread safety:</b> an open {@code Liaison} is safe for any number of concurrent searches.
 * {@link #refresh()} (after an indexing run) and {@link #reloadGlossary()} may be called at any
 * time from any thread: searches already running finish on the index and glossary they started
 * with, later ones see the new state; none sees a half-built index.
 */
public final class Liaison implements Closeable {
  private final Searcher searcher;
  private final Optional<Path> glossaryFile;
  private final AtomicReference<Glossary> glossary;

  private Liaison(Searcher searcher, Optional<Path> glossaryFile, AtomicReference<Glossary> glossary) {
    this.searcher = searcher;
    this.glossaryFile = glossaryFile;
    this.glossary = glossary;
  }

  /** Opens an index with the bundled dictionary and no glossary. */
  public static Liaison open(Path indexDir) throws IOException {
    return open(indexDir, null);
  }

  /**
   * Opens an index with the bundled dictionary and a glossary file (may be null or missing).
   *
   * @throws IllegalArgumentException when there is no index in {@code indexDir}, or the glossary is malformed
   */
  public static Liaison open(Path indexDir, Path glossaryFile) throws IOException {
    Optional<Path> file = Optional.ofNullable(glossaryFile);
    AtomicReference<Glossary> glossary = new AtomicReference<>(loadGlossary(file));
    Searcher searcher = new Searcher(indexDir, Lexicon.defaultLexicon(), glossary::get);
    return new Liaison(searcher, file, glossary);
  }

  private static Glossary loadGlossary(Optional<Path> file) throws IOException {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return Glossary.empty();
    }
    return Glossary.load(file.get(), ChineseScript::toSimplified);
  }

  /** Builds or refreshes the index of a corpus folder with default options. */
  public static IndexSummary index(Path corpus, Path indexDir) throws IOException {
    return new Indexer(Indexer.Options.of(corpus, indexDir)).run();
  }

  /** Searches; a malformed query throws {@link io.liaison.query.QuerySyntaxException} with its position. */
  public SearchResponse search(SearchRequest request) throws IOException {
    return searcher.search(request);
  }

  /** The indexed document with this id, if there is one. */
  public Optional<StoredDocument> document(String id) throws IOException {
    return searcher.document(id);
  }

  /** Makes searches see the latest committed index. */
  public void refresh() throws IOException {
    searcher.refresh();
  }

  /** Reads the glossary file again; searches after this call use the new entries. */
  public void reloadGlossary() throws IOException {
    glossary.set(loadGlossary(glossaryFile));
  }

  /** The underlying searcher, for the server's analysis and status endpoints. */
  public Searcher searcher() {
    return searcher;
  }

  @Override
  public void close() throws IOException {
    searcher.close();
  }
}
