#!/usr/bin/env python3
"""Compiles data/demonyms/demonyms.txt: nationality and group adjectives ("German",
"Cuban-born" style words are handled by rules, not listed).

Source: CoNLL-2003 eng.train (../shared/data/conll2003/eng.train): one-token MISC spans
seen >= 3 times whose spelling ends like an English demonym (-an, -ian, -ish, -ese, -ch,
-i, -ic). Only the word list is kept, no sentences.
Usage: python3 data/demonyms/mine_demonyms.py ../shared > data/demonyms/demonyms.txt
"""
import collections, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
counts = collections.Counter()
rows = [l.split() for l in open(f"{shared}/data/conll2003/eng.train", encoding="utf-8")]
for i, r in enumerate(rows):
    if len(r) < 4 or not r[-1].endswith("MISC"):
        continue
    prev = rows[i - 1] if i else []
    nxt = rows[i + 1] if i + 1 < len(rows) else []
    starts = not (prev and len(prev) >= 4 and prev[-1].endswith("MISC") and r[-1].startswith("I-"))
    ends = not (nxt and len(nxt) >= 4 and nxt[-1] == "I-MISC")
    if starts and ends:
        counts[r[0]] += 1
print("# demonyms compiled by data/demonyms/mine_demonyms.py from CoNLL-2003 train (see README.md)")
for w, n in sorted(counts.items()):
    if n >= 3 and w[:1].isupper() and not w.isupper() and re.search(r"(an|ian|ish|ese|ch|i|ic)$", w):
        print(w)
