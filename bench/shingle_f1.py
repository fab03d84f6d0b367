#!/usr/bin/env python3
"""Scores extracted article bodies against ground-truth bodies with the metric of the
published article-extraction benchmarks: precision, recall and F1 over 4-gram shingles
of lower-cased word tokens (multisets), per page, averaged over pages.

hearsay's side is documents[].text of a hearsay.json without the title line (the text
after the first blank line). Pages are matched by file name without extensions
(".html", ".htm", ".gz"): "page7.html.gz" in hearsay.json matches key "page7" in the truth.

  build/hearsay analyze PAGES_DIR --out /tmp/web && \\
  python3 bench/shingle_f1.py /tmp/web/hearsay.json TRUTH.json [--peer PEER.json]

TRUTH.json: {"page7": {"articleBody": "..."}, ...} or {"page7": "..."}, or a peer file.
--peer PEER.json scores a peer extractor on the same truth, printed beside hearsay: the
output of bench/peer/readability.js ({"texts": {file: title + "\\n" + text}}; the title
line is dropped, as on hearsay's side). A peer file given as TRUTH.json gives the
agreement of the two extractors (not an accuracy: the peer is no ground truth).
A page missing from the scored side (rejected, or no text) scores 0 recall.
"""
import argparse, collections, json, os, re

N = 4


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return collections.Counter(tuple(words[i:i + N]) for i in range(max(0, len(words) - N + 1)))


def key_of(path):
    name = os.path.basename(path)
    for ext in (".gz", ".html", ".htm"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name


def prf(pred, truth):
    if not pred and not truth:
        return 1.0, 1.0, 1.0
    common = sum((pred & truth).values())
    p = common / sum(pred.values()) if pred else 0.0
    r = common / sum(truth.values()) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def peer_bodies(peer):
    """{key: body} of a peer file: the text after its first line (the title)."""
    return {key_of(k): (t.split("\n", 1)[1] if "\n" in t else "") for k, t in peer.get("texts", {}).items()}


def hearsay_bodies(out):
    bodies = {}
    for d in out.get("documents", []):
        text = d.get("text") or ""
        bodies[key_of(d.get("path", ""))] = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return bodies


def truth_bodies(truth):
    if "texts" in truth and isinstance(truth["texts"], dict):
        return peer_bodies(truth)
    return {key_of(k): (t.get("articleBody", "") if isinstance(t, dict) else t) for k, t in truth.items()}


def score(bodies, truth):
    totals = [0.0, 0.0, 0.0]
    for k, body in truth.items():
        totals = [a + b for a, b in zip(totals, prf(shingles(bodies.get(k, "")), shingles(body)))]
    n = max(1, len(truth))
    return [t / n for t in totals]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hearsay_json")
    ap.add_argument("truth_json")
    ap.add_argument("--peer", help="a peer's output, scored beside hearsay")
    a = ap.parse_args()
    truth = truth_bodies(json.load(open(a.truth_json, encoding="utf-8")))
    rows = [("hearsay", hearsay_bodies(json.load(open(a.hearsay_json, encoding="utf-8"))))]
    if a.peer:
        rows.append(("peer", peer_bodies(json.load(open(a.peer, encoding="utf-8")))))
    for who, bodies in rows:
        p, r, f = score(bodies, truth)
        print(f"{who:8} pages {len(truth)}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
