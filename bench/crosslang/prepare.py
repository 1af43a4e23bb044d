#!/usr/bin/env python3
"""Build the cross-language benchmark from installed Debian documentation.

Reads the Chinese manual pages of manpages-zh (zh_CN, zh_TW), the English
pages of the same commands, and the Debian FAQ (English and zh-cn HTML), and
writes corpora, topics, qrels and a manifest under bench/work/crosslang/
(--source reference: the Debian Reference; --source handbook: the Debian
Administrator's Handbook, each under its own folder).
Standard library only. Deterministic for a given set of installed packages
and a given --seed.
"""
import argparse
import collections
import concurrent.futures
import gzip
import html.parser
import json
import os
import random
import re
import shutil
import subprocess
import sys

MAN_ROOT = "/usr/share/man"
FAQ_ROOT = "/usr/share/doc/debian/FAQ"
REFERENCE_ROOT = "/usr/share/debian-reference"
HANDBOOK_ROOT = "/usr/share/doc/debian-handbook/html"
INSTALL_ROOT = "/usr/share/doc/installation-guide-amd64"
MAINT_ROOT = "/usr/share/doc/maint-guide"

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef"
CJK_RE = re.compile("[" + CJK + "]")
CJK_OR_PUNCT = "[" + CJK + CJK_PUNCT + "]"
SPACE_BETWEEN_CJK = re.compile("(?<=" + CJK_OR_PUNCT + r")[ \t]+(?=" + CJK_OR_PUNCT + ")")

# Headings that open the description section of a page, English and Chinese.
DESC_HEADINGS = {
    "DESCRIPTION", "描述", "说明", "說明", "描述 DESCRIPTION", "DESCRIPTION 描述",
    "详述", "詳述", "介绍", "介紹", "简介", "簡介", "叙述", "敘述", "描叙", "描敘",
    "概述 DESCRIPTION", "說明 DESCRIPTION", "说明 DESCRIPTION", "功能描述", "描述 (DESCRIPTION)",
}

EN_ABBREV = {"e.g.", "i.e.", "etc.", "cf.", "vs.", "viz.", "approx.", "no.", "mr.", "dr.",
             "st.", "e.g.,", "i.e.,", "resp.", "incl.", "al."}

# ---------------------------------------------------------------- utilities



def trec_id(docid):
    """A document id as one qrels field, written as liaison's Run.trecId writes it in runs:
    whitespace and % become the %XX escapes of their UTF-8 bytes."""
    return "".join("".join("%%%02X" % b for b in c.encode("utf-8"))
                   if c == "%" or c.isspace() else c for c in docid)

def cjk_count(s):
    return len(CJK_RE.findall(s))


def latin_count(s):
    return len(re.findall(r"[A-Za-z]", s))


def norm_line(s):
    s = s.replace("\u00a0", " ").replace("\u2010", "-").replace("\u2212", "-")
    s = re.sub(r"[ \t\r\f\v]+", " ", s).strip()
    return SPACE_BETWEEN_CJK.sub("", s)


def norm_paragraphs(lines):
    """Normalise lines; keep single blank lines between paragraphs."""
    out = []
    for ln in lines:
        ln = norm_line(ln)
        if ln:
            out.append(ln)
        elif out and out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return out


def is_zh(s, min_ratio=0.3):
    c, l = cjk_count(s), latin_count(s)
    return c > 0 and c / (c + l) >= min_ratio


def en_sentences(par):
    """Split an English paragraph into sentences (simple rules)."""
    out, start = [], 0
    for m in re.finditer(r"[.!?](?=[\s]+[\"'(\[]?[A-Z0-9])|[.!?]$", par):
        end = m.end()
        last_word = par[start:end].split()[-1].lower() if par[start:end].split() else ""
        if last_word in EN_ABBREV or re.fullmatch(r"[a-z]\.", last_word):
            continue
        out.append(par[start:end].strip())
        start = end
    rest = par[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def zh_sentences(par):
    """Split Chinese text at 。！？ (and at '.' next to Chinese text), but not inside
    an open quotation or bracket."""
    out, start = [], 0
    pat = r"[。！？]|(?<=[" + CJK + r"])\.(?!\d)|\.(?=[" + CJK + r"])|[.!?](?=\s|$)"
    for m in re.finditer(pat, par):
        piece = par[start:m.end()]
        if piece.count("“") > piece.count("”") or piece.count("（") > piece.count("）") \
                or piece.count("「") > piece.count("」"):
            continue
        out.append(piece.strip())
        start = m.end()
    rest = par[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def name_pattern(n):
    """A command name as a whole word (ASCII boundaries), any case."""
    return re.compile(r"(?<![A-Za-z0-9_.\-])" + re.escape(n) + r"(?![A-Za-z0-9_\-])",
                      re.IGNORECASE)


def names_in(text, names):
    """The command names that occur in text as whole words (lower case)."""
    return {n.lower() for n in names if n and name_pattern(n).search(text or "")}


def drop_names(text, names):
    """Remove command names (whole words, ASCII boundaries) from a query."""
    for n in sorted(set(names), key=len, reverse=True):
        if not n:
            continue
        text = name_pattern(n).sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    text = SPACE_BETWEEN_CJK.sub("", text)
    # drop punctuation left dangling at either end
    text = re.sub(r"^[\s,;:.\-–—()（），、；：。]+", "", text)
    text = re.sub(r"[\s,;:\-–—(（，、；：]+$", "", text)
    return text.strip()


def query_ok(q, lang):
    if lang == "en":
        words = re.findall(r"[A-Za-z][A-Za-z0-9'\-]*", q)
        return 2 <= len(words) <= 60 and cjk_count(q) == 0 and len(q) <= 400
    # zh / tw: must really be Chinese
    return cjk_count(q) >= 3 and is_zh(q, 0.4) and len(q) <= 300


# ---------------------------------------------------------------- man pages


def read_man_source(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def so_target(src):
    """Return the .so target when the page is only a redirect."""
    real = [ln for ln in src.splitlines() if ln.strip() and not ln.startswith(('.\\"', "'\\\""))]
    if real and len(real) <= 3 and real[0].startswith(".so "):
        return real[0][4:].strip()
    return None


def render_man(path, width):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", MANWIDTH=str(width),
               MANPAGER="cat", PAGER="cat", MAN_KEEP_FORMATTING="")
    env.pop("MANOPT", None)
    p1 = subprocess.run(["man", "--nh", "--nj", "-l", path], env=env, capture_output=True)
    p2 = subprocess.run(["col", "-bx"], input=p1.stdout, env=env, capture_output=True)
    return p2.stdout.decode("utf-8", "replace")


def parse_rendered(text):
    """Split rendered man text into [(heading, [lines])], header/footer removed."""
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) < 3:
        return []
    lines = lines[1:-1]  # running header and footer
    sections = []
    for ln in lines:
        if ln.strip() and not ln[0].isspace():
            sections.append((norm_line(ln), []))
        elif sections:
            sections[-1][1].append(ln)
    return [(h, norm_paragraphs(b)) for h, b in sections]


def man_page_info(path, lang, width):
    """Render one page; return dict with title, names, desc, first paragraph, body."""
    src = read_man_source(path)
    if so_target(src):
        return {"skip": "so-redirect"}
    secs = parse_rendered(render_man(path, width))
    if not secs:
        return {"skip": "empty"}
    name_body = " ".join(ln for ln in secs[0][1] if ln)
    m = re.match(r"^(.*?)\s+(?:-|\\-|–|—|－)+\s+(.*)$", name_body)
    if m:
        names_part, desc = m.group(1).strip(), m.group(2).strip()
    else:
        names_part, desc = name_body.strip(), ""
    names = [n for n in re.split(r"[,，\s]+", names_part) if n]
    first_par = ""
    for h, body in secs[1:]:
        if h.upper() in DESC_HEADINGS or h in DESC_HEADINGS or re.search(r"DESCRIPTION|描述|说明|說明", h):
            par = []
            for ln in body:
                if ln == "":
                    if par:
                        break
                    continue
                par.append(ln)
            first_par = norm_line(" ".join(par))
            break
    body_lines = []
    for h, body in secs:
        body_lines.append(h)
        body_lines.extend(body)
        body_lines.append("")
    body = "\n".join(norm_paragraphs(body_lines))
    title = (names_part + " - " + desc) if desc else names_part
    return {"title": norm_line(title), "names": names, "desc": desc, "first_par": first_par,
            "body": body}


def find_english(rel):
    """rel like 'man1/ls.1.gz' -> English path (same name; section 1<->8 fallback)."""
    sec_dir, fname = rel.split("/")
    base = fname[:-3] if fname.endswith(".gz") else fname
    name, _, ext = base.rpartition(".")
    cands = [os.path.join(MAN_ROOT, sec_dir, base + sfx) for sfx in (".gz", "")]
    if sec_dir in ("man1", "man8"):
        other = "man8" if sec_dir == "man1" else "man1"
        oext = ext.replace(sec_dir[3], other[3], 1)
        cands += [os.path.join(MAN_ROOT, other, name + "." + oext + sfx) for sfx in (".gz", "")]
    for c in cands:
        if os.path.isfile(c) and not os.path.islink(c):
            return c
    return None


def first_sentence(par, lang, names):
    """First sentence of par (raw text) and its query form; skip sentences that
    are too short once the command names are dropped (up to the third one)."""
    raw, q, _ = first_sentence_at(par, lang, names)
    return raw, q


def first_sentence_at(par, lang, names):
    """first_sentence, with the sentence's place in the paragraph (0, 1 or 2)."""
    sents = en_sentences(par) if lang == "en" else zh_sentences(par)
    for i, raw in enumerate(sents[:3]):
        q = drop_names(raw, names)
        if query_ok(q, lang):
            return raw, q, i
    return None, None, None


# ---------------------------------------------------------------- FAQ


class FaqParser(html.parser.HTMLParser):
    SKIP_CLASSES = {"navheader", "navfooter", "toc", "list-of-tables", "list-of-figures"}
    BLOCK = {"p", "pre", "li", "dt", "dd", "div", "br", "tr", "table", "ul", "ol", "dl",
             "blockquote", "h1", "h2", "h3", "h4", "h5"}

    def __init__(self, name_anchors=False):
        super().__init__(convert_charrefs=True)
        # The Installation Guide's headings carry <a name="..."> where the others carry id.
        self.name_anchors = name_anchors
        self.sections = []  # [anchor, heading, [chunks]]
        self.skip_stack = []  # tag names of skipped elements, depth-tracked
        self.depth_skip = 0
        self.in_heading = None
        self.heading_text = []
        self.heading_id = None
        self.in_pre = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth_skip:
            if tag == "div":
                self.depth_skip += 1
            return
        cls = set((a.get("class") or "").split())
        if tag == "div" and cls & self.SKIP_CLASSES:
            self.depth_skip = 1
            return
        if tag in ("h2", "h3", "h4", "h5") and "title" in cls:
            self.in_heading = tag
            self.heading_text = []
            self.heading_id = None
            return
        if tag == "h1":
            self.in_heading = tag
            self.heading_text = []
            self.heading_id = None
            return
        if self.in_heading and tag == "a" and not self.heading_id:
            self.heading_id = a.get("id") or (a.get("name") if self.name_anchors else None)
        if tag == "pre":
            self.in_pre += 1
        if tag in self.BLOCK and self.sections and not self.in_heading:
            self.sections[-1][2].append("\n")

    def handle_endtag(self, tag):
        if self.depth_skip:
            if tag == "div":
                self.depth_skip -= 1
            return
        if self.in_heading and tag == self.in_heading:
            text = norm_line("".join(self.heading_text))
            if tag == "h1":
                self.sections.append([None, text, []])  # chapter intro, not a question
            else:
                self.sections.append([self.heading_id, text, []])
            self.in_heading = None
            return
        if tag == "pre":
            self.in_pre -= 1
        if tag in self.BLOCK and self.sections and not self.in_heading:
            self.sections[-1][2].append("\n")

    def handle_data(self, data):
        if self.depth_skip:
            return
        if self.in_heading:
            self.heading_text.append(data)
        elif self.sections:
            if not self.in_pre:
                data = re.sub(r"\s+", " ", data)
            self.sections[-1][2].append(data)


def docbook_sections(html_text, name_anchors=False):
    """(anchor, heading without its number, normalised body lines) of each section of a DocBook
    page that has an anchor, in order."""
    p = FaqParser(name_anchors)
    p.feed(html_text)
    for anchor, heading, chunks in p.sections:
        if anchor:
            # "3.1. ", and the Reference's appendices "A.3. "
            title = re.sub(r"^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)\.\s*", "", heading).strip()
            yield anchor, title, norm_paragraphs("".join(chunks).split("\n"))


def parse_faq(path, name_anchors=False):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = collections.OrderedDict()
    for anchor, question, body in docbook_sections(text, name_anchors):
        first_par = next((ln for ln in body if ln), "")
        out[anchor] = {"title": question, "desc": question, "body": "\n".join(body),
                       "first_par": first_par, "names": []}
    return out


# ---------------------------------------------------------------- main


REMOVAL_STATS = collections.Counter()


def remove_text(doc_text, raw):
    """Remove every occurrence of raw from the doc text, ignoring differences in
    white space (line breaks, spaces dropped between Chinese characters)."""
    if not raw:
        return doc_text
    chars = [c for c in raw if not c.isspace()]
    pat = re.compile(r"\s*".join(re.escape(c) for c in chars))
    t, n = pat.subn(" ", doc_text)
    REMOVAL_STATS["removed" if n else "not-found"] += 1
    t = "\n".join(re.sub(r" {2,}", " ", ln).strip() for ln in t.split("\n"))
    t = re.sub(r"^(.+?)[ \t]+-[ \t]*$", r"\1", t, flags=re.M)  # "ls - " -> "ls"
    return t


def write_corpus(root, docs, removals=None):
    """docs: {docid: text}. removals: {docid: [raw texts]}"""
    if os.path.isdir(root):
        shutil.rmtree(root)
    for docid, text in docs.items():
        for raw in (removals or {}).get(docid, []):
            text = remove_text(text, raw)
        p = os.path.join(root, docid)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text.rstrip("\n") + "\n")


def doc_text(info):
    return info["title"] + "\n\n" + info["body"]


def man_faq_documents(args, say):
    """Documents of the manual pages and the FAQ: (docs, valid, docid by key, en/zh keys, zh/tw keys)."""
    # ---- collect man page files, but not the Reference's own page (debian-reference-common
    # brings one in Chinese), so that preparing the second benchmark does not change this one
    zh_root = os.path.join(MAN_ROOT, "zh_CN")
    tw_root = os.path.join(MAN_ROOT, "zh_TW")
    other = set(subprocess.run(["dpkg", "-L", "debian-reference-common"], capture_output=True,
                               text=True).stdout.split("\n"))
    rels = []
    for sec in sorted(os.listdir(zh_root)):
        d = os.path.join(zh_root, sec)
        for fn in sorted(os.listdir(d)):
            if os.path.islink(os.path.join(d, fn)) or os.path.join(d, fn) in other:
                continue  # aliases, the Reference's page
            rels.append(sec + "/" + fn)
    tw_rels = []
    for sec in sorted(os.listdir(tw_root)):
        d = os.path.join(tw_root, sec)
        for fn in sorted(os.listdir(d)):
            if not os.path.islink(os.path.join(d, fn)) and os.path.join(d, fn) not in other:
                tw_rels.append(sec + "/" + fn)
    jobs = {}
    for rel in rels:
        jobs[("zh", rel)] = os.path.join(zh_root, rel)
        en = find_english(rel)
        if en:
            jobs[("en", rel)] = en
    for rel in tw_rels:
        jobs[("tw", rel)] = os.path.join(tw_root, rel)
    say("man page files: zh_CN", len(rels), "zh_TW", len(tw_rels),
        "English counterparts found", sum(1 for k in jobs if k[0] == "en"))

    infos = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = {ex.submit(man_page_info, p, k[0], args.width): k for k, p in jobs.items()}
        for fu in concurrent.futures.as_completed(futs):
            infos[futs[fu]] = fu.result()

    def page_id(rel):
        fn = rel.split("/")[1]
        return fn[:-3] if fn.endswith(".gz") else fn

    skips = collections.Counter()
    valid = {}
    en_used = {}
    for (lang, rel) in sorted(infos):
        info = infos[(lang, rel)]
        if "skip" in info:
            skips[(lang, info["skip"])] += 1
            continue
        if len(info["body"]) < 300:
            skips[(lang, "nearly-empty")] += 1
            continue
        if lang in ("zh", "tw") and not is_zh(info["body"], 0.15):
            skips[(lang, "untranslated")] += 1
            continue
        if lang == "en":
            src = jobs[(lang, rel)]
            if src in en_used:  # two Chinese pages mapped to one English page
                skips[(lang, "duplicate-english")] += 1
                continue
            en_used[src] = rel
        valid[(lang, rel)] = info
    for k, v in sorted(skips.items()):
        say("skipped", k[0], k[1], v)

    docs = {"en": collections.OrderedDict(), "zh": collections.OrderedDict(),
            "tw": collections.OrderedDict()}
    docid_of = {}
    for (lang, rel), info in sorted(valid.items()):
        docid = "%s/man/%s.txt" % (lang, page_id(rel))
        docs[lang][docid] = doc_text(info)
        docid_of[(lang, rel)] = docid

    # ---- FAQ
    faq_pairs = []
    for fn in sorted(os.listdir(FAQ_ROOT)):
        if not fn.endswith(".en.html") or fn.startswith("index."):
            continue
        chap = fn[:-len(".en.html")]
        zpath = os.path.join(FAQ_ROOT, "zh-cn", chap + ".zh-cn.html")
        en_secs = parse_faq(os.path.join(FAQ_ROOT, fn))
        zh_secs = parse_faq(zpath) if os.path.exists(zpath) else {}
        for lang, secs in (("en", en_secs), ("zh", zh_secs)):
            for anchor, info in secs.items():
                if len(info["body"]) < 40:
                    skips[(lang, "faq-empty-section")] += 1
                    continue
                if lang == "zh" and not is_zh(info["body"], 0.15):
                    skips[(lang, "faq-untranslated")] += 1
                    continue
                docid = "%s/faq/%s/%s.txt" % (lang, chap, anchor)
                docs[lang][docid] = doc_text(info)
                valid[(lang, "faq:" + chap + "/" + anchor)] = info
                docid_of[(lang, "faq:" + chap + "/" + anchor)] = docid
        for anchor in en_secs:
            k = "faq:" + chap + "/" + anchor
            if ("en", k) in valid and ("zh", k) in valid:
                faq_pairs.append(k)
    return docs, valid, docid_of, sorted(rels) + faq_pairs, sorted(rels)


def reference_documents(say):
    """Documents of the Debian Reference: one per section (its own text, without the sections
    inside it), in English, Simplified and Traditional Chinese, paired by the section's anchor,
    which the translations keep. Sections under 40 characters (a heading over sub-sections) and
    Chinese sections that are mostly untranslated English are skipped. Its HTML comes from the
    same DocBook tools as the FAQ's, so parse_faq reads it."""
    skips = collections.Counter()
    docs = {"en": collections.OrderedDict(), "zh": collections.OrderedDict(),
            "tw": collections.OrderedDict()}
    valid = {}
    docid_of = {}
    chapters = sorted(fn[:-len(".en.html")] for fn in os.listdir(REFERENCE_ROOT)
                      if fn.endswith(".en.html") and not fn.startswith("index."))
    for chap in chapters:
        for lang, suffix in (("en", "en"), ("zh", "zh-cn"), ("tw", "zh-tw")):
            path = os.path.join(REFERENCE_ROOT, "%s.%s.html" % (chap, suffix))
            if not os.path.exists(path):
                continue
            for anchor, info in parse_faq(path).items():
                if len(info["body"]) < 40:
                    skips[(lang, "empty-section")] += 1
                    continue
                if lang != "en" and not is_zh(info["body"], 0.15):
                    skips[(lang, "untranslated")] += 1
                    continue
                key = "ref:%s/%s" % (chap, anchor)
                docid = "%s/ref/%s/%s.txt" % (lang, chap, anchor.strip("_"))
                docs[lang][docid] = doc_text(info)
                valid[(lang, key)] = info
                docid_of[(lang, key)] = docid
    for k, v in sorted(skips.items()):
        say("skipped", k[0], k[1], v)
    keys = sorted({k for (_, k) in valid})
    enzh = [k for k in keys if ("en", k) in valid and ("zh", k) in valid]
    zhtw = [k for k in keys if ("zh", k) in valid and ("tw", k) in valid]
    return docs, valid, docid_of, enzh, zhtw


DOCNAV = re.compile(r'<ul class="docnav">.*?</ul>', re.S)
BOX_TITLE = "\u2063"  # marks the title of a box, figure or example (<p class="title">) while parsing


def parse_publican(path):
    """A Publican page of the Debian Administrator's Handbook, read as parse_faq reads DocBook
    pages, less its previous / next links (a list after the last section, which parse_faq would
    add to that section's text). The titles of its boxes, figures and examples ("CULTURE
    Commercial distributions", 文化：商业发行版本) stay in the text and are listed apart, so that
    a sentence topic is not drawn from one."""
    with open(path, encoding="utf-8") as f:
        text = DOCNAV.sub("", f.read())
    text = text.replace('<p class="title">', '<p class="title">' + BOX_TITLE)
    out = collections.OrderedDict()
    for anchor, title, lines in docbook_sections(text):
        body = [ln.replace(BOX_TITLE, "").strip() for ln in lines]
        boxes = {b for ln, b in zip(lines, body) if ln.startswith(BOX_TITLE)}
        title = title.replace(BOX_TITLE, "")
        out[anchor] = {"title": title, "desc": title, "body": body, "box_titles": boxes,
                       "names": []}
    return out


ENGLISH_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "is", "are", "and", "in", "for", "with",
                          "can", "be", "this", "that", "it", "on", "by", "as", "which", "or"}


def untranslated(par, english_pars):
    """A paragraph of a Chinese section that is English prose left untranslated: eight words or
    more ending as a sentence or a list item does, four of them English function words (a line of
    code or program output, which both languages carry alike, has fewer), and either word for
    word the English section's own or with at most a tenth of its letters Chinese (a cross
    reference or a name translated)."""
    words = re.findall(r"[A-Za-z]+", par)
    if len(words) < 8 or re.search(r"[.:?!,;…]$|\. ", par) is None:
        return False
    if sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS) < 4:
        return False
    return (cjk_count(par) == 0 and par in english_pars) or not is_zh(par, 0.1)


class BookSections:
    """The documents of a translated book, one per section, gathered as handbook_documents and
    guides_documents read them, English first: a Chinese section's paragraphs of untranslated
    English prose are taken out (they would let an English query find its Chinese target by its
    own words), and a section left under 40 characters, or mostly English, is skipped."""

    def __init__(self):
        self.skips = collections.Counter()
        self.removed = collections.Counter()
        self.docs = {"en": collections.OrderedDict(), "zh": collections.OrderedDict(),
                     "tw": collections.OrderedDict()}
        self.valid, self.docid_of = {}, {}
        self.english = {}

    def add(self, lang, key, docid, info, lines, first_par, english_key, heading_needed=False):
        """One section: its body lines, its first paragraph (the sentence topics' source), the
        key of its English version's paragraphs; heading_needed skips a Chinese section whose
        heading has no Chinese word."""
        if lang == "en":
            self.english[english_key] = {ln for ln in lines if ln}
        else:
            kept = [ln for ln in lines if not untranslated(ln, self.english.get(english_key, ()))]
            self.removed[lang] += len(lines) - len(kept)
            lines = norm_paragraphs(kept)
            if first_par not in kept:
                # The section's first paragraph is untranslated: the next one is not the
                # English first paragraph's translation, so no sentence topic is drawn.
                first_par = ""
        body = "\n".join(lines)
        if len(body) < 40:
            self.skips[(lang, "empty-section")] += 1
            return
        if lang != "en" and not is_zh(body, 0.15):
            self.skips[(lang, "untranslated")] += 1
            return
        if heading_needed and lang != "en" and cjk_count(info["title"]) < 2:
            self.skips[(lang, "untranslated heading")] += 1
            return
        info["body"] = body
        info["first_par"] = first_par
        self.docs[lang][docid] = doc_text(info)
        self.valid[(lang, key)] = info
        self.docid_of[(lang, key)] = docid

    def result(self, say):
        """(docs, valid, docid by key, en/zh keys, zh/tw keys), the skips and removals said."""
        for k, v in sorted(self.skips.items()):
            say("skipped", k[0], k[1], v)
        for k, v in sorted(self.removed.items()):
            say("removed", k, "untranslated paragraphs", v)
        valid = self.valid
        keys = sorted({k for (_, k) in valid})
        enzh = [k for k in keys if ("en", k) in valid and ("zh", k) in valid]
        zhtw = [k for k in keys if ("zh", k) in valid and ("tw", k) in valid]
        return self.docs, valid, self.docid_of, enzh, zhtw


def handbook_documents(say):
    """Documents of the Debian Administrator's Handbook (debian-handbook; en-US, zh-CN, zh-TW),
    one per section, paired by the section's id, which the translations keep. Its translations
    lag the English book: a Chinese section often keeps paragraphs of English prose, which
    BookSections takes out; it skips a Chinese section left with under 40 characters, or mostly
    English, as the Reference's are, and one whose heading has no Chinese word (an untranslated
    heading)."""
    book = BookSections()
    for lang, folder in (("en", "en-US"), ("zh", "zh-CN"), ("tw", "zh-TW")):
        root = os.path.join(HANDBOOK_ROOT, folder)
        for fn in sorted(os.listdir(root)):
            if not fn.endswith(".html"):
                continue
            page = fn[:-len(".html")]
            for anchor, info in parse_publican(os.path.join(root, fn)).items():
                pars = [ln for ln in info["body"] if ln]
                first_par = next((ln for ln in pars if ln not in info["box_titles"]), "")
                book.add(lang, "hb:%s/%s" % (page, anchor), "%s/hb/%s/%s.txt" % (lang, page, anchor),
                         info, info["body"], first_par, anchor, heading_needed=True)
    return book.result(say)


def guides_documents(say):
    """Documents of two Debian guides, one per section: the Installation Guide (installation-
    guide-amd64; en and zh_CN, there is no zh_TW) and the New Maintainers' Guide (maint-guide,
    -zh-cn, -zh-tw). The Installation Guide's sections are paired by their page and their place
    in it: the translations keep each page's sections in order, but a section without an id of
    its own gets a generated one (idm4308) that differs between languages. The Maintainers'
    Guide keeps its ids. Untranslated paragraphs and short or untranslated sections go as for the
    handbook (BookSections); a section whose heading is not translated (package.links) stays, as
    a document whose heading gives no title topic."""
    book = BookSections()
    install = os.path.join(INSTALL_ROOT, "en")
    for fn in sorted(os.listdir(install)):
        if not fn.endswith(".html") or fn == "index.html":
            continue
        page = fn[:-len(".html")]
        for lang, folder in (("en", "en"), ("zh", "zh_CN")):
            path = os.path.join(INSTALL_ROOT, folder, fn)
            if not os.path.exists(path):
                continue
            for i, info in enumerate(parse_faq(path, name_anchors=True).values(), 1):
                key = "ig:%s/%02d" % (page, i)
                book.add(lang, key, "%s/ig/%s/%02d.txt" % (lang, page, i), info,
                         info["body"].split("\n"), info["first_par"], key)
    for lang, suffix in (("en", "en"), ("zh", "zh-cn"), ("tw", "zh-tw")):
        root = MAINT_ROOT + ("" if lang == "en" else "-" + suffix) + "/html"
        for fn in sorted(os.listdir(root)):
            if not fn.endswith("." + suffix + ".html") or fn.startswith("index."):
                continue
            chap = fn[:-len("." + suffix + ".html")]
            for anchor, info in parse_faq(os.path.join(root, fn)).items():
                key = "nm:%s/%s" % (chap, anchor)
                book.add(lang, key, "%s/nm/%s/%s.txt" % (lang, chap, anchor), info,
                         info["body"].split("\n"), info["first_par"], key)
    return book.result(say)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--max-topics", type=int, default=300)
    ap.add_argument("--width", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=max(2, (os.cpu_count() or 2) * 2))
    ap.add_argument("--source", choices=("man-faq", "reference", "handbook", "guides"), default="man-faq",
                    help="man-faq: manual pages and the FAQ (the benchmark of issue 3); "
                         "reference: the sections of the Debian Reference, a second set of "
                         "another kind (long technical prose), to check choices made on the first; "
                         "handbook: the sections of the Debian Administrator's Handbook, a third "
                         "set, held out: no ranking choice was measured on it before its first run; "
                         "guides: the sections of the Installation Guide and the New Maintainers' "
                         "Guide, a fourth, held out likewise (added in session 71)")
    args = ap.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)
    log = open(os.path.join(out, "prepare.log"), "w", encoding="utf-8")

    def say(*a):
        msg = " ".join(str(x) for x in a)
        print(msg)
        log.write(msg + "\n")

    if args.source == "reference":
        docs, valid, docid_of, enzh_keys, zhtw_keys = reference_documents(say)
    elif args.source == "handbook":
        docs, valid, docid_of, enzh_keys, zhtw_keys = handbook_documents(say)
    elif args.source == "guides":
        docs, valid, docid_of, enzh_keys, zhtw_keys = guides_documents(say)
    else:
        docs, valid, docid_of, enzh_keys, zhtw_keys = man_faq_documents(args, say)
    say("documents: en", len(docs["en"]), "zh", len(docs["zh"]), "tw", len(docs["tw"]))

    # ---- candidate topics
    def topic_texts(info, lang, kind):
        """(raw text to remove from the source doc, query text) or (None, None)."""
        names = info["names"]
        if kind == "title":
            raw = info["desc"]
            q = drop_names(raw, names) if raw else ""
            return (raw, q) if raw and query_ok(q, lang) else (None, None)
        if not info["first_par"]:
            return None, None
        return first_sentence(info["first_par"], lang, names)

    # The handbook's two Chinese translations were made apart from each other (and from the
    # English book's later versions), so its two versions of a sentence topic must be the same
    # sentence of the paragraph: where one language's first sentence is not a usable query and
    # the next one is taken, the other language's first sentence says something else. The
    # guides' translations were made from their English one paragraph at a time, but a
    # translator may still join or split its sentences, so the same check holds there.
    SHIFTED = collections.Counter()

    def shifted(a, b, la, lb, kind):
        if args.source not in ("handbook", "guides") or kind != "sent":
            return False
        ia = first_sentence_at(a["first_par"], la, a["names"])[2]
        ib = first_sentence_at(b["first_par"], lb, b["names"])[2]
        if ia != ib:
            SHIFTED[(la + lb, kind)] += 1
            return True
        return False

    cands = {}  # (pairkind, kind) -> list of dict
    # A command name that is also a word of the text ("close - close a file descriptor",
    # "date" in "print or set the system date and time") is dropped from the English query,
    # while the Chinese one keeps its translation (关闭, 日期): the two queries would no longer
    # say the same thing, and the monolingual ceiling of the English->Chinese direction would
    # hold a word its cross-language run never saw. So an English/Chinese topic is left out
    # when its English text names a command its Chinese text does not. (The other way round,
    # the Chinese query loses a Latin name that the English never had: nothing one-sided.
    # Simplified and Traditional pages write names alike.)
    ONE_SIDED = collections.Counter()

    def one_sided(raw_en, raw_zh, names):
        lost = names_in(raw_en, names) - names_in(raw_zh, names)
        if lost:
            say("  left out:", "/".join(sorted(lost)), "|", norm_line(raw_en)[:70], "|",
                norm_line(raw_zh)[:50])
        return bool(lost)

    for kind in ("title", "sent"):
        enzh = []
        for key in enzh_keys:
            a, b = valid.get(("en", key)), valid.get(("zh", key))
            if not a or not b:
                continue
            ra, qa = topic_texts(a, "en", kind)
            rb, qb = topic_texts(b, "zh", kind)
            if qa and qb and one_sided(ra, rb, a["names"] + b["names"]):
                ONE_SIDED[kind] += 1
            elif qa and qb and not shifted(a, b, "en", "zh", kind):
                enzh.append({"key": key, "en": (ra, qa), "zh": (rb, qb)})
        cands[("enzh", kind)] = enzh
        zt = []
        for key in zhtw_keys:
            a, b = valid.get(("zh", key)), valid.get(("tw", key))
            if not a or not b:
                continue
            ra, qa = topic_texts(a, "zh", kind)
            rb, qb = topic_texts(b, "tw", kind)
            if qa and qb and not shifted(a, b, "zh", "tw", kind):
                zt.append({"key": key, "zh": (ra, qa), "tw": (rb, qb)})
        cands[("zhtw", kind)] = zt
    say("topics left out, a command name in the English text only:", dict(ONE_SIDED))
    if SHIFTED:
        say("topics left out, not the same sentence of the paragraph in both languages:",
            dict(SHIFTED))
    for k, v in cands.items():
        say("candidate topics", k[0], k[1], len(v),
            "(faq %d)" % sum(1 for t in v if t["key"].startswith("faq:")))

    rng = random.Random(args.seed)
    picked = {}
    for k in sorted(cands):
        lst = list(cands[k])
        if len(lst) > args.max_topics:
            lst = rng.sample(lst, args.max_topics)
            lst.sort(key=lambda t: t["key"])
        prefix = ("t" if k[1] == "title" else "s") + ("" if k[0] == "enzh" else "z")
        for i, t in enumerate(lst, 1):
            t["qid"] = "%s%03d" % (prefix, i)
        picked[k] = lst

    # ---- write corpora, topics, qrels, manifest
    for sub in ("topics", "qrels"):
        d = os.path.join(out, sub)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    for d in os.listdir(out):
        if d.startswith("corpus-"):
            shutil.rmtree(os.path.join(out, d))

    write_corpus(os.path.join(out, "corpus-en"), docs["en"])
    write_corpus(os.path.join(out, "corpus-zh"), docs["zh"])
    write_corpus(os.path.join(out, "corpus-tw"), docs["tw"])
    mixed = collections.OrderedDict(list(docs["en"].items()) + list(docs["zh"].items()))
    write_corpus(os.path.join(out, "corpus-mixed"), mixed)

    def D(lang, key):
        return docid_of[(lang, key)]

    manifest = []
    counts = {}

    def emit(setname, kind, topics, qlang, rel_langs, corpus, ceiling_of=None, base=None):
        name = "%s.%s" % (setname, kind)
        tp = os.path.join(out, "topics", name + ".tsv")
        qp = os.path.join(out, "qrels", name + ".txt")
        with open(tp, "w", encoding="utf-8") as ft, open(qp, "w", encoding="utf-8") as fq:
            for t in topics:
                ft.write("%s\t%s\n" % (t["qid"], t[qlang][1]))
                for rl in rel_langs:
                    fq.write("%s 0 %s 1\n" % (t["qid"], trec_id(D(rl, t["key"]))))
        manifest.append({"name": name, "set": setname, "kind": kind, "corpus": corpus,
                         "topics": os.path.relpath(tp, out), "qrels": os.path.relpath(qp, out),
                         "ceiling_of": ceiling_of, "topic_count": len(topics),
                         "docs": sum(1 for _ in os.scandir(os.path.join(out, corpus)))
                         if False else None})
        counts[name] = len(topics)

    for kind in ("title", "sent"):
        ez = picked[("enzh", kind)]
        zt = picked[("zhtw", kind)]
        # Each cross-language set and its monolingual ceiling share one corpus and one relevant
        # document: the target-language version with the aligned text removed (the query's own
        # text for the ceiling; its translation, the aligned NAME line or first sentence, for the
        # cross set). Only the query language differs, so cross / ceiling measures translation.
        c = "corpus-zh-for-zh2zh.%s" % kind
        write_corpus(os.path.join(out, c), docs["zh"], {D("zh", t["key"]): [t["zh"][0]] for t in ez})
        emit("en2zh", kind, ez, "en", ["zh"], c)
        emit("zh2zh", kind, ez, "zh", ["zh"], c, ceiling_of="en2zh")
        c = "corpus-en-for-en2en.%s" % kind
        write_corpus(os.path.join(out, c), docs["en"], {D("en", t["key"]): [t["en"][0]] for t in ez})
        emit("zh2en", kind, ez, "zh", ["en"], c)
        emit("en2en", kind, ez, "en", ["en"], c, ceiling_of="zh2en")
        c = "corpus-tw-for-t2t.%s" % kind
        write_corpus(os.path.join(out, c), docs["tw"], {D("tw", t["key"]): [t["tw"][0]] for t in zt})
        emit("s2t", kind, zt, "zh", ["tw"], c)
        emit("t2t", kind, zt, "tw", ["tw"], c, ceiling_of="s2t")
        # the other way: Traditional queries on the Simplified pages of the same topics, their
        # ceiling the Simplified query, with the Simplified text removed from its page
        c = "corpus-zh-for-s2s.%s" % kind
        write_corpus(os.path.join(out, c), docs["zh"], {D("zh", t["key"]): [t["zh"][0]] for t in zt})
        emit("t2s", kind, zt, "tw", ["zh"], c)
        emit("s2s", kind, zt, "zh", ["zh"], c, ceiling_of="t2s")
        # mixed: both query texts removed from their own docs, both versions relevant
        c = "corpus-mixed-for-mixed.%s" % kind
        rem = {}
        for t in ez:
            rem[D("en", t["key"])] = [t["en"][0]]
            rem[D("zh", t["key"])] = [t["zh"][0]]
        write_corpus(os.path.join(out, c), mixed, rem)
        emit("mixed-en", kind, ez, "en", ["en", "zh"], c)
        emit("mixed-zh", kind, ez, "zh", ["en", "zh"], c)

    corpus_counts = {}
    for d in sorted(os.listdir(out)):
        if d.startswith("corpus-"):
            n = 0
            for _, _, files in os.walk(os.path.join(out, d)):
                n += sum(1 for f in files if f.endswith(".txt"))
            corpus_counts[d] = n
    for m in manifest:
        m["docs"] = corpus_counts[m["corpus"]]
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"source": args.source, "seed": args.seed, "max_topics": args.max_topics, "sets": manifest,
                   "corpora": corpus_counts}, f, indent=1, ensure_ascii=False)
    with open(os.path.join(out, "sets.tsv"), "w", encoding="utf-8") as f:
        f.write("name\tset\tkind\tcorpus\ttopics\tqrels\tceiling_of\ttopic_count\tdocs\n")
        for m in manifest:
            f.write("\t".join(str(m[k] if m[k] is not None else "-") for k in
                              ("name", "set", "kind", "corpus", "topics", "qrels", "ceiling_of",
                               "topic_count", "docs")) + "\n")
    say("query-text removals:", dict(REMOVAL_STATS))
    for d, n in corpus_counts.items():
        say("corpus", d, n, "docs")
    for m in manifest:
        say("set", m["name"], "topics", m["topic_count"], "corpus", m["corpus"], m["docs"], "docs")
    log.close()


if __name__ == "__main__":
    sys.exit(main())
