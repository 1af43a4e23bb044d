# Sourced by the bench/perf scripts.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/bench/work/perf"
# The JDK the launcher runs with: JAVA_HOME when it is 21 or newer, else as `./liaison` finds one.
JAVA_HOME="$("$ROOT/liaison" jdk)" # a plain assignment, so that set -e stops here when there is none
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
# SERVER_JAR / BENCH_JAR may point at another build (say, of the base commit) for a before/after run.
SERVER_JAR="${SERVER_JAR:-$ROOT/server/target/liaison-server.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/jmh/target/benchmarks.jar}"
# The launcher's JVM flags (see ./liaison), so measurements match `./liaison ...`. LIAISON_NATIVE
# replaces the native-access flag of the serving JVM, to measure a build that ran with another one
# (before session 22 the launcher served with --illegal-native-access=deny).
LIAISON_NATIVE="${LIAISON_NATIVE:---enable-native-access=ALL-UNNAMED}"
# Transparent huge pages as the launcher asks for them (since session 23): where the kernel leaves
# them to the program. LIAISON_HUGE=off measures without them, as the launcher ran before.
LIAISON_HUGE_FLAGS=()
if [ "${LIAISON_HUGE:-}" != off ] && [ -r /sys/kernel/mm/transparent_hugepage/enabled ] &&
  grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  LIAISON_HUGE_FLAGS=(-XX:+UseTransparentHugePages)
fi
LIAISON_JVM=("$LIAISON_NATIVE" -XX:+UseParallelGC -Xss4m ${LIAISON_HUGE_FLAGS[@]+"${LIAISON_HUGE_FLAGS[@]}"} -Dliaison.home="$ROOT")
LIAISON_INDEX_JVM=(--enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xss4m ${LIAISON_HUGE_FLAGS[@]+"${LIAISON_HUGE_FLAGS[@]}"} -Dliaison.home="$ROOT")
REPEAT="${REPEAT:-3}"
mkdir -p "$WORK"

build() { # root install (needed by the JMH module) then the benchmark jar
  if [ "${SKIP_BUILD:-}" != 1 ]; then
    (cd "$ROOT" && mvn -B -q -ntp -DskipTests install)
    (cd "$ROOT" && mvn -B -q -ntp -f bench/jmh/pom.xml package)
  fi
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

machine() {
  echo "date: $(date -u +%FT%TZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
}
