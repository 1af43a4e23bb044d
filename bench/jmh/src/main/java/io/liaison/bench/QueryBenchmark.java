package io.liaison.bench;

import io.liaison.Liaison;
import io.liaison.query.Ablation;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm query latency and in-process throughput on an existing index: the full request path of
 * {@link Liaison#search} (parse, translate, search, facets, snippets), 10 hits, as the HTTP API
 * answers it. {@code mono} is {@code withTranslate(false)}, {@code cross} the default translated
 * search; {@code mono-no-bigrams} and {@code cross-no-bigrams} the same without the Han bigram
 * clause ({@code --ablate bigrams}), to price it; {@code cross-no-documents} the translated search
 * without the clause on the pages' renderings ({@code --ablate documents}). All over the same query texts
 * (bench/perf/queries.txt), cycled per thread.
 *
 * <p>Latency: {@code -bm sample -t 1} (p50/p99 from JMH's histogram). Throughput: {@code -bm thrpt
 * -t 1|8|32}. {@code -Dperf.index=DIR -Dperf.queries=FILE -Dperf.glossary=FILE}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 6)
// The launcher's flags (./liaison, where Linux leaves huge pages to the program; elsewhere the JVM
// warns that it cannot have them and runs without); searches skip Lucene's prefetch through
// NoPrefetchDirectory. bench/perf/query.sh passes the flags the launcher would use here instead.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xss4m", "-XX:+UseTransparentHugePages"})
public class QueryBenchmark {

  @State(Scope.Benchmark)
  public static class Index {
    @Param({"mono", "mono-no-bigrams", "cross", "cross-no-bigrams", "cross-no-documents"})
    public String mode;

    Liaison liaison;
    List<SearchRequest> requests;

    @Setup(Level.Trial)
    public void open() throws IOException {
      Path index = Path.of(System.getProperty("perf.index", "bench/work/perf/index100k"));
      Path glossary = Path.of(System.getProperty("perf.glossary", "index-data/glossary.tsv"));
      Path queries = Path.of(System.getProperty("perf.queries", "bench/perf/queries.txt"));
      liaison = Liaison.open(index, glossary);
      boolean translate = mode.startsWith("cross");
      Set<Ablation> ablations = EnumSet.noneOf(Ablation.class);
      if (mode.endsWith("-no-bigrams")) {
        ablations.add(Ablation.BIGRAMS);
      }
      if (mode.endsWith("-no-documents")) {
        ablations.add(Ablation.DOCUMENTS);
      }
      requests = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(q -> SearchRequest.of(q).withLimit(10).withTranslate(translate).withAblations(ablations))
          .toList();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      liaison.close();
    }
  }

  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public long search(Index index, Cursor cursor) throws IOException {
    SearchRequest r = index.requests.get(cursor.next++ % index.requests.size());
    SearchResponse response = index.liaison.search(r);
    return response.total() + response.hits().size();
  }
}
