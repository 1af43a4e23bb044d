#!/usr/bin/env python3
"""Compares two replays (replay.sh) topic by topic: reciprocal rank at 10 per topic.

    bench/crosslang/compare.py BASE NEW [--sets REGEX] [--topics]
    bench/crosslang/compare.py BASE --tables [--sets REGEX]

BASE and NEW are replay names under bench/work/replays. For every set both replays have finished
(listed in their results.tsv; a replay still running is compared as far as it got), prints
MRR@10 of each, the difference, and how many topics went up and down; then the totals. --topics
lists each topic that moved, with its rank of the first relevant document in each (- past 10).
After the totals, the same by kind of set (English queries on Chinese pages, Chinese queries on
English pages, one language, between the scripts), each with a two-sided sign test on the topics
that moved: how likely so uneven a split is if the change moved topics up and down at random.
A topic's reciprocal rank counts every topic of the qrels (0 where nothing relevant is in the top
10), as `liaison eval` does for MRR@10. --tables sets one replay beside the committed tables
(RESULTS*.md): each set's MRR@10 in the replay's results.tsv against the table's default row, to
tell whether the tables still hold for the code replayed (and on this machine).
"""
import argparse
import collections
import math
import os
import re
import sys

from mixed_stats import read_qrels  # qrels as run.sh's statistics read them

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = {"man-faq": "crosslang", "reference": "crosslang-reference",
        "handbook": "crosslang-handbook", "guides": "crosslang-guides"}
TABLE = {"man-faq": "RESULTS.md", "reference": "RESULTS-reference.md",
         "handbook": "RESULTS-handbook.md", "guides": "RESULTS-guides.md"}


def first_ranks(path, rel, k=10):
    """Topic -> rank (1..k) of its first relevant document, or None."""
    ranked = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 5:
                ranked[p[0]].append((int(p[3]), p[2]))
    out = {}
    for q in rel:
        docs = [d for _, d in sorted(ranked.get(q, []))][:k]
        out[q] = next((i + 1 for i, d in enumerate(docs) if d in rel[q]), None)
    return out


def sets_of(source):
    path = os.path.join(ROOT, "bench", "work", WORK[source], "sets.tsv")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return {r[0]: os.path.join(ROOT, "bench", "work", WORK[source], r[5]) for r in rows if len(r) > 5}


def finished(replay):
    """(source, set) pairs the replay's results.tsv lists: their runs are complete."""
    path = os.path.join(ROOT, "bench", "work", "replays", replay, "results.tsv")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {tuple(line.split("\t")[:2]) for line in f}


KINDS = (("en2zh, mixed-en", ("en2zh", "mixed-en")), ("zh2en, mixed-zh", ("zh2en", "mixed-zh")),
         ("en2en, zh2zh, s2s, t2t", ("en2en", "zh2zh", "s2s", "t2t")), ("s2t, t2s", ("s2t", "t2s")))


def kind(set_name):
    """The label of KINDS whose prefixes hold the set's (en2zh.title: en2zh), None for another."""
    prefix = set_name.split(".")[0]
    return next((label for label, prefixes in KINDS if prefix in prefixes), None)


def sign_test(up, down):
    """Two-sided p of a split of up and down at least this uneven, each topic's way a fair coin."""
    n, k = up + down, min(up, down)
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def rr(rank):
    return 0.0 if rank is None else 1.0 / rank


def table_defaults(source):
    """Set name -> MRR@10 of its default row (cross or monolingual) in the committed table."""
    out, current = {}, None
    path = os.path.join(ROOT, "bench", "crosslang", TABLE[source])
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                m = re.match(r"### (\S+): ", line)  # a set's table; not the ratios' or the mixed statistics'
                current = m.group(1) if m else None
            m = re.match(r"\| (cross|monolingual) \(default\) \| ([0-9.]+) \|", line)
            if m and current and current not in out:
                out[current] = float(m.group(2))
    return out


def against_tables(name, pattern):
    path = os.path.join(ROOT, "bench", "work", "replays", name, "results.tsv")
    replayed = {}
    with open(path, encoding="utf-8") as f:
        for row in f:
            p = row.rstrip("\n").split("\t")
            if len(p) >= 3 and p[0] != "source" and p[2] != "n/a":
                replayed[(p[0], p[1])] = float(p[2])
    same = differ = 0
    print("source\tset\ttable\treplay\tdelta")
    for source in WORK:
        for set_name, mrr in table_defaults(source).items():
            if (source, set_name) not in replayed or not pattern.search(set_name):
                continue
            r = replayed[(source, set_name)]
            print("%s\t%s\t%.4f\t%.4f\t%+.4f" % (source, set_name, mrr, r, r - mrr))
            if abs(r - mrr) < 0.00005:
                same += 1
            else:
                differ += 1
    if same + differ == 0:
        sys.exit("compare.py: replay %s ran no set the tables hold" % name)
    print("%d sets as in the tables, %d different" % (same, differ))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base")
    ap.add_argument("new", nargs="?")
    ap.add_argument("--tables", action="store_true", help="set BASE beside the committed tables")
    ap.add_argument("--sets", default=".", help="regular expression on set names")
    ap.add_argument("--topics", action="store_true", help="list every topic that moved")
    a = ap.parse_args()
    replays = os.path.join(ROOT, "bench", "work", "replays")
    if (a.new is None) != a.tables:
        ap.error("name two replays, or one with --tables")
    for name in (a.base, a.new) if a.new else (a.base,):
        if not os.path.isdir(os.path.join(replays, name)):
            sys.exit("compare.py: no replay %s under %s; run bench/crosslang/replay.sh %s" % (name, replays, name))
    pattern = re.compile(a.sets)
    if a.tables:
        against_tables(a.base, pattern)
        return
    done = finished(a.base) & finished(a.new)
    total_up = total_down = compared = 0
    total_delta = 0.0
    by_kind = {label: [0, 0, 0, 0.0] for label, _ in KINDS}  # sets, up, down, delta
    print("source\tset\tbase\tnew\tdelta\tup\tdown")
    for source in WORK:
        for name, qrels in sets_of(source).items():
            runs = [os.path.join(replays, r, source, "runs", name + ".run") for r in (a.base, a.new)]
            if not pattern.search(name) or (source, name) not in done:
                continue
            rel = read_qrels(qrels)
            base, new = (first_ranks(r, rel) for r in runs)
            up = [q for q in rel if rr(new[q]) > rr(base[q])]
            down = [q for q in rel if rr(new[q]) < rr(base[q])]
            mb = sum(rr(base[q]) for q in rel) / len(rel)
            mn = sum(rr(new[q]) for q in rel) / len(rel)
            print("%s\t%s\t%.4f\t%.4f\t%+.4f\t%d\t%d" % (source, name, mb, mn, mn - mb, len(up), len(down)))
            if a.topics:
                for q in sorted(up + down):
                    print("\t\t%s\t%s -> %s" % (q, base[q] or "-", new[q] or "-"))
            compared += 1
            total_up += len(up)
            total_down += len(down)
            total_delta += mn - mb
            label = kind(name)
            if label:
                tally = by_kind[label]
                tally[0] += 1
                tally[1] += len(up)
                tally[2] += len(down)
                tally[3] += mn - mb
    if compared == 0:
        sys.exit("compare.py: no set that both replays ran matches --sets %s" % a.sets)
    print("%d sets: %d topics up, %d down, the sets' differences summing to %+.4f"
          % (compared, total_up, total_down, total_delta))
    for label, (sets, up, down, delta) in by_kind.items():
        if sets:
            print("  %s: %d sets, %d up, %d down, %+.4f, sign test p = %.2f"
                  % (label, sets, up, down, delta, sign_test(up, down)))


if __name__ == "__main__":
    main()
