#!/usr/bin/env bash
# In-process query latency (JMH sample mode, 1 thread: p50/p99) and throughput (JMH thrpt at 1, 8,
# 32 threads), monolingual (translate off) and cross-language, on the 100k index.
#   bench/perf/query.sh     (SKIP_BUILD=1 LATENCY=0 THRPT=0 TAG=name JMH_ARGS=... QUERIES=file)
# QUERIES: the query texts (default queries.txt, keyword pairs; queries-questions.txt: Chinese questions;
# queries-questions-traditional.txt: the same kind in Traditional characters and Taiwan's words).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build
[ -d "$WORK/index100k" ] || { echo "run bench/perf/index100k.sh first" >&2; exit 1; }
machine
# The launcher's flags (common.sh), which replace the ones QueryBenchmark's @Fork names.
ARGS=(-jvmArgsAppend "${LIAISON_JVM[*]} -Dperf.index=$WORK/index100k -Dperf.queries=${QUERIES:-$HERE/queries.txt} -Dperf.glossary=$ROOT/index-data/glossary.tsv")
[ "${LATENCY:-1}" = 1 ] && "$JAVA" -jar "$BENCH_JAR" QueryBenchmark -bm sample -t 1 "${ARGS[@]}" -rf json -rff "$WORK/query-latency${TAG:+-$TAG}.json" ${JMH_ARGS:-} \
  | grep -E "^(Benchmark|QueryBenchmark)" | grep -E "Benchmark +|p0.50|p0.99|search +"
[ "${THRPT:-1}" = 1 ] || exit 0
for t in 1 8 32; do
  "$JAVA" -jar "$BENCH_JAR" QueryBenchmark -bm thrpt -tu s -t "$t" -wi 2 -w 5 -i 3 -r 6 "${ARGS[@]}" \
      -rf json -rff "$WORK/query-thrpt-$t${TAG:+-$TAG}.json" ${JMH_ARGS:-} | grep -E "^QueryBenchmark" | sed "s/^/threads=$t /"
done
