#!/usr/bin/env python3
"""Compiles data/works/works.txt (film, TV, music and book titles).

Sources, both mechanical (no hand-picked titles):
  1. GossipCop train texts (../shared/data/gossipcop/gossipcop_train.jsonl): a quoted,
     capitalised title right after a work noun -- film "X", movie "X", series "X",
     show "X", album "X", song "X", single "X", novel "X", book "X", documentary "X",
     sitcom "X", musical "X" (straight or curly quotes) -- seen >= MIN_COUNT times;
  2. WNUT-17 train (../shared/data/wnut17/wnut17train.conll, CC BY 4.0): every
     creative-work span that starts with a capital letter and has >= 2 characters.
Usage: python3 data/works/mine_works.py ../shared > data/works/works.txt
"""
import collections, json, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
MIN_COUNT = 2
NOUNS = r"(?:film|movie|flick|series|show|sitcom|drama|comedy|thriller|documentary|musical|album|song|single|track|novel|book|memoir|play|franchise|sequel|reboot)"
pat = re.compile(r"\b" + NOUNS + r"s?,?\s+[\"\u201c]([A-Z0-9][^\"\u201d\n]{1,60}?)[,.]?[\"\u201d]")
counts = collections.Counter()
for line in open(f"{shared}/data/gossipcop/gossipcop_train.jsonl", encoding="utf-8"):
    j = json.loads(line)
    for m in pat.finditer(j.get("text") or ""):
        t = m.group(1).strip()
        if len(t.split()) <= 8:
            counts[t] += 1
out = {t for t, n in counts.items() if n >= MIN_COUNT}
span = []
for line in open(f"{shared}/data/wnut17/wnut17train.conll", encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    tag = parts[-1] if len(parts) > 1 else "O"
    if tag == "I-creative-work" and span:
        span.append(parts[0])
        continue
    if span:
        t = " ".join(span)
        if t[:1].isupper() and len(t) >= 2:
            out.add(t)
        span = []
    if tag == "B-creative-work":
        span = [parts[0]]
print("# works compiled by data/works/mine_works.py from GossipCop train and WNUT-17 train (see README.md)")
for t in sorted(out):
    print(t)
