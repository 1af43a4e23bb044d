package io.liaison.search;

import io.liaison.index.Fields;
import io.liaison.index.IndexLayout;
import io.liaison.index.NoPrefetchDirectory;
import io.liaison.index.Scoring;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.query.AliasTable;
import io.liaison.query.LiaisonQueryParser;
import io.liaison.query.QueryTranslator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Searches one index. Thread-safe: any number of threads may search while another calls {@link
 * #refresh()}; each search sees one committed state of the index from start to end.
 */
public final class Searcher implements Closeable {
  static final float TITLE_BOOST = 2f;
  /** What a hit shows, and the body its snippets come from. */
  private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.LANG, Fields.FOLDER, Fields.BODY);

  private final Directory directory;
  private final SearcherManager manager;
  private final Analyzer analyzer;
  private final QueryTranslator translator;
  /** Null until the first load, which runs in the background; later loads (refreshes) replace it. */
  private final AtomicReference<AliasTable> aliases = new AtomicReference<>();
  private final CompletableFuture<AliasTable> firstAliases = new CompletableFuture<>();
  private volatile Duration timeLimit = DEFAULT_TIME_LIMIT;
  private final AtomicReference<Map.Entry<IndexReader, Linking>> linkedReader = new AtomicReference<>();

  /** How long one search may run before it is stopped with a {@link SearchTimeoutException}. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IllegalArgumentException when there is no index there
   */
  public Searcher(Path indexDir, Lexicon lexicon, Supplier<Glossary> glossary) throws IOException {
    this(indexDir, () -> lexicon, glossary);
  }

  /**
   * As above, with the dictionary asked for only by the first translated search, so it can load
   * on another thread while the index opens.
   */
  public Searcher(Path indexDir, Supplier<Lexicon> lexicon, Supplier<Glossary> glossary) throws IOException {
    if (!IndexLayout.exists(indexDir)) {
      throw new IllegalArgumentException("no index at " + indexDir.toAbsolutePath()
          + "; build one with: liaison index --corpus DIR --index " + indexDir);
    }
    this.directory = new NoPrefetchDirectory(FSDirectory.open(indexDir));
    DirectoryReader first = DirectoryReader.open(directory);
    boolean t2s = !"false".equals(first.getIndexCommit().getUserData().get(IndexLayout.T2S_KEY));
    this.analyzer = Fields.analyzer(t2s);
    this.manager = new SearcherManager(first, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(Scoring.similarity());
        return searcher;
      }
    });
    this.translator = new QueryTranslator(analyzer, lexicon, glossary, this::aliases, new IndexedNames(manager, analyzer));
    manager.addListener(new ReferenceManager.RefreshListener() {
      @Override
      public void beforeRefresh() {}

      @Override
      public void afterRefresh(boolean didRefresh) throws IOException {
        if (didRefresh) {
          loadAliases();
        }
      }
    });
    // Read on a spare thread, so opening does not wait for it; the first translated search does.
    Thread.ofPlatform().daemon().name("liaison-aliases").start(() -> {
      try {
        IndexSearcher s = manager.acquire();
        try {
          AliasTable table = AliasTable.read(s.getIndexReader());
          aliases.compareAndSet(null, table); // unless a refresh got there first with a newer one
          firstAliases.complete(table);
        } finally {
          manager.release(s);
        }
      } catch (Throwable e) {
        firstAliases.completeExceptionally(e);
      }
    });
  }

  private void loadAliases() throws IOException {
    IndexSearcher s = manager.acquire();
    try {
      aliases.set(AliasTable.read(s.getIndexReader()));
    } finally {
      manager.release(s);
    }
  }

  /** Picks up the latest commit, if any; searches under way finish on the state they started with. */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  /**
   * True when searches see the newest commit in the index folder; false once a writer (an indexing
   * run in this process or another) has committed since the last {@link #refresh()}. It reads the
   * folder's latest commit point, one small file, so it is cheap enough to ask every second; a run
   * that has not committed yet, or died before it did, leaves it true.
   */
  public boolean isCurrent() throws IOException {
    IndexSearcher s = manager.acquire();
    try {
      // What SearcherManager.isSearcherCurrent does, which Lucene keeps package-private.
      return ((DirectoryReader) s.getIndexReader()).isCurrent();
    } finally {
      manager.release(s);
    }
  }

  /** The current limit on one search's running time. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /**
   * Best score first, equal scores by id: the order then depends on nothing but the documents, not
   * on segments, threads, shards or which replica answered, so pages do not overlap and a cluster
   * ranks ties as the local index does ({@code OpenSearchBackend} sorts the same way).
   */
  public static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));

  /** Sets how long one search may run (matching, scoring and counting; not highlighting the page). */
  public void timeLimit(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the search time limit must be positive, not " + limit);
    }
    this.timeLimit = limit;
  }

  /** The analyzer this index was built with. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** Runs a search; a malformed query throws {@link io.liaison.query.QuerySyntaxException}. */
  public SearchResponse search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    LiaisonQueryParser parser = new LiaisonQueryParser(analyzer, translator, request.translate(), request.ablations(), TITLE_BOOST);
    Query query = request.plainText() ? parser.parsePlain(request.query()) : parser.parseQuery(request.query());
    // Ranked with the pages' renderings as further evidence, added to the best hits' scores
    // (WindowRescorer); highlighted by the query alone (the rendered field is not stored).
    Query evidence = parser.renderedEvidence(query);
    Query filtered = query;
    if (request.language().isPresent() || request.folder().isPresent()) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder().add(filtered, BooleanClause.Occur.MUST);
      request.language().ifPresent(l -> builder.add(new TermQuery(new Term(Fields.LANG, l.code())), BooleanClause.Occur.FILTER));
      request.folder().ifPresent(f -> builder.add(new TermQuery(new Term(Fields.FOLDER, f)), BooleanClause.Occur.FILTER));
      filtered = builder.build();
    }
    IndexSearcher shared = manager.acquire();
    try {
      // A searcher of its own per request: the time limit and its timed-out flag are per searcher.
      Duration limit = timeLimit;
      IndexSearcher searcher = new TimeLimitedSearcher(shared.getIndexReader(), System.nanoTime() + limit.toNanos());
      searcher.setSimilarity(shared.getSimilarity()); // Scoring's, as the manager's factory sets it
      int wanted = Math.multiplyExact(request.page(), request.limit());
      // A translated query's hits in two languages are merged (LanguageBalance) from the best of each.
      boolean balance = LanguageBalance.appliesTo(request);
      // A hit's versions are shown with it and not again lower down (VersionGroups), so a page of
      // groups may need up to two or three times as many ranked hits (under a language filter only
      // a version in the other script can be on the list, but the same bound holds). Where few
      // documents are linked, the ranks of the page come first and the rest only when versions
      // left the page short: a longer list of ranks keeps the shorter one's groups as they were.
      Linking linking = linking(shared.getIndexReader());
      boolean absorb = linking.groupSize() > 1;
      int most = absorb ? Math.multiplyExact(wanted, linking.groupSize()) : wanted;
      int ranks = linking.dense() ? most : wanted;
      RankedMatches results;
      List<VersionGroups.Group> groups;
      while (true) {
        try {
          results = RankedMatches.search(searcher, filtered, ranks, balance, evidence);
        } catch (IndexSearcher.TooManyClauses e) {
          throw new SearchLimitException("clauses", "the query expands to more than " + IndexSearcher.getMaxClauseCount()
              + " clauses once translated and rewritten, the limit: use fewer words or wildcards, or turn translation off", e);
        }
        if (searcher.timedOut()) {
          throw new SearchTimeoutException(limit);
        }
        TopDocs top = results.top();
        ScoreDoc[] ranked = balance ? balanced(searcher.getIndexReader(), top.scoreDocs) : scored(top.scoreDocs);
        groups = VersionGroups.of(searcher.getIndexReader(), ranked, absorb);
        if (groups.size() >= wanted || ranked.length < ranks || ranks >= most) {
          break;
        }
        ranks = most;
      }
      Map<String, Map<String, Long>> facets = results.facets();
      int from = (request.page() - 1) * request.limit();
      List<VersionGroups.Group> page = from >= groups.size()
          ? List.of()
          : groups.subList(from, Math.min(groups.size(), from + request.limit()));
      List<Hit> hits = hits(searcher, query, page);
      return new SearchResponse(results.total(), (System.nanoTime() - start) / 1_000_000, hits, parser.expansion(), facets);
    } finally {
      manager.release(shared);
    }
  }

  /** The hits as they are ranked, each with its score (a field sort leaves ScoreDoc.score unset: it is the first sort value). */
  private static ScoreDoc[] scored(ScoreDoc[] byRanking) {
    ScoreDoc[] out = new ScoreDoc[byRanking.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ScoreDoc(byRanking[i].doc, (Float) ((FieldDoc) byRanking[i]).fields[0]);
    }
    return out;
  }

  /** The hits merged across languages, each language read from its doc-values column. */
  private static ScoreDoc[] balanced(IndexReader reader, ScoreDoc[] byRawScore) throws IOException {
    List<LanguageBalance.Candidate<Integer>> candidates = new ArrayList<>(byRawScore.length);
    List<LeafReaderContext> leaves = reader.leaves();
    for (ScoreDoc sd : byRawScore) {
      FieldDoc fd = (FieldDoc) sd;
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(fd.doc, leaves));
      SortedDocValues lang = DocValues.getSorted(leaf.reader(), Fields.LANG);
      String code = lang.advanceExact(fd.doc - leaf.docBase) ? lang.lookupOrd(lang.ordValue()).utf8ToString() : "";
      candidates.add(new LanguageBalance.Candidate<>(fd.doc, ((BytesRef) fd.fields[1]).utf8ToString(), code, (Float) fd.fields[0]));
    }
    List<LanguageBalance.Candidate<Integer>> merged = LanguageBalance.merge(candidates);
    ScoreDoc[] out = new ScoreDoc[merged.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ScoreDoc(merged.get(i).item(), merged.get(i).score());
    }
    return out;
  }

  /**
   * How a commit's documents are linked: the most documents a group holds ({@link
   * VersionGroups#groupSize}), and whether a quarter or more of the documents have a version, so
   * that most pages lose hits to their versions.
   */
  private record Linking(int groupSize, boolean dense) {}

  /** The reader's {@link Linking}, read once per reader (a commit's user data lists its files). */
  private Linking linking(IndexReader reader) throws IOException {
    Map.Entry<IndexReader, Linking> known = linkedReader.get();
    if (known != null && known.getKey() == reader) {
      return known.getValue();
    }
    Linking linking = new Linking(VersionGroups.groupSize(reader), 4 * VersionGroups.linkedDocuments(reader) >= reader.numDocs());
    linkedReader.set(Map.entry(reader, linking));
    return linking;
  }

  private List<Hit> hits(IndexSearcher searcher, Query query, List<VersionGroups.Group> groups) throws IOException {
    if (groups.isEmpty()) {
      return List.of();
    }
    ScoreDoc[] page = new ScoreDoc[groups.size()];
    for (int i = 0; i < page.length; i++) {
      page[i] = groups.get(i).hit();
    }
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    // Each hit's stored fields are decompressed once, the body with the rest, and the highlighter
    // is handed the body instead of reading the document again (a second LZ4 decompression of the
    // same bytes, a tenth of a monolingual search). A hit without a body lets it read as it would.
    var stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    Map<Integer, String> bodies = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      docs[i] = stored.document(page[i].doc, HIT_FIELDS);
      String body = docs[i].get(Fields.BODY);
      if (body != null) {
        bodies.put(page[i].doc, body);
      }
    }
    List<List<String>> snippets = Snippets.of(searcher, analyzer, query, Fields.BODY, docIds,
        bodies.size() == page.length ? bodies::get : null);
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = docs[i];
      List<Version> versions = new ArrayList<>();
      for (int version : groups.get(i).versions()) {
        versions.add(VersionGroups.describe(searcher.getIndexReader(), version));
      }
      hits.add(new Hit(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.LANG), d.get(Fields.FOLDER), page[i].score,
          snippets.get(i), versions));
    }
    return hits;
  }

  /** The stored document with this id, if the index holds one. */
  public Optional<StoredDocument> document(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
      List<String> aliases = Arrays.stream(d.getFields(Fields.ALIAS)).map(IndexableField::stringValue).toList();
      return Optional.of(new StoredDocument(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.BODY), d.get(Fields.LANG),
          d.get(Fields.FOLDER), d.getField(Fields.SIZE).numericValue().longValue(),
          d.getField(Fields.MODIFIED).numericValue().longValue(), d.get(Fields.HASH), aliases));
    } finally {
      manager.release(searcher);
    }
  }

  /** Number of documents in the current view of the index. */
  public int documentCount() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  /** The aliases mined from the corpus, as currently loaded (waiting for the first load if needed). */
  public AliasTable aliases() {
    AliasTable loaded = aliases.get();
    if (loaded != null) {
      return loaded;
    }
    try {
      firstAliases.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(
          new IOException("cannot read the mined aliases from the index", e.getCause()));
    }
    return aliases.get();
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
