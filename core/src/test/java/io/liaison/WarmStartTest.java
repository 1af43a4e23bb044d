package io.liaison;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.lexicon.Lexicon;
import io.liaison.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server does before its first request: the dictionaries early, one search to warm up. */
class WarmStartTest {
  @TempDir Path dir;

  @Test
  void preloading_gives_the_one_bundled_lexicon_that_searches_then_use() {
    Liaison.preloadDictionaries();
    Liaison.preloadDictionaries(); // a second call starts nothing new
    assertSame(Lexicon.defaultLexicon(), BundledDictionaries.lexicon());
  }

  @Test
  void a_warm_up_runs_a_translated_search_and_leaves_the_index_as_it_was() throws Exception {
    try (Liaison liaison = Liaison.open(indexOneMemo("中国经济联络中心\n经济联络的年度报告。"))) {
      CompletableFuture<Void> warm = liaison.warmUp();
      warm.get(60, TimeUnit.SECONDS); // completes normally: the search ran and found its way
      assertTrue(liaison.search(SearchRequest.of("economic liaison")).total() == 1,
          "the English query finds the Chinese memo, through the lexicon the warm-up loaded");
    }
  }

  @Test
  void a_warm_up_that_fails_reports_through_its_future_not_by_throwing() throws Exception {
    Liaison liaison = Liaison.open(indexOneMemo("Liaison office report."));
    liaison.close();
    CompletableFuture<Void> warm = liaison.warmUp(); // returns: the caller's start-up goes on
    ExecutionException e = assertThrows(ExecutionException.class, () -> warm.get(60, TimeUnit.SECONDS));
    assertInstanceOf(AlreadyClosedException.class, e.getCause(), e.getCause().toString());
  }

  /** Indexes a corpus of one file holding {@code text}; returns the index folder. */
  private Path indexOneMemo(String text) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("memo.txt"), text, StandardCharsets.UTF_8);
    Liaison.index(corpus, dir.resolve("index"));
    return dir.resolve("index");
  }
}
