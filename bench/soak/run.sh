#!/usr/bin/env bash
# Soak test: `./liaison serve` on a random free port of 127.0.0.1, a 2000-file generated corpus,
# wrk at concurrency 32 for 60 s (SOAK_SECONDS, SOAK_CONNECTIONS), and a full rebuild started
# through POST /api/index/rebuild half-way. Fails (exit 1) on any 5xx, any socket error, a
# rebuild that does not succeed, or live heap growing by more than 50 % from start to end.
# Writes bench/soak/results/latest.txt; RESULTS.md quotes it. Loopback only; bounded in time.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SECONDS_TOTAL="${SOAK_SECONDS:-60}"
CONNECTIONS="${SOAK_CONNECTIONS:-32}"
FILES="${SOAK_FILES:-2000}"

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || apt-get install -y -qq curl >/dev/null

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "soak: generating $FILES files in $WORK/corpus"
words=(liaison office economic trade harbour report council common shipping province delegation
       经济 联络 中心 中国 政府 贸易 报告 港口 代表团 合作)
for ((i = 0; i < FILES; i++)); do
  d="$WORK/corpus/d$((i % 10))"
  mkdir -p "$d"
  {
    echo "Report $i on ${words[$((i % ${#words[@]}))]}"
    for ((l = 0; l < 8; l++)); do
      echo "${words[$(((i + l) % ${#words[@]}))]} ${words[$(((i * 7 + l) % ${#words[@]}))]} common line $l of document $i ${words[$(((i * 3 + l) % ${#words[@]}))]}"
    done
  } >"$d/doc$i.txt"
done
printf '# soak glossary\n中国经济联络中心\tChina Economic Liaison Center\tCECC\n' >"$WORK/glossary.tsv"

LIAISON_ADMIN_TOKEN="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export LIAISON_ADMIN_TOKEN
"$ROOT/liaison" serve --corpus "$WORK/corpus" --index "$WORK/index" --glossary "$WORK/glossary.tsv" \
  --host 127.0.0.1 --port 0 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 600); do # up to 5 minutes: the first run may build the jar and index the corpus
  # "Liaison is serving INDEX at http://127.0.0.1:PORT/"
  PORT="$(sed -n 's|.*serving .* at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/server.log" | head -n 1)"
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; echo "soak: the server died" >&2; exit 1; }
  sleep 0.5
done
[ -n "$PORT" ] || { echo "soak: the server did not start" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
# The launcher execs java, except on the first run after a build, when it stays to assemble the
# ahead-of-time cache once java ends: then java is its child.
JAVA_PID="$(pgrep -P "$SERVER_PID" -x java || echo "$SERVER_PID")"
echo "soak: server at $BASE (pid $JAVA_PID)"

heap() { # heap used after a full GC, in MB; and the same without the GC
  local raw live
  raw="$(curl -sf "$BASE/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.1f", s / 1048576}')"
  "$(dirname "$(readlink -f "/proc/$JAVA_PID/exe")")/jcmd" "$JAVA_PID" GC.run >/dev/null
  live="$(curl -sf "$BASE/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.1f", s / 1048576}')"
  echo "$live $raw"
}

echo "soak: warm-up 10 s"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$HERE/queries.lua" "$BASE" >"$WORK/warmup.txt"
read -r HEAP_START HEAP_START_RAW <<<"$(heap)"
DOCS_START="$(curl -sf "$BASE/health")"

echo "soak: $SECONDS_TOTAL s at concurrency $CONNECTIONS, rebuild at $((SECONDS_TOTAL / 2)) s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TOTAL}s" --timeout 10s --latency -s "$HERE/queries.lua" "$BASE" >"$WORK/wrk.txt" &
WRK_PID=$!
sleep "$((SECONDS_TOTAL / 2))"
REBUILD_CODE="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $LIAISON_ADMIN_TOKEN" "$BASE/api/index/rebuild")"
REBUILD_STATE="running"
for _ in $(seq 1 240); do
  REBUILD_STATE="$(curl -sf -H "Authorization: Bearer $LIAISON_ADMIN_TOKEN" "$BASE/api/index/status" |
    sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')"
  [ "$REBUILD_STATE" = "running" ] || break
  sleep 0.5
done
REBUILD_MS="$(curl -sf -H "Authorization: Bearer $LIAISON_ADMIN_TOKEN" "$BASE/api/index/status" | sed -n 's/.*"elapsedMs":\([0-9]*\).*/\1/p')"
wait "$WRK_PID"
read -r HEAP_END HEAP_END_RAW <<<"$(heap)"
DOCS_END="$(curl -sf "$BASE/health")"
THREADS_END="$(curl -sf "$BASE/metrics" | awk '/^jvm_threads_live_threads/ {print $NF}')"

mkdir -p "$HERE/results"
OUT="$HERE/results/latest.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), $("$(dirname "$(readlink -f "/proc/$JAVA_PID/exe")")/java" -version 2>&1 | head -n 1)"
  echo "command: bench/soak/run.sh (wrk -t2 -c$CONNECTIONS -d${SECONDS_TOTAL}s --timeout 10s --latency -s bench/soak/queries.lua)"
  echo "corpus: $FILES generated files; health at start $DOCS_START, at end $DOCS_END"
  echo "rebuild: POST at $((SECONDS_TOTAL / 2)) s -> HTTP $REBUILD_CODE, final state $REBUILD_STATE, ${REBUILD_MS:-?} ms"
  echo "heap_mb_after_full_gc: start $HEAP_START end $HEAP_END (before that GC: start $HEAP_START_RAW end $HEAP_END_RAW)"
  echo "threads_at_end: $THREADS_END"
  grep -E '^(STATUS|LATENCY_MS|ERRORS|TOTAL)' "$WORK/wrk.txt"
  echo "--- wrk"
  sed -n '/Running/,/Transfer/p' "$WORK/wrk.txt"
} >"$OUT"
cat "$OUT"

fail=0
grep -q ' 5xx=0 ' "$OUT" || { echo "soak: FAIL: 5xx responses" >&2; fail=1; }
grep -q '^ERRORS connect=0 read=0 write=0 timeout=0' "$OUT" || { echo "soak: FAIL: socket errors" >&2; fail=1; }
[ "$REBUILD_CODE" = "202" ] && [ "$REBUILD_STATE" = "succeeded" ] || { echo "soak: FAIL: rebuild $REBUILD_CODE $REBUILD_STATE" >&2; fail=1; }
awk -v s="$HEAP_START" -v e="$HEAP_END" 'BEGIN { exit !(e <= s * 1.5 + 16) }' || { echo "soak: FAIL: heap grew from $HEAP_START to $HEAP_END MB" >&2; fail=1; }
[ "$fail" = 0 ] && echo "soak: PASS"
exit "$fail"
