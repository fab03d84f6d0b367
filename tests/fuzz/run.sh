#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in their own build folder and
# runs each for SECONDS seconds. `make fuzz` calls it; a 10-second run is a CTest test.
#
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]     (default 60 s, every target)
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (default nproc),
# FUZZ_SEED (default 0: random), CC/CXX (default clang/clang++).
#
# Per target, in order: the regression inputs in tests/fuzz/regressions/TARGET are run
# once (a crash there is a bug that came back), then libFuzzer runs over a working corpus
# in the build folder seeded from tests/fuzz/corpus/TARGET and examples/. A crash input is
# saved as $FUZZ_BUILD_DIR/artifacts/TARGET/crash-*; reproduce it with
#   $FUZZ_BUILD_DIR/tests/fuzz/TARGET FILE
# and, once fixed, copy it into tests/fuzz/regressions/TARGET/ (a descriptive name).
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_plain_text fuzz_jsonl fuzz_html fuzz_text fuzz_walk fuzz_store_open fuzz_json fuzz_gzip)
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-$(nproc)}
seed=${FUZZ_SEED:-0}
cc=${CC:-clang}
cxx=${CXX:-clang++}

if ! command -v "$cxx" >/dev/null; then
  echo "fuzz: $cxx not found; run 'make setup' (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 1
fi

# Configure once; the build folder is reused (incremental) afterwards.
if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "fuzz: configuring $build with $cxx" >&2
  flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
  if ! cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
      -DHEARSAY_FUZZ=ON -DHEARSAY_BUILD_TESTS=ON -DHEARSAY_BUILD_BENCH=OFF >"$build.configure.log" 2>&1; then
    cat "$build.configure.log" >&2
    echo "fuzz: configure failed" >&2
    exit 1
  fi
  mv "$build.configure.log" "$build/configure.log"
fi
echo "fuzz: building ${targets[*]}" >&2
if ! cmake --build "$build" -j "$jobs" --target "${targets[@]}" >"$build/build.log" 2>&1; then
  tail -n 60 "$build/build.log" >&2
  echo "fuzz: build failed (full log: $build/build.log)" >&2
  exit 1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

declare -A max_len=([fuzz_plain_text]=16384 [fuzz_jsonl]=16384 [fuzz_html]=65536 [fuzz_text]=16384 [fuzz_walk]=144 [fuzz_store_open]=65536 [fuzz_json]=16384 [fuzz_gzip]=16384)
declare -A examples=([fuzz_plain_text]='*.txt' [fuzz_jsonl]='*.jsonl' [fuzz_html]='*.html' [fuzz_text]='*.txt' [fuzz_walk]='none' [fuzz_store_open]='none' [fuzz_json]='*.json' [fuzz_gzip]='*.gz')

failed=()
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/$t"
  src=tests/fuzz
  work="$build/corpus/$t"
  art="$build/artifacts/$t"
  log="$build/logs/$t.log"
  mkdir -p "$work" "$art" "$build/logs"
  # The examples are ours (invented articles): good structured seeds. The text target
  # reads byte 0 as a mode, which a real article's first byte also happens to be.
  for f in examples/${examples[$t]}; do [ -f "$f" ] && cp -n "$f" "$work/example_$(basename "$f")"; done

  regress=("$src/regressions/$t"/*)
  if [ -e "${regress[0]}" ]; then
    if ! "$bin" "${regress[@]}" >"$build/logs/$t.regressions.log" 2>&1; then
      tail -n 40 "$build/logs/$t.regressions.log" >&2
      echo "fuzz: $t: a regression input fails again (log: $build/logs/$t.regressions.log)" >&2
      failed+=("$t")
      continue
    fi
  fi

  dict=()
  [ -f "$src/dict/$t.dict" ] && dict=(-dict="$src/dict/$t.dict")
  if "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len="${max_len[$t]}" -seed="$seed" \
      -artifact_prefix="$art/" -print_final_stats=1 "${dict[@]}" "$work" "$src/corpus/$t" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | awk '{print $2}')
    echo "fuzz: $t ok: ${runs:-?} runs in ${seconds}s, coverage ${cov:-?} edges, corpus $(ls "$work" | wc -l) inputs" >&2
  else
    grep -a -A1 -E 'ERROR:|invariant violated' "$log" | head -n 6 >&2 || true
    grep -a -E '^    #[0-9]+ .* (in|/work)' "$log" | grep -a -v -E 'libFuzzer|fuzzer::|__sanitizer|libc|_start' | head -n 12 >&2 || true
    grep -a -E 'SUMMARY|Test unit written' "$log" >&2 || true
    echo "fuzz: $t FAILED (log: $log, input saved under $art/)" >&2
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed" >&2
