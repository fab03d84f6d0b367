#!/usr/bin/env python3
"""The article's own outlet read from its text (issue 13, point 5), checked on GossipCop dev.

    python3 bench/own_outlet_eval.py BUILD_DIR [JSONL]

Runs `hearsay analyze` twice: on the JSON Lines as given (documents[].outlet then comes from
the URL's host: the truth) and on a copy without `url` and `authors` (documents[].outlet can
then only be extract's detected_outlet, read from the text). Names are compared lower-cased
with "&" read as "and" and everything but letters and digits removed, a leading "the" and a trailing "com" dropped;
one being a prefix of the other counts as the same outlet ("people" / "peoplemagazine").
Reports: of the articles where the text alone names an outlet, the share that is the URL's
(target >= 95%); of the articles whose text mentions their URL's outlet by name (as written,
whole words), the share
where one is named (target >= 60%).
"""
import json, os, re, subprocess, sys, tempfile


def norm(name):
    n = re.sub(r"[^a-z0-9]", "", (name or "").lower().replace("&", "and"))
    n = re.sub(r"^the", "", n)
    return re.sub(r"com$", "", n)


def same(a, b):
    a, b = norm(a), norm(b)
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def analyze(build, path, out):
    subprocess.run([os.path.join(build, "hearsay"), "analyze", "--jobs", "2", path, "--out", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "hearsay.json")) as f:
        return {d["id"]: d for d in json.load(f)["documents"]}


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "data", "gossipcop", "gossipcop_dev.jsonl")
    tmp = tempfile.mkdtemp(prefix="own_outlet_")
    masked = os.path.join(tmp, "masked.jsonl")
    with open(src) as f, open(masked, "w") as g:
        for line in f:
            rec = json.loads(line)
            rec.pop("url", None)
            rec.pop("authors", None)
            g.write(json.dumps(rec) + "\n")
    truth = analyze(build, src, os.path.join(tmp, "given"))
    guess = analyze(build, masked, os.path.join(tmp, "masked"))
    named = right = names_own = found_own = with_truth = 0
    for doc_id, d in truth.items():
        if doc_id not in guess or not d.get("outlet"):
            continue
        with_truth += 1
        g = guess[doc_id].get("outlet")
        if g:
            named += 1
            right += same(g, d["outlet"])
        if re.search(r"\b" + re.escape(d["outlet"]) + r"\b", guess[doc_id]["text"]):
            names_own += 1
            found_own += bool(g)
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"GossipCop dev: {with_truth} articles with an outlet from the URL")
    print(f"named from the text alone: {named}; the URL's outlet: {right} ({pct(right, named):.1f}%)")
    print(f"text names its URL's outlet: {names_own}; an outlet named for {found_own} ({pct(found_own, names_own):.1f}%)")


if __name__ == "__main__":
    main()
