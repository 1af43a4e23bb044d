package io.liaison.cli;

import io.liaison.Liaison;
import io.liaison.analysis.ChineseScript;
import io.liaison.analysis.HanSegmentationFilter;
import io.liaison.eval.Run;
import io.liaison.eval.Topics;
import io.liaison.ingest.Language;
import io.liaison.lexicon.Lexicon;
import io.liaison.query.Ablation;
import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.LiaisonQueryParser;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.Version;
import io.liaison.server.Json;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison search}: one query, or a batch of topics written as a TREC run. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the index. QUERY uses Lucene's syntax: phrases, AND/OR/NOT, +/-, field:, wildcards, fuzzy.",
        "With --topics and --run, reads 'qid<TAB>text' lines as plain text and writes a TREC run."})
final class SearchCommand implements Callable<Integer> {
  /** A shorter wait for the dictionaries is not worth a word. */
  private static final long NOTED_LOAD_MS = 10;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (several words are joined).")
  List<String> words;

  @CommandLine.Mixin Folders.Index index;

  @CommandLine.Mixin Folders.Glossary glossary;

  @Option(names = "--limit", paramLabel = "N", description = "Hits to show (default 10; 100 with --topics).")
  Integer limit;

  @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page of hits (default 1).")
  int page;

  @Option(names = "--lang", paramLabel = "zh|en|mixed", description = "Only documents in this language.")
  String lang;

  @Option(names = "--json", description = "Print one JSON object: total, hits and the query's expansion.")
  boolean json;

  @Option(names = "--explain", description = "Show how the query was translated (--json always includes it, as expansion).")
  boolean explain;

  @Option(names = "--no-translate", description = "Search the words as typed, without translation.")
  boolean noTranslate;

  @Option(names = "--ablate", paramLabel = "PART", split = ",",
      description = "Switch off part of translation, for measurement: weighting, structure, phrases, glossary, aliases, proximity, bigrams, coordination, documents.")
  List<String> ablate;

  @Option(names = "--topics", paramLabel = "FILE", description = "Topics file: qid<TAB>text per line.")
  Path topics;

  @Option(names = "--run", paramLabel = "FILE",
      description = "Write a TREC run here (with --topics); whitespace and %% in document ids are written %%XX.")
  Path run;

  @Option(names = "--tag", defaultValue = "liaison", description = "Run tag (default: ${DEFAULT-VALUE}).")
  String tag;

  @CommandLine.Mixin Folders.Verbose verbose;

  @CommandLine.Mixin ClusterOptions cluster;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((topics == null) != (run == null)) {
      throw new IllegalArgumentException("--topics and --run go together: give both, or neither");
    }
    boolean batch = topics != null;
    if (!batch && (words == null || words.isEmpty())) {
      throw new IllegalArgumentException("no query given: liaison search WORDS (or --topics FILE --run FILE)");
    }
    Set<Ablation> ablations = EnumSet.noneOf(Ablation.class);
    if (ablate != null) {
      ablate.forEach(a -> ablations.add(Ablation.parse(a)));
    }
    Optional<Language> language = lang == null ? Optional.empty() : Optional.of(Language.fromCode(lang));
    int n = limit != null ? limit : batch ? 100 : 10;
    Path idx = cluster.cluster().isPresent() ? index.path() : index.searchable();
    Path gl = glossary.path();
    try (Liaison liaison = cluster.cluster().isPresent()
        ? Liaison.openOpenSearch(cluster.url, cluster.indexName, gl)
        : Liaison.open(idx, gl)) {
      if (batch) {
        return runTopics(liaison, n, language, ablations);
      }
      SearchRequest request = new SearchRequest(String.join(" ", words), page, n, language, !noTranslate, false, ablations);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(Json.cliResult(liaison.search(request))));
      } else {
        long loadMs = cluster.cluster().isPresent() ? 0 : awaitDictionaries(request);
        print(out, request, liaison.search(request), loadMs);
      }
      out.flush();
      return 0;
    }
  }

  private int runTopics(Liaison liaison, int n, Optional<Language> language, Set<Ablation> ablations) throws Exception {
    if (!Files.isReadable(topics)) {
      throw new IllegalArgumentException("cannot read topics file " + topics);
    }
    List<Topics.Topic> list = Topics.read(topics);
    try (BufferedWriter w = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
      for (Topics.Topic t : list) {
        if (t.text().isBlank()) {
          continue;
        }
        String text = t.text().length() > SearchRequest.MAX_QUERY_CHARS ? t.text().substring(0, SearchRequest.MAX_QUERY_CHARS) : t.text();
        SearchResponse r = liaison.search(new SearchRequest(text, 1, n, language, !noTranslate, true, ablations));
        // The list as a reader sees it: each hit, then its version. The scores written fall strictly
        // (a tie or a version drops a millionth below the line above), so that trec_eval, which
        // orders by score, keeps this order instead of breaking ties by document id.
        int rank = 1;
        double last = Double.POSITIVE_INFINITY;
        for (Hit h : r.hits()) {
          List<String> ids = new ArrayList<>();
          ids.add(h.id());
          h.versions().forEach(v -> ids.add(v.id()));
          for (String id : ids) {
            double score = Math.min(Math.round(h.score() * 1e6) / 1e6, last - 1e-6);
            w.write(Run.line(t.qid(), id, rank++, score, tag));
            w.newLine();
            last = score;
          }
        }
      }
    }
    spec.commandLine().getOut().println("Wrote " + run + " (" + list.size() + " topics)");
    return 0;
  }

  /**
   * Waits for the dictionaries {@link Liaison#open} started loading, when the search would wait for
   * them: so the time printed is the search's, and the wait is told apart (the one query of a
   * {@code liaison search} process is always a first query). Returns the wait in milliseconds.
   */
  private static long awaitDictionaries(SearchRequest request) {
    boolean han = ChineseScript.containsHan(request.query());
    if (!request.translate() && !han) {
      return 0; // such a search needs neither, and the process may end before they have loaded
    }
    long start = System.nanoTime();
    Lexicon.defaultLexicon();
    HanSegmentationFilter.loadDictionaries();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void print(PrintWriter out, SearchRequest request, SearchResponse r, long loadMs) {
    boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
    out.printf(Locale.ROOT, "%d hit%s for %s (%d ms%s)%n", r.total(), r.total() == 1 ? "" : "s", request.query(), r.tookMs(),
        loadMs >= NOTED_LOAD_MS ? ", after " + loadMs + " ms loading the dictionaries" : "");
    if (explain) {
      out.println(explanation(r.expansion()));
      if (request.translate() && !request.ablations().contains(Ablation.DOCUMENTS) && !r.expansion().isEmpty()) {
        out.printf(Locale.ROOT, "  and the words as typed in each page's word-by-word rendering in the other language, at %.2f%n",
            LiaisonQueryParser.RENDERED_WEIGHT);
      }
    }
    int rank = (request.page() - 1) * request.limit() + 1;
    for (Hit h : r.hits()) {
      out.printf(Locale.ROOT, "%3d. %s  [%s]  %.3f%n", rank++, h.id(), h.lang(), h.score());
      out.println("     " + h.title());
      for (String s : h.snippets()) {
        out.println("     " + plain(s, color));
      }
      for (Version v : h.versions()) {
        out.printf(Locale.ROOT, "     also in %s: %s  %s%n", v.label(), v.id(), v.title());
      }
    }
  }

  /** The expansion as lines: each source term, then its translations with weights and origins. */
  static String explanation(List<Concept> expansion) {
    StringBuilder sb = new StringBuilder("Query expansion:");
    for (Concept c : expansion) {
      sb.append("\n  ").append(c.source()).append(" →");
      List<Alternative> alts = c.alternatives();
      if (alts.size() == 1) {
        sb.append(" (no translation)");
      }
      sb.append(alts.stream().skip(1).map(a -> String.format(Locale.ROOT, " %s %.2f (%s%s)", a.text(), a.weight(),
              a.origin().name().toLowerCase(Locale.ROOT),
              a.documents().isEmpty() ? "" : ": " + String.join(", ", a.documents())))
          .collect(Collectors.joining(";")));
    }
    return sb.toString();
  }

  /** Turns an HTML snippet into terminal text: marks become bold (or brackets), entities are decoded. */
  private static String plain(String html, boolean color) {
    String s = html.replace("<mark>", color ? "\u001b[1m" : "[").replace("</mark>", color ? "\u001b[0m" : "]");
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
        .replace("&#x2F;", "/").replace("&amp;", "&");
  }
}
