#!/usr/bin/env bash
# Runs the cross-language benchmark built by prepare.sh with the project's CLI
# and writes bench/crosslang/RESULTS.md.
#   bench/crosslang/run.sh [--kinds "title sent"] [--sets "en2zh zh2en s2t t2s mixed"] [--source reference|handbook|guides]
#                          [--report FILE]
# --source reference runs the second benchmark (prepare.sh --source reference) and writes
# bench/crosslang/RESULTS-reference.md; --source handbook the third, RESULTS-handbook.md;
# --source guides the fourth, RESULTS-guides.md.
# --report writes the table to FILE instead (a run of some sets only, beside the full tables).
# Environment: LIAISON (launcher, default: ./liaison at the repository root),
# STEP_TIMEOUT (seconds per index/search/eval command, default 3600).
# A command that fails (e.g. a flag the CLI does not know yet) gives "n/a" for
# its row; the run goes on.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/bench/work/crosslang"
REPORT="$HERE/RESULTS.md"
LIAISON="${LIAISON:-$ROOT/liaison}"
STEP_TIMEOUT="${STEP_TIMEOUT:-3600}"
KINDS="title sent"
SETS="en2zh zh2en s2t t2s mixed"
while [ $# -gt 0 ]; do
  case "$1" in
    --kinds) KINDS="$2"; shift 2 ;;
    --sets) SETS="$2"; shift 2 ;;
    --source)
      case "$2" in
        man-faq) ;;
        reference) WORK="$ROOT/bench/work/crosslang-reference"; REPORT="$HERE/RESULTS-reference.md" ;;
        handbook) WORK="$ROOT/bench/work/crosslang-handbook"; REPORT="$HERE/RESULTS-handbook.md" ;;
        guides) WORK="$ROOT/bench/work/crosslang-guides"; REPORT="$HERE/RESULTS-guides.md" ;;
        *) echo "run.sh: --source is man-faq, reference, handbook or guides" >&2; exit 2 ;;
      esac
      shift 2 ;;
    --report) REPORT_ARG="$2"; shift 2 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -n "${REPORT_ARG:-}" ]; then
  if [ ! -d "$(dirname "$REPORT_ARG")" ]; then
    echo "run.sh: --report $REPORT_ARG: no folder $(dirname "$REPORT_ARG"); create it or name a file in an existing one" >&2
    exit 2
  fi
  REPORT="$(cd "$(dirname "$REPORT_ARG")" && pwd)/$(basename "$REPORT_ARG")"
fi

if [ ! -f "$WORK/sets.tsv" ]; then
  echo "run.sh: $WORK/sets.tsv not found; run bench/crosslang/prepare.sh first" >&2
  exit 1
fi
if [ ! -x "$LIAISON" ]; then
  echo "run.sh: launcher $LIAISON not found or not executable" >&2
  exit 1
fi

OUTDIR="$WORK/out"
IDX="$OUTDIR/indexes"
RUNS="$OUTDIR/runs"
LOGS="$OUTDIR/logs"
rm -rf "$OUTDIR"
mkdir -p "$IDX" "$RUNS" "$LOGS"
RESULTS="$OUTDIR/results.tsv"   # name kind label status mrr ndcg r100 s10
MIXED="$OUTDIR/mixed.tsv"       # kind label both_en both_zh jaccard own_en own_zh
CMDS="$OUTDIR/commands.txt"
: >"$RESULTS"; : >"$MIXED"; : >"$CMDS"
STARTED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# column of sets.tsv for a set name like en2zh.title
manifest() { awk -F'\t' -v n="$1" -v c="$2" 'NR>1 && $1==n {print $c}' "$WORK/sets.tsv"; }

# run CMD... with a timeout, logging the command and its output to $LOGS/$LOGNAME.log
run_cmd() {
  local log="$LOGS/$LOGNAME.log"
  printf '%s\n' "$*" >>"$CMDS"
  printf '$ %s\n' "$*" >>"$log"
  timeout "$STEP_TIMEOUT" "$@" >>"$log" 2>&1
  local rc=$?
  [ $rc -ne 0 ] && printf '[exit %d]\n' "$rc" >>"$log"
  return $rc
}

declare -A INDEX_OK=()
# ensure_index CORPUS INDEXNAME [index flags...]: builds once per run
ensure_index() {
  local corpus="$1" name="$2"; shift 2
  if [ -n "${INDEX_OK[$name]:-}" ]; then [ "${INDEX_OK[$name]}" = ok ]; return; fi
  LOGNAME="index-$name"
  echo "run.sh: index $name <- $corpus $*" >&2
  if run_cmd "$LIAISON" index --corpus "$WORK/$corpus" --index "$IDX/$name" "$@"; then
    INDEX_OK[$name]=ok; return 0
  fi
  INDEX_OK[$name]=fail; echo "run.sh:   index $name failed (see $LOGS/index-$name.log)" >&2
  return 1
}

# one_run SETNAME LABEL INDEXNAME [search flags...]: search + eval, one row in results.tsv
one_run() {
  local name="$1" label="$2" index="$3"; shift 3
  local set="${name%.*}" kind="${name##*.}"
  local topics="$WORK/$(manifest "$name" 5)" qrels="$WORK/$(manifest "$name" 6)"
  local run="$RUNS/$name.$label.run"
  local status=ok vals="n/a	n/a	n/a	n/a"
  LOGNAME="run-$name.$label"
  if [ "${INDEX_OK[$index]:-}" != ok ]; then
    status="index-failed"
  elif ! run_cmd "$LIAISON" search --index "$IDX/$index" --topics "$topics" --run "$run" \
        --limit 100 "$@"; then
    status="search-failed"; rm -f "$run"
    # --no-t2s may exist only for 'index': then search that index without it
    if [ "${1:-}" = --no-t2s ] && grep -qiE 'unknown option|unmatched argument' "$LOGS/$LOGNAME.log" &&
       run_cmd "$LIAISON" search --index "$IDX/$index" --topics "$topics" --run "$run" \
         --limit 100 "${@:2}"; then
      status="ok (search has no --no-t2s; ran without it)"
    fi
  fi
  if [ "${status:0:2}" = ok ]; then
    local ev="$LOGS/eval-$name.$label.txt"
    if [ ! -s "$run" ]; then
      status="empty-run"
    elif printf '%s\n' "$LIAISON eval --qrels $qrels --run $run" >>"$CMDS" &&
         timeout "$STEP_TIMEOUT" "$LIAISON" eval --qrels "$qrels" --run "$run" >"$ev" 2>&1; then
      local m n r s
      m=$(awk '$1=="MRR@10"{v=$2} END{print v}' "$ev")
      n=$(awk '$1=="nDCG@10"{v=$2} END{print v}' "$ev")
      r=$(awk '$1=="Recall@100"{v=$2} END{print v}' "$ev")
      s=$(awk '$1=="Success@10"{v=$2} END{print v}' "$ev")
      vals="${m:-n/a}	${n:-n/a}	${r:-n/a}	${s:-n/a}"
      [ -z "$m$n$r$s" ] && status="eval-unparsed"
    else
      status="eval-failed"
    fi
  fi
  [ "${status:0:2}" != ok ] && echo "run.sh:   $name $label: $status (see $LOGS/$LOGNAME.log)" >&2
  printf '%s\t%s\t%s\t%s\t%s\n' "$set" "$kind" "$label" "$status" "$vals" >>"$RESULTS"
}

ABLATIONS="weighting structure phrases glossary aliases proximity bigrams coordination documents"

cross_set() { # cross_set CROSS CEILING KIND
  local cross="$1.$3" ceil="$2.$3" c_corpus c_index m_corpus m_index
  c_corpus="$(manifest "$cross" 4)"; c_index="${c_corpus}"
  m_corpus="$(manifest "$ceil" 4)"; m_index="${m_corpus}"
  ensure_index "$c_corpus" "$c_index"
  one_run "$cross" "floor (--no-translate)" "$c_index" --no-translate
  one_run "$cross" "cross (default)" "$c_index"
  local a
  for a in $ABLATIONS; do
    one_run "$cross" "cross --ablate $a" "$c_index" --ablate "$a"
  done
  if [ "$1" = s2t ] || [ "$1" = t2s ]; then
    ensure_index "$c_corpus" "${c_corpus}.no-t2s" --no-t2s
    one_run "$cross" "cross, index+search --no-t2s" "${c_corpus}.no-t2s" --no-t2s
  fi
  ensure_index "$m_corpus" "$m_index"
  one_run "$ceil" "monolingual (default)" "$m_index"
  one_run "$ceil" "monolingual --no-translate" "$m_index" --no-translate
  one_run "$ceil" "monolingual --ablate proximity" "$m_index" --ablate proximity
  one_run "$ceil" "monolingual --ablate bigrams" "$m_index" --ablate bigrams
  one_run "$ceil" "monolingual --ablate coordination" "$m_index" --ablate coordination
  one_run "$ceil" "monolingual --ablate documents" "$m_index" --ablate documents
}

mixed_set() { # mixed_set KIND
  local kind="$1" corpus
  corpus="$(manifest "mixed-en.$kind" 4)"
  ensure_index "$corpus" "$corpus"
  local q label flags
  for label in "floor (--no-translate)" "cross (default)"; do
    flags=(); [ "$label" = "floor (--no-translate)" ] && flags=(--no-translate)
    for q in en zh; do one_run "mixed-$q.$kind" "$label" "$corpus" "${flags[@]}"; done
    local ren="$RUNS/mixed-en.$kind.$label.run" rzh="$RUNS/mixed-zh.$kind.$label.run"
    if [ -s "$ren" ] && [ -s "$rzh" ]; then
      local st
      st=$(python3 "$HERE/mixed_stats.py" --qrels "$WORK/$(manifest "mixed-en.$kind" 6)" \
             --run-en "$ren" --run-zh "$rzh" --k 10)
      printf 'python3 bench/crosslang/mixed_stats.py --qrels %s --run-en %q --run-zh %q --k 10\n' \
        "$WORK/$(manifest "mixed-en.$kind" 6)" "$ren" "$rzh" >>"$CMDS"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$label" \
        "$(awk '$1=="both@10_en"{print $2}' <<<"$st")" \
        "$(awk '$1=="both@10_zh"{print $2}' <<<"$st")" \
        "$(awk '$1=="jaccard@10"{print $2}' <<<"$st")" \
        "$(awk '$1=="own@10_en"{print $2}' <<<"$st")" \
        "$(awk '$1=="own@10_zh"{print $2}' <<<"$st")" >>"$MIXED"
    else
      printf '%s\t%s\tn/a\tn/a\tn/a\tn/a\tn/a\n' "$kind" "$label" >>"$MIXED"
    fi
  done
}

T0=$(date +%s)
for kind in $KINDS; do
  for s in $SETS; do
    case "$s" in
      en2zh) cross_set en2zh zh2zh "$kind" ;;
      zh2en) cross_set zh2en en2en "$kind" ;;
      s2t) cross_set s2t t2t "$kind" ;;
      t2s) cross_set t2s s2s "$kind" ;;
      mixed) mixed_set "$kind" ;;
      *) echo "run.sh: unknown set $s" >&2 ;;
    esac
  done
done
ELAPSED=$(( $(date +%s) - T0 ))

python3 "$HERE/report.py" --work "$WORK" --out "$REPORT" --started "$STARTED" \
  --elapsed "$ELAPSED" --launcher "$LIAISON" --root "$ROOT"
echo "run.sh: wrote $REPORT ($ELAPSED s)" >&2
