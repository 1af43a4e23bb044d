#!/usr/bin/env python3
"""Statistics for the mixed-corpus sets, from two TREC run files.

  mixed_stats.py --qrels Q --run-en RUN_EN --run-zh RUN_ZH [--k 10]

The two runs answer the same topics (same qids), one with the English query
and one with the Chinese query, on the same mixed corpus in which both
language versions of each topic's document are relevant (qrels list both).
Prints, one per line:
  topics <n>
  both@K_en <share of topics whose top K for the English query holds every relevant doc>
  both@K_zh <same for the Chinese query>
  jaccard@K <mean Jaccard similarity of the two top-K doc sets>
  own@K_en <share of topics whose top K for the English query holds the English version>
  own@K_zh <same for the Chinese query and the Chinese version>
A topic missing from a run counts as an empty list (both = no, Jaccard = 0).
A document's language is the first part of its id (en/..., zh/...). own@K bounds
both@K: a query cannot put both versions in its top K more often than it puts
its own language's version there. Without translation own@K is what a
monolingual search achieves; with it, own@K can be lower, as the other language's
hits take part of the top K.
"""
import argparse
import collections


def read_run(path, k):
    rows = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for n, ln in enumerate(f, 1):
            p = ln.split()
            if not p:
                continue
            if len(p) != 6:
                # liaison writes whitespace in ids as %20, so this is a run from elsewhere.
                raise SystemExit("%s:%d: expected the 6 fields 'qid Q0 docid rank score tag', got %d"
                                 % (path, n, len(p)))
            qid, docid, rank, score = p[0], p[2], p[3], p[4]
            rows[qid].append(((int(rank), -float(score)), docid))
    top = {}
    for qid, lst in rows.items():
        lst.sort()
        seen, out = set(), []
        for _, d in lst:
            if d not in seen:
                seen.add(d)
                out.append(d)
            if len(out) == k:
                break
        top[qid] = out
    return top


def read_qrels(path):
    rel = collections.defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for ln in f:
            p = ln.split()
            if len(p) >= 4 and int(p[3]) > 0:
                rel[p[0]].add(p[2])
    return rel


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--run-en", required=True)
    ap.add_argument("--run-zh", required=True)
    ap.add_argument("--k", type=int, default=10)
    a = ap.parse_args()
    rel = read_qrels(a.qrels)
    en, zh = read_run(a.run_en, a.k), read_run(a.run_zh, a.k)
    n = len(rel)
    both_en = both_zh = own_en = own_zh = 0
    jac = 0.0
    for qid, docs in rel.items():
        te, tz = set(en.get(qid, [])), set(zh.get(qid, []))
        both_en += docs <= te
        both_zh += docs <= tz
        own_en += any(d.startswith("en/") for d in docs & te)
        own_zh += any(d.startswith("zh/") for d in docs & tz)
        union = te | tz
        jac += len(te & tz) / len(union) if union else 0.0
    k = a.k
    print("topics %d" % n)
    print("both@%d_en %.4f" % (k, both_en / n if n else 0.0))
    print("both@%d_zh %.4f" % (k, both_zh / n if n else 0.0))
    print("jaccard@%d %.4f" % (k, jac / n if n else 0.0))
    print("own@%d_en %.4f" % (k, own_en / n if n else 0.0))
    print("own@%d_zh %.4f" % (k, own_zh / n if n else 0.0))


if __name__ == "__main__":
    main()
