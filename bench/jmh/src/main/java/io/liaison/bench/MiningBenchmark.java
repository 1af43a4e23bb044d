package io.liaison.bench;

import io.liaison.lexicon.AliasMiner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alias mining alone ({@link AliasMiner#mine}, as the indexer calls it on every document), on the
 * indexing corpus in memory: the cost the profile of {@code liaison index} puts first. Same shape
 * as {@link AnalysisBenchmark}; {@code bytes} per second is directly comparable with it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xss4m"})
public class MiningBenchmark {

  @State(Scope.Benchmark)
  public static class Texts {
    List<String> texts;
    int[] utf8;
    final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void load() {
      texts = Corpus.texts(Path.of(System.getProperty("perf.corpus", "bench/work/perf/corpus")));
      utf8 = texts.stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).toArray();
    }
  }

  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long bytes;
  }

  @Benchmark
  public int mine(Texts t, Counters c) {
    int i = Math.floorMod(t.next.getAndIncrement(), t.texts.size());
    c.bytes += t.utf8[i];
    return AliasMiner.mine(t.texts.get(i)).size();
  }
}
