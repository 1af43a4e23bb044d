package io.liaison.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.index.Indexer;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches from four threads while the main thread rebuilds the index ten times between two corpus
 * states and a fifth thread keeps swapping the glossary and calling {@link Liaison#reloadGlossary()}.
 * Every response must come whole from one state: its total is the old or the new count, never in
 * between, and its facets add up to its total; and no search may fail.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrencyTest {
  static final int SMALL = 120;
  static final int LARGE = 200;
  static final int REBUILDS = 10;

  @TempDir Path tmp;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void searches_during_rebuilds_and_glossary_reloads_each_see_one_whole_state_and_never_fail() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path index = tmp.resolve("index");
    Path glossary = tmp.resolve("glossary.tsv");
    writeCorpus(corpus, SMALL);
    writeGlossary(glossary, true);
    new Indexer(Indexer.Options.of(corpus, index)).run();

    try (Liaison liaison = Liaison.open(index, glossary)) {
      AtomicBoolean done = new AtomicBoolean();
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
      Map<String, Set<Long>> seen = new ConcurrentHashMap<>();
      AtomicLong searches = new AtomicLong();
      AtomicLong reloads = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      CountDownLatch started = new CountDownLatch(5);
      for (int t = 0; t < 4; t++) {
        threads.add(Thread.ofPlatform().name("searcher-" + t).start(() -> {
          started.countDown();
          while (!done.get()) {
            try {
              // Plain words, no translation: the count depends on the index alone.
              SearchResponse plain = liaison.search(SearchRequest.of("common").withTranslate(false).withLimit(3));
              checkWhole(plain, Set.of((long) SMALL, (long) LARGE), "common", seen);
              // A glossary-only word: matches the 'common' documents while the glossary has it, none otherwise.
              SearchResponse glossed = liaison.search(SearchRequest.of("qqzyx").withLimit(3));
              checkWhole(glossed, Set.of(0L, (long) SMALL, (long) LARGE), "qqzyx", seen);
              searches.addAndGet(2);
            } catch (Throwable e) {
              errors.add(e);
            }
          }
        }));
      }
      threads.add(Thread.ofPlatform().name("glossary").start(() -> {
        started.countDown();
        boolean with = false;
        while (!done.get()) {
          try {
            writeGlossary(glossary, with);
            liaison.reloadGlossary();
            reloads.incrementAndGet();
            with = !with;
          } catch (Throwable e) {
            errors.add(e);
          }
        }
      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));

      for (int r = 1; r <= REBUILDS; r++) {
        writeCorpus(corpus, r % 2 == 1 ? LARGE : SMALL);
        new Indexer(Indexer.Options.of(corpus, index).withRebuild(true).withThreads(1)).run();
        liaison.refresh();
      }
      done.set(true);
      for (Thread t : threads) {
        t.join(30_000);
      }
      assertTrue(errors.isEmpty(), () -> errors.size() + " failures, the first: " + errors.get(0));
      assertEquals(Set.of((long) SMALL, (long) LARGE), seen.get("common"), "both states were seen");
      assertTrue(seen.get("qqzyx").contains(0L) && seen.get("qqzyx").size() > 1, "both glossaries were seen: " + seen);
      System.out.println("ConcurrencyTest: " + searches.get() + " searches, " + REBUILDS + " rebuilds, "
          + reloads.get() + " glossary reloads, totals seen " + seen);
    }
  }

  private static void checkWhole(SearchResponse r, Set<Long> allowed, String query, Map<String, Set<Long>> seen) {
    if (!allowed.contains(r.total())) {
      throw new AssertionError(query + ": total " + r.total() + " is neither state's count " + allowed);
    }
    long byLang = r.facets().get("lang").values().stream().mapToLong(Long::longValue).sum();
    if (byLang != r.total()) {
      throw new AssertionError(query + ": facets add up to " + byLang + ", the total is " + r.total());
    }
    seen.computeIfAbsent(query, k -> ConcurrentHashMap.newKeySet()).add(r.total());
  }

  /** {@code n} documents that hold the word 'common'; files past {@code n} are removed. */
  private static void writeCorpus(Path corpus, int n) throws IOException {
    for (int i = 0; i < LARGE; i++) {
      Path f = corpus.resolve("d" + (i % 5) + "/doc" + i + ".txt");
      if (i < n) {
        Files.createDirectories(f.getParent());
        Files.writeString(f, "Document " + i + "\nA common word and the liaison office " + i + ".\n", UTF_8);
      } else {
        Files.deleteIfExists(f);
      }
    }
  }

  /** Replaces the glossary atomically (as an editor's save does), with or without the made-up word. */
  private static void writeGlossary(Path glossary, boolean withWord) throws IOException {
    Path next = glossary.resolveSibling("glossary.tsv.tmp");
    Files.writeString(next, "# test\n" + (withWord ? "qqzyx\tcommon\n" : "中国经济联络中心\tCECC\n"), UTF_8);
    Files.move(next, glossary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
