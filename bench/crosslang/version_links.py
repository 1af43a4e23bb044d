#!/usr/bin/env python3
"""Simulates "language versions travel together" on run.sh's mixed sets (MERGE-SWEEP.md, session 29).

Not part of run.sh: a measurement of an idea before it is built. Three steps:

  version_links.py topics CORPUS OUT [--chars N]
      One topic per document of CORPUS (a run.sh mixed corpus with en/ and zh/ folders): its id,
      a tab, and the first N characters of its text (default 400), whitespace folded and query
      syntax characters blanked. Writes OUT/from-en.tsv and OUT/from-zh.tsv.
  version_links.py link OUT
      Reads OUT/from-en.run and OUT/from-zh.run (liaison search --topics ... --limit 30 on the
      mixed index) and links each document to its best hit in the other language when that hit's
      own best hit is the document again (mutual best). Writes OUT/links.tsv and prints how many
      links name the same relative path (the true version) and how many do not.
  version_links.py pair LINKS RUN OUT_RUN
      Rewrites a TREC run so that each document's linked version follows it, unless it came
      earlier; the versions a query did not match are added too. Ranks and scores are rewritten
      in the new order.

The document ids' first folder (en/, zh/) gives the language here; a built version would use the
index's language field.
"""
import argparse
import collections
import os
import re


def topics(corpus, out, chars):
    os.makedirs(out, exist_ok=True)
    for lang in ("en", "zh"):
        with open(os.path.join(out, f"from-{lang}.tsv"), "w", encoding="utf-8") as f:
            for folder, _, files in os.walk(os.path.join(corpus, lang)):
                for name in sorted(files):
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8", errors="replace") as doc:
                        text = doc.read()
                    text = re.sub(r"[\s\x00-\x1f]+", " ", text)
                    text = re.sub(r'[+\-&|!(){}\[\]^"~*?:\\/]', " ", text)
                    f.write(os.path.relpath(path, corpus) + "\t" + text[:chars] + "\n")


def read_run(path):
    """qid -> [(rank, doc, score)]. liaison writes a space in an id as %20 (Run.trecId) in the
    topic and the document column alike, so a topic id (a document's path) and a document id
    compare as they are."""
    rows = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            qid, _, doc, rank, score, _ = line.split()
            rows[qid].append((int(rank), doc, float(score)))
    for hits in rows.values():
        hits.sort()
    return rows


def best_other(path, other):
    best = {}
    for qid, hits in read_run(path).items():
        for _, doc, _ in hits:
            if doc.startswith(other + "/"):
                best[qid] = doc
                break
    return best


def link(out):
    from_en = best_other(os.path.join(out, "from-en.run"), "zh")
    from_zh = best_other(os.path.join(out, "from-zh.run"), "en")
    links, right, wrong = {}, 0, 0
    for en, zh in from_en.items():
        if from_zh.get(zh) == en:
            links[en], links[zh] = zh, en
            if en[3:] == zh[3:]:
                right += 1
            else:
                wrong += 1
    with open(os.path.join(out, "links.tsv"), "w", encoding="utf-8") as f:
        for a, b in sorted(links.items()):
            f.write(f"{a}\t{b}\n")
    print(f"links {right + wrong}: same path {right}, other path {wrong}")


def pair(links_path, run, out_run):
    with open(links_path, encoding="utf-8") as f:
        links = dict(line.rstrip("\n").split("\t") for line in f)
    with open(out_run, "w", encoding="utf-8") as f:
        for qid, hits in read_run(run).items():
            seen, order = set(), []
            for _, doc, _ in hits:
                for d in (doc, links.get(doc)):
                    if d is not None and d not in seen:
                        seen.add(d)
                        order.append(d)
            for i, d in enumerate(order[:100]):
                f.write(f"{qid} Q0 {d} {i + 1} {100 - i * 0.01:.4f} paired\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="step", required=True)
    t = sub.add_parser("topics")
    t.add_argument("corpus")
    t.add_argument("out")
    t.add_argument("--chars", type=int, default=400)
    sub.add_parser("link").add_argument("out")
    pr = sub.add_parser("pair")
    pr.add_argument("links")
    pr.add_argument("run")
    pr.add_argument("out_run")
    a = p.parse_args()
    if a.step == "topics":
        topics(a.corpus, a.out, a.chars)
    elif a.step == "link":
        link(a.out)
    else:
        pair(a.links, a.run, a.out_run)


if __name__ == "__main__":
    main()
