package io.liaison.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.analysis.AnalyzedToken;
import io.liaison.index.Fields;
import io.liaison.index.Indexer;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.query.LiaisonQueryParser;
import io.liaison.query.QueryTranslator;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchTimeoutException;
import java.time.Duration;
import org.apache.lucene.search.IndexSearcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the query parser, the translator, the analyzer and the whole search with seeded hostile
 * inputs (see {@link HostileInputs}): over 100,000 inputs in all. Each one must either give an
 * answer or be refused with an {@link IllegalArgumentException} that says why (which the server
 * turns into a 400), and no single input may take long. Anything else, an unchecked exception, a
 * stack overflow or a slow input, fails the test with its seed and the input, escaped.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileQueryTest {
  static final long SEED = Long.getLong("reliability.seed", 0x11A150_6L);
  /**
   * One input may take this much CPU time at most (CPU, not wall-clock, so a busy machine does not
   * make the test flaky); a hang is caught by the method timeouts below.
   */
  static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(3);

  @TempDir static Path dir;
  static Liaison liaison;
  static Analyzer analyzer;
  static QueryTranslator translator;

  @BeforeAll
  static void index() throws Exception {
    Path corpus = dir.resolve("corpus");
    String[] en = {"liaison", "economic", "office", "harbour", "report", "council", "trade", "aardvark", "abacus",
        "abandon", "aback", "abbey", "ab", "aaa", "aaaa", "aaaaa", "baab", "abab"};
    String[] zh = {"中国经济联络中心", "国务院", "一带一路", "贸促会", "对外经济联络", "臺灣行政院"};
    for (int i = 0; i < 60; i++) {
      Path f = corpus.resolve("f" + (i % 4) + "/doc" + i + ".txt");
      Files.createDirectories(f.getParent());
      StringBuilder body = new StringBuilder("Title " + i + "\n");
      for (int w = 0; w < 40; w++) {
        body.append(w % 3 == 0 ? zh[(i + w) % zh.length] : en[(i * 7 + w) % en.length] + (w % 5)).append(' ');
      }
      Files.writeString(f, body, StandardCharsets.UTF_8);
    }
    new Indexer(Indexer.Options.of(corpus, dir.resolve("index"))).run();
    liaison = Liaison.open(dir.resolve("index"));
    analyzer = liaison.searcher().analyzer();
    translator = new QueryTranslator(analyzer, Lexicon.defaultLexicon(), Glossary::empty, liaison.searcher()::aliases);
  }

  @AfterAll
  static void close() throws Exception {
    liaison.close();
  }

  // Counts: 15,000 + 10,000 + 75,020 + 1,000 = 101,020 inputs, about 40 s on 2 cores. Most are short
  // (as typed queries are: translating a 1000-character query costs ~15 ms); whole searches and a
  // share of every kind run at the full 1000-character limit.

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void the_parser_answers_or_refuses_15000_hostile_queries() {
    assertEquals(15_000, fuzz("parser", SEED, 15_000, 120, q -> {
      LiaisonQueryParser parser = new LiaisonQueryParser(analyzer, translator, true, Set.of(), 2f);
      parser.parseQuery(q);
    }));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void the_translator_handles_10000_hostile_texts() {
    assertEquals(10_000, fuzz("translator", SEED + 1, 10_000, 120, q -> translator.translate(q, true, Set.of())));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void the_analyzer_handles_75020_hostile_texts_20_of_them_huge() {
    HostileInputs huge = new HostileInputs(SEED + 3);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String text = huge.unicode(200_000);
      try {
        AnalyzedToken.analyze(analyzer, Fields.BODY, text);
      } catch (Throwable t) {
        failures.add("huge #" + i + ": " + t);
      }
    }
    assertTrue(failures.isEmpty(), failures::toString);
    assertEquals(75_000, fuzz("analyzer", SEED + 2, 75_000, 300, q -> AnalyzedToken.analyze(analyzer, Fields.BODY, q)));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void whole_searches_answer_or_refuse_1000_hostile_queries_at_full_length() {
    assertEquals(1_000, fuzz("search", SEED + 4, 1_000, SearchRequest.MAX_QUERY_CHARS, q -> {
      try {
        liaison.search(SearchRequest.of(q).withLimit(5));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }));
  }

  @Test
  void a_query_over_the_length_limit_is_refused_before_parsing() {
    String huge = "(".repeat(100_000) + "a" + ")".repeat(100_000);
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> SearchRequest.of(huge));
    assertTrue(e.getMessage().contains("the limit is " + SearchRequest.MAX_QUERY_CHARS), e.getMessage());
  }

  @Test
  void a_search_past_its_time_limit_is_stopped_with_a_message_naming_the_limit() throws Exception {
    Duration before = liaison.searcher().timeLimit();
    liaison.searcher().timeLimit(Duration.ofNanos(1));
    try {
      SearchTimeoutException e = assertThrows(SearchTimeoutException.class, () -> liaison.search(SearchRequest.of("liaison")));
      assertTrue(e.getMessage().contains("limit of 0 ms"), e.getMessage());
    } finally {
      liaison.searcher().timeLimit(before);
    }
    assertTrue(liaison.search(SearchRequest.of("liaison")).total() > 0, "the next search runs normally");
  }

  @Test
  void a_query_that_expands_past_the_clause_limit_is_refused_naming_the_limit() {
    // The limit is global; lowered here so a short query reaches it in the rewrite, not the parser.
    int before = IndexSearcher.getMaxClauseCount();
    IndexSearcher.setMaxClauseCount(8);
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> liaison.search(SearchRequest.of("(经济 联络) (中心 政府) (贸易 报告)")));
      assertTrue(e.getMessage().contains("more than 8 clauses"), e.getMessage());
    } finally {
      IndexSearcher.setMaxClauseCount(before);
    }
  }

  @Test
  void a_regular_expression_that_would_compile_to_a_million_states_is_refused_before_compiling() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> liaison.search(SearchRequest.of("/a{9999}{9999}/")));
    // The message is TermLimits' own, which it gives before Lucene builds the automaton (Lucene's
    // own refusal, after building part of it, would name determinization, not states).
    assertTrue(e.getMessage().contains("automaton states"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> liaison.search(SearchRequest.of("/(a{1,50}){1,50}/")));
    assertTrue(e.getMessage().contains("too complex"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> liaison.search(SearchRequest.of("*iaison")));
    assertTrue(e.getMessage().contains("cannot start with"), e.getMessage());
  }

  /**
   * Runs {@code count} generated inputs through {@code target}; returns how many ran. An input may
   * be refused with an {@link IllegalArgumentException} carrying a message; anything else fails.
   */
  static int fuzz(String what, long seed, int count, int maxChars, Consumer<String> target) {
    HostileInputs inputs = new HostileInputs(seed);
    List<String> failures = new ArrayList<>();
    int ran = 0;
    for (int i = 0; i < count; i++) {
      String q = inputs.next(maxChars);
      long t0 = CPU.getCurrentThreadCpuTime();
      try {
        target.accept(q);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
          failures.add(describe(i, q, "refused without a message: " + e));
        }
      } catch (Throwable t) {
        failures.add(describe(i, q, t.toString()));
      }
      long took = CPU.getCurrentThreadCpuTime() - t0;
      if (took > SLOW_NANOS) {
        failures.add(describe(i, q, "took " + took / 1_000_000 + " ms of CPU"));
      }
      ran++;
      if (failures.size() >= 20) {
        break;
      }
    }
    assertTrue(failures.isEmpty(), what + " with seed " + seed + ":\n" + String.join("\n", failures));
    return ran;
  }

  private static String describe(int i, String input, String problem) {
    StringBuilder escaped = new StringBuilder();
    String shown = input.length() > 300 ? input.substring(0, 300) + "..." : input;
    for (char c : shown.toCharArray()) {
      escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return "  #" + i + " [" + problem + "] " + escaped;
  }
}
