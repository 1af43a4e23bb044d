package io.liaison.search;

import io.liaison.index.Fields;
import io.liaison.index.NoPrefetchDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Titles and terms of the index in a local folder, through a reader of its own; the titles are
 * held in memory, sorted, and read on a background thread so that opening (and the server's
 * start-up) does not wait for them: title suggestions wait, nothing else does. {@link #refresh()}
 * swaps in the latest commit atomically. Thread-safe.
 */
public final class LocalSuggestionIndex implements SuggestionIndex {
  /** {@code titles} may still be loading. */
  private record State(DirectoryReader reader, CompletableFuture<List<String>> titles) {}

  private final Directory directory;
  private volatile State state;

  /** Opens the index in {@code indexDir}. */
  public LocalSuggestionIndex(Path indexDir) throws IOException {
    this.directory = new NoPrefetchDirectory(FSDirectory.open(indexDir));
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      this.state = new State(reader, loadTitles(reader));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  @Override
  public synchronized void refresh() throws IOException {
    State old = state;
    DirectoryReader changed = DirectoryReader.openIfChanged(old.reader());
    if (changed == null) {
      return;
    }
    state = new State(changed, loadTitles(changed));
    // Readers are reference-counted: a terms() still using the old one keeps it open.
    old.reader().decRef();
  }

  @Override
  public List<String> titles(String folded, int max) throws IOException {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String t : join(state.titles())) {
      if (out.size() >= max) {
        break;
      }
      String f = Suggester.fold(t);
      if (f.contains(folded) && seen.add(f)) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public List<Suggester.Suggestion> terms(String prefix, int max) throws IOException {
    if (prefix.isEmpty()) {
      return List.of();
    }
    State s = state;
    if (!s.reader().tryIncRef()) {
      s = state; // refreshed between the read and the incRef: the new one is open
      s.reader().incRef();
    }
    try {
      return terms(s.reader(), prefix);
    } finally {
      s.reader().decRef();
    }
  }

  private static List<Suggester.Suggestion> terms(IndexReader reader, String prefix) throws IOException {
    BytesRef wanted = new BytesRef(prefix);
    Map<String, Long> freq = new LinkedHashMap<>();
    for (String field : List.of(Fields.TITLE, Fields.BODY)) {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        continue;
      }
      TermsEnum e = terms.iterator();
      if (e.seekCeil(wanted) == TermsEnum.SeekStatus.END) {
        continue;
      }
      int scanned = 0;
      do {
        BytesRef term = e.term();
        if (!StringHelper.startsWith(term, wanted) || scanned++ >= TERMS_SCANNED) {
          break;
        }
        freq.merge(term.utf8ToString(), (long) e.docFreq(), Math::max);
      } while (e.next() != null);
    }
    return freq.entrySet().stream()
        .map(x -> new Suggester.Suggestion(x.getKey(), "term", x.getValue()))
        .sorted(Suggester.BY_WEIGHT)
        .toList();
  }

  /** Starts reading the titles on a background thread; the reader is held open until they are read. */
  private static CompletableFuture<List<String>> loadTitles(DirectoryReader reader) {
    reader.incRef();
    CompletableFuture<List<String>> titles = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("liaison-suggester-titles").start(() -> {
      try {
        titles.complete(titles(reader));
      } catch (Throwable e) {
        titles.completeExceptionally(e);
      } finally {
        try {
          reader.decRef();
        } catch (IOException e) {
          titles.completeExceptionally(e);
        }
      }
    });
    return titles;
  }

  private static List<String> join(CompletableFuture<List<String>> titles) throws IOException {
    try {
      return titles.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /**
   * Every live document's title, sorted. From the titles column, or from the stored fields for
   * documents indexed before the column existed (they may share a segment with newer ones after a merge).
   */
  static List<String> titles(IndexReader reader) throws IOException {
    List<String> out = new ArrayList<>(reader.numDocs());
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      FieldInfo info = r.getFieldInfos().fieldInfo(Fields.TITLE_COLUMN);
      BinaryDocValues column = info != null && info.getDocValuesType() == DocValuesType.BINARY
          ? r.getBinaryDocValues(Fields.TITLE_COLUMN)
          : null;
      StoredFields stored = null;
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (column != null && column.advanceExact(doc)) {
          add(out, column.binaryValue().utf8ToString());
        } else {
          stored = stored == null ? r.storedFields() : stored;
          add(out, stored.document(doc, Set.of(Fields.TITLE)).get(Fields.TITLE));
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return List.copyOf(out);
  }

  private static void add(List<String> titles, String t) {
    if (t != null && !t.isBlank()) {
      titles.add(t);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      state.reader().decRef();
    } finally {
      directory.close();
    }
  }
}
