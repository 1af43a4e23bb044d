#!/usr/bin/env bash
# Traditional queries on English pages, a set the results tables do not hold: each t2t topic of a
# benchmark that prepare.sh built (a Traditional page's title or first sentence) is judged against
# the English version of its page, where the English corpus has one; the same topics' Simplified
# versions (the s2t topics, made from the Simplified version of the same page) run beside them on
# the same index, so the gap between the two columns is what writing the query in Traditional
# costs. Prints a Markdown table of MRR@10 and Success@10.
#   bench/crosslang/traditional-english.sh [--source man-faq|reference|handbook|guides]
# Environment: LIAISON (launcher, default: ./liaison at the repository root). Uses the English
# indexes run.sh builds (bench/work/<benchmark>/out/indexes), and builds them where missing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/bench/work/crosslang"
LIAISON="${LIAISON:-$ROOT/liaison}"
while [ $# -gt 0 ]; do
  case "$1" in
    --source)
      case "${2:-}" in
        man-faq) ;;
        reference) WORK="$ROOT/bench/work/crosslang-reference" ;;
        handbook) WORK="$ROOT/bench/work/crosslang-handbook" ;;
        guides) WORK="$ROOT/bench/work/crosslang-guides" ;;
        *) echo "traditional-english.sh: --source is man-faq, reference, handbook or guides" >&2; exit 2 ;;
      esac
      shift 2 ;;
    *) echo "traditional-english.sh: unknown argument $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
if [ ! -d "$WORK/topics" ]; then
  echo "traditional-english.sh: no benchmark at $WORK: run bench/crosslang/prepare.sh first (same --source)" >&2
  exit 1
fi
OUT="$WORK/out/traditional-english"
mkdir -p "$OUT"

echo "| set | topics | Traditional queries MRR@10 | Simplified queries MRR@10 | Traditional S@10 | Simplified S@10 |"
echo "|---|---|---|---|---|---|"
for kind in title sent; do
  corpus="corpus-en-for-en2en.$kind"
  index="$WORK/out/indexes/$corpus"
  if [ ! -d "$index" ]; then
    "$LIAISON" index --corpus "$WORK/$corpus" --index "$index" > "$OUT/index-$kind.log" 2>&1
  fi
  # The English version of each Traditional page: tw/<path> is en/<path> in the English corpus.
  python3 - "$WORK" "$kind" "$OUT" <<'PY'
import os, sys
work, kind, out = sys.argv[1:4]
corpus = os.path.join(work, f"corpus-en-for-en2en.{kind}")
english = set()
for root, _, files in os.walk(corpus):
    for f in files:
        english.add(os.path.relpath(os.path.join(root, f), corpus))
judged = {}
with open(os.path.join(work, "qrels", f"t2t.{kind}.txt"), encoding="utf-8") as qrels:
    for line in qrels:
        qid, _, doc, rel = line.split()
        en = "en/" + doc.split("/", 1)[1]
        if int(rel) > 0 and en in english:
            judged[qid] = en
with open(os.path.join(out, f"qrels.{kind}.txt"), "w", encoding="utf-8") as f:
    for qid in sorted(judged):
        f.write(f"{qid} 0 {judged[qid]} 1\n")
for topics in ("t2t", "s2t"):
    with open(os.path.join(work, "topics", f"{topics}.{kind}.tsv"), encoding="utf-8") as src, \
         open(os.path.join(out, f"{topics}-on-en.{kind}.tsv"), "w", encoding="utf-8") as dst:
        for line in src:
            if line.split("\t", 1)[0] in judged:
                dst.write(line)
PY
  declare -A mrr=() s10=()
  for topics in t2t s2t; do
    run="$OUT/$topics-on-en.$kind.run"
    "$LIAISON" search --index "$index" --topics "$OUT/$topics-on-en.$kind.tsv" --run "$run" --limit 100 > /dev/null
    metrics="$("$LIAISON" eval --qrels "$OUT/qrels.$kind.txt" --run "$run")"
    mrr[$topics]="$(awk '$1 == "MRR@10" {print $2}' <<< "$metrics")"
    s10[$topics]="$(awk '$1 == "Success@10" {print $2}' <<< "$metrics")"
  done
  n="$(wc -l < "$OUT/qrels.$kind.txt")"
  echo "| t2en.$kind | $n | ${mrr[t2t]} | ${mrr[s2t]} | ${s10[t2t]} | ${s10[s2t]} |"
done
