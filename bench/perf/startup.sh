#!/usr/bin/env bash
# Start-up: time from launching `liaison serve` on the existing 100k index to the first answer to a
# cross-language query (so the bundled dictionary is loaded), REPEAT times, median.
#   bench/perf/startup.sh    (SKIP_BUILD=1 REPEAT=5 PORT=7172)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HERE/server.sh"
build
PORT="${PORT:-7172}"; INDEX="$WORK/index100k"; CORPUS="$WORK/corpus100k"
machine
runs=()
for i in $(seq "${REPEAT:-5}"); do
  start_server "$INDEX" "$CORPUS" "$PORT"
  ms=$(wait_ready "http://127.0.0.1:$PORT/api/search?q=%E6%96%87%E4%BB%B6%20%E6%9D%83%E9%99%90")
  rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
  stop_server
  echo "startup run=$i ms=$ms rssMB=$((rss/1024))"
  runs+=("$ms")
done
echo "MEDIAN startup to first cross-language answer: $(printf '%s\n' "${runs[@]}" | median) ms"
