package io.liaison.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.index.IndexSummary;
import io.liaison.index.IndexerChild;
import io.liaison.index.Indexer;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a rebuilding child JVM with SIGKILL at random points, at least 20 times. The corpus changes between
 * runs (a new generation of 300 files: some rewritten, some removed, some added), so a kill that
 * left a mixture would show. After each kill the index must open, pass {@link CheckIndex}, and hold
 * exactly the previous generation (searches return what they returned before) or, when the kill
 * came after the commit, exactly the new one; and the next run must complete.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrashSafetyTest {
  static final int RUNS = 22;
  static final int KILLS = 20;
  static final int FILES = 300;
  static final long SEED = Long.getLong("reliability.seed", 20261129L);

  @TempDir Path tmp;

  @Test
  void rebuilds_killed_at_random_points_leave_a_clean_index_of_one_generation_and_the_next_run_completes()
      throws Exception {
    Random random = new Random(SEED);
    Path corpus = tmp.resolve("corpus");
    Path index = tmp.resolve("index");
    writeGeneration(corpus, 0);
    new Indexer(Indexer.Options.of(corpus, index).withRebuild(true)).run();
    Map<String, String> committed = snapshot(index, 0);
    int keptOld = 0;
    int keptNew = 0;
    List<String> killPoints = new ArrayList<>();

    for (int gen = 1; gen <= RUNS; gen++) {
      writeGeneration(corpus, gen);
      // One kill in five once the child says it is committing (the commit takes milliseconds and
      // would rarely be hit by chance); the others after a random file.
      int killAfter = random.nextInt(5) == 0 ? countOf(gen) + 1 : 1 + random.nextInt(countOf(gen));
      String where = runAndKill(corpus, index, killAfter);
      killPoints.add(where);

      assertClean(index, "after the kill " + where);
      Map<String, String> old = snapshot(index, gen - 1);
      Map<String, String> fresh = snapshot(index, gen);
      boolean isOld = old.equals(committed);
      if (isOld) {
        keptOld++;
      } else {
        keptNew++;
        assertEquals("0", old.get("mark"), "no document of the old generation left beside the new one, " + where);
      }
      assertTrue(isOld || fresh.get("total").equals(Integer.toString(countOf(gen))),
          "the index holds exactly one generation after the kill " + where + ": old " + old + " new " + fresh
              + ", expected old " + committed);

      IndexSummary next = new Indexer(Indexer.Options.of(corpus, index).withRebuild(true)).run();
      assertEquals(countOf(gen), next.documents(), next.describe());
      assertClean(index, "after the next run");
      Map<String, String> after = snapshot(index, gen);
      if (!isOld) {
        assertEquals(after, fresh, "a kill after the commit kept the whole new generation");
      }
      committed = after;
    }
    long sigkilled = killPoints.stream().filter(p -> !p.equals("after done")).count();
    assertTrue(sigkilled >= KILLS, "at least " + KILLS + " runs killed mid-way: " + killPoints);
    assertTrue(keptOld > 0, "some kills landed before the commit: " + killPoints);
    System.out.println("CrashSafetyTest: " + sigkilled + " kills (" + String.join(", ", killPoints) + "): " + keptOld
        + " kept the previous commit, " + keptNew + " the new one");
  }

  /** Starts a rebuild in a child JVM and kills it after its {@code killAfter}-th progress line. */
  private static String runAndKill(Path corpus, Path index, int killAfter) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        IndexerChild.class.getName(), corpus.toString(), index.toString(), "1")
        .redirectErrorStream(true).start();
    String last = "nothing";
    int lines = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
      String line;
      while (lines < killAfter && (line = out.readLine()) != null) {
        if (line.startsWith("FILE") || line.equals("COMMITTING") || line.equals("DONE")) {
          lines++;
          last = line;
        }
      }
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
    }
    assertTrue(child.exitValue() == 137 || last.equals("DONE"), "killed by SIGKILL, exit " + child.exitValue());
    return last.equals("COMMITTING") ? "at commit" : last.equals("DONE") ? "after done" : "after " + last.toLowerCase();
  }

  /** Generation {@code gen}: files 0..299 minus every 7th shifted by gen, each marked with its generation's word. */
  private static void writeGeneration(Path corpus, int gen) throws IOException {
    if (Files.exists(corpus)) {
      try (Stream<Path> files = Files.walk(corpus)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (int i = 0; i < FILES + 10; i++) {
      if (!present(gen, i)) {
        continue;
      }
      Path f = corpus.resolve("d" + (i % 10) + "/file" + i + ".txt");
      Files.createDirectories(f.getParent());
      String words = "Report " + i + "\ncommon liaison " + mark(gen) + " file" + i + " 经济联络 " + (i % 3 == 0 ? "harbour" : "office");
      Files.writeString(f, words, UTF_8);
    }
  }

  private static boolean present(int gen, int i) {
    return i < FILES ? (i + gen) % 7 != 0 || gen % 2 == 0 : gen % 2 == 1;
  }

  private static int countOf(int gen) {
    int n = 0;
    for (int i = 0; i < FILES + 10; i++) {
      n += present(gen, i) ? 1 : 0;
    }
    return n;
  }

  private static String mark(int gen) {
    return "mark" + (char) ('a' + gen / 26) + (char) ('a' + gen % 26);
  }

  /**
   * What a few searches return: totals and every matching id, sorted (ties in score are ranked by
   * index order, which two indexing threads do not keep from one run to the next).
   */
  private static Map<String, String> snapshot(Path index, int gen) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Liaison liaison = Liaison.open(index)) {
      out.put("total", Integer.toString(liaison.searcher().documentCount()));
      out.put("mark", Long.toString(liaison.search(SearchRequest.of(mark(gen)).withTranslate(false)).total()));
      for (String q : List.of("common", "harbour", "经济联络")) {
        out.put(q, Long.toString(liaison.search(SearchRequest.of(q).withLimit(1)).total()));
      }
      for (String q : List.of("file7 OR file8 OR file14 OR file301", "folder:d3 AND harbour")) {
        SearchResponse r = liaison.search(SearchRequest.of(q).withLimit(50));
        out.put(q, r.total() + " " + r.hits().stream().map(Hit::id).sorted().toList());
      }
    }
    return out;
  }

  private static void assertClean(Path index, String when) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      check.setInfoStream(new PrintStream(log, true, UTF_8));
      assertTrue(check.checkIndex().clean, when + ": " + log.toString(UTF_8));
    }
  }
}
