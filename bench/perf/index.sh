#!/usr/bin/env bash
# Indexing: `liaison index --rebuild` (every feature on, 2 threads) vs a plain single-threaded
# Lucene + SmartChineseAnalyzer indexer, on bench/work/perf/corpus; then the analysis limit (JMH,
# analysis alone on the same text, 1 and 2 threads). Prints each run (wall seconds, max RSS, CPU
# share and CPU seconds, user + system) and the medians. Liaison runs with --no-versions: linking
# language versions, a step after indexing that plain Lucene has no counterpart for, is timed on
# its own (bench/crosslang/MERGE-SWEEP.md, session 30), so these figures stay comparable.
# AOT=1: Liaison with the ahead-of-time cache, as `./liaison index` runs on JDK 25+ (an untimed
# first run writes it when it is missing or older than the jar).
#   bench/perf/index.sh            (REPEAT=3 SKIP_BUILD=1 AOT=1 SERVER_JAR=... JMH_ARGS=...)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build
CORPUS="$WORK/corpus"
[ -d "$CORPUS" ] || { echo "run bench/perf/corpus.sh first" >&2; exit 1; }
BYTES=$(find "$CORPUS" -name '*.txt' -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
DOCS=$(find "$CORPUS" -name '*.txt' -type f | wc -l)
machine
echo "corpus: $DOCS documents, $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b/1048576}') MB)"
OUT="$WORK/index-runs.txt"; : > "$OUT"
AOT_FLAGS=()
if [ "${AOT:-}" = 1 ]; then
  cache="${SERVER_JAR%.jar}-index.aot"
  if ! { [ -f "$cache" ] && [ "$cache" -nt "$SERVER_JAR" ]; }; then
    rm -rf "$WORK/idx-liaison"
    "$JAVA" "${LIAISON_INDEX_JVM[@]}" -XX:AOTCacheOutput="$cache" -Xlog:aot*=off -Xlog:cds*=off -jar "$SERVER_JAR" index \
        --corpus "$CORPUS" --index "$WORK/idx-liaison" --rebuild --no-versions >/dev/null 2>&1
    echo "AOT cache written: $(du -h "$cache" | cut -f1)"
  fi
  AOT_FLAGS=(-XX:AOTCache="$cache" -Xlog:aot*=off -Xlog:cds*=off)
fi
for i in $(seq "$REPEAT"); do
  rm -rf "$WORK/idx-liaison" "$WORK/idx-plain"
  s=$(date +%s.%N)
  /usr/bin/time -f "%M %P %U %S" -o "$WORK/rss" "$JAVA" "${LIAISON_INDEX_JVM[@]}" "${AOT_FLAGS[@]}" -jar "$SERVER_JAR" index \
      --corpus "$CORPUS" --index "$WORK/idx-liaison" --rebuild --no-versions >/dev/null 2>&1
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l)
  echo "liaison run=$i seconds=$t rssKB,cpu=$(cut -d' ' -f1,2 "$WORK/rss" | tr " " ,) cpuSeconds=$(awk '{print $3 + $4}' "$WORK/rss") load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT"
  s=$(date +%s.%N)
  /usr/bin/time -f "%M %P %U %S" -o "$WORK/rss" "$JAVA" -XX:+UseParallelGC -cp "$BENCH_JAR" io.liaison.bench.PlainLuceneIndexer \
      "$CORPUS" "$WORK/idx-plain" >/dev/null
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l)
  echo "plain run=$i seconds=$t rssKB,cpu=$(cut -d' ' -f1,2 "$WORK/rss" | tr " " ,) cpuSeconds=$(awk '{print $3 + $4}' "$WORK/rss") load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT"
done
for k in liaison plain; do
  m=$(grep "^$k " "$OUT" | sed 's/.*seconds=\([0-9.]*\).*/\1/' | median)
  awk -v k="$k" -v m="$m" -v b="$BYTES" -v d="$DOCS" \
    'BEGIN {printf "MEDIAN %s: %.1f s (whole process)  %.2f MB/s  %.0f docs/s\n", k, m, b/1048576/m, d/m}'
  c=$(grep "^$k " "$OUT" | sed 's/.*cpuSeconds=\([0-9.]*\).*/\1/' | median)
  echo "MEDIAN $k CPU: $c s (user + system)"
done
echo "index sizes: liaison $(du -sh "$WORK/idx-liaison" | cut -f1), plain $(du -sh "$WORK/idx-plain" | cut -f1)"
# The limit: analysis alone, in memory (ANALYSIS=0 skips it).
[ "${ANALYSIS:-1}" = 1 ] || exit 0
"$JAVA" -jar "$BENCH_JAR" AnalysisBenchmark -jvmArgsAppend "-XX:+UseParallelGC -Xss4m ${LIAISON_HUGE_FLAGS[*]} -Dperf.corpus=$CORPUS" -t 1 -rf json -rff "$WORK/analysis-t1.json" ${JMH_ARGS:-} \
  | grep -E "^(Benchmark|AnalysisBenchmark)"
"$JAVA" -jar "$BENCH_JAR" AnalysisBenchmark -jvmArgsAppend "-XX:+UseParallelGC -Xss4m ${LIAISON_HUGE_FLAGS[*]} -Dperf.corpus=$CORPUS" -t 2 -rf json -rff "$WORK/analysis-t2.json" ${JMH_ARGS:-} \
  | grep -E "^(Benchmark|AnalysisBenchmark)"
