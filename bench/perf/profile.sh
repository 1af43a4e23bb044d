#!/usr/bin/env bash
# JFR execution-sample profiles, summarised with jfr-top.py:
#   query: QueryBenchmark (in process, 1 thread) under JMH's JFR profiler, for MODE (cross|mono)
#   index: `liaison index --rebuild` on the 32 MB corpus with -XX:StartFlightRecording
#   startup: `liaison serve` on the 100k index until the first answer
#   bench/perf/profile.sh query|index|startup [TAG]     (SKIP_BUILD=1 MODE=cross QUERIES=file)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build
what="${1:?query or index}"; tag="${2:-now}"
out="$WORK/profile-$what-$tag"; rm -rf "$out"; mkdir -p "$out"
if [ "$what" = query ]; then
  "$JAVA" -jar "$BENCH_JAR" QueryBenchmark -p mode="${MODE:-cross}" -bm thrpt -t 1 -wi 1 -w 5 -i 2 -r 10 \
    -jvmArgsAppend "${LIAISON_JVM[*]} -Dperf.index=$WORK/index100k -Dperf.queries=${QUERIES:-$HERE/queries.txt} -Dperf.glossary=$ROOT/index-data/glossary.tsv" \
    -prof "jfr:dir=$out" | grep -E "^QueryBenchmark"
  rec=$(find "$out" -name '*.jfr' | head -1)
elif [ "$what" = startup ]; then
  source "$HERE/server.sh"
  rec="$out/startup.jfr"
  start_server "$WORK/index100k" "$WORK/corpus100k" 7173 -XX:StartFlightRecording=filename="$rec",settings=profile
  echo "ready after $(wait_ready "http://127.0.0.1:7173/api/search?q=%E6%96%87%E4%BB%B6") ms"
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.dump name=1 filename="$rec" >/dev/null
  stop_server
else
  rec="$out/index.jfr"
  "$JAVA" "${LIAISON_INDEX_JVM[@]}" -XX:StartFlightRecording=filename="$rec",settings=profile -jar "$SERVER_JAR" index \
    --corpus "$WORK/corpus" --index "$WORK/idx-profile" --rebuild 2>&1 | tail -1
fi
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$rec" | python3 "$HERE/jfr-top.py" 40 | tee "$out/top.txt"
