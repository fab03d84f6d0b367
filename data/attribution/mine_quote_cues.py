#!/usr/bin/env python3
"""Mines the one-word cues of direct quotations from PolNeAR train (data/attribution/quote_cues.tsv).

    python3 data/attribution/mine_quote_cues.py ../shared > data/attribution/quote_cues.tsv

Reads every annotation file of ../shared/data/polnear/train/attributions (brat standoff: Cue
and Content spans joined by an Attribution event). A cue counts when it is one word (letters
only) and its content is a quotation (its text opens or closes with a quotation mark). A word
is kept when it was such a cue in at least MIN_ARTICLES articles, the median length of its
quotations is at least MIN_WORDS words (speech, not a name or a term: "called", "dubbed",
"titled" introduce short labels) and it is no preposition (PolNeAR also marks "from", "in",
"under" as cues: "in a statement"). Output: the lower-cased word, the articles and the median
length, sorted by word; deterministic. No article text is written.
"""
import collections
import os
import re
import sys

MIN_ARTICLES = 2
MIN_WORDS = 6
PREPOSITIONS = {"about", "according", "at", "by", "for", "from", "in", "of", "on", "per", "to", "under", "with"}
QUOTE_MARKS = "\"“”'‘’"


def read_ann(path):
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[0].startswith("T"):
                kind = parts[1].split(" ")[0]
                spans[parts[0]] = (kind, parts[2])
            elif len(parts) >= 2 and parts[0].startswith("E"):
                events.append(dict(x.split(":", 1) for x in parts[1].split(" ") if ":" in x))
    return spans, events


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = os.path.join(sys.argv[1], "data", "polnear", "train", "attributions")
    articles, lengths = collections.defaultdict(set), collections.defaultdict(list)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        article = name.rsplit("_", 1)[0]
        spans, events = read_ann(os.path.join(folder, name))
        for e in events:
            cue, content = spans.get(e.get("Cue", ""), ("", "")), spans.get(e.get("Content", ""), ("", ""))
            word, text = cue[1].strip().lower(), content[1].strip()
            if not re.fullmatch(r"[a-z]+", word) or not text:
                continue
            if text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS:
                articles[word].add(article)
                lengths[word].append(len(text.split()))
    print("# name: quote_cues")
    print("# description: one-word cues of direct quotations, mined from PolNeAR train (not written by hand).")
    print("# command: python3 data/attribution/mine_quote_cues.py ../shared > data/attribution/quote_cues.tsv")
    print(f"# rule: a one-word cue whose content is a quotation, in >= {MIN_ARTICLES} train articles, median")
    print(f"#   quotation >= {MIN_WORDS} words, no preposition")
    print("# columns: word (lower case) <TAB> articles <TAB> median quotation length in words")
    for word in sorted(articles):
        median = sorted(lengths[word])[len(lengths[word]) // 2]
        if len(articles[word]) >= MIN_ARTICLES and median >= MIN_WORDS and word not in PREPOSITIONS:
            print(f"{word}\t{len(articles[word])}\t{median}")


if __name__ == "__main__":
    main()
