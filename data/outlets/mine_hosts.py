#!/usr/bin/env python3
"""Compiles data/outlets/hosts.tsv (host -> the outlet's usual name) from GossipCop train.

For every host with >= MIN_ARTICLES articles (URL with or without a scheme; web.archive.org
URLs read through to the archived host), the name is the capitalised phrase (one to three
words, as written in that host's own article texts) whose letters match the host's name
label, once periodical words (magazine, mag, online, news, weekly, daily, the) are set
aside on both sides: people.com -> "People", usmagazine.com -> "Us Weekly",
radaronline.com -> "Radar Online". Among matching phrases the most frequent wins, if seen
MIN_SEEN times. Hosts without one keep no row (the host itself is then the outlet name).
Usage: python3 data/outlets/mine_hosts.py ../shared > data/outlets/hosts.tsv
"""
import collections, json, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
MIN_ARTICLES, MIN_SEEN = 3, 3
PERIODICAL = ("the", "magazine", "mag", "online", "news", "weekly", "daily")
PHRASE = re.compile(r"\b[A-Z][\w!'&]*(?:\s+[A-Z][\w!'&]*){0,2}")


def host_of(url):
    url = (url or "").strip()
    m = re.match(r"(?:https?://)?(?:www\.)?web\.archive\.org/web/[^/]+/(.*)", url)
    if m:
        url = m.group(1)
    m = re.match(r"(?:[a-z]+://)?(?:www\d?\.)?([^/:?#\s]+)", url, re.I)
    host = m.group(1).lower() if m else ""
    return host if "." in host else ""


def core(s):
    """Letters of s without leading/trailing periodical words."""
    words = re.findall(r"[a-z0-9]+", s.lower().replace("'s", ""))
    while words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in PERIODICAL:
        words = words[:-1]
    return "".join(words)


def label_core(label):
    for p in ("the",):
        if label.startswith(p) and len(label) > len(p) + 2:
            label = label[len(p):]
    changed = True
    while changed:
        changed = False
        for suffix in PERIODICAL:
            if label.endswith(suffix) and len(label) > len(suffix) + 1:
                label, changed = label[: -len(suffix)], True
    return label


docs = collections.defaultdict(list)
for line in open(f"{shared}/data/gossipcop/gossipcop_train.jsonl", encoding="utf-8"):
    j = json.loads(line)
    h = host_of(j.get("url"))
    if h:
        docs[h].append((j.get("title") or "") + "\n" + (j.get("text") or ""))
print("# host\toutlet — compiled by data/outlets/mine_hosts.py from GossipCop train (see README.md)")
for h in sorted(docs):
    if len(docs[h]) < MIN_ARTICLES:
        continue
    parts = h.split(".")
    label = parts[-3] if len(parts) >= 3 and parts[-2] in ("co", "com") else parts[-2]
    want = {label, label_core(label)}
    seen = collections.Counter()
    for text in docs[h]:
        for m in PHRASE.finditer(text):
            words = [re.sub(r"'s$", "", w) for w in m.group(0).split()]
            for k in range(len(words), 0, -1):  # the phrase and its leading sub-phrases
                if core(" ".join(words[:k])) in want:
                    seen[" ".join(words[:k])] += 1
                    break
    by_lower = collections.defaultdict(collections.Counter)  # spellings of one name
    for name, count in seen.items():
        by_lower[name.lower()][name] += count
    if by_lower:
        key = max(by_lower, key=lambda k: (sum(by_lower[k].values()), k))
        spellings = by_lower[key]
        # Styled capitals ("PEOPLE") give way to the ordinary spelling; acronyms stay.
        mixed = [s for s in spellings if not (s.isupper() and len(core(s)) > 4)]
        name = max(mixed or spellings, key=lambda s: (spellings[s], s))
        if sum(spellings.values()) >= MIN_SEEN:
            print(f"{h}\t{name}")
