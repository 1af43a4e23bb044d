#!/usr/bin/env python3
"""Builds the performance corpus under bench/work/perf/ from installed Debian documentation.

corpus/      every Chinese manual page (zh_CN, zh_TW), the Debian FAQ chapters (English and
             zh-cn) and English manual pages (man1..man8, sorted) until --min-mb is reached;
             one UTF-8 .txt file per page or chapter. Used for the indexing benchmarks.
corpus100k/  the same text cut at paragraph boundaries into ~--chunk-kb pieces, cycled through
             copies r0, r1, ... until --docs documents. Used for the query benchmarks.
Standard library only; pages are rendered with groff (tbl, preconv), as man(1) would, in parallel.
Deterministic for a given set of installed packages.
"""
import argparse, concurrent.futures, gzip, html.parser, os, re, shutil, subprocess, sys

MAN = "/usr/share/man"
FAQ = "/usr/share/doc/debian/FAQ"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def render(path):
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            src = f.read()
    except OSError:
        return None
    if src.lstrip().startswith(b".so ") and len(src) < 200:
        return None  # an alias of another page
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    p = subprocess.run("preconv -e utf-8 | groff -t -man -Tutf8 -rLL=80n -P-cbou",
                       shell=True, input=src, capture_output=True, env=env)
    text = p.stdout.decode("utf-8", "replace")
    text = CONTROL.sub("", text)  # overstrike left-overs groff -c does not remove
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text if len(text) > 300 else None


class Strip(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "pre", "tr"):
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def faq(path):
    s = Strip()
    with open(path, encoding="utf-8", errors="replace") as f:
        s.feed(f.read())
    text = re.sub(r"[ \t]+", " ", "".join(s.out))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def pages(sub):
    root = os.path.join(MAN, sub)
    out = []
    for d in sorted(os.listdir(root)):
        if not d.startswith("man"):
            continue
        for name in sorted(os.listdir(os.path.join(root, d))):
            p = os.path.join(root, d, name)
            if os.path.isfile(p) and not os.path.islink(p):
                out.append(p)
    return out


def write(out, rel, text):
    p = os.path.join(out, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-mb", type=float, default=32)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--chunk-kb", type=float, default=2.0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args()
    corpus = os.path.join(a.out, "corpus")
    big = os.path.join(a.out, "corpus100k")
    for d in (corpus, big):
        shutil.rmtree(d, ignore_errors=True)
    total, docs = 0, []
    for lang in ("en", "zh-cn"):
        d = FAQ if lang == "en" else os.path.join(FAQ, "zh-cn")
        for name in sorted(os.listdir(d)):
            if name.endswith("." + lang + ".html"):
                rel = "faq-%s/%s.txt" % (lang, name[: -len(".html")])
                text = faq(os.path.join(d, name))
                total += write(corpus, rel, text)
                docs.append((rel, text))
    limit = a.min_mb * 1024 * 1024
    queue = [("zh_CN", p) for p in pages("zh_CN")] + [("zh_TW", p) for p in pages("zh_TW")]
    queue += [("en", p) for p in pages("")  if "/man/man" in p]
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        i = 0
        while i < len(queue) and total < limit:
            batch = queue[i : i + 64]
            i += len(batch)
            for (lang, p), text in zip(batch, ex.map(lambda t: render(t[1]), batch)):
                if text is None:
                    continue
                rel = "man-%s/%s/%s.txt" % (lang, os.path.basename(os.path.dirname(p)),
                                            re.sub(r"\.gz$", "", os.path.basename(p)))
                total += write(corpus, rel, text)
                docs.append((rel, text))
    print("corpus: %d documents, %.1f MB in %s" % (len(docs), total / 1048576, corpus), file=sys.stderr)
    # Chunks at paragraph boundaries.
    chunks = []
    for rel, text in docs:
        cur, n, part = [], 0, 0
        for par in text.split("\n\n"):
            cur.append(par)
            n += len(par.encode("utf-8"))
            if n >= a.chunk_kb * 1024:
                chunks.append(("%s.%03d.txt" % (rel[:-4], part), "\n\n".join(cur)))
                cur, n, part = [], 0, part + 1
        if cur:
            chunks.append(("%s.%03d.txt" % (rel[:-4], part), "\n\n".join(cur)))
    made, size, copy = 0, 0, 0
    while made < a.docs:
        for rel, text in chunks:
            if made >= a.docs:
                break
            size += write(big, "r%d/%s" % (copy, rel), text)
            made += 1
        copy += 1
    print("corpus100k: %d documents (%d distinct chunks, %d copies), %.1f MB in %s"
          % (made, len(chunks), copy, size / 1048576, big), file=sys.stderr)


if __name__ == "__main__":
    main()
