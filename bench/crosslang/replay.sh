#!/usr/bin/env bash
# Replays the default run of every set of the prepared benchmarks, for comparing two versions of
# Liaison topic by topic (compare.py) without the tables' floors and ablations.
#   bench/crosslang/replay.sh NAME [--source man-faq|reference|handbook|guides]... [--sets REGEX]
#                             [--indexes-from NAME0]
# Writes bench/work/replays/NAME/SOURCE/{indexes,runs,logs}/ and NAME/results.tsv (source, set,
# MRR@10, nDCG@10, topics). Every source whose sets.tsv exists is replayed unless --source names
# some; --sets keeps the set names (en2zh.title, mixed-zh.sent ...) that the extended regular
# expression matches. --indexes-from searches NAME0's indexes where they exist instead of indexing
# again: right for a change on the query side only; a change to the lexicon, the analyser or the
# document renderings needs its own indexes. Two lanes on two cores: run one process with
# "--source man-faq --source guides" and one with "--source handbook --source reference".
# Environment: LIAISON (launcher, default ./liaison at the repository root).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LIAISON="${LIAISON:-$ROOT/liaison}"
NAME=""; SOURCES=(); SETS_RE='.'; FROM=""
while [ $# -gt 0 ]; do
  case "$1" in
    --source) SOURCES+=("$2"); shift 2 ;;
    --sets) SETS_RE="$2"; shift 2 ;;
    --indexes-from) FROM="$2"; shift 2 ;;
    -*) echo "replay.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -n "$NAME" ] && { echo "replay.sh: one NAME only (got $NAME and $1)" >&2; exit 2; }; NAME="$1"; shift ;;
  esac
done
case "$NAME" in
  ""|*/*|.*) echo "replay.sh: name the replay (a folder name under bench/work/replays), e.g. replay.sh head" >&2; exit 2 ;;
esac
work_of() {
  case "$1" in
    man-faq) echo "$ROOT/bench/work/crosslang" ;;
    reference|handbook|guides) echo "$ROOT/bench/work/crosslang-$1" ;;
    *) return 1 ;;
  esac
}
if [ ${#SOURCES[@]} -eq 0 ]; then
  for s in man-faq reference handbook guides; do
    [ -f "$(work_of "$s")/sets.tsv" ] && SOURCES+=("$s")
  done
  [ ${#SOURCES[@]} -eq 0 ] && { echo "replay.sh: no benchmark prepared; run bench/crosslang/prepare.sh first" >&2; exit 1; }
fi
for s in "${SOURCES[@]}"; do
  w="$(work_of "$s")" || { echo "replay.sh: --source is man-faq, reference, handbook or guides, not '$s'" >&2; exit 2; }
  [ -f "$w/sets.tsv" ] || { echo "replay.sh: $w/sets.tsv not found; run bench/crosslang/prepare.sh --source $s first" >&2; exit 1; }
done
[ -x "$LIAISON" ] || { echo "replay.sh: launcher $LIAISON not found or not executable" >&2; exit 1; }
OUT="$ROOT/bench/work/replays/$NAME"
if [ -n "$FROM" ] && [ ! -d "$ROOT/bench/work/replays/$FROM" ]; then
  echo "replay.sh: --indexes-from $FROM: no replay of that name under bench/work/replays" >&2; exit 2
fi
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
[ -f "$RESULTS" ] || printf 'source\tset\tMRR@10\tnDCG@10\ttopics\n' >"$RESULTS"

failed=0
for s in "${SOURCES[@]}"; do
  w="$(work_of "$s")"; dir="$OUT/$s"
  mkdir -p "$dir/indexes" "$dir/runs" "$dir/logs"
  # name set kind corpus topics qrels ... (prepare.py writes the header)
  while IFS=$'\t' read -r name _ _ corpus topics qrels _; do
    [[ "$name" =~ $SETS_RE ]] || continue
    index="$dir/indexes/$corpus"
    [ -n "$FROM" ] && [ -d "$ROOT/bench/work/replays/$FROM/$s/indexes/$corpus" ] &&
      index="$ROOT/bench/work/replays/$FROM/$s/indexes/$corpus"
    if [ ! -d "$index" ]; then
      echo "replay.sh: $s: index $corpus" >&2
      if ! "$LIAISON" index --corpus "$w/$corpus" --index "$index" >"$dir/logs/index-$corpus.log" 2>&1; then
        echo "replay.sh: $s: indexing $corpus failed (see $dir/logs/index-$corpus.log)" >&2
        rm -rf "$index"; failed=1; continue
      fi
    fi
    run="$dir/runs/$name.run"
    if ! "$LIAISON" search --index "$index" --topics "$w/$topics" --run "$run" --limit 100 \
         >"$dir/logs/search-$name.log" 2>&1; then
      echo "replay.sh: $s: $name failed (see $dir/logs/search-$name.log)" >&2; failed=1; continue
    fi
    ev="$("$LIAISON" eval --qrels "$w/$qrels" --run "$run" 2>&1)"
    mrr=$(awk '$1=="MRR@10"{print $2}' <<<"$ev"); ndcg=$(awk '$1=="nDCG@10"{print $2}' <<<"$ev")
    n=$(cut -f1 "$w/$topics" | sort -u | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$name" "${mrr:-n/a}" "${ndcg:-n/a}" "$n" >>"$RESULTS"
    echo "replay.sh: $s $name MRR@10 ${mrr:-n/a}" >&2
  done < <(tail -n +2 "$w/sets.tsv")
done
exit $failed
