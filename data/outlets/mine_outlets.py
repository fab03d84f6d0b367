#!/usr/bin/env python3
"""Compiles data/outlets/outlets.txt from ../shared/data/gossipcop/gossipcop_train.jsonl.

Two sources, both mechanical (no hand-picked names):
  1. the host of every article URL, written as it appears in text ("usmagazine.com");
  2. capitalised phrases in outlet-citing frames: "according to X", "told X", "X reported",
     "X reports", "X magazine", "X has learned", "X can reveal", "a source told X",
     kept when seen in >= MIN_FRAMES such frames, the first word is not a common given name
     (us_names), a pronoun/determiner or a word mostly written in lower case, and (for one
     word) seen in two different kinds of frame.
Usage: python3 data/outlets/mine_outlets.py ../shared > data/outlets/outlets.txt
"""
import collections, json, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
MIN_FRAMES = 4
first_names = set()
for line in open(f"{shared}/data/us_names/ssa_first_names_maxoccurbysex.txt", encoding="utf-8"):
    name, sex, count, year = line.strip().split(",")
    if int(count) >= 200:
        first_names.add(name.lower())
STOP = {"the", "a", "an", "he", "she", "they", "we", "i", "you", "it", "his", "her", "their", "our", "my",
        "this", "that", "these", "those", "one", "two", "sources", "source", "fans", "friends", "reporters",
        "police", "officials", "insiders", "people's"}
CAP = r"((?:[A-Z][\w!&'.-]*|of|the|and|&)(?:\s+(?:[A-Z][\w!&'.-]*|of|the|&)){0,3})"
frames = [re.compile(r"\baccording to (?:the )?" + CAP), re.compile(r"\btold (?:the )?" + CAP),
          re.compile(CAP + r" (?:reported|reports|has learned|can reveal|magazine)\b")]
counts = collections.Counter()
kinds = collections.defaultdict(set)
lower_count = collections.Counter()
word_count = collections.Counter()
hosts = collections.Counter()
for line in open(f"{shared}/data/gossipcop/gossipcop_train.jsonl", encoding="utf-8"):
    j = json.loads(line)
    m = re.match(r"https?://(?:www\d?\.)?([^/:]+)", j.get("url") or "")
    if m:
        hosts[m.group(1).lower()] += 1
    text = j.get("text") or ""
    for w in re.findall(r"[A-Za-z]+", text):
        word_count[w.lower()] += 1
        lower_count[w.lower()] += w.islower()
    for k, f in enumerate(frames):
        for m in f.finditer(text):
            phrase = re.split(r"\.\s", m.group(1).strip())[0].rstrip(".'")
            phrase = re.sub(r"\s+(?:of|the|and|&)$", "", phrase)
            words = phrase.split()
            if not words or words[0].lower() in STOP or words[0].lower() in first_names:
                continue
            if len(words) == 1 and len(phrase) < 3:
                continue
            counts[phrase] += 1
            kinds[phrase].add(k)
out = set()
for h, n in hosts.items():
    if n >= 3:
        out.add(h)
def common(w):
    w = w.lower()
    return word_count[w] >= 10 and lower_count[w] * 2 >= word_count[w]
for p, n in counts.items():
    words = p.split()
    if n < MIN_FRAMES or common(words[0]) or p.endswith(("an", "ish", "ese")) and len(words) == 1:
        continue
    # One-word phrases must appear in two kinds of frame (people are "told", rarely "reported").
    if len(words) == 1 and len(kinds[p]) < 2:
        continue
    out.add(p)
print("# outlets compiled by data/outlets/mine_outlets.py from GossipCop train (see README.md)")
for p in sorted(out):
    print(p)
