#!/usr/bin/env bash
# HTTP throughput: `liaison serve` on the 100k index, wrk over loopback at concurrency 1, 8, 32,
# monolingual (translate=false) and cross-language, DURATION s each after a warm-up; then memory
# (RSS, heap used, heap live after a full GC) of the loaded server.
#   bench/perf/http.sh     (SKIP_BUILD=1 DURATION=15 PORT=7171 XMX=)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HERE/server.sh"
build
PORT="${PORT:-7171}"; DURATION="${DURATION:-15}"
INDEX="$WORK/index100k"; CORPUS="$WORK/corpus100k"
[ -d "$INDEX" ] || { echo "run bench/perf/index100k.sh first" >&2; exit 1; }
machine
start_server "$INDEX" "$CORPUS" "$PORT" ${XMX:+-Xmx$XMX} ${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile}
trap stop_server EXIT
echo "ready after $(wait_ready "http://127.0.0.1:$PORT/api/search?q=file") ms (pid $SERVER_PID${XMX:+, -Xmx$XMX})"
export QUERIES="$HERE/queries.txt"
for mode in false true; do # warm-up
  TRANSLATE=$mode wrk -t2 -c8 -d10s -s "$HERE/queries.lua" "http://127.0.0.1:$PORT" >/dev/null
done
for mode in false true; do
  for c in 1 8 32; do
    t=$(( c < 2 ? 1 : 2 ))
    r=$(TRANSLATE=$mode wrk -t$t -c$c -d${DURATION}s --timeout 10s -s "$HERE/queries.lua" "http://127.0.0.1:$PORT" | grep RESULT)
    echo "http translate=$mode c=$c $r"
  done
done
rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
echo "memory: RSS $((rss/1024)) MB (peak $((hwm/1024)) MB)"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info | grep -E "PSYoungGen|ParOldGen|Metaspace|garbage-first heap|region size"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null
echo "after a full GC (live heap):"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info | grep -E "PSYoungGen|ParOldGen|Metaspace|garbage-first heap|region size"
