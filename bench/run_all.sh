#!/usr/bin/env bash
# Runs every benchmark and writes the results, with machine and compiler, to
# bench/results/<date>-<what>.txt. `make bench` calls it.
#
#   bash bench/run_all.sh BUILD_DIR [WHAT]     (WHAT names the results file; default "all")
#
# Runs the Google Benchmark programs built from bench/*_bench.cc (those with
# BENCHMARK_MAIN; other bench programs take their own arguments and are run by hand),
# then bench/web_vs_readability.sh and bench/e2e.sh. Environment: BENCH_MIN_TIME (default 1 s per benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/run_all.sh BUILD_DIR [WHAT]}
what=${2:-all}
min_time=${BENCH_MIN_TIME:-1}
mkdir -p bench/results
out="bench/results/$(date +%Y-%m-%d)-$what.txt"

compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
{
  echo "# hearsay benchmarks ($what), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src apps 2>/dev/null || echo ' (+ local changes in src/apps)')"
  echo "# machine:  $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
  echo "# compiler: ${compiler:-unknown} ($("${compiler:-c++}" --version 2>/dev/null | head -n 1)), $build_type"
  echo "# command:  bash bench/run_all.sh $build $what"
  echo
} >"$out"

status=0
for src in bench/*_bench.cc; do
  name=$(basename "$src" .cc)
  grep -q BENCHMARK_MAIN "$src" || continue
  exe="$build/bench/$name"
  if [ ! -x "$exe" ]; then
    echo "bench: $exe not built, skipped" | tee -a "$out" >&2
    continue
  fi
  echo "## $name --benchmark_min_time=$min_time" >>"$out"
  echo "bench: $name" >&2
  if ! "$exe" --benchmark_min_time="$min_time" 2>&1 | tee -a "$out" | grep -E '^BM_' >&2; then status=1; fi
  echo >>"$out"
done

echo "## bench/web_vs_readability.sh $build" >>"$out"
echo "bench: web_vs_readability" >&2
if ! bash bench/web_vs_readability.sh "$build" 2>&1 | tee -a "$out" >&2; then status=1; fi
echo >>"$out"

echo "## bench/e2e.sh $build" >>"$out"
echo "bench: e2e" >&2
if ! bash bench/e2e.sh "$build" 2>&1 | tee -a "$out" >&2; then status=1; fi
echo "bench: results in $out" >&2
exit $status
