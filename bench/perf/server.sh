# Sourced: start_server INDEX CORPUS PORT [extra JVM args...] sets SERVER_PID and LAUNCH_NS; wait_ready URL.
start_server() {
  local index="$1" corpus="$2" port="$3"; shift 3
  LAUNCH_NS=$(date +%s%N)
  "$JAVA" "${LIAISON_JVM[@]}" "$@" -jar "$SERVER_JAR" serve --index "$index" --corpus "$corpus" --port "$port" \
    > "$WORK/server-$port.log" 2>&1 &
  SERVER_PID=$!
}
wait_ready() { # prints ms from launch to the first 200 answer to URL
  local url="$1"
  for _ in $(seq 3000); do
    if curl -fs -o /dev/null "$url"; then
      echo $(( ($(date +%s%N) - LAUNCH_NS) / 1000000 )); return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see $WORK/server log" >&2; return 1; }
    sleep 0.02
  done
  return 1
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
