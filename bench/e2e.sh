#!/usr/bin/env bash
# End-to-end corpus bench: `hearsay analyze` over the GossipCop train file (read in place
# from ../shared/data) with --jobs 1 and --jobs 2. Each run is checked before its time is
# reported, so a fast wrong answer cannot pass for a win:
#   * documents + rejects in hearsay.json == non-blank lines of the corpus;
#   * hearsay.json parses and has every top-level key of the contract, and every document
#     the document keys (../shared/DESIGN.md, docs/contract.md);
#   * the --jobs 1 and --jobs 2 hearsay.json are byte-identical (determinism).
# Then it prints articles/s, words/s (whitespace-separated words of title + text) and the
# peak RSS (GNU time).
#
#   bash bench/e2e.sh BUILD_DIR [CORPUS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/e2e.sh BUILD_DIR [CORPUS.jsonl]}
shared=${HEARSAY_SHARED_DIR:-../shared}
corpus=${2:-$shared/data/gossipcop/gossipcop_train.jsonl}
bin="$build/hearsay"

[ -x "$bin" ] || { echo "e2e: $bin not found; build first (make build)" >&2; exit 1; }
[ -f "$corpus" ] || { echo "e2e: corpus $corpus not found (set HEARSAY_SHARED_DIR or pass the corpus path)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "e2e: /usr/bin/time (Debian package 'time') is missing; apt-get install time" >&2; exit 1; }
command -v node >/dev/null || { echo "e2e: node is missing (scripts/setup.sh installs nodejs)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. bench/models_snapshot.sh && hearsay_snapshot_models "$tmp"

# Reference figures from the corpus itself: records and words.
read -r lines words < <(node -e '
  const rl = require("readline").createInterface({input: require("fs").createReadStream(process.argv[1])});
  let lines = 0, words = 0;
  rl.on("line", l => {
    if (!l.trim()) return;
    ++lines;
    try { const r = JSON.parse(l);
          for (const f of [r.title, r.text]) if (typeof f === "string") words += f.split(/\s+/).filter(Boolean).length;
    } catch (e) {}
  });
  rl.on("close", () => console.log(lines, words));' "$corpus")

echo "e2e: corpus $corpus: $lines records, $words words"
echo "e2e: binary $bin ($("$bin" --version 2>/dev/null || echo "version unknown"))"
for jobs in 1 2; do
  out="$tmp/jobs$jobs"
  rc=0
  /usr/bin/time -v -o "$tmp/time$jobs" "$bin" analyze "$corpus" --out "$out" --jobs "$jobs" --quiet 2>"$tmp/err$jobs" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    tail -n 20 "$tmp/err$jobs" >&2
    echo "e2e: hearsay analyze --jobs $jobs exited $rc" >&2
    exit 1
  fi
  # Check the output against the reference before reporting any time.
  node -e '
    const fs = require("fs");
    const [file, lines] = [process.argv[1], Number(process.argv[2])];
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    const top = ["documents", "entities", "quotes", "claims", "clusters", "contradictions", "provenance", "duplicates", "rejects"];
    const doc = ["id", "path", "title", "outlet", "published", "estimated_published", "credibility"];
    const fail = m => { console.error("e2e: check failed: " + m); process.exit(1); };
    for (const k of top) if (!Array.isArray(j[k])) fail(`top-level key ${k} missing or not an array`);
    j.documents.forEach((d, i) => { for (const k of doc) if (!(k in d)) fail(`documents[${i}] has no ${k}`); });
    const seen = j.documents.length + j.rejects.length;
    if (seen !== lines) fail(`${j.documents.length} documents + ${j.rejects.length} rejects = ${seen}, expected ${lines} records`);
    console.log(`e2e: check ok: ${j.documents.length} documents + ${j.rejects.length} rejects = ${lines} records, every contract key present`);
  ' "$out/hearsay.json" "$lines"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s}' "$tmp/time$jobs")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time$jobs")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$tmp/time$jobs")
  awk -v j="$jobs" -v s="$secs" -v c="$cpu" -v n="$lines" -v w="$words" -v r="$rss_kb" 'BEGIN {
    printf "e2e: --jobs %d: %.2f s wall, %.2f s cpu, %.0f articles/s, %.0f words/s, peak RSS %.0f MB\n", j, s, c, n / s, w / s, r / 1024 }'
done
if cmp -s "$tmp/jobs1/hearsay.json" "$tmp/jobs2/hearsay.json"; then
  echo "e2e: check ok: hearsay.json identical for --jobs 1 and --jobs 2"
else
  echo "e2e: check failed: hearsay.json differs between --jobs 1 and --jobs 2 (not deterministic)" >&2
  exit 1
fi
