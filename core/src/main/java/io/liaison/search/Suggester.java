package io.liaison.search;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Completes a prefix from three sources: indexed title and body terms (by document frequency),
 * document titles, and glossary terms, in Chinese and English alike.
 *
 * <p>Thread-safe. It reads the index through its own reader; {@link #refresh()} after a rebuild
 * swaps in the new state atomically.
 */
public final class Suggester implements Closeable {
  private static final int MAX_PREFIX_CHARS = 100;
  private static final int TERMS_SCANNED = 2000;

  /**
   * One completion.
   *
   * @param text what to put in the search box
   * @param source {@code term}, {@code title} or {@code glossary}
   * @param weight how many documents hold the term (terms and titles); 0 for glossary entries
   */
  public record Suggestion(String text, String source, long weight) {}

  /** {@code titles} may still be loading: readers of it wait, searches never do. */
  private record State(DirectoryReader reader, CompletableFuture<List<String>> titles, List<List<String>> glossary) {}

  private final FSDirectory directory;
  private final Path glossaryFile;
  private volatile State state;

  /** Opens the index in {@code indexDir}; {@code glossaryFile} may be null or missing. */
  public Suggester(Path indexDir, Path glossaryFile) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    this.glossaryFile = glossaryFile;
    DirectoryReader reader = DirectoryReader.open(directory);
    this.state = new State(reader, loadTitles(reader), readGlossary(glossaryFile));
  }

  /** Picks up the latest index commit and re-reads the glossary file. */
  public synchronized void refresh() throws IOException {
    State old = state;
    DirectoryReader changed = DirectoryReader.openIfChanged(old.reader());
    DirectoryReader reader = changed == null ? old.reader() : changed;
    state = new State(reader, changed == null ? old.titles() : loadTitles(reader), readGlossary(glossaryFile));
    if (changed != null) {
      // Readers are reference-counted: a suggest() still using the old one keeps it open.
      old.reader().decRef();
    }
  }

  /** Up to {@code limit} completions of {@code prefix}, best first; empty for a blank prefix. */
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    String p = prefix == null ? "" : prefix.strip();
    if (p.isEmpty() || limit < 1) {
      return List.of();
    }
    if (p.length() > MAX_PREFIX_CHARS) {
      throw new IllegalArgumentException("the prefix has " + p.length() + " characters; the limit is " + MAX_PREFIX_CHARS);
    }
    State s = state;
    if (!s.reader().tryIncRef()) {
      s = state; // refreshed between the read and the incRef: the new one is open
      s.reader().incRef();
    }
    try {
      String folded = ChineseScript.toSimplified(p).toLowerCase(Locale.ROOT);
      Map<String, Suggestion> out = new LinkedHashMap<>();
      // Titles take at most half the list, so single words and glossary names still show.
      int maxTitles = (limit + 1) / 2;
      for (String t : titles(s)) {
        if (out.size() >= maxTitles) {
          break;
        }
        if (fold(t).contains(folded)) {
          out.putIfAbsent(fold(t), new Suggestion(t, "title", 1));
        }
      }
      for (List<String> line : s.glossary()) {
        if (line.stream().anyMatch(term -> startsAWord(fold(term), folded))) {
          // The whole line: a completion in the other language is as useful as one in the user's.
          for (String term : line) {
            out.putIfAbsent(fold(term), new Suggestion(term, "glossary", 0));
          }
        }
      }
      List<Suggestion> terms = terms(s.reader(), lastWord(folded));
      for (Suggestion t : terms) {
        String completed = folded.substring(0, folded.length() - lastWord(folded).length()) + t.text();
        out.putIfAbsent(completed, new Suggestion(completed, "term", t.weight()));
      }
      List<Suggestion> all = new ArrayList<>(out.values());
      // Titles first (they name a document), then glossary names, then single terms by frequency.
      all.sort(Comparator.comparingInt((Suggestion x) -> rank(x.source())).thenComparing(x -> -x.weight()));
      return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    } finally {
      s.reader().decRef();
    }
  }

  private static int rank(String source) {
    return switch (source) {
      case "title" -> 0;
      case "glossary" -> 1;
      default -> 2;
    };
  }

  /** True when a word of {@code text} starts with {@code prefix}: "liai" completes "China Economic Liaison Center". */
  private static boolean startsAWord(String text, String prefix) {
    return text.startsWith(prefix) || text.contains(" " + prefix);
  }

  private static String fold(String s) {
    return ChineseScript.toSimplified(s).toLowerCase(Locale.ROOT);
  }

  private static String lastWord(String s) {
    int space = s.lastIndexOf(' ');
    return space < 0 ? s : s.substring(space + 1);
  }

  private static List<Suggestion> terms(IndexReader reader, String prefix) throws IOException {
    if (prefix.isEmpty()) {
      return List.of();
    }
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
        .map(x -> new Suggestion(x.getKey(), "term", x.getValue()))
        .sorted(Comparator.comparingLong((Suggestion x) -> -x.weight()).thenComparing(Suggestion::text))
        .toList();
  }

  /**
   * Starts reading the titles on a background thread, so opening the suggester (and the server's
   * start-up) does not wait for it. The reader is held open until the titles are read.
   */
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

  private static List<String> titles(State s) throws IOException {
    try {
      return s.titles().join();
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

  /** Reads the glossary's TAB-separated lines of equivalent terms; '#' lines are comments. */
  private static List<List<String>> readGlossary(Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> terms = new ArrayList<>();
      for (String t : line.split("\t")) {
        if (!t.isBlank()) {
          terms.add(t.strip());
        }
      }
      if (!terms.isEmpty()) {
        out.add(List.copyOf(terms));
      }
    }
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
