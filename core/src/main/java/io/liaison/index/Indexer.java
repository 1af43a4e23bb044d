package io.liaison.index;

import io.liaison.ingest.DocumentExtractor;
import io.liaison.ingest.ExtractedDocument;
import io.liaison.lexicon.AliasMiner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Builds or refreshes an index from a corpus folder.
 *
 * <p>A run reads only new and changed files (by content hash), removes documents whose files are
 * gone, and commits once at the end. Lucene keeps the previous commit until the new one is
 * complete, so a run that dies midway leaves the last good index searchable.
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
   */
  public record Options(
      Path corpus, Path index, boolean rebuild, int threads, long maxFileBytes, boolean traditionalToSimplified) {
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    public static Options of(Path corpus, Path index) {
      return new Options(corpus, index, false, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES, true);
    }

    public Options withRebuild(boolean rebuild) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, traditionalToSimplified);
    }

    public Options withTraditionalToSimplified(boolean on) {
      return new Options(corpus, index, rebuild, threads, maxFileBytes, on);
    }
  }

  private final Options options;
  private final DocumentExtractor extractor = new DocumentExtractor();

  public Indexer(Options options) {
    this.options = options;
  }

  /** Runs the indexer; throws {@link IllegalArgumentException} when the corpus folder cannot be read. */
  public IndexSummary run() throws IOException {
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
    List<Path> files = listFiles(corpus, skipped);

    IndexWriterConfig config = new IndexWriterConfig(Fields.analyzer(options.traditionalToSimplified()));
    config.setOpenMode(options.rebuild() ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(128);
    try (FSDirectory dir = FSDirectory.open(options.index());
        IndexWriter writer = new IndexWriter(dir, config)) {
      checkSameAnalysis(writer);
      Map<String, String> known = options.rebuild() ? Map.of() : knownHashes(writer);
      AtomicInteger added = new AtomicInteger();
      AtomicInteger updated = new AtomicInteger();
      AtomicInteger unchanged = new AtomicInteger();
      AtomicLong bytesRead = new AtomicLong();
      Set<String> seen = Collections.synchronizedSet(new HashSet<>());

      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
      try {
        List<Future<?>> tasks = new ArrayList<>(files.size());
        for (Path file : files) {
          tasks.add(pool.submit(() -> {
            String id = idOf(corpus, file);
            seen.add(id);
            try {
              long size = Files.size(file);
              if (size > options.maxFileBytes()) {
                skipped.add(new IndexSummary.Skipped(id, "larger than the limit of " + options.maxFileBytes() + " bytes"));
                return null;
              }
              byte[] bytes = Files.readAllBytes(file);
              String previous = known.get(id);
              if (previous != null && previous.equals(DocumentExtractor.sha256(bytes))) {
                unchanged.incrementAndGet();
                return null;
              }
              ExtractedDocument extracted =
                  extractor.extract(id, bytes, Files.getLastModifiedTime(file).toMillis());
              Document doc = Fields.toDocument(extracted, AliasMiner.mine(extracted.title() + "\n" + extracted.body()));
              writer.updateDocument(new Term(Fields.ID, id), doc);
              bytesRead.addAndGet(bytes.length);
              (previous == null ? added : updated).incrementAndGet();
            } catch (IOException | RuntimeException e) {
              // One bad file never stops the run: it is reported in the summary.
              seen.remove(id);
              skipped.add(new IndexSummary.Skipped(id, reason(e)));
            }
            return null;
          }));
        }
        for (Future<?> task : tasks) {
          task.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("indexing was interrupted; the previous index is unchanged", e);
      } catch (ExecutionException e) {
        throw new IOException("indexing failed; the previous index is unchanged: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }

      int deleted = 0;
      for (String id : known.keySet()) {
        if (!seen.contains(id)) {
          writer.deleteDocuments(new Term(Fields.ID, id));
          deleted++;
        }
      }
      writer.setLiveCommitData(Map.of(
          IndexLayout.FORMAT_KEY, IndexLayout.FORMAT,
          IndexLayout.T2S_KEY, Boolean.toString(options.traditionalToSimplified())).entrySet());
      writer.commit();
      int documents = writer.getDocStats().numDocs;
      List<IndexSummary.Skipped> sortedSkips = new ArrayList<>(skipped);
      sortedSkips.sort((a, b) -> a.path().compareTo(b.path()));
      return new IndexSummary(added.get(), updated.get(), deleted, unchanged.get(), List.copyOf(sortedSkips),
          documents, bytesRead.get(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  private void checkSameAnalysis(IndexWriter writer) {
    if (options.rebuild()) {
      return;
    }
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(IndexLayout.T2S_KEY)
          && !e.getValue().equals(Boolean.toString(options.traditionalToSimplified()))) {
        throw new IllegalArgumentException("the index at " + options.index()
            + " was built with different Traditional->Simplified settings; rebuild it with --rebuild");
      }
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    String type = e instanceof IOException && !(e instanceof io.liaison.ingest.UnsupportedFileException)
        ? "cannot read file: " : "";
    return type + (message == null ? e.getClass().getSimpleName() : message);
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

  private static List<Path> listFiles(Path corpus, List<IndexSummary.Skipped> skipped) throws IOException {
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
        if (name.startsWith(".")) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          skipped.add(new IndexSummary.Skipped(idOf(corpus, file), "symbolic link: not followed"));
        } else if (attrs.isRegularFile() && DocumentExtractor.accepts(name)) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        skipped.add(new IndexSummary.Skipped(idOf(corpus, file), "cannot read: " + e.getMessage()));
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }

  /** Maps the id of every live document to its content hash. */
  private static Map<String, String> knownHashes(IndexWriter writer) throws IOException {
    Map<String, String> known = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        StoredFields stored = r.storedFields();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d = stored.document(doc, Set.of(Fields.ID, Fields.HASH));
            known.put(d.get(Fields.ID), d.get(Fields.HASH));
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return known;
  }
}
