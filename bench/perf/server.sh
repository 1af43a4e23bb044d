# Sourced: start_server INDEX CORPUS PORT [extra JVM args...] sets SERVER_PID and LAUNCH_NS; wait_ready URL.
# AOT=1 uses the ahead-of-time class cache as ./liaison serve does on JDK 25+ (written by the first
# run after a build, used by the later ones).
aot_flags() {
  local cache="${SERVER_JAR%.jar}.aot"
  if [ "${AOT:-}" != 1 ]; then return; fi
  if [ -f "$cache" ] && [ "$cache" -nt "$SERVER_JAR" ]; then echo "-XX:AOTCache=$cache"; else rm -f "$cache"; echo "-XX:AOTCacheOutput=$cache"; fi
  echo "-Xlog:aot*=off"; echo "-Xlog:cds*=off"
}
start_server() {
  local index="$1" corpus="$2" port="$3"; shift 3
  local aot; mapfile -t aot < <(aot_flags)
  LAUNCH_NS=$(date +%s%N)
  "$JAVA" "${LIAISON_JVM[@]}" "${aot[@]}" "$@" -jar "$SERVER_JAR" serve --index "$index" --corpus "$corpus" --port "$port" \
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
