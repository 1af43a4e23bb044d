package io.liaison.search;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import io.liaison.index.IndexLayout;
import io.liaison.index.NoPrefetchDirectory;
import io.liaison.index.Scoring;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.query.Ablation;
import io.liaison.query.AliasTable;
import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.QueryTranslator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Finds each document's version in the other language (an English text and its Chinese
 * translation) and records the pair in the {@link Fields#VERSION} column, so that a search can show
 * the two together ({@link VersionGroups}).
 *
 * <p>Two documents are versions of each other when each is the other's best match in the other
 * language group ({@link LanguageBalance}: English against documents holding Chinese). The query
 * for a document is the {@link #ANCHOR_WORDS} words of its opening ({@link #OPENING_CHARS}
 * characters of title and body, where a text says what it is) that the fewest documents share:
 * names, numbers, commands and terms of art, which a translation keeps or translates one for one.
 * They are translated as a search translates them and run over the bodies of the other group
 * ({@link Finder#query}); a Chinese person's name in pinyin among them is written in the
 * characters the commit being linked holds ({@link IndexedNames}), as a search writes it. The pair
 * is kept only when the best hits agree both ways. One-way
 * matches are left out here: a page that merely shares a subject with another is not its
 * translation.
 *
 * <p>Then competitive linking (Melamed's one-to-one alignment) over the documents still without a
 * version: two that list each other among their {@link #CANDIDATES} best matches score as a pair
 * the sum of each one's score for the other over its own best, and pairs summing to at least
 * {@link #PAIR_SHARES} are linked, highest first, each document once. A second report on the same
 * event takes a translation's best match, and the translation then pairs with its other version,
 * which it finds nearly as well; and a text whose best match is a third document (a note quoting
 * its words) still pairs with its version where that version finds it first.
 *
 * <p>Either way, two texts whose openings write numbers that rule out one text ({@link
 * TextNumbers#allowOneText}: three or more each, none in common) are not linked. Two texts on one
 * subject with no better match in the other language (the sample corpus's Beijing and weekend
 * weather reports) are each other's best match by their words; their figures tell them apart.
 *
 * <p>Cost: one translated query per document the first time, measured in
 * {@code bench/crosslang/MERGE-SWEEP.md}; a corpus in one language group is not queried at all.
 *
 * <p>Incremental: a document the indexer added or replaced carries an empty column, so a run
 * queries only those, the documents whose version is gone or was replaced, and the best matches
 * of these. A document found to have no version is marked checked ({@link #NONE}) and is not
 * queried again until it changes or a document searched finds it as its best match or lists it
 * among its best matches while both are still without a version; a document whose version pairs
 * with a new one instead is marked so too. An index whose links were made by other rules than
 * this linker's ({@link #RULES}) is linked again from the start, once.
 *
 * <p>A second kind of version, {@link Kind#SCRIPT}, pairs a Simplified text with its Traditional
 * conversion (a page a Hong Kong or Macau site publishes in both scripts), in the {@link
 * Fields#SCRIPT_VERSION} column: each document's anchor words, as the analyzer folds them, run
 * over the documents of the other script, and a mutual best match is kept only when it holds
 * {@link #SAME_TEXT_SHARE} of the other's anchor words both ways, as a conversion does and a
 * rewrite of the same story does not. With both kinds a text can show three versions: English,
 * Simplified and Traditional.
 *
 * <p>The pairs are written as doc-value updates and committed in one commit: a crash leaves the
 * index as the indexer committed it, searchable, and the next run links what is left.
 */
public final class VersionLinker {
  /** How much of a document's start the anchor words are chosen from. */
  static final int OPENING_CHARS = 400;
  /** How many of the opening's rarest words make the linking query. */
  static final int ANCHOR_WORDS = 15;
  /** The column's value for a document checked and found to have no version. */
  static final String NONE = "\u0000";
  /**
   * How many of a document's anchor words the opening of its version in the other script must hold,
   * both ways. A conversion that also changes words (软件 to 軟體, as Taiwan's usage has it) holds
   * half or more: on Debian's Simplified and Traditional manual pages, a half keeps 569 pairs, all
   * right, and 0.8 only 487 (MERGE-SWEEP.md, session 31).
   */
  static final double SAME_TEXT_SHARE = 0.5;
  /** How many of a document's best matches are kept for competitive linking. */
  static final int CANDIDATES = 5;
  /**
   * The least sum of two documents' shares of their best scores (each one's score for the other
   * over its own best; 2 for mutual best matches) that links them after the mutual best matches.
   * On the four mixed corpora of {@code bench/crosslang/run.sh}, 1.7 links 0–4 more right pairs
   * than the second choices within 0.7 of the best it replaced, and no more wrong ones; 1.6 links
   * 1–4 more right ones than 1.7 and one more wrong one; 1.8 2–5 fewer right ones than the second
   * choices (MERGE-SWEEP.md, session 44).
   */
  static final double PAIR_SHARES = 1.7;

  /**
   * The rules this linker makes links by, kept with them ({@link IndexLayout#LINK_RULES_KEY}): an
   * index whose links were made by other rules (none recorded: links made before the figures were
   * checked) is linked again from the start, once, so that a pair the rules now refuse does not
   * stay. Raise it with any change to what the linker pairs.
   */
  static final String RULES = "2";

  /** The kinds of version a document can have, each in a column of its own. */
  public enum Kind {
    /** The same text in the other language: English against documents holding Chinese. */
    LANGUAGE(Fields.VERSION, IndexLayout.VERSION_PAIRS_KEY),
    /** The same Chinese text in the other script: Simplified against Traditional. */
    SCRIPT(Fields.SCRIPT_VERSION, IndexLayout.SCRIPT_PAIRS_KEY);

    final String column;
    final String pairsKey;

    Kind(String column, String pairsKey) {
      this.column = column;
      this.pairsKey = pairsKey;
    }
  }

  /**
   * What a run did.
   *
   * @param queried documents whose best match in the other language was searched for
   * @param pairs language-version pairs in the index after the run
   * @param scriptPairs Simplified–Traditional pairs in the index after the run
   * @param changed documents whose column the run rewrote
   * @param millis the run's time
   * @param skipped why the run did nothing, when it did nothing for a reason the user can act on
   * @param relinked whether the run linked every document again because the index's links were
   *     made by other rules ({@link #RULES}), which explains a long run after an upgrade
   */
  public record Summary(int queried, int pairs, int scriptPairs, int changed, long millis, Optional<String> skipped,
      boolean relinked) {
    /** One line, as {@code liaison index} prints it. */
    public String describe() {
      if (skipped.isPresent()) {
        return "language versions not linked: " + skipped.get();
      }
      String scripts = scriptPairs == 0 ? "" : String.format(Locale.ROOT, " and %d Simplified–Traditional pairs", scriptPairs);
      return String.format(Locale.ROOT, "language versions: %d pairs%s (%d documents searched for theirs, %.1f s)%s",
          pairs, scripts, queried, millis / 1000.0,
          relinked ? "; all linked again, as the index's links were made by an earlier version of Liaison" : "");
    }
  }

  /**
   * Told as documents are searched for their versions, so that a long run (minutes at 100k
   * documents) can show how far it is. Called from the linking threads, often: throttle there.
   */
  @FunctionalInterface
  public interface Progress {
    /** Nothing told. */
    Progress NONE = (kind, searched, toSearch) -> {};

    /**
     * @param kind the kind of version being linked (language versions first, then scripts)
     * @param searched documents of this kind searched so far
     * @param toSearch documents of this kind to search in all, as far as known: it grows when the
     *     best matches found are searched in turn, and when competitive linking needs the matches
     *     of a document not searched yet
     */
    void searched(Kind kind, int searched, int toSearch);
  }

  private final Supplier<Lexicon> lexicon;
  private final int threads;

  /** A linker that searches on as many threads as there are processors. */
  public VersionLinker(Supplier<Lexicon> lexicon) {
    this(lexicon, Runtime.getRuntime().availableProcessors());
  }

  public VersionLinker(Supplier<Lexicon> lexicon, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.lexicon = lexicon;
    this.threads = threads;
  }

  /** Links the versions in the index at {@code indexDir}, which must not be open for writing elsewhere. */
  public Summary link(Path indexDir) throws IOException {
    return link(indexDir, Progress.NONE);
  }

  /** As {@link #link(Path)}, telling {@code progress} how far it is. */
  public Summary link(Path indexDir, Progress progress) throws IOException {
    long start = System.nanoTime();
    // Read as Searcher reads, without prefetch (NoPrefetchDirectory: a system call per terms
    // block otherwise, and linking reads many).
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader committed = DirectoryReader.open(new NoPrefetchDirectory(dir))) {
      boolean t2s = !"false".equals(committed.getIndexCommit().getUserData().get(IndexLayout.T2S_KEY));
      Analyzer analyzer = Fields.analyzer(t2s);
      FieldInfo column = FieldInfos.getMergedFieldInfos(committed).fieldInfo(Fields.VERSION);
      if (committed.numDocs() > 0 && column == null) {
        return new Summary(0, 0, 0, 0, elapsed(start), Optional.of(
            "the index predates version links; rebuild it (liaison index --rebuild) to link language versions"), false);
      }
      State state = State.read(committed);
      Map<String, String> data = new HashMap<>(committed.getIndexCommit().getUserData());
      boolean sameRules = RULES.equals(data.get(IndexLayout.LINK_RULES_KEY));
      boolean relinked = !sameRules && state.anyLooked();
      if (!sameRules) {
        state.forgetLinks();
      }
      boolean current = sameRules;
      for (Kind kind : state.kinds()) {
        current &= state.todo(kind).isEmpty() && Integer.toString(state.pairs(kind)).equals(data.get(kind.pairsKey));
      }
      if (current) {
        // Nothing new, changed or unpaired: no writer, so no write lock taken (a server checks at every start).
        return new Summary(0, state.pairs(Kind.LANGUAGE), state.pairs(Kind.SCRIPT), 0, elapsed(start), Optional.empty(),
            false);
      }
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      config.setCommitOnClose(false);
      config.setSimilarity(Scoring.similarity());
      // The writer takes the order the index was written in (Fields.indexSort; none before format
      // 5), so that any merge it makes keeps it; Lucene refuses a writer whose order the existing
      // segments do not have.
      if (sortedByScript(committed)) {
        config.setIndexSort(Fields.indexSort());
      }
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        Finder finder = new Finder(committed, analyzer, new QueryTranslator(analyzer, lexicon, Glossary::empty,
            constant(AliasTable.read(committed)), new IndexedNames(new IndexSearcher(committed), analyzer)), state);
        int changed = 0;
        boolean commit = false;
        for (Kind kind : state.kinds()) {
          Run run = new Run(state, kind, finder, progress);
          run.linkAll(threads);
          for (Map.Entry<String, String> e : run.updates.entrySet()) {
            writer.updateBinaryDocValue(new Term(Fields.ID, e.getKey()), kind.column,
                new BytesRef(e.getValue().getBytes(StandardCharsets.UTF_8)));
          }
          changed += run.updates.size();
          String pairs = Integer.toString(state.pairs(kind));
          String before = data.put(kind.pairsKey, pairs);
          commit |= !run.updates.isEmpty() || !pairs.equals(before);
        }
        commit |= !RULES.equals(data.put(IndexLayout.LINK_RULES_KEY, RULES));
        if (commit) {
          writer.setLiveCommitData(data.entrySet());
          writer.commit();
        }
        return new Summary(finder.queried.get(), state.pairs(Kind.LANGUAGE), state.pairs(Kind.SCRIPT), changed,
            elapsed(start), Optional.empty(), relinked);
      }
    }
  }

  /** Whether every segment of {@code reader} keeps {@link Fields#indexSort}'s order; false when it has none. */
  static boolean sortedByScript(IndexReader reader) {
    return !reader.leaves().isEmpty() && reader.leaves().stream()
        .allMatch(l -> Fields.indexSort().equals(l.reader().getMetaData().sort()));
  }

  /** The language-version pairs of an index: each linked document's id and its version's id, both ways. */
  public static Map<String, String> pairs(Path indexDir) throws IOException {
    return pairs(indexDir, Kind.LANGUAGE);
  }

  /** The pairs of one kind in an index, as {@link #pairs(Path)}; empty when the index has no such column. */
  public static Map<String, String> pairs(Path indexDir, Kind kind) throws IOException {
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      State state = State.read(reader);
      Map<String, String> column = state.columns().getOrDefault(kind, Map.of());
      Map<String, String> out = new TreeMap<>();
      column.forEach((id, v) -> {
        if (state.docs().containsKey(v) && id.equals(column.get(v))) {
          out.put(id, v);
        }
      });
      return out;
    }
  }

  private static <T> Supplier<T> constant(T value) {
    return () -> value;
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Every live document's id, doc number, language group and script, and the value of each version
   * column the index has (an index from before a kind of version has no column for it).
   */
  private record State(Map<String, Integer> docs, Map<String, Boolean> english, Map<String, String> script,
      Map<Kind, Map<String, String>> columns) {
    static State read(DirectoryReader reader) throws IOException {
      Map<String, Integer> docs = new HashMap<>();
      Map<String, Boolean> english = new HashMap<>();
      Map<String, String> script = new HashMap<>();
      Map<Kind, Map<String, String>> columns = new EnumMap<>(Kind.class);
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      for (Kind kind : Kind.values()) {
        if (reader.numDocs() == 0 || infos.fieldInfo(kind.column) != null) {
          columns.put(kind, new HashMap<>());
        }
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        SortedDocValues ids = r.getSortedDocValues(Fields.ID);
        SortedDocValues langs = r.getSortedDocValues(Fields.LANG);
        SortedDocValues scripts = r.getSortedDocValues(Fields.SCRIPT);
        Map<Kind, BinaryDocValues> values = new EnumMap<>(Kind.class);
        for (Kind kind : columns.keySet()) {
          values.put(kind, r.getBinaryDocValues(kind.column));
        }
        for (int d = 0; d < r.maxDoc(); d++) {
          if ((live != null && !live.get(d)) || ids == null || !ids.advanceExact(d)) {
            continue;
          }
          String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
          docs.put(id, leaf.docBase + d);
          english.put(id, LanguageBalance.ENGLISH.equals(ordinal(langs, d)));
          script.put(id, ordinal(scripts, d));
          for (Map.Entry<Kind, BinaryDocValues> e : values.entrySet()) {
            BinaryDocValues column = e.getValue();
            columns.get(e.getKey()).put(id, column != null && column.advanceExact(d) ? column.binaryValue().utf8ToString() : "");
          }
        }
      }
      return new State(docs, english, script, columns);
    }

    private static String ordinal(SortedDocValues values, int d) throws IOException {
      return values != null && values.advanceExact(d) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
    }

    /** Whether any document was linked or checked before this run. */
    boolean anyLooked() {
      return columns.values().stream().anyMatch(column -> column.values().stream().anyMatch(v -> !v.isEmpty()));
    }

    /** Treats every document as not looked at yet, as if no link had been made. */
    void forgetLinks() {
      columns.values().forEach(column -> column.replaceAll((id, value) -> ""));
    }

    /** The kinds this index has columns for. */
    Set<Kind> kinds() {
      return columns.keySet();
    }

    Map<String, String> column(Kind kind) {
      return columns.get(kind);
    }

    /** Whether the document can have a version of this kind: any document a language version, one with Chinese text a script version. */
    boolean takesPart(Kind kind, String id) {
      return kind == Kind.LANGUAGE || !script.get(id).isEmpty();
    }

    /** Which side of the kind's divide the document is on: English, or Traditional. */
    boolean side(Kind kind, String id) {
      return kind == Kind.LANGUAGE ? english.get(id) : ChineseScript.TRADITIONAL.equals(script.get(id));
    }

    int pairs(Kind kind) {
      Map<String, String> column = columns.get(kind);
      if (column == null) {
        return 0;
      }
      int n = 0;
      for (Map.Entry<String, String> e : column.entrySet()) {
        if (docs.containsKey(e.getValue()) && e.getKey().equals(column.get(e.getValue()))) {
          n++;
        }
      }
      return n / 2;
    }

    /**
     * The documents to search for: those not looked at yet (an empty column: new or changed), and
     * linked ones whose version is gone or was replaced and must prove itself again. Sorted, so
     * that a run's result does not depend on hash order.
     */
    Set<String> todo(Kind kind) {
      Map<String, String> column = columns.get(kind);
      Set<String> todo = new TreeSet<>();
      Set<String> fresh = new HashSet<>();
      column.forEach((id, v) -> {
        if (v.isEmpty()) {
          todo.add(id);
          fresh.add(id);
        }
      });
      column.forEach((id, v) -> {
        boolean linked = !v.isEmpty() && !v.equals(NONE);
        if (linked && (!docs.containsKey(v) || fresh.contains(v))) {
          todo.add(id);
        }
      });
      return todo;
    }

    /** True when documents on both sides of the kind's divide take part. */
    boolean bothSides(Kind kind) {
      boolean one = false;
      boolean other = false;
      for (String id : docs.keySet()) {
        if (takesPart(kind, id)) {
          if (side(kind, id)) {
            one = true;
          } else {
            other = true;
          }
          if (one && other) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** Searches a document's best match in the other group; thread-safe. */
  private static final class Finder {
    final IndexSearcher searcher;
    final Analyzer analyzer;
    final QueryTranslator translator;
    final State state;
    final AtomicInteger queried = new AtomicInteger();
    final Map<String, Set<Long>> numbers = new ConcurrentHashMap<>();

    Finder(IndexReader reader, Analyzer analyzer, QueryTranslator translator, State state) {
      this.searcher = new IndexSearcher(reader);
      searcher.setSimilarity(Scoring.similarity());
      this.analyzer = analyzer;
      this.translator = translator;
      this.state = state;
    }

    /** The document's best matches in the other group, best first: at most {@link #CANDIDATES}, none when nothing matches. */
    List<Match> matches(String id, Kind kind) throws IOException {
      queried.incrementAndGet();
      String anchorWords = anchorWords(opening(id));
      Query anchors = kind == Kind.LANGUAGE ? query(anchorWords) : untranslated(anchorWords);
      if (anchors == null) {
        return List.of();
      }
      BooleanQuery.Builder builder = new BooleanQuery.Builder().add(anchors, BooleanClause.Occur.MUST);
      if (kind == Kind.LANGUAGE) {
        builder.add(new TermQuery(new Term(Fields.LANG, LanguageBalance.ENGLISH)),
            state.english().get(id) ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.FILTER);
      } else {
        String other = state.side(kind, id) ? ChineseScript.SIMPLIFIED : ChineseScript.TRADITIONAL;
        builder.add(new TermQuery(new Term(Fields.SCRIPT, other)), BooleanClause.Occur.FILTER);
      }
      Query inOther = builder.build();
      // A threshold as small as the list lets the collector skip what cannot make it from the start.
      TopDocs top = searcher.search(inOther, new TopScoreDocCollectorManager(CANDIDATES, CANDIDATES));
      List<Match> found = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        String other = searcher.storedFields().document(hit.doc, Set.of(Fields.ID)).get(Fields.ID);
        if (other != null) {
          found.add(new Match(other, hit.score));
        }
      }
      return List.copyOf(found);
    }

    /** The numbers of the document's opening ({@link TextNumbers}), read once per document; called on the linking thread. */
    Set<Long> numbers(String id) throws IOException {
      Set<Long> known = numbers.get(id);
      if (known == null) {
        known = TextNumbers.in(opening(id));
        numbers.put(id, known);
      }
      return known;
    }

    /** The document's opening: {@link #OPENING_CHARS} characters of its title and body. */
    String opening(String id) throws IOException {
      Document d = searcher.storedFields().document(state.docs().get(id), Set.of(Fields.TITLE, Fields.BODY));
      return VersionLinker.opening(d.get(Fields.TITLE), d.get(Fields.BODY));
    }

    /**
     * Whether two documents in different scripts are one text: each one's opening holds {@link
     * #SAME_TEXT_SHARE} of the other's anchor words, as the analyzer folds them.
     */
    boolean sameText(String a, String b) throws IOException {
      String openingA = opening(a);
      String openingB = opening(b);
      return holds(openingB, anchorWords(openingA)) && holds(openingA, anchorWords(openingB));
    }

    private boolean holds(String opening, String anchorWords) throws IOException {
      Set<String> anchors = new HashSet<>(terms(anchorWords));
      if (anchors.isEmpty()) {
        return false;
      }
      Set<String> held = new HashSet<>(terms(opening));
      long found = anchors.stream().filter(held::contains).count();
      return found >= SAME_TEXT_SHARE * anchors.size();
    }

    /** The anchor words as the analyzer folds them, one clause each over the body; null when none is left. */
    Query untranslated(String anchors) throws IOException {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      Set<String> seen = new HashSet<>();
      for (String t : terms(anchors)) {
        if (seen.add(t)) {
          all.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
        }
      }
      return seen.isEmpty() ? null : all.build();
    }

    /**
     * The anchor words as one clause each over the body, the way a search weighs a concept: the
     * word and its one-word translations in one {@link SynonymQuery} with their weights, a
     * translation of several words as a phrase beside it. Leaner than a search's query (no title
     * field, no proximity), as only the best hit counts: a fifth faster at 100k documents, and as
     * accurate (MERGE-SWEEP.md, session 30). Null when no word is left.
     */
    Query query(String anchors) throws IOException {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      int concepts = 0;
      for (Concept c : translator.translate(anchors, true, EnumSet.of(Ablation.PROXIMITY))) {
        SynonymQuery.Builder words = new SynonymQuery.Builder(Fields.BODY);
        BooleanQuery.Builder concept = new BooleanQuery.Builder();
        int clauses = 0;
        boolean anyWord = false;
        Set<List<String>> seen = new HashSet<>();
        for (Alternative a : c.alternatives()) {
          List<String> terms = terms(a.text());
          if (terms.isEmpty() || !seen.add(terms)) {
            continue;
          }
          if (terms.size() == 1) {
            words.addTerm(new Term(Fields.BODY, terms.get(0)), a.weight());
            anyWord = true;
          } else {
            concept.add(new BoostQuery(new PhraseQuery(Fields.BODY, terms.toArray(String[]::new)), a.weight()),
                BooleanClause.Occur.SHOULD);
            clauses++;
          }
        }
        if (anyWord) {
          concept.add(words.build(), BooleanClause.Occur.SHOULD);
          clauses++;
        }
        if (clauses > 0) {
          BooleanQuery q = concept.build();
          all.add(clauses == 1 ? q.clauses().get(0).query() : q, BooleanClause.Occur.SHOULD);
          concepts++;
        }
      }
      return concepts == 0 ? null : all.build();
    }

    private List<String> terms(String text) {
      return AnalyzedToken.analyze(analyzer, Fields.BODY, text).stream().map(AnalyzedToken::term).toList();
    }

    /**
     * The {@link #ANCHOR_WORDS} words of the text in the fewest documents, as written and in text
     * order. Two that stand next to each other in the text, with nothing or only spaces between,
     * stay as the text has them: the segmenter cuts a name it does not know into characters (王|毅),
     * and the translator takes them for a name only when nothing parts them.
     */
    String anchorWords(String text) throws IOException {
      record Word(int docFreq, int position) {}
      Map<String, Word> words = new LinkedHashMap<>();
      List<AnalyzedToken> tokens = AnalyzedToken.analyze(analyzer, Fields.BODY, text);
      for (int n = 0; n < tokens.size(); n++) {
        AnalyzedToken t = tokens.get(n);
        if (!words.containsKey(t.term())) {
          words.put(t.term(), new Word(searcher.getIndexReader().docFreq(new Term(Fields.BODY, t.term())), n));
        }
      }
      int[] chosen = words.values().stream()
          .sorted(Comparator.comparingInt(Word::docFreq).thenComparingInt(Word::position))
          .limit(ANCHOR_WORDS)
          .mapToInt(Word::position)
          .sorted()
          .toArray();
      StringBuilder anchors = new StringBuilder();
      for (int k = 0; k < chosen.length; k++) {
        AnalyzedToken t = tokens.get(chosen[k]);
        if (k > 0) {
          AnalyzedToken previous = tokens.get(chosen[k - 1]);
          String between = previous.end() <= t.start() ? text.substring(previous.end(), t.start()) : " ";
          anchors.append(chosen[k] == chosen[k - 1] + 1 && between.isBlank() ? between : " ");
        }
        anchors.append(text, t.start(), t.end());
      }
      return anchors.toString();
    }
  }

  /** A document found by a linking query, and its score. */
  record Match(String id, float score) {}

  /**
   * The pairs competitive linking makes from each document's best matches, best first: two
   * documents that list each other, whose shares of their best scores sum to at least {@link
   * #PAIR_SHARES}, highest sum first (then by id), each document in one pair, and only where {@code
   * joinable} agrees at the time. Each pair once, the smaller id first.
   */
  static List<Map.Entry<String, String>> competitivePairs(Map<String, List<Match>> lists,
      BiPredicate<String, String> joinable) {
    record Candidate(String a, String b, double shares) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, List<Match>> e : lists.entrySet()) {
      String a = e.getKey();
      for (Match m : e.getValue()) {
        String b = m.id();
        if (a.compareTo(b) < 0 && lists.containsKey(b)) {
          double shares = share(e.getValue(), b) + share(lists.get(b), a);
          if (shares >= PAIR_SHARES) {
            candidates.add(new Candidate(a, b, shares));
          }
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::shares).reversed()
        .thenComparing(Candidate::a).thenComparing(Candidate::b));
    Set<String> taken = new HashSet<>();
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!taken.contains(c.a()) && !taken.contains(c.b()) && joinable.test(c.a(), c.b())) {
        taken.add(c.a());
        taken.add(c.b());
        pairs.add(Map.entry(c.a(), c.b()));
      }
    }
    return pairs;
  }

  /** A document's score for {@code other} over its best score; 0 when its list lacks {@code other}. */
  private static double share(List<Match> list, String other) {
    for (Match m : list) {
      if (m.id().equals(other)) {
        return m.score() / list.get(0).score();
      }
    }
    return 0;
  }

  /** One linking pass: the documents to look at, the best matches found, and the updates. */
  private static final class Run {
    final State state;
    final Kind kind;
    final Map<String, String> column;
    final Finder finder;
    final Map<String, List<Match>> matches = new ConcurrentHashMap<>();
    final Map<String, String> updates = new TreeMap<>();
    final Progress progress;
    final AtomicInteger searched = new AtomicInteger();
    volatile int toSearch;

    Run(State state, Kind kind, Finder finder, Progress progress) {
      this.state = state;
      this.kind = kind;
      this.column = state.column(kind);
      this.finder = finder;
      this.progress = progress;
    }

    void linkAll(int threads) throws IOException {
      Set<String> todo = state.todo(kind);
      boolean bothSides = state.bothSides(kind);
      for (Iterator<String> it = todo.iterator(); it.hasNext(); ) {
        String id = it.next();
        if (!bothSides || !state.takesPart(kind, id)) {
          set(id, NONE); // nothing to be a version of
          it.remove();
        }
      }
      searchAll(todo, threads);
      Set<String> decided = new HashSet<>();
      for (String id : todo) {
        if (decided.contains(id)) {
          continue;
        }
        Optional<String> other = bestOf(id);
        if (other.isPresent() && bestOf(other.get()).equals(Optional.of(id)) && sameText(id, other.get())) {
          pair(id, other.get());
          decided.add(other.get());
        } else {
          set(id, NONE);
        }
        decided.add(id);
      }
      linkCompetitively();
    }

    /**
     * Competitive linking over the documents still without a version ({@link #PAIR_SHARES}).
     * Documents linked in an earlier run are not free; a free one this run has not searched is
     * searched when a searched one lists it, so that both its shares are known.
     */
    private void linkCompetitively() throws IOException {
      Map<String, List<Match>> lists = new TreeMap<>();
      for (String id : new TreeSet<>(matches.keySet())) {
        if (!free(id)) {
          continue;
        }
        List<Match> list = matchesOf(id);
        lists.put(id, list);
        for (Match m : list) {
          // Under PAIR_SHARES - 1 of the best no pair reaches PAIR_SHARES: the other share is at most 1.
          boolean near = m.score() >= (PAIR_SHARES - 1) * list.get(0).score();
          if (near && free(m.id()) && !matches.containsKey(m.id())) {
            toSearch++;
            lists.put(m.id(), matchesOf(m.id()));
            progress.searched(kind, searched.incrementAndGet(), toSearch);
          }
        }
      }
      List<Map.Entry<String, String>> pairs;
      try {
        pairs = competitivePairs(lists, this::sameTextUnchecked);
      } catch (UncheckedIOException e) {
        throw e.getCause(); // from sameText, reading a document's opening
      }
      for (Map.Entry<String, String> p : pairs) {
        pair(p.getKey(), p.getValue());
      }
    }

    private boolean sameTextUnchecked(String id, String other) {
      try {
        return sameText(id, other);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Whether the document has no version yet: never linked, or checked and found to have none. */
    private boolean free(String id) {
      String value = column.get(id);
      return value != null && (value.isEmpty() || value.equals(NONE)) && state.takesPart(kind, id);
    }

    /**
     * Language versions must not write different numbers ({@link TextNumbers#allowOneText}); script
     * versions must hold each other's words, as a conversion does.
     */
    private boolean sameText(String id, String other) throws IOException {
      return kind == Kind.LANGUAGE
          ? TextNumbers.allowOneText(finder.numbers(id), finder.numbers(other))
          : finder.sameText(id, other);
    }

    private void pair(String id, String other) {
      release(id, other);
      release(other, id);
      set(id, other);
      set(other, id);
    }

    /** Finds the best matches of the documents to look at, and of those matches, on {@code threads} threads. */
    private void searchAll(Set<String> todo, int threads) throws IOException {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        toSearch = todo.size();
        pool.submit(() -> todo.parallelStream().forEach(this::searchUnchecked)).get();
        Set<String> second = new TreeSet<>();
        matches.values().forEach(list -> list.stream().findFirst().map(Match::id)
            .filter(b -> !matches.containsKey(b)).ifPresent(second::add));
        toSearch += second.size();
        pool.submit(() -> second.parallelStream().forEach(this::searchUnchecked)).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("linking language versions was interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException("linking language versions failed", cause);
      } finally {
        pool.shutdown();
      }
    }

    private void searchUnchecked(String id) {
      try {
        matchesOf(id);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      progress.searched(kind, searched.incrementAndGet(), toSearch);
    }

    private List<Match> matchesOf(String id) throws IOException {
      List<Match> known = matches.get(id);
      if (known == null) {
        known = finder.matches(id, kind);
        matches.put(id, known);
      }
      return known;
    }

    private Optional<String> bestOf(String id) throws IOException {
      return matchesOf(id).stream().findFirst().map(Match::id);
    }

    /** Marks the old version of {@code id} unlinked when {@code id} now pairs with another document. */
    private void release(String id, String next) {
      String old = column.get(id);
      if (old != null && !old.isEmpty() && !old.equals(NONE) && !old.equals(next) && id.equals(column.get(old))) {
        set(old, NONE);
      }
    }

    private void set(String id, String value) {
      if (!value.equals(column.get(id))) {
        updates.put(id, value);
        column.put(id, value);
      }
    }
  }

  /** The first {@link #OPENING_CHARS} characters of the title and body, cut between code points. */
  static String opening(String title, String body) {
    String text = ((title == null ? "" : title) + "\n" + (body == null ? "" : body)).strip();
    if (text.length() <= OPENING_CHARS) {
      return text;
    }
    int end = OPENING_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
