#!/usr/bin/env python3
"""Prints a random sample of a hearsay.json for checking by hand: contradictions with both
sides' evidence, relation claims (every predicate but age) with their evidence, or
cross-document PERSON entities with their mentions per document.

    python3 bench/handcheck.py contradictions OUT/hearsay.json [SEED] [N]
    python3 bench/handcheck.py relations OUT/hearsay.json [SEED] [N]
    python3 bench/handcheck.py merges OUT/hearsay.json [SEED] [N]

The issue's hand check: GossipCop dev (`hearsay analyze ../shared/data/gossipcop/gossipcop_dev.jsonl`),
seed 14, N 30; verdicts go to bench/results/.
"""
import collections
import json
import random
import sys


def show_side(x, claims, clusters, names):
    if x in claims:
        c = claims[x]
        return (f"{x} [{c['polarity']}/{c['source']['kind']}] {names.get(c['subject'])} {c['predicate']} "
                f"{names.get(c['object'], c['object'])} {c['value']} :: {c['evidence']['text'][:220]}")
    k = clusters[x]
    evidence = [claims[c]['evidence']['text'][:200] for c in k['claims'][:2]]
    return (f"{x} {names.get(k['subject'])} {k['predicate']} {names.get(k['object'], k['object'])} {k['value']} "
            f"docs={len(k['documents'])} :: {evidence}")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("contradictions", "relations", "merges"):
        sys.exit(__doc__)
    what, path = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    d = json.load(open(path, encoding="utf-8"))
    names = {e['id']: e['name'] for e in d['entities']}
    if what == "contradictions":
        claims = {c['id']: c for c in d['claims']}
        clusters = {k['id']: k for k in d['clusters']}
        for i, c in enumerate(rng.sample(d['contradictions'], min(n, len(d['contradictions'])))):
            conf = f" confidence={c['confidence']:.2f}" if 'confidence' in c else ""
            print(f"--- {i + 1} {c['kind']}{conf}: {c['explanation'][:600]}")
            print("  A:", show_side(c['a'], claims, clusters, names))
            print("  B:", show_side(c['b'], claims, clusters, names))
    elif what == "relations":
        rel = [c for c in d['claims'] if c['predicate'] != 'age']
        for i, c in enumerate(rng.sample(rel, min(n, len(rel)))):
            t = c.get('time') or {}
            print(f"--- {i + 1} {c['id']} {names.get(c['subject'])} {c['predicate']} "
                  f"{names.get(c['object'], c['object'])} [{c['polarity']}/{c['modality']}/{c['source']['kind']}] "
                  f"time={t.get('from')}..{t.get('to')}")
            print("   ", c['evidence']['text'][:400])
    else:
        titles = {x['id']: x['title'] for x in d['documents']}
        multi = [e for e in d['entities'] if e['type'] == 'PERSON' and len({m['doc'] for m in e['mentions']}) > 1]
        for i, e in enumerate(rng.sample(multi, min(n, len(multi)))):
            by_doc = collections.OrderedDict()
            for m in e['mentions']:
                by_doc.setdefault(m['doc'], []).append(m['text'])
            print(f"--- {i + 1} {e['name']} confidence={e['merge_confidence']:.2f} docs={len(by_doc)} aliases={e['aliases'][:8]}")
            for doc, texts in list(by_doc.items())[:4]:
                print("   ", titles[doc][:90], "|", sorted(set(texts))[:6])


if __name__ == "__main__":
    main()
