package io.liaison.bench;

import io.liaison.Liaison;
import io.liaison.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Diagnostic, not a benchmark: which query texts make the latency tail. Warms up, then runs every
 * query ROUNDS times interleaved, mono and cross, and prints each query's median, hits and
 * concepts, slowest cross first, then the pooled p50 and p99 of all runs.
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.liaison.bench.PerQuery INDEX QUERIES GLOSSARY [ROUNDS]}
 * (the flag as {@code ./liaison} runs: see there)
 *
 * <p>With {@code -Dperf.clock=cpu} it measures the searching thread's CPU time instead of the wall
 * clock (a search runs on its calling thread): on a machine shared with other work the wall clock
 * mostly measures the waits for a core. With {@code -Dperf.ablate=proximity} (any {@link
 * io.liaison.query.Ablation}s, comma-separated) both modes run with those parts switched off, to
 * see what one of them costs.
 */
public final class PerQuery {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    boolean cpu = "cpu".equals(System.getProperty("perf.clock"));
    java.util.Set<io.liaison.query.Ablation> ablations = java.util.Arrays.stream(System.getProperty("perf.ablate", "").split(","))
        .filter(a -> !a.isBlank()).map(a -> io.liaison.query.Ablation.valueOf(a.trim().toUpperCase(Locale.ROOT)))
        .collect(java.util.stream.Collectors.toSet());
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    List<String> queries = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    try (Liaison liaison = Liaison.open(Path.of(args[0]), Path.of(args[2]))) {
      long[][][] t = new long[queries.size()][2][rounds];
      long[][] total = new long[queries.size()][2];
      int[][] terms = new int[queries.size()][2];
      for (int warm = 0; warm < 10; warm++) {
        for (String q : queries) {
          liaison.search(SearchRequest.of(q).withLimit(10).withAblations(ablations).withTranslate(false));
          liaison.search(SearchRequest.of(q).withLimit(10).withAblations(ablations));
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < queries.size(); i++) {
          for (int m = 0; m < 2; m++) {
            long s = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            var resp = liaison.search(SearchRequest.of(queries.get(i)).withLimit(10).withAblations(ablations).withTranslate(m == 1));
            t[i][m][r] = (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - s;
            total[i][m] = resp.total();
            terms[i][m] = resp.expansion().stream().mapToInt(c -> c.alternatives().size()).sum();
          }
        }
      }
      Integer[] order = new Integer[queries.size()];
      Arrays.setAll(order, i -> i);
      double[][] med = new double[queries.size()][2];
      for (int i = 0; i < queries.size(); i++) {
        for (int m = 0; m < 2; m++) {
          long[] x = t[i][m].clone();
          Arrays.sort(x);
          med[i][m] = x[rounds / 2] / 1e6;
        }
      }
      Arrays.sort(order, (a, b) -> Double.compare(med[b][1], med[a][1]));
      System.out.println("query\tmono_ms\tcross_ms\tmono_hits\tcross_hits\tcross_terms");
      for (int i : order) {
        System.out.printf(Locale.ROOT, "%s\t%.2f\t%.2f\t%d\t%d\t%d%n", queries.get(i), med[i][0], med[i][1],
            total[i][0], total[i][1], terms[i][1]);
      }
      for (int m = 0; m < 2; m++) {
        long[] all = new long[queries.size() * rounds];
        for (int i = 0; i < queries.size(); i++) {
          System.arraycopy(t[i][m], 0, all, i * rounds, rounds);
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "POOLED %s (%s): p50 %.2f ms, p99 %.2f ms, n %d%n", m == 0 ? "mono" : "cross",
            cpu ? "CPU time" : "wall clock", all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
      }
    }
  }
}
