#!/bin/bash
# Main-text extraction side by side with Mozilla Readability (npm @mozilla/readability on
# jsdom, bench/peer) on the same pages: the 151 pages of the web-extraction development
# set (read in place from ../shared/data/web_extraction, decompressed in memory first).
# Both run on one core (taskset -c 0), one after the other in this one run; both are
# scored on the set's must-contain / must-not-contain snippets by
# build/bench/web_extraction_eval, which prints pages/s, MB/s and the speed ratio.
# Usage: bench/web_vs_readability.sh BUILD_DIR [ROUNDS]
set -euo pipefail
BUILD=${1:?build dir}; ROUNDS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${HEARSAY_SHARED:-$HERE/../../shared}
DIR=$SHARED/data/web_extraction
[ -f "$DIR/expectations.json" ] || { echo "web_vs_readability: $DIR/expectations.json not found (../shared is read in place)" >&2; exit 1; }
[ -d "$HERE/peer/node_modules/@mozilla/readability" ] && [ -d "$HERE/peer/node_modules/jsdom" ] ||
  (cd "$HERE/peer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
taskset -c 0 node "$HERE/peer/readability.js" "$DIR" 1 >"$OUT"
taskset -c 0 "$BUILD/bench/web_extraction_eval" --dir "$DIR" --peer "$OUT" --rounds "$ROUNDS"
