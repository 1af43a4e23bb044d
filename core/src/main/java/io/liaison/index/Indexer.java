package io.liaison.index;

import io.liaison.ingest.DocumentExtractor;
import io.liaison.ingest.ExtractedDocument;
import io.liaison.ingest.UnsupportedFileException;
import io.liaison.lexicon.AliasMiner;
import io.liaison.lexicon.DocumentRenderer;
import io.liaison.lexicon.Lexicon;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * Builds or refreshes an index from a corpus folder.
 *
 * <p>A run reads only new and changed files (size and modification time first, the content hash
 * only when they differ), removes documents whose files are gone, and commits once at the end.
 * Files that cannot be read are skipped with a reason, never stop the run.
 *
 * <p>Crash safety rests on Lucene's commit: until {@link IndexWriter#commit()} writes a new
 * {@code segments_N}, readers (this library's searcher and the server) open the previous commit,
 * even during a {@code --rebuild} ({@link IndexWriterConfig.OpenMode#CREATE} only replaces it at
 * that commit). The writer never commits on close, so a failed or killed run leaves the last good
 * commit; the next run's writer deletes the files the dead one left. The OS releases the
 * {@code write.lock} of a killed process, so no stale lock has to be removed by hand.
 */
public final class Indexer {

  /**
   * How to index.
   *
   * @param corpus the folder to read, recursively
   * @param index the index folder (created when missing)
   * @param rebuild re-read every file and drop everything else
   * @param threads extraction and analysis threads
   * @param maxFileBytes files larger than this are skipped
   * @param traditionalToSimplified fold Traditional to Simplified (switch off only for ablations)
   * @param fileTimeout the longest one file's extraction may take before it is skipped
   * @param allowEmpty let a corpus with no file to index delete every document of the index;
   *     otherwise such a run throws {@link EmptyCorpusException} and changes nothing
   */
  public record Options(
      Path corpus,
      Path index,
      boolean rebuild,
      int threads,
      long maxFileBytes,
      boolean traditionalToSimplified,
      Duration fileTimeout,
      boolean allowEmpty) {
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(60);

    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, not " + threads);
      }
      if (maxFileBytes < 1) {
        throw new IllegalArgumentException("the file size limit must be positive, not " + maxFileBytes);
      }
      if (fileTimeout.isNegative() || fileTimeout.isZero()) {
        throw new IllegalArgumentException("the per-file time limit must be positive, not " + fileTimeout);
      }
    }

    public static Options of(Path corpus, Path index) {
      return new Options(corpus, index, false, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES,
          true, DEFAULT_FILE_TIMEOUT, false);
    }

    public Options withRebuild(boolean rebuild) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, traditionalToSimplified, fileTimeout, allowEmpty);
    }

    public Options withTraditionalToSimplified(boolean on) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, on, fileTimeout, allowEmpty);
    }

    public Options withThreads(int threads) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, traditionalToSimplified, fileTimeout, allowEmpty);
    }

    public Options withMaxFileBytes(long maxFileBytes) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, traditionalToSimplified, fileTimeout, allowEmpty);
    }

    public Options withFileTimeout(Duration fileTimeout) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, traditionalToSimplified, fileTimeout, allowEmpty);
    }

    public Options withAllowEmpty(boolean allowEmpty) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, traditionalToSimplified, fileTimeout, allowEmpty);
    }
  }

  /** Renders each page into the other language for {@link Fields#RENDERED}; loads the lexicon on first use. */
  private static final class Rendering {
    static final DocumentRenderer RENDERER = new DocumentRenderer(Lexicon.defaultLexicon());
  }

  /**
   * Files Windows hides by an attribute rather than a leading dot (thumbnail caches, folder
   * settings), lower case: no one means to index them, so they are not counted as unsupported.
   */
  private static final Set<String> IGNORED_FILES = Set.of("thumbs.db", "ehthumbs.db", "desktop.ini");

  /** What the index holds for one file: enough to tell an untouched file without reading it. */
  private record Known(long size, long modified, String hash) {}

  private final Options options;
  private final DocumentExtractor extractor = new DocumentExtractor();

  public Indexer(Options options) {
    this.options = options;
  }

  /** Runs the indexer without progress reports; see {@link #run(IndexProgress)}. */
  public IndexSummary run() throws IOException {
    return run(IndexProgress.NONE);
  }

  /**
   * Runs the indexer.
   *
   * @throws IllegalArgumentException when the corpus folder cannot be read, or the index was built
   *     with other analysis settings
   * @throws EmptyCorpusException when the corpus has no file to index and the index holds documents
   *     (a rebuild too: the server's rebuild is one), unless {@link Options#allowEmpty()}
   * @throws IOException when the index cannot be written; the previous commit is then unchanged
   */
  public IndexSummary run(IndexProgress progress) throws IOException {
    long start = System.nanoTime();
    Path corpus = options.corpus().toAbsolutePath().normalize();
    if (!Files.isDirectory(corpus)) {
      throw new IllegalArgumentException("corpus folder " + corpus + " does not exist or is not a folder; pass --corpus DIR");
    }
    if (!Files.isReadable(corpus)) {
      throw new IllegalArgumentException("corpus folder " + corpus + " is not readable; check its permissions");
    }
    Files.createDirectories(options.index());
    List<IndexSummary.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> unsupported = new HashMap<>();
    List<Path> files = listFiles(corpus, skipped, unsupported);
    if (files.isEmpty() && !options.allowEmpty()) {
      int held = documentsIn(options.index());
      if (held > 0) {
        throw new EmptyCorpusException(corpus, "index at " + options.index(), held, found(unsupported, skipped));
      }
    }
    // An index of an older format lacks fields this version searches: it is rebuilt, and until the
    // new commit the old one stays searchable, as with --rebuild.
    boolean rebuild = options.rebuild();
    Optional<String> older = rebuild ? Optional.empty() : IndexLayout.olderFormat(options.index());
    if (older.isPresent()) {
      progress.upgrading(older.get());
      rebuild = true;
    }
    progress.started(files.size());

    IndexWriterConfig config = new IndexWriterConfig(Fields.analyzer(options.traditionalToSimplified()));
    config.setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setSimilarity(Scoring.similarity());
    config.setIndexSort(Fields.indexSort());
    config.setRAMBufferSizeMB(128);
    // Only an explicit commit at the end of a complete run may replace the last good index.
    config.setCommitOnClose(false);
    try (FSDirectory dir = FSDirectory.open(options.index());
        IndexWriter writer = openWriter(dir, config)) {
      if (!rebuild) {
        checkSameAnalysis(writer);
      }
      Map<String, Known> known = rebuild ? Map.of() : knownDocuments(writer);
      Run run = new Run(corpus, writer, known, skipped, progress, files.size());
      run.indexAll(files);

      int deleted = 0;
      for (String id : known.keySet()) {
        if (!run.seen.contains(id)) {
          writer.deleteDocuments(new Term(Fields.ID, id));
          deleted++;
        }
      }
      progress.committing();
      Map<String, String> data = new HashMap<>(Map.of(
          IndexLayout.FORMAT_KEY, IndexLayout.FORMAT,
          IndexLayout.T2S_KEY, Boolean.toString(options.traditionalToSimplified())));
      // The version links stay in the documents this run leaves alone, and so do the rules they were made by.
      String linkRules = committed(writer, IndexLayout.LINK_RULES_KEY);
      if (linkRules != null) {
        data.put(IndexLayout.LINK_RULES_KEY, linkRules);
      }
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
      int documents = writer.getDocStats().numDocs;
      List<IndexSummary.Skipped> sortedSkips = new ArrayList<>(skipped);
      sortedSkips.sort(Comparator.comparing(IndexSummary.Skipped::path));
      return new IndexSummary(run.added.get(), run.updated.get(), deleted, run.unchanged.get(), sortedSkips,
          byCount(unsupported), documents, run.bytesRead.get(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  private IndexWriter openWriter(FSDirectory dir, IndexWriterConfig config) throws IOException {
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IOException("another process is writing the index at " + options.index()
          + " (it holds write.lock); wait for it to finish or stop it, then run again", e);
    }
  }

  /** The state of one run over the files: counters, the pools, and the first fatal error. */
  private final class Run {
    final Path corpus;
    final IndexWriter writer;
    final Map<String, Known> known;
    final List<IndexSummary.Skipped> skipped;
    final IndexProgress progress;
    final int total;
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicReference<Throwable> fatal = new AtomicReference<>();
    final RenderedTerms renderedTerms;
    /** Extraction runs on its own daemon threads so a parser that ignores interrupts cannot hold the run. */
    final ExecutorService extractors = Executors.newCachedThreadPool(daemonThreads("liaison-extract"));

    Run(Path corpus, IndexWriter writer, Map<String, Known> known, List<IndexSummary.Skipped> skipped,
        IndexProgress progress, int total) {
      this.corpus = corpus;
      this.writer = writer;
      this.known = known;
      this.skipped = skipped;
      this.progress = progress;
      this.total = total;
      this.renderedTerms = new RenderedTerms(writer.getConfig().getAnalyzer());
    }

    void indexAll(List<Path> files) throws IOException {
      int threads = options.threads();
      ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads("liaison-index"));
      // A few files per thread in flight: enough to keep every core busy, few enough that memory
      // holds at most that many files' bytes whatever the size of the corpus.
      Semaphore window = new Semaphore(threads * 4);
      try {
        for (Path file : files) {
          if (fatal.get() != null) {
            break;
          }
          window.acquire();
          workers.execute(() -> {
            try {
              indexOne(file);
            } catch (Throwable t) {
              fatal.compareAndSet(null, t);
            } finally {
              window.release();
              progress.advanced(done.incrementAndGet(), total, bytesRead.get());
            }
          });
        }
        // All files are in; flush the writer's per-thread buffers on the workers, side by side,
        // rather than one after another in the commit on a single thread.
        for (int i = 0; i < threads; i++) {
          workers.execute(this::flushBuffers);
        }
        workers.shutdown();
        while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
          // keep waiting: each file is bounded by the extraction time limit
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("indexing was interrupted; the previous index is unchanged", e);
      } finally {
        workers.shutdownNow();
        extractors.shutdownNow();
      }
      Throwable t = fatal.get();
      if (t != null) {
        throw new IOException("indexing failed, the previous index is unchanged: " + t, t);
      }
    }

    /** Flushes buffered documents to segments until none are left, unless the run already failed. */
    private void flushBuffers() {
      try {
        while (fatal.get() == null && writer.flushNextBuffer()) {
          // each call takes the largest buffer no other thread is flushing
        }
      } catch (Throwable t) {
        fatal.compareAndSet(null, t);
      }
    }

    /** Indexes one file; problems with the file are skips, problems with the index are thrown. */
    private void indexOne(Path file) throws IOException {
      String id = idOf(corpus, file);
      seen.add(id);
      Known previous = known.get(id);
      ExtractedDocument extracted;
      boolean contentChanged;
      try {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attrs.size();
        long modified = attrs.lastModifiedTime().toMillis();
        if (size > options.maxFileBytes()) {
          skip(id, "larger than the limit of " + megabytes(options.maxFileBytes()) + " (" + megabytes(size)
              + "); raise it with --max-file-mb");
          return;
        }
        if (previous != null && previous.size() == size && previous.modified() == modified) {
          unchanged.incrementAndGet();
          return;
        }
        byte[] bytes = Files.readAllBytes(file);
        bytesRead.addAndGet(bytes.length);
        contentChanged = previous == null || !previous.hash().equals(DocumentExtractor.sha256(bytes));
        extracted = extract(id, bytes, modified);
      } catch (AccessDeniedException e) {
        skip(id, "permission denied; make it readable for the user running liaison");
        return;
      } catch (IOException e) {
        skip(id, e instanceof UnsupportedFileException ? e.getMessage() : "cannot read file: " + e);
        return;
      }
      String text = extracted.title() + "\n" + extracted.body();
      Document doc = Fields.toDocument(extracted, AliasMiner.mine(text),
          renderedTerms.of(Rendering.RENDERER.translations(text, extracted.language())));
      if (previous == null) {
        // Not in the last commit (or a rebuild, which starts empty): nothing to replace, and a
        // plain add spares the writer a buffered delete per document to resolve at every flush.
        writer.addDocument(doc);
      } else {
        writer.updateDocument(new Term(Fields.ID, id), doc);
      }
      if (previous == null) {
        added.incrementAndGet();
      } else if (contentChanged) {
        updated.incrementAndGet();
      } else {
        // Touched but not changed: re-stored only so the next run's size+time check matches.
        unchanged.incrementAndGet();
      }
    }

    private ExtractedDocument extract(String id, byte[] bytes, long modified) throws IOException {
      Future<ExtractedDocument> task = extractors.submit(() -> extractor.extract(id, bytes, modified));
      try {
        return task.get(options.fileTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        task.cancel(true);
        throw new UnsupportedFileException("extraction took longer than " + options.fileTimeout().toSeconds()
            + " s, the per-file time limit");
      } catch (InterruptedException e) {
        task.cancel(true);
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while extracting " + id);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        if (cause instanceof OutOfMemoryError) {
          throw new UnsupportedFileException("ran out of memory extracting it; give the JVM more heap (-Xmx)");
        }
        // Parser bugs (runtime exceptions, stack overflows on deeply nested input) are the file's problem.
        throw new UnsupportedFileException("the parser failed on it: " + cause);
      }
    }

    private void skip(String id, String reason) {
      seen.remove(id);
      skipped.add(new IndexSummary.Skipped(id, reason));
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private void checkSameAnalysis(IndexWriter writer) {
    if (options.rebuild()) {
      return;
    }
    String t2s = committed(writer, IndexLayout.T2S_KEY);
    if (t2s != null && !t2s.equals(Boolean.toString(options.traditionalToSimplified()))) {
      throw new IllegalArgumentException("the index at " + options.index()
          + " was built with different Traditional->Simplified settings; rebuild it with --rebuild");
    }
  }

  /** The value the writer's last commit holds under {@code key}, or null. */
  private static String committed(IndexWriter writer, String key) {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  static String idOf(Path corpus, Path file) {
    Path rel = corpus.relativize(file);
    StringBuilder id = new StringBuilder();
    for (Path part : rel) {
      if (!id.isEmpty()) {
        id.append('/');
      }
      id.append(part.toString());
    }
    return id.toString();
  }

  /**
   * Lists the files to index. Hidden files and folders are left out, and so are the system files
   * Windows hides by an attribute rather than by name ({@link #IGNORED_FILES}). Files of types the
   * extractor does not read are counted per extension in {@code unsupported}, so the run can say
   * what it left out. Symbolic links are not followed: one pointing inside the corpus is skipped
   * because its target is indexed under its own path (following it would index the file twice and
   * could loop), one pointing outside is skipped because the corpus is what the user chose to index.
   */
  private static List<Path> listFiles(Path corpus, List<IndexSummary.Skipped> skipped, Map<String, Integer> unsupported)
      throws IOException {
    Path realCorpus = corpus.toRealPath();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(corpus, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return !dir.equals(corpus) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || IGNORED_FILES.contains(name.toLowerCase(Locale.ROOT))) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          skipped.add(new IndexSummary.Skipped(idOf(corpus, file), symlinkReason(realCorpus, file)));
        } else if (attrs.isRegularFile() && DocumentExtractor.accepts(name)) {
          files.add(file);
        } else if (attrs.isRegularFile()) {
          unsupported.merge(extensionOf(name), 1, Integer::sum);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        String reason = e instanceof AccessDeniedException
            ? "permission denied; make it readable for the user running liaison"
            : "cannot read: " + e.getMessage();
        skipped.add(new IndexSummary.Skipped(idOf(corpus, file), reason));
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }

  /** {@code .doc} for {@code Report.DOC}; {@code (no extension)} for {@code README}. */
  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot).toLowerCase(Locale.ROOT) : "(no extension)";
  }

  /** The types counted per extension, most files first, then by extension. */
  private static List<IndexSummary.UnsupportedType> byCount(Map<String, Integer> unsupported) {
    return unsupported.entrySet().stream()
        .map(e -> new IndexSummary.UnsupportedType(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(IndexSummary.UnsupportedType::files).reversed()
            .thenComparing(IndexSummary.UnsupportedType::extension))
        .toList();
  }

  private static String symlinkReason(Path realCorpus, Path link) {
    try {
      Path target = link.toRealPath();
      return target.startsWith(realCorpus)
          ? "symbolic link to " + realCorpus.relativize(target) + " inside the corpus: indexed under its own path, not twice"
          : "symbolic link to " + target + ", outside the corpus: not followed";
    } catch (NoSuchFileException e) {
      return "broken symbolic link: its target does not exist";
    } catch (FileSystemException e) {
      // ELOOP: the link resolves to itself through other links.
      return "symbolic link loop: " + (e.getReason() == null ? "too many levels of links" : e.getReason());
    } catch (IOException e) {
      return "symbolic link that cannot be resolved: " + e.getMessage();
    }
  }

  /** The live documents of the last commit in {@code index}; 0 when there is none. */
  private static int documentsIn(Path index) throws IOException {
    if (!IndexLayout.exists(index)) {
      return 0;
    }
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  /** What a listing without a file to index did find, for the message that stops the run. */
  private static String found(Map<String, Integer> unsupported, List<IndexSummary.Skipped> skipped) {
    List<String> parts = new ArrayList<>();
    if (!unsupported.isEmpty()) {
      parts.add("only files of types it does not read: " + IndexSummary.list(byCount(unsupported)));
    }
    if (!skipped.isEmpty()) {
      IndexSummary.Skipped first = skipped.stream().min(Comparator.comparing(IndexSummary.Skipped::path)).orElseThrow();
      parts.add(skipped.size() + (skipped.size() == 1 ? " entry" : " entries") + " it cannot read or follow, such as "
          + first.path() + ": " + first.reason());
    }
    return String.join("; ", parts);
  }

  /** Maps the id of every live document to its size, modification time and content hash. */
  private static Map<String, Known> knownDocuments(IndexWriter writer) throws IOException {
    Map<String, Known> known = new HashMap<>();
    Set<String> fields = Set.of(Fields.ID, Fields.HASH, Fields.SIZE, Fields.MODIFIED);
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        StoredFields stored = r.storedFields();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d = stored.document(doc, fields);
            Number size = d.getField(Fields.SIZE) == null ? null : d.getField(Fields.SIZE).numericValue();
            Number modified = d.getField(Fields.MODIFIED) == null ? null : d.getField(Fields.MODIFIED).numericValue();
            known.put(d.get(Fields.ID), new Known(
                size == null ? -1 : size.longValue(), modified == null ? -1 : modified.longValue(), d.get(Fields.HASH)));
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return known;
  }
}
