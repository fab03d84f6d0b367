#!/usr/bin/env python3
"""Samples a hearsay.json for the hand check of issue 13: N random quotes with their speaker
and N random claims whose source is not the article's own voice, each with the text around it.

    python3 bench/attribution_handcheck.py OUT/hearsay.json [SEED] [N]

The verdicts are written by hand to bench/results/ (ids and offsets only, never the text).
"""
import json
import random
import sys


def context(text, start, end, before=240, after=160):
    b = text.encode("utf-8")  # offsets are bytes
    part = lambda x, y: b[x:y].decode("utf-8", errors="replace")
    return (part(max(0, start - before), start) + " [[" + part(start, end) + "]] " + part(end, end + after)).replace("\n", " / ")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 13
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    texts = {doc["id"]: doc["text"] for doc in d["documents"]}
    names = {e["id"]: e["name"] for e in d["entities"]}
    rng = random.Random(seed)
    print(f"== {n} quotes (seed {seed})")
    for q in rng.sample(d["quotes"], min(n, len(d["quotes"]))):
        s = q["speaker"]
        who = names.get(s["entity"]) or s["text"]
        print(f"-- {q['id']} {q['doc']} {q['start']}-{q['end']} speaker {s['kind']}: {who!r} via {s['via_outlet']}")
        print("   ", context(texts[q["doc"]], q["start"], q["end"])[:700])
    sourced = [c for c in d["claims"] if c["source"]["kind"] != "author"]
    print(f"== {n} claims with a source other than the author (seed {seed}; {len(sourced)} in all)")
    for c in rng.sample(sourced, min(n, len(sourced))):
        s = c["source"]
        who = names.get(s["entity"]) or s["text"]
        ev = c["evidence"]
        print(f"-- {c['id']} {c['doc']} {ev['start']}-{ev['end']} {c['predicate']} source {s['kind']}: {who!r} via {s['via_outlet']}")
        print("   ", context(texts[c["doc"]], ev["start"], ev["end"], 200, 60)[:700])


if __name__ == "__main__":
    main()
