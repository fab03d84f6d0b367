#!/bin/bash
# Side by side on the same texts (first N GossipCop train articles): hearsay's tagger
# (bench/ner_bench, one core) and the npm peer compromise (bench/peer). Prints tokens/s of
# each, the ratio, and hearsay's model load time and peak RSS (/usr/bin/time -v).
# Usage: bench/ner_vs_compromise.sh BUILD_DIR [N]   (run `npm install` in bench/peer first)
set -euo pipefail
BUILD=${1:?build dir}; N=${2:-500}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${HEARSAY_SHARED:-$HERE/../../shared}
JSONL=$SHARED/data/gossipcop/gossipcop_train.jsonl
[ -d "$HERE/peer/node_modules/compromise" ] || (cd "$HERE/peer" && npm install --no-audit --no-fund >/dev/null)
OUT=$(mktemp)
/usr/bin/time -v taskset -c 0 "$BUILD/bench/ner_bench" --benchmark_filter="BM_Ner_(TagDocuments|LoadModel)" \
  --benchmark_format=json >"$OUT" 2>"$OUT.time"
H=$(python3 -c "import json,sys;d=json.load(open('$OUT'));print([b['tokens/s'] for b in d['benchmarks'] if b['name'].startswith('BM_Ner_TagDocuments')][0])")
LOAD=$(python3 -c "import json;d=json.load(open('$OUT'));print([b['real_time'] for b in d['benchmarks'] if 'LoadModel' in b['name']][0])")
RSS=$(grep "Maximum resident" "$OUT.time" | awk '{print $NF}')
C=$(taskset -c 0 node "$HERE/peer/compromise_ner.js" "$JSONL" "$N")
CT=$(python3 -c "import json;print(json.loads('''$C''')['tokens_per_s'])")
printf "hearsay  tokens/s %.0f (FindMentions: tagger + rules, one core)\n" "$H"
printf "compromise tokens/s %.0f (nlp(text) + people/places/organizations)\n" "$CT"
printf "ratio hearsay/compromise %.2f\n" "$(python3 -c "print($H/$CT)")"
printf "hearsay model load %.0f ms; bench process peak RSS %s kB\n" "$LOAD" "$RSS"
rm -f "$OUT" "$OUT.time"
