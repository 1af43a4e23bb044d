#!/usr/bin/env bash
# Builds the 100k-document index the query benchmarks use (once; --force to rebuild), with
# `liaison index` and every feature on, language versions linked too (437 s of the build on two
# cores: bench/crosslang/MERGE-SWEEP.md, session 30).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ -d "$WORK/index100k" ] && [ "${1:-}" != --force ]; then echo "exists: $WORK/index100k"; exit 0; fi
SKIP_BUILD=${SKIP_BUILD:-} build
machine
s=$(date +%s)
"$JAVA" "${LIAISON_INDEX_JVM[@]}" ${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile} -jar "$SERVER_JAR" index --corpus "$WORK/corpus100k" --index "$WORK/index100k" --rebuild
echo "index100k built in $(( $(date +%s) - s )) s; $(du -sh "$WORK/index100k" | cut -f1)"
