#!/bin/bash
# `hearsay analyze --jobs 1` on GossipCop dev against the npm peer compromise (people,
# places, organisations) on the same articles, in alternating runs (issue 12): three pairs,
# wall time of each, the median of each side and the ratio. Run once with the parser model
# in place and once without it (HEARSAY_MODELS pointing at a copy of models/ without
# parser.hsp) to see what the parser costs.
# Usage: bench/analyze_vs_compromise.sh BUILD_DIR [MODELS_DIR]
set -euo pipefail
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -n "${2:-}" ] && export HEARSAY_MODELS=$2
SHARED=${HEARSAY_SHARED:-$HERE/../../shared}
DEV=$SHARED/data/gossipcop/gossipcop_dev.jsonl
[ -f "$DEV" ] || { echo "$DEV not found: this bench reads the shared corpus in place" >&2; exit 1; }
[ -d "$HERE/peer/node_modules/compromise" ] || (cd "$HERE/peer" && npm install --no-audit --no-fund >/dev/null)
N=$(grep -c . "$DEV")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$HERE/models_snapshot.sh" && hearsay_snapshot_models "$TMP"
MODELS=$HEARSAY_MODELS
now() { date +%s.%N; }
hs=(); cs=()
for i in 1 2 3; do
  t0=$(now)
  HEARSAY_MODELS="$MODELS" "$BUILD/hearsay" analyze "$DEV" --out "$TMP/out$i" --jobs 1 --quiet >/dev/null 2>&1 || [ $? -eq 3 ]
  t1=$(now)
  node "$HERE/peer/compromise_ner.js" "$DEV" "$N" >/dev/null
  t2=$(now)
  hs+=("$(echo "$t1 - $t0" | bc)"); cs+=("$(echo "$t2 - $t1" | bc)")
  echo "pair $i: hearsay ${hs[-1]} s, compromise ${cs[-1]} s"
done
med() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
H=$(med "${hs[@]}"); C=$(med "${cs[@]}")
echo "median: hearsay $H s, compromise $C s, compromise/hearsay $(echo "scale=2; $C / $H" | bc) (models: $MODELS, $N articles)"
