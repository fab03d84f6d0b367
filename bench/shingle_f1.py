#!/usr/bin/env python3
"""Scores extracted article bodies against ground-truth bodies with the metric of the
published article-extraction benchmarks: precision, recall and F1 over 4-gram shingles
of lower-cased word tokens (multisets), per page, averaged over pages.

hearsay's side is documents[].text of a hearsay.json without the title line (the text
after the first blank line). Pages are matched by file name without extensions
(".html", ".gz"): "page7.html.gz" in hearsay.json matches key "page7" in the truth file.

  build/hearsay analyze PAGES_DIR --out /tmp/web && \
  python3 bench/shingle_f1.py /tmp/web/hearsay.json TRUTH.json
TRUTH.json: {"page7": {"articleBody": "..."}, ...} or {"page7": "..."}.
A page missing from hearsay.json (rejected) scores 0 recall.
"""
import collections, json, os, re, sys

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


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out = json.load(open(sys.argv[1], encoding="utf-8"))
    truth = json.load(open(sys.argv[2], encoding="utf-8"))
    bodies = {}
    for d in out.get("documents", []):
        text = d.get("text") or ""
        bodies[key_of(d.get("path", ""))] = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    totals = [0.0, 0.0, 0.0]
    for k, t in truth.items():
        body = t.get("articleBody", "") if isinstance(t, dict) else t
        scores = prf(shingles(bodies.get(k, "")), shingles(body))
        totals = [a + b for a, b in zip(totals, scores)]
    n = max(1, len(truth))
    print(f"pages {len(truth)}  precision {totals[0] / n:.3f}  recall {totals[1] / n:.3f}  F1 {totals[2] / n:.3f}")


if __name__ == "__main__":
    main()
