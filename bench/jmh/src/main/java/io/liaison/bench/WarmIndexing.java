package io.liaison.bench;

import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Diagnostic: indexing throughput without the process's fixed costs. Rebuilds the index of the
 * corpus ROUNDS times in one JVM (every feature on, as {@code liaison index --rebuild}, into fresh
 * folders) and prints each round's wall time, MB/s and the process CPU seconds it used. The first
 * round pays for class loading and JIT compilation, as a {@code liaison index} process does; the
 * later ones are the streaming rate that the analysis limit (AnalysisBenchmark, also warmed up)
 * can be compared with.
 *
 * <p>{@code java -cp benchmarks.jar io.liaison.bench.WarmIndexing CORPUS WORKDIR [ROUNDS] [THREADS]}
 */
public final class WarmIndexing {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 1; r <= rounds; r++) {
      Path index = work.resolve("warm-" + r);
      delete(index);
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      IndexSummary s = new Indexer(Indexer.Options.of(corpus, index).withRebuild(true).withThreads(threads)).run();
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %d documents, %.2f s, %.2f MB/s, %.2f CPU s (%.0f %%)%n", r, s.documents(),
          seconds, s.bytesRead() / 1048576.0 / seconds, cpuSeconds, 100 * cpuSeconds / seconds);
      delete(index);
    }
  }

  private static void delete(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
