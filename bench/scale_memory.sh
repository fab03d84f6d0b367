#!/usr/bin/env bash
# Scale bench (issue 19): peak resident memory and time of `hearsay analyze` over corpora
# of 10,000 / 20,000 / 40,000 / 100,000 articles recombined from the real GossipCop
# articles (train + dev, 10,200, read in place from ../shared/data/gossipcop; nothing of
# them is written outside a temporary folder), and a paired --jobs 1 / --jobs 2 run.
#
#   bash bench/scale_memory.sh BUILD_DIR [SIZES] [PAIRED_CORPUS_SIZE]
#     SIZES               default "10000 20000 40000 100000"; "" for none
#     PAIRED_CORPUS_SIZE  articles of the --jobs 1 / --jobs 2 runs (default 10200: all of
#                         them, unchanged); 0 skips the paired runs
#
# How the corpora are made: copy 0 is the articles as they are (an N <= 10,200 corpus is
# their first N). Copy v >= 1 of article i keeps i's title, date and outlet and takes the
# first half of i's paragraphs (at least one) followed by the second half (at least one)
# of article p_v(i)'s, p_v a permutation seeded by v; id "<id>-v<v>", URL with "?v=<v>".
# Two copies of one article then share about a third of their word 3-shingles, under
# fuse's near-duplicate threshold (Jaccard 0.5, src/fuse/near_duplicates.h), so the
# near-duplicate stage sees about the pairs of the real corpus, not one cluster per
# article; the script prints the duplicate pairs found at each size to show it.
#
# Runs are niced (HEARSAY_BENCH_NICE, default 15: the machine is shared).
# For each run: wall time, user+system CPU, peak RSS (GNU time -v) and the load average
# (uptime) before it: the machine is shared, so CPU time is the steadier figure. Each
# size is checked (documents + rejects in hearsay.json == records) before its time is
# reported. Ratios are of consecutive sizes (time(2N)/time(N); 40k->100k is scaled to a
# doubling: ratio^(log 2 / log 2.5)).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/scale_memory.sh BUILD_DIR [SIZES] [PAIRED_CORPUS_SIZE]}
sizes=${2-"10000 20000 40000 100000"}
paired=${3:-10200}
shared=${HEARSAY_SHARED_DIR:-../shared}
gc=$shared/data/gossipcop
bin="$build/hearsay"
[ -x "$bin" ] || { echo "scale: $bin not found; build the hearsay target first" >&2; exit 1; }
[ -f "$gc/gossipcop_train.jsonl" ] || { echo "scale: $gc/gossipcop_train.jsonl not found (set HEARSAY_SHARED_DIR)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "scale: /usr/bin/time (Debian package 'time') is missing" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. bench/models_snapshot.sh && hearsay_snapshot_models "$tmp"

make_corpus() {  # N OUT.jsonl
  python3 - "$1" "$2" "$gc/gossipcop_train.jsonl" "$gc/gossipcop_dev.jsonl" <<'EOF'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
arts = [json.loads(l) for f in sys.argv[3:] for l in open(f, encoding="utf-8") if l.strip()]
paras = [[p for p in a["text"].split("\n\n") if p.strip()] or [a["text"]] for a in arts]
with open(out, "w", encoding="utf-8") as f:
    v, written = 0, 0
    while written < n:
        perm = list(range(len(arts)))
        random.Random(v).shuffle(perm)
        for i, a in enumerate(arts):
            if written == n:
                break
            r = dict(a)
            if v > 0:
                j = perm[i] if perm[i] != i else perm[(i + 1) % len(arts)]
                pi, pj = paras[i], paras[j]
                head = pi[: max(1, (len(pi) + 1) // 2)]
                tail = pj[len(pj) // 2:] if len(pj) > 1 else pj
                r["id"] = f"{a['id']}-v{v}"
                r["text"] = "\n\n".join(head + tail)
                if r.get("url"):
                    r["url"] = r["url"] + ("&" if "?" in r["url"] else "?") + f"v={v}"
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            written += 1
        v += 1
EOF
}

# run NAME JOBS CORPUS OUTDIR: one analyze run; prints "wall cpu rss_mb load"
run() {
  local name=$1 jobs=$2 corpus=$3 out=$4 rc=0 load
  rm -rf "$out"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$tmp/$name.time" nice -n "${HEARSAY_BENCH_NICE:-15}" "$bin" analyze "$corpus" --out "$out" --jobs "$jobs" --quiet \
    2>"$tmp/$name.err" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    tail -n 20 "$tmp/$name.err" >&2
    echo "scale: $name exited $rc" >&2
    exit 1
  fi
  awk -v load="$load" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 / 1024 }
    END { printf "%.1f %.1f %.0f %s\n", w, u + s, m, load }' "$tmp/$name.time"
}

check() {  # CORPUS OUTDIR: documents + rejects == records; prints the duplicate pairs
  # Counted in the run's store, not by parsing hearsay.json: a parser's tree of the
  # 100,000-article file needs more than 20 GB (it was killed for memory once).
  python3 - "$1" "$2" <<'EOF2'
import os, sqlite3, sys
records = sum(1 for l in open(sys.argv[1], encoding="utf-8") if l.strip())
with open(os.path.join(sys.argv[2], "hearsay.json"), "rb") as f:
    f.seek(-2, os.SEEK_END)
    if f.read() != b"}\n":
        sys.exit("scale: check failed: hearsay.json does not end its object")
db = sqlite3.connect(os.path.join(sys.argv[2], "hearsay.db"))
docs, rejects, dups = (db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("document_results", "rejects", "duplicates"))
if docs + rejects != records:
    sys.exit(f"scale: check failed: {docs} documents + {rejects} rejects != {records} records")
print(dups)
EOF2
}

echo "scale: binary $bin ($("$bin" --version 2>/dev/null || echo "version unknown")), $(nproc) cores, $(date -u +%FT%TZ)"
printf "%-8s %6s %9s %9s %8s %6s %8s %12s %12s\n" articles jobs wall_s cpu_s rss_mb load dups wall_ratio cpu_ratio
prev_n="" prev_w="" prev_c=""
for n in $sizes; do
  make_corpus "$n" "$tmp/c$n.jsonl"
  read -r w c m load < <(run "n$n" 2 "$tmp/c$n.jsonl" "$tmp/out$n")
  dups=$(check "$tmp/c$n.jsonl" "$tmp/out$n")
  rm -rf "$tmp/out$n"
  wr="-" cr="-"
  if [ -n "$prev_n" ]; then
    read -r wr cr < <(python3 -c "import math,sys; n,p,w,pw,c,pc=map(float,sys.argv[1:]); e=math.log(2)/math.log(n/p); print(f'{(w/pw)**e:.2f} {(c/pc)**e:.2f}')" \
      "$n" "$prev_n" "$w" "$prev_w" "$c" "$prev_c")
  fi
  printf "%-8s %6s %9s %9s %8s %6s %8s %12s %12s\n" "$n" 2 "$w" "$c" "$m" "$load" "$dups" "$wr" "$cr"
  prev_n=$n prev_w=$w prev_c=$c
  [ "$n" = "$paired" ] || rm -f "$tmp/c$n.jsonl"
done

[ "$paired" != 0 ] || exit 0
# Paired --jobs 1 / --jobs 2: alternating runs (1, 2, 1, 2, ...), HEARSAY_BENCH_ROUNDS pairs
# (default 3); the median of each side, and the median of the per-round ratios (a round's two
# runs are adjacent in time, so its ratio is steadier than either time on a shared machine).
[ -f "$tmp/c$paired.jsonl" ] || make_corpus "$paired" "$tmp/c$paired.jsonl"
for round in $(seq "${HEARSAY_BENCH_ROUNDS:-3}"); do
  for jobs in 1 2; do
    read -r w c m load < <(run "p$jobs.$round" "$jobs" "$tmp/c$paired.jsonl" "$tmp/p$jobs")
    echo "$w $c $m $load" >>"$tmp/paired$jobs"
    printf "paired   %6s %9s %9s %8s %6s  (round %s)\n" "$jobs" "$w" "$c" "$m" "$load" "$round"
  done
  cmp -s "$tmp/p1/hearsay.json" "$tmp/p2/hearsay.json" || { echo "scale: --jobs 1 and --jobs 2 hearsay.json differ" >&2; exit 1; }
done
python3 - "$paired" "$tmp/paired1" "$tmp/paired2" <<'EOF'
import statistics, sys
n = int(sys.argv[1])
rows = [[list(map(float, l.split())) for l in open(f)] for f in sys.argv[2:]]
w1, w2 = (statistics.median(r[0] for r in rs) for rs in rows)
c1, c2 = (statistics.median(r[1] for r in rs) for rs in rows)
ratios = [a[0] / b[0] for a, b in zip(*rows)]
print("per-round speed-ups (wall): " + ", ".join(f"{r:.2f}" for r in ratios) + f"; median {statistics.median(ratios):.2f}x")
print(f"paired median of {len(rows[0])} over {n} articles: --jobs 1 {w1:.1f} s wall ({n / w1:.1f} articles/s, cpu {c1:.1f} s), "
      f"--jobs 2 {w2:.1f} s wall ({n / w2:.1f} articles/s, cpu {c2:.1f} s); speed-up {w1 / w2:.2f}x (wall)")
EOF
