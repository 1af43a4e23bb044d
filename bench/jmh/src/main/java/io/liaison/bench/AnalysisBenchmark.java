package io.liaison.bench;

import io.liaison.analysis.HanBigramAnalyzer;
import io.liaison.analysis.LiaisonAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analysis limit: tokenizing the indexing corpus's text, already in memory, with no index. One
 * operation analyzes one document (title is the file's text here, as the body); the corpus is
 * cycled through by all threads. {@code bytes} (UTF-8) and {@code chars} counters give MB/s and
 * chars/s. Run with {@code -t 2} for the 2-core limit. {@code -Dperf.corpus=DIR}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xss4m"})
public class AnalysisBenchmark {

  @State(Scope.Benchmark)
  public static class Texts {
    @Param({"liaison", "smartcn", "han-bigrams"})
    public String analyzer;

    List<String> texts;
    int[] utf8;
    Analyzer a;
    final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void load() {
      texts = Corpus.texts(Path.of(System.getProperty("perf.corpus", "bench/work/perf/corpus")));
      utf8 = texts.stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).toArray();
      a = switch (analyzer) {
        case "liaison" -> new LiaisonAnalyzer();
        case "han-bigrams" -> new HanBigramAnalyzer(); // the second field every text goes through
        default -> new SmartChineseAnalyzer();
      };
    }
  }

  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long bytes;
    public long chars;
  }

  @Benchmark
  public long analyze(Texts t, Counters c) throws IOException {
    int i = Math.floorMod(t.next.getAndIncrement(), t.texts.size());
    String text = t.texts.get(i);
    long tokens = 0;
    try (TokenStream ts = t.a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens += term.length();
      }
      ts.end();
    }
    c.bytes += t.utf8[i];
    c.chars += text.length();
    return tokens;
  }
}
