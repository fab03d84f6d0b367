#!/usr/bin/env python3
"""Mines data/attribution/self_reference.tsv: the words around an outlet's name that mark an
article speaking of itself ("X has learned", "exclusively told X", "reached out to X",
"Have a story for X?") rather than citing another publication ("told X in 2016").

    python3 data/attribution/mine_self_reference.py ../shared > data/attribution/self_reference.tsv
    python3 data/attribution/mine_self_reference.py ../shared --check   # dev: how many articles it names

Source: ../shared/data/gossipcop/gossipcop_train.jsonl. Each article's own outlet is the name
data/outlets/hosts.tsv gives its URL's host. Every whole-word occurrence of a name of
hosts.tsv in an article's text is an example: positive when it is the article's own outlet,
negative when it is another. A context is the lower-cased words around the occurrence (a
capitalised word as the class <cap>; the name written as a web address, "X.com", has the one
context "W _ <domain>", W the word before it or "^" at the start of a paragraph): one or two words before ("exclusively told _"), one or two
after ("_ has learned"), or one on each side ("told _ exclusively"). Counts are articles, not
occurrences. A context is kept when it holds no <cap> (hearsay reads a capitalised word beside a name as
part of it; "<cap> tells _" is mostly someone interviewed by another outlet) and is <domain> or
holds a word of letters, was seen with
the own outlet in at least MIN_ARTICLES articles of at least MIN_OUTLETS different outlets
(no single site's template), and is the own outlet in at least MIN_PRECISION of its articles.
Deterministic: the output is sorted. No article text is kept, only these short contexts.
"""
import collections, json, os, re, sys

MIN_ARTICLES, MIN_OUTLETS, MIN_PRECISION = 8, 2, 0.95
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.!-]*[A-Za-z0-9!]|[A-Za-z0-9]|[^\sA-Za-z0-9]")


def word(t):
    return "<cap>" if len(t) > 1 and t[0].isupper() and not t.isupper() else t.lower()


def host(url):
    h = re.sub(r"^[a-z]+://", "", url or "").split("/")[0]
    return re.sub(r"^www\.", "", h.lower())


def contexts(text, b, e):
    if re.match(r"\.(com|co\.uk|net|org|tv)(?![A-Za-z0-9])", text[e:]):
        # The name written as its web address ("RadarOnline.com"), with the word before it; "^"
        # when it opens its paragraph.
        before = [word(t) for t in TOKEN.findall(text[max(0, b - 80):b])]
        opens = text[:b].rstrip(" \t").endswith("\n") or not text[:b].strip()
        return {("^" if opens or not before else before[-1]) + " _ <domain>"}
    left = [word(t) for t in TOKEN.findall(text[max(0, b - 80):b])][-2:]
    right = [word(t) for t in TOKEN.findall(text[e:e + 80])][:2]
    out = set()
    if left:
        out.add(left[-1] + " _")
        if len(left) == 2:
            out.add(" ".join(left) + " _")
    if right:
        out.add("_ " + right[0])
        if len(right) == 2:
            out.add("_ " + " ".join(right))
    if left and right:
        out.add(left[-1] + " _ " + right[0])
    return out


def examples(path, hosts, pattern):
    """(own outlet, [(is_own, contexts)]) per article with a known own outlet."""
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        own = hosts.get(host(d.get("url")))
        if not own:
            continue
        text = d.get("text") or ""
        yield own, [(m.group(1) == own, contexts(text, m.start(), m.end())) for m in pattern.finditer(text)]


def keep(ctx):
    if ctx.endswith("_ <domain>"):
        return True
    if "<cap>" in ctx:  # a capitalised word beside a name is read as part of it; further off, a person
        return False
    words = ctx.replace("_", " ").split()
    return any(re.fullmatch(r"[a-z][a-z'’.-]*", w) for w in words)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
    here = os.path.dirname(os.path.abspath(__file__))
    hosts = {}
    for line in open(os.path.join(here, "..", "outlets", "hosts.tsv"), encoding="utf-8"):
        if not line.startswith("#") and "\t" in line:
            h, name = line.rstrip("\n").split("\t")
            hosts[h] = name
    names = sorted(set(hosts.values()), key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z0-9])")
    data = os.path.join(shared, "data", "gossipcop")
    own_n, other_n = collections.Counter(), collections.Counter()
    outlets = collections.defaultdict(set)
    for own, occ in examples(os.path.join(data, "gossipcop_train.jsonl"), hosts, pattern):
        pos = set().union(*[c for p, c in occ if p]) if occ else set()
        neg = set().union(*[c for p, c in occ if not p]) if occ else set()
        for c in pos:
            own_n[c] += 1
            outlets[c].add(own)
        for c in neg:
            other_n[c] += 1
    kept = sorted(c for c in own_n if keep(c) and own_n[c] >= MIN_ARTICLES and len(outlets[c]) >= MIN_OUTLETS and
                  own_n[c] / (own_n[c] + other_n[c]) >= MIN_PRECISION)
    if "--check" in sys.argv:
        named = right = names_own = 0
        for own, occ in examples(os.path.join(data, "gossipcop_dev.jsonl"), hosts, pattern):
            names_own += any(p for p, _ in occ)
            hit = next((p for p, c in occ if c & set(kept)), None)
            named += hit is not None
            right += hit is True
        print(f"dev: {names_own} articles name their outlet; named {named}, right {right}", file=sys.stderr)
        return
    print("# name: self_reference")
    print("# description: words around an outlet's name that mark the article speaking of itself;")
    print("#   mined by data/attribution/mine_self_reference.py from GossipCop train (see README.md).")
    print("#   '_' is the name, <cap> any capitalised word, '_ <domain>' the name as a web address")
    print("#   ('^ _ <domain>': opening a paragraph); own/other: train articles with the context")
    print("#   around their own outlet's name / around another outlet's name.")
    print("# columns: context <TAB> own <TAB> other")
    for c in kept:
        print(f"{c}\t{own_n[c]}\t{other_n[c]}")


if __name__ == "__main__":
    main()
