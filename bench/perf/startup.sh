#!/usr/bin/env bash
# Start-up: time from launching `liaison serve` on the existing 100k index to the first answer to a
# cross-language query (so the bundled dictionary is loaded), REPEAT times, median. Also the CPU
# time the server process had used by then (user + system, all threads), which the load of other
# processes on the machine disturbs much less than the wall time.
# AOT=1: with the ahead-of-time class cache, as `./liaison serve` runs on JDK 25+ (an untimed first
# run writes it when the cache is missing or older than the jar).
#   bench/perf/startup.sh    (SKIP_BUILD=1 REPEAT=5 PORT=7172 INDEX=... SERVER_JAR=... AOT=1)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HERE/server.sh"
build
PORT="${PORT:-7172}"; INDEX="${INDEX:-$WORK/index100k}"; CORPUS="$WORK/corpus100k"
machine
runs=(); cpus=()
cache="${SERVER_JAR%.jar}.aot"
if [ "${AOT:-}" = 1 ] && ! { [ -f "$cache" ] && [ "$cache" -nt "$SERVER_JAR" ]; }; then
  start_server "$INDEX" "$CORPUS" "$PORT"
  wait_ready "http://127.0.0.1:$PORT/api/search?q=%E6%96%87%E4%BB%B6%20%E6%9D%83%E9%99%90" >/dev/null
  stop_server
  echo "AOT cache written: $(du -h "$cache" | cut -f1)"
fi
tick=$(getconf CLK_TCK)
for i in $(seq "${REPEAT:-5}"); do
  start_server "$INDEX" "$CORPUS" "$PORT"
  ms=$(wait_ready "http://127.0.0.1:$PORT/api/search?q=%E6%96%87%E4%BB%B6%20%E6%9D%83%E9%99%90")
  cpu=$(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' /proc/$SERVER_PID/stat)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
  stop_server
  echo "startup run=$i ms=$ms cpuMs=$cpu rssMB=$((rss/1024)) load=$(cut -d' ' -f1 /proc/loadavg)"
  runs+=("$ms"); cpus+=("$cpu")
done
echo "MEDIAN startup to first cross-language answer: $(printf '%s\n' "${runs[@]}" | median) ms wall, $(printf '%s\n' "${cpus[@]}" | median) ms CPU"
