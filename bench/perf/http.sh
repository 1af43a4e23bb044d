#!/usr/bin/env bash
# HTTP throughput: `liaison serve` on the 100k index, wrk over loopback at concurrency 1, 8, 32,
# monolingual (translate=false) and cross-language, DURATION s each after a warm-up; then memory
# (RSS, heap used, heap live after a full GC) of the loaded server. Each run also prints the server's
# CPU time per request (all its threads, user + system), which a shared machine disturbs less than
# the rate.
# Warm-up: WARMUP s per mode at c = 8, then 10 s per mode at c = 1. The JIT needs about a minute of
# this load to settle (on 2 cores it competes with the requests): with the former 10 s per mode,
# the first measured run (mono, c = 1) still spent 2-4 ms of CPU per request, the settled server
# 1.2-1.5 ms, and the in-process benchmark is measured settled.
#   bench/perf/http.sh     (SKIP_BUILD=1 DURATION=15 WARMUP=30 PORT=7171 XMX=)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HERE/server.sh"
if ! command -v wrk >/dev/null; then # Debian's package; needs root to install
  [ "$(id -u)" -eq 0 ] || { echo "http.sh: wrk is missing; install it (apt-get install wrk) or run as root" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
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
  TRANSLATE=$mode wrk -t2 -c8 -d"${WARMUP:-30}"s -s "$HERE/queries.lua" "http://127.0.0.1:$PORT" >/dev/null
done
for mode in false true; do
  TRANSLATE=$mode wrk -t1 -c1 -d10s -s "$HERE/queries.lua" "http://127.0.0.1:$PORT" >/dev/null
done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
tick=$(getconf CLK_TCK)
for mode in false true; do
  for c in 1 8 32; do
    t=$(( c < 2 ? 1 : 2 ))
    c0=$(cpu_ticks)
    out=$(TRANSLATE=$mode wrk -t$t -c$c -d${DURATION}s --timeout 10s -s "$HERE/queries.lua" "http://127.0.0.1:$PORT")
    c1=$(cpu_ticks)
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "http translate=$mode c=$c $(echo "$out" | grep RESULT) serverCpuMsPerRequest=$(awk -v a="$c0" -v b="$c1" -v t="$tick" -v n="$n" 'BEGIN {printf "%.3f", (b - a) * 1000 / t / n}') load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
echo "memory: RSS $((rss/1024)) MB (peak $((hwm/1024)) MB)"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info | grep -E "PSYoungGen|ParOldGen|Metaspace|garbage-first heap|region size"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null
echo "after a full GC (live heap):"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info | grep -E "PSYoungGen|ParOldGen|Metaspace|garbage-first heap|region size"
