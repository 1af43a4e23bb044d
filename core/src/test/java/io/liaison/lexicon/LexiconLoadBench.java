package io.liaison.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Times loading the bundled lexicon and measures the heap it retains; run by
 * bench/lexicon/load-bench.sh. Extra arguments are looked up and printed.
 */
public final class LexiconLoadBench {
  private LexiconLoadBench() {}

  public static void main(String[] args) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long[] times = new long[5];
    Lexicon lexicon = null;
    for (int i = 0; i < times.length; i++) {
      lexicon = null;
      usedAfterGc(memory);
      long t0 = System.nanoTime();
      try (InputStream in = Lexicon.class.getResourceAsStream(LexiconFormat.RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("lexicon resource missing: build core first");
        }
        lexicon = Lexicon.load(in);
      }
      times[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    long retained = usedAfterGc(memory) - before;
    System.out.printf(
        "load ms: first %d, then %s%n", times[0], java.util.Arrays.toString(times).replace("[", "").replace("]", ""));
    System.out.printf("retained heap after GC: %.1f MB%n", retained / 1048576.0);
    System.out.printf(
        "entries: %d English, %d Chinese; longest phrase %d words, longest Chinese %d chars%n",
        lexicon.englishEntries(),
        lexicon.chineseEntries(),
        lexicon.longestEnglishPhrase(),
        lexicon.longestChineseEntry());
    for (String term : args) {
      List<Translation> t =
          term.codePoints().anyMatch(cp -> cp > 0x2E80) ? lexicon.toEnglish(term) : lexicon.toChinese(term);
      StringBuilder line = new StringBuilder(term).append(" ->");
      for (Translation x : t) {
        line.append(String.format(" %s %.3f,", x.text(), x.weight()));
      }
      System.out.println(line);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
