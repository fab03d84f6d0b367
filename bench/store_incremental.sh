#!/usr/bin/env bash
# Issue 17: adding 100 articles to a store of N articles (`hearsay analyze NEW --db STORE`)
# against analysing the N+100 from scratch. Articles: the first N+100 lines of GossipCop
# train then dev (read in place from ../shared, never copied into the project).
#
#   bash bench/store_incremental.sh BUILD_DIR [N] [--report]
#
# Prints CPU seconds (user + sys, all threads; the machine is shared, so wall time is
# noisy) and wall seconds of: building the N-article store, the incremental run, the
# from-scratch run, the ratio incremental / from-scratch, and the store's size. Without
# --report both runs update the store only (--no-report: the store is the system of
# record; export and serve render from it); with --report both also write hearsay.json
# and index.html.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/store_incremental.sh BUILD_DIR [N] [--report]}
n=${2:-10000}
report_flag=--no-report
[[ "${3:-}" == "--report" ]] && report_flag=
data=../shared/data/gossipcop
if [[ ! -f $data/gossipcop_train.jsonl ]]; then
  echo "bench/store_incremental.sh: $data/gossipcop_train.jsonl not found: this bench reads the shared corpus" >&2
  exit 1
fi
hearsay=$(realpath "$build/hearsay")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/models_snapshot.sh && hearsay_snapshot_models "$work"
awk -v n="$n" 'NR <= n' "$data/gossipcop_train.jsonl" "$data/gossipcop_dev.jsonl" >"$work/base.jsonl"
awk -v n="$n" 'NR > n && NR <= n + 100' "$data/gossipcop_train.jsonl" "$data/gossipcop_dev.jsonl" >"$work/add.jsonl"

# Runs hearsay with ARGS under time(1); prints "cpu wall" seconds. Exit code 3 (some
# inputs rejected: GossipCop holds captcha and error pages) counts as success.
timed() {
  local t="$work/time.txt" rc=0
  /usr/bin/time -f "%U %S %e" -o "$t" "$hearsay" "$@" --jobs 2 --quiet 2>"$work/err.txt" || rc=$?
  if [[ $rc -ne 0 && $rc -ne 3 ]]; then cat "$work/err.txt" >&2; exit "$rc"; fi
  tail -n 1 "$t" | awk '{printf "%.2f %.2f\n", $1 + $2, $3}'
}

read -r base_cpu base_wall < <(timed analyze "$work/base.jsonl" --out "$work/base" $report_flag)
read -r inc_cpu inc_wall < <(timed analyze "$work/add.jsonl" --db "$work/base/hearsay.db" --out "$work/inc" $report_flag)
read -r scratch_cpu scratch_wall < <(timed analyze "$work/base.jsonl" "$work/add.jsonl" --out "$work/scratch" $report_flag)
size=$(du -m "$work/base/hearsay.db" | cut -f1)
outputs="the store only (--no-report)"
[[ -z $report_flag ]] && outputs="the store, hearsay.json and index.html"
echo "articles: $n + 100 (GossipCop train, then dev); outputs: $outputs"
echo "build store of $n:         cpu $base_cpu s, wall $base_wall s"
echo "incremental +100:          cpu $inc_cpu s, wall $inc_wall s"
echo "from scratch $((n + 100)):      cpu $scratch_cpu s, wall $scratch_wall s"
awk -v a="$inc_cpu" -v b="$scratch_cpu" 'BEGIN {printf "incremental / from scratch (cpu): %.3f\n", a / b}'
echo "store size after the incremental run: $size MB"
