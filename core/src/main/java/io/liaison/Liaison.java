package io.liaison;

import io.liaison.analysis.ChineseScript;
import io.liaison.backend.Backend;
import io.liaison.backend.EmbeddedBackend;
import io.liaison.backend.OpenSearchBackend;
import io.liaison.backend.OpenSearchCluster;
import io.liaison.backend.OpenSearchIndexer;
import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.lexicon.EnglishTags;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.PersonNames;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.Searcher;
import io.liaison.search.VersionLinker;
import io.liaison.search.StoredDocument;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The same API runs on an OpenSearch 3.5 cluster with the Liaison plugin when one machine is
 * not enough: {@link #indexOpenSearch} and {@link #openOpenSearch} instead of {@link #index} and
 * {@link #open}. Translation still runs here; rankings are the embedded index's.
 *
 * <p><b>Thread safety:</b> an open {@code Liaison} is safe for any number of concurrent searches.
 * {@link #refresh()} (after an indexing run) and {@link #reloadGlossary()} may be called at any
 * time from any thread: searches already running finish on the index and glossary they started
 * with, later ones see the new state; none sees a half-built index.
 *
 * <p><b>Glossary edits:</b> the glossary file is watched without a thread of its own. Before a
 * search, at most once every {@value #GLOSSARY_CHECK_SECONDS} seconds, its modification time and
 * size are compared with those of the loaded version, and a changed file is loaded again: edits
 * reach searches within seconds, with no reindexing and no call to {@link #reloadGlossary()}. A
 * changed file that does not load (malformed, unreadable, or gone) leaves the previous entries in
 * use and logs a warning; the search goes on. The warning comes once per version of the file.
 *
 * <p><b>An index written elsewhere:</b> unlike the glossary, a newer commit of the index is not
 * picked up behind the caller's back: an application may hold what it derived from the index
 * (the server's suggestions read it through a reader of their own) and must switch with it, and
 * reopening segments and re-reading the mined aliases belongs on the application's schedule, not
 * inside a user's search. {@link #isCurrent()} says cheaply whether there is a newer commit and
 * {@link #refresh()} switches to it; the server asks every second.
 */
public final class Liaison implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Liaison.class);
  static final int GLOSSARY_CHECK_SECONDS = 2;

  /** What identifies a version of the glossary file; null fields when there is no file. */
  private record FileStamp(FileTime modified, long size) {
    static final FileStamp NONE = new FileStamp(null, -1);
  }

  private final Backend backend;
  private final Optional<Path> glossaryFile;
  private final AtomicReference<Glossary> glossary;
  private final AtomicReference<FileStamp> glossaryStamp;
  /** Both scripts and a word of each language, so both directions of translation run. */
  static final String WARM_UP_QUERY = "经济联络 economic liaison";

  private final AtomicLong nextGlossaryCheck;

  private Liaison(Backend backend, Optional<Path> glossaryFile, AtomicReference<Glossary> glossary, FileStamp stamp) {
    this.backend = backend;
    this.glossaryFile = glossaryFile;
    this.glossary = glossary;
    this.glossaryStamp = new AtomicReference<>(stamp);
    this.nextGlossaryCheck = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(GLOSSARY_CHECK_SECONDS));
  }

  /**
   * Starts loading the bundled dictionaries (the bilingual lexicon and SmartCN's) on background
   * threads and returns at once; {@link #open} starts them anyway. A program that will open an
   * index soon calls this first thing in {@code main}, so the load (about 0.7 s of CPU) overlaps
   * the program's own start-up instead of following it. Calling it again does nothing.
   */
  public static void preloadDictionaries() {
    BundledDictionaries.start();
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
    FileStamp stamp = stamp(file);
    // The dictionaries load on threads of their own while the index opens (unless main started
    // them earlier); the first translated search waits for the lexicon, the first analysis of Han
    // text for SmartCN's (the JVM's class initialisation).
    BundledDictionaries.start();
    AtomicReference<Glossary> glossary = new AtomicReference<>(loadGlossary(file));
    Searcher searcher = new Searcher(indexDir, BundledDictionaries::lexicon, glossary::get);
    return new Liaison(new EmbeddedBackend(searcher, indexDir, new VersionLinker(BundledDictionaries::lexicon)), file, glossary, stamp);
  }

  /**
   * Opens an index on an OpenSearch cluster that runs the Liaison plugin, with the bundled
   * dictionary and a glossary file (may be null or missing); the aliases mined into the index are
   * read now and at each {@link #refresh()}.
   *
   * @param cluster the cluster's URL, e.g. {@code http://localhost:9200}
   * @throws IllegalArgumentException when the index does not exist, or the glossary is malformed
   * @throws IOException when the cluster cannot be reached
   */
  public static Liaison openOpenSearch(URI cluster, String indexName, Path glossaryFile) throws IOException {
    Optional<Path> file = Optional.ofNullable(glossaryFile);
    FileStamp stamp = stamp(file);
    AtomicReference<Glossary> glossary = new AtomicReference<>(loadGlossary(file));
    OpenSearchCluster connection = new OpenSearchCluster(cluster, indexName);
    try {
      return new Liaison(new OpenSearchBackend(connection, BundledDictionaries.lexicon(), glossary::get), file, glossary,
          stamp);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Builds or refreshes an index on an OpenSearch cluster from a corpus folder, creating it with
   * the shipped settings and mappings when it is missing.
   */
  public static IndexSummary indexOpenSearch(OpenSearchIndexer.Options options, URI cluster, String indexName,
      IndexProgress progress) throws IOException {
    try (OpenSearchCluster connection = new OpenSearchCluster(cluster, indexName)) {
      return new OpenSearchIndexer(connection, options).run(progress);
    }
  }

  private static Glossary loadGlossary(Optional<Path> file) throws IOException {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return Glossary.empty();
    }
    return Glossary.load(file.get(), ChineseScript::toSimplified);
  }

  private static FileStamp stamp(Optional<Path> file) throws IOException {
    if (file.isEmpty()) {
      return FileStamp.NONE;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(file.get(), BasicFileAttributes.class);
      return new FileStamp(a.lastModifiedTime(), a.size());
    } catch (NoSuchFileException e) {
      return FileStamp.NONE;
    }
  }

  /** Builds or refreshes the index of a corpus folder with default options, and links its language versions. */
  public static IndexSummary index(Path corpus, Path indexDir) throws IOException {
    IndexSummary summary = new Indexer(Indexer.Options.of(corpus, indexDir)).run();
    linkVersions(indexDir);
    return summary;
  }

  /**
   * Links each document of the index to its version in the other language ({@link VersionLinker}),
   * querying only what changed since the last run; searches then show a hit's version with it.
   * Run it after every indexing run that did not go through {@link #index}; the index must not be
   * open for writing elsewhere.
   */
  public static VersionLinker.Summary linkVersions(Path indexDir) throws IOException {
    return linkVersions(indexDir, VersionLinker.Progress.NONE);
  }

  /** As {@link #linkVersions(Path)}, telling {@code progress} how far it is. */
  public static VersionLinker.Summary linkVersions(Path indexDir, VersionLinker.Progress progress) throws IOException {
    BundledDictionaries.start();
    return new VersionLinker(BundledDictionaries::lexicon).link(indexDir, progress);
  }

  /**
   * Links the versions of this index's documents that are not linked yet, as {@link
   * #linkVersions(Path)} does, on the thread that calls it; searches keep answering meanwhile and
   * show the links after {@link #refresh()}. A cluster index says in the summary that it keeps none.
   */
  public VersionLinker.Summary linkVersions() throws IOException {
    return backend.linkVersions();
  }

  /** As {@link #linkVersions()}, telling {@code progress} how far it is. */
  public VersionLinker.Summary linkVersions(VersionLinker.Progress progress) throws IOException {
    return backend.linkVersions(progress);
  }

  /** Searches; a malformed query throws {@link io.liaison.query.QuerySyntaxException} with its position. */
  public SearchResponse search(SearchRequest request) throws IOException {
    checkGlossaryIfDue();
    return backend.search(request);
  }

  /**
   * The glossary searches use now, after the same check for edits that {@link #search} makes (at
   * most every {@value #GLOSSARY_CHECK_SECONDS} seconds): what a server's completions read, so that
   * an edit reaches them when it reaches searches.
   */
  public Glossary glossary() {
    checkGlossaryIfDue();
    return glossary.get();
  }

  private void checkGlossaryIfDue() {
    long now = System.nanoTime();
    long next = nextGlossaryCheck.get();
    // One thread per interval wins the check; the others go on with the glossary they have.
    if (glossaryFile.isPresent() && now - next >= 0
        && nextGlossaryCheck.compareAndSet(next, now + TimeUnit.SECONDS.toNanos(GLOSSARY_CHECK_SECONDS))) {
      checkGlossary();
    }
  }

  /**
   * Runs one small translated search (Chinese and English words, with snippets) on a background
   * thread and discards it; returns at once. The first search in a JVM is the slowest by far: its
   * classes load and its code runs interpreted. A server calls this right after opening, as Solr's
   * first-searcher warming queries do, so that this happens while the server itself starts rather
   * than in its first user's request. Then it loads the transliteration of Chinese names into
   * pinyin ({@link PersonNames#prepare}, about 0.8 s), which the first query with a name would
   * otherwise wait for, and the English tagger's models ({@link EnglishTags#prepare}, about 0.3
   * s), which the first English query with a dictionary phrase would. The future completes when
   * all three are over; a failure there is the failure the first real search would have, and is
   * left to that search to report.
   */
  public CompletableFuture<Void> warmUp() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("liaison-warm-up").start(() -> {
      try {
        backend.search(SearchRequest.of(WARM_UP_QUERY));
        PersonNames.prepare(); // after the search: a name's pinyin is rarer than a first search
        EnglishTags.prepare(); // the English tagger, which an English phrase's first query would load
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /**
   * Loads the glossary file again if its modification time or size changed since it was loaded;
   * never throws. Searches call this every {@value #GLOSSARY_CHECK_SECONDS} seconds; tests call it
   * directly instead of waiting.
   */
  synchronized void checkGlossary() {
    if (glossaryFile.isEmpty()) {
      return;
    }
    try {
      FileStamp now = stamp(glossaryFile);
      if (now.equals(glossaryStamp.get())) {
        return;
      }
      // Recorded first, so that a file which fails to load is reported once, not at every check.
      glossaryStamp.set(now);
      if (now.equals(FileStamp.NONE)) {
        LOG.warn("The glossary {} is gone; searches keep the entries loaded before", glossaryFile.get());
        return;
      }
      glossary.set(Glossary.load(glossaryFile.get(), ChineseScript::toSimplified));
      LOG.info("Reloaded the glossary {} after a change", glossaryFile.get());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      LOG.warn("The changed glossary {} does not load, so searches keep the entries loaded before: {}",
          glossaryFile.get(), e.getMessage());
    }
  }

  /** The indexed document with this id, if there is one. */
  public Optional<StoredDocument> document(String id) throws IOException {
    return backend.document(id);
  }

  /**
   * Indexes every file of {@code corpus} again into this Liaison's index, the local folder or the
   * cluster, while searches keep answering from what is there; {@link #refresh()} afterwards makes
   * them see the result, and {@link #linkVersions()} then links the language versions (it is not
   * part of this call, so that the new documents are searchable while linking runs). What a
   * server's rebuild runs.
   *
   * @throws IllegalArgumentException when the corpus folder cannot be read
   */
  public IndexSummary reindex(Path corpus, IndexProgress progress) throws IOException {
    return backend.reindex(corpus, progress);
  }

  /** Makes searches see the latest committed index. */
  public void refresh() throws IOException {
    backend.refresh();
  }

  /**
   * True when searches see the newest commit of a local index; false once an indexing run (an
   * {@code index} command in another process, another application, {@link #index}) has committed
   * since the last {@link #refresh()}. Cheap: it reads one small file. Always true on a cluster,
   * whose searches see every write as it is made.
   */
  public boolean isCurrent() throws IOException {
    return !(backend instanceof EmbeddedBackend embedded) || embedded.searcher().isCurrent();
  }

  /** Reads the glossary file again; searches after this call use the new entries. */
  public synchronized void reloadGlossary() throws IOException {
    // The stamp is read before the file: an edit in between makes the next check load it again.
    FileStamp stamp = stamp(glossaryFile);
    glossary.set(loadGlossary(glossaryFile));
    glossaryStamp.set(stamp);
  }

  /**
   * The searcher of the local index.
   *
   * @throws IllegalStateException when this Liaison searches an OpenSearch cluster
   */
  public Searcher searcher() {
    if (backend instanceof EmbeddedBackend embedded) {
      return embedded.searcher();
    }
    throw new IllegalStateException("no local index: this Liaison searches " + backend.describe());
  }

  /** Where the index is: a local folder or an OpenSearch cluster. */
  public Backend backend() {
    return backend;
  }

  /** The analyzer of the text fields, for the server's analysis endpoint. */
  public org.apache.lucene.analysis.Analyzer analyzer() {
    return backend.analyzer();
  }

  /** Number of searchable documents. */
  public int documentCount() throws IOException {
    return backend.documentCount();
  }

  @Override
  public void close() throws IOException {
    backend.close();
  }
}
