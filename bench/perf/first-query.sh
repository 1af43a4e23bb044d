#!/usr/bin/env bash
# The first user's search: start `liaison serve` on the existing 100k index, wait until the page
# answers, wait WAIT seconds more (a user opening the page), then time one translated query and a
# second one with curl. REPEAT runs. What the start-up warm-up search (Liaison.warmUp) is for.
#   bench/perf/first-query.sh    (SKIP_BUILD=1 REPEAT=3 WAIT=4 PORT=7188 INDEX=... SERVER_JAR=... AOT=1)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HERE/server.sh"
build
PORT="${PORT:-7188}"; INDEX="${INDEX:-$WORK/index100k}"; CORPUS="$WORK/corpus100k"
machine
for i in $(seq "${REPEAT:-3}"); do
  start_server "$INDEX" "$CORPUS" "$PORT"
  for _ in $(seq 1500); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.02; done
  sleep "${WAIT:-4}"
  first=$(curl -fs -o /dev/null -w "%{time_total}" "http://127.0.0.1:$PORT/api/search?q=%E9%85%8D%E7%BD%AE%E6%96%87%E4%BB%B6")
  second=$(curl -fs -o /dev/null -w "%{time_total}" "http://127.0.0.1:$PORT/api/search?q=mount%20file%20system")
  stop_server
  echo "first-query run=$i first=${first}s second=${second}s"
done
