#!/usr/bin/env bash
# Times loading the bundled lexicon and prints the heap it retains after GC.
# Usage: bench/lexicon/load-bench.sh [term ...]   (terms are looked up and printed)
set -euo pipefail
cd "$(dirname "$0")/../.."
# The JDK the launcher runs with: JAVA_HOME when it is 21 or newer, else as `./liaison` finds one.
JAVA_HOME="$(./liaison jdk)"
export JAVA_HOME
if [ ! -f core/target/classes/io/liaison/lexicon/lexicon.bin.gz ] \
   || [ ! -f core/target/test-classes/io/liaison/lexicon/LexiconLoadBench.class ]; then
  mvn -B -q -pl core test-compile
fi
# The lexicon uses Lucene's analysis (plural stemming), so the core's runtime class path is needed.
if [ ! -f core/target/runtime-classpath.txt ] || [ core/pom.xml -nt core/target/runtime-classpath.txt ]; then
  mvn -B -q -Dstyle.color=never -pl core dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/runtime-classpath.txt >/dev/null
fi
ls -l core/target/classes/io/liaison/lexicon/lexicon.bin.gz
# A fixed 150 MB heap: loading must fit in the budget, not just be measured under it.
exec "$JAVA_HOME/bin/java" -Xmx150m \
  -cp "core/target/classes:core/target/test-classes:$(cat core/target/runtime-classpath.txt)" \
  io.liaison.lexicon.LexiconLoadBench "$@"
