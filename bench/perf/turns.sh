#!/usr/bin/env bash
# Runs one benchmark under two settings in turns, ROUNDS times (default 3), so that a machine whose
# speed drifts during the runs (as these VMs' did) weighs on both alike. A and B are settings,
# space-separated VAR=value words ('' for none); the rest is the command, run with them in its
# environment. Every before/after in RESULTS.md since session 21 was measured in turns.
#   bench/perf/turns.sh 'LIAISON_HUGE=off' '' SKIP_BUILD=1 REPEAT=5 AOT=1 bench/perf/startup.sh
#   ROUNDS=5 bench/perf/turns.sh 'SERVER_JAR=/tmp/base/server/target/liaison-server.jar' '' SKIP_BUILD=1 bench/perf/startup.sh
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
a="$1"; b="$2"; shift 2
for round in $(seq "${ROUNDS:-3}"); do
  for side in A B; do
    if [ "$side" = A ]; then setting="$a"; else setting="$b"; fi
    echo "== round $round $side: ${setting:-(no setting)} $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    read -r -a vars <<<"$setting"
    env ${vars[@]+"${vars[@]}"} "$@"
  done
done
