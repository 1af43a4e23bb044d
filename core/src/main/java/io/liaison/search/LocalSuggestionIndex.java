package io.liaison.search;

import io.liaison.index.Fields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Titles and terms of the index in a local folder, through a reader of its own; the titles are
 * held in memory, sorted. {@link #refresh()} swaps in the latest commit atomically. Thread-safe.
 */
public final class LocalSuggestionIndex implements SuggestionIndex {
  private record State(DirectoryReader reader, List<String> titles) {}

  private final FSDirectory directory;
  private volatile State state;

  /** Opens the index in {@code indexDir}. */
  public LocalSuggestionIndex(Path indexDir) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      this.state = new State(reader, titles(reader));
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
    state = new State(changed, titles(changed));
    // Readers are reference-counted: a terms() still using the old one keeps it open.
    old.reader().decRef();
  }

  @Override
  public List<String> titles(String folded, int max) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String t : state.titles()) {
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

  private static List<String> titles(IndexReader reader) throws IOException {
    List<String> out = new ArrayList<>(reader.numDocs());
    StoredFields stored = reader.storedFields();
    var live = MultiBits.getLiveDocs(reader);
    for (int i = 0; i < reader.maxDoc(); i++) {
      if (live == null || live.get(i)) {
        String t = stored.document(i, Set.of(Fields.TITLE)).get(Fields.TITLE);
        if (t != null && !t.isBlank()) {
          out.add(t);
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return List.copyOf(out);
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
