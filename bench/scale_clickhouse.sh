#!/usr/bin/env bash
# Issue 19: articles per second into a ClickHouse store with 1 and 2 shard workers
# (`hearsay analyze ... --store clickhouse://... --shard K/N`), the fuse over the store
# (`hearsay fuse`), against the embedded SQLite path (`hearsay analyze ... --out`) on the
# same articles; checks that both paths write the same hearsay.json. Articles: the first N
# lines of GossipCop train then dev (read in place from ../shared, never copied into the
# project). Starts its own clickhouse-server (Debian's) on free loopback ports in a
# temporary folder and always stops it.
#
#   bash bench/scale_clickhouse.sh BUILD_DIR [N]      # N: 10200 (all) by default
#
# Prints wall and CPU seconds (user + sys, all threads) per step; articles/s is N / wall of
# the worker phase (two workers run at once; their phase ends when the slower one ends).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/scale_clickhouse.sh BUILD_DIR [N]}
n=${2:-10200}
data=../shared/data/gossipcop
if [[ ! -f $data/gossipcop_train.jsonl ]]; then
  echo "bench/scale_clickhouse.sh: $data/gossipcop_train.jsonl not found: this bench reads the shared corpus" >&2
  exit 1
fi
server=$(command -v clickhouse-server || ls /usr/sbin/clickhouse-server 2>/dev/null || true)
if [[ -z $server ]]; then
  echo "bench/scale_clickhouse.sh: clickhouse-server not installed (scripts/setup.sh installs it)" >&2
  exit 1
fi
hearsay=$(realpath "$build/hearsay")
work=$(mktemp -d)
. bench/models_snapshot.sh && hearsay_snapshot_models "$work"
server_pid=
stop() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_port=$(free_port)
tcp_port=$(free_port)
mkdir -p "$work/ch/data" "$work/ch/tmp"
cat >"$work/ch/users.xml" <<XML
<?xml version="1.0"?>
<yandex><profiles><default></default></profiles><users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users><quotas><default></default></quotas></yandex>
XML
cat >"$work/ch/config.xml" <<XML
<?xml version="1.0"?>
<yandex><logger><level>warning</level><log>$work/ch/server.log</log><errorlog>$work/ch/error.log</errorlog></logger>
<listen_host>127.0.0.1</listen_host><http_port>$http_port</http_port><tcp_port>$tcp_port</tcp_port>
<path>$work/ch/data/</path><tmp_path>$work/ch/tmp/</tmp_path><users_config>$work/ch/users.xml</users_config>
<default_profile>default</default_profile><default_database>default</default_database><mark_cache_size>268435456</mark_cache_size></yandex>
XML
"$server" --config-file="$work/ch/config.xml" >"$work/ch/stdout.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$http_port/ping" >/dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$http_port/ping" >/dev/null || { cat "$work/ch/stdout.log" "$work/ch/error.log" >&2; exit 1; }

awk -v n="$n" 'NR <= n' "$data/gossipcop_train.jsonl" "$data/gossipcop_dev.jsonl" >"$work/in.jsonl"
now() { date +%s.%N; }
# Runs hearsay ARGS under time(1) into $work/time.NAME; exit 3 (inputs rejected) is success.
run() {
  local name=$1 rc=0
  shift
  /usr/bin/time -f "%U %S %e %M" -o "$work/time.$name" "$hearsay" "$@" --quiet 2>"$work/err.$name" || rc=$?
  if [[ $rc -ne 0 && $rc -ne 3 ]]; then cat "$work/err.$name" >&2; exit "$rc"; fi
}
# time(1) writes "Command exited with non-zero status 3" first when the exit code is 3.
cpu() { tail -n 1 "$work/time.$1" | awk '{printf "%.1f", $1 + $2}'; }
wall() { tail -n 1 "$work/time.$1" | awk '{printf "%.1f", $3}'; }
rss() { tail -n 1 "$work/time.$1" | awk '{printf "%.0f", $4 / 1024}'; }
rate() { awk -v n="$n" -v w="$1" 'BEGIN {printf "%.1f", n / w}'; }
store() { echo "clickhouse://127.0.0.1:$http_port/$1"; }
# CPU seconds the ClickHouse server has used so far (utime + stime of its process).
server_cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$server_pid/stat"; }
since() { awk -v a="$1" -v b="$(server_cpu)" 'BEGIN {printf "%.1f", b - a}'; }

echo "articles: $n (GossipCop train, then dev); clickhouse-server $(curl -sf "http://127.0.0.1:$http_port/" --data-binary 'SELECT version()')"
run sqlite analyze "$work/in.jsonl" --out "$work/sqlite" --jobs 2
echo "SQLite path (analyze --jobs 2, with hearsay.json): wall $(wall sqlite) s, cpu $(cpu sqlite) s, peak RSS $(rss sqlite) MB, $(rate "$(wall sqlite)") articles/s"

s0=$(server_cpu)
run w1 analyze "$work/in.jsonl" --store "$(store one)" --shard 1/1 --jobs 2
echo "1 worker (--shard 1/1 --jobs 2):    wall $(wall w1) s, cpu $(cpu w1) s, peak RSS $(rss w1) MB, $(rate "$(wall w1)") articles/s; server cpu $(since "$s0") s"
s0=$(server_cpu)
run f1 fuse --store "$(store one)" --out "$work/one" --jobs 2
echo "  fuse:                             wall $(wall f1) s, cpu $(cpu f1) s, peak RSS $(rss f1) MB; server cpu $(since "$s0") s"

start=$(now)
s0=$(server_cpu)
run w21 analyze "$work/in.jsonl" --store "$(store two)" --shard 1/2 --jobs 1 &
a=$!
run w22 analyze "$work/in.jsonl" --store "$(store two)" --shard 2/2 --jobs 1 &
b=$!
wait $a
wait $b
phase=$(awk -v s="$start" -v e="$(now)" 'BEGIN {printf "%.1f", e - s}')
echo "2 workers (--shard K/2 --jobs 1, at once): wall $phase s (1/2: $(wall w21) s, 2/2: $(wall w22) s), cpu $(cpu w21) + $(cpu w22) s, peak RSS $(rss w21)/$(rss w22) MB, $(rate "$phase") articles/s; server cpu $(since "$s0") s"
s0=$(server_cpu)
run f2 fuse --store "$(store two)" --out "$work/two" --jobs 2
echo "  fuse:                             wall $(wall f2) s, cpu $(cpu f2) s, peak RSS $(rss f2) MB; server cpu $(since "$s0") s"
docs=$(curl -sf "http://127.0.0.1:$http_port/?database=two" --data-binary "SELECT concat(toString(countIf(shard = '1/2')), ' + ', toString(countIf(shard = '2/2'))) FROM documents")
echo "  documents per shard: $docs"
for out in one two; do
  if cmp -s "$work/sqlite/hearsay.json" "$work/$out/hearsay.json"; then
    echo "hearsay.json of the ClickHouse path ($out) equals the SQLite path's: yes"
  else
    echo "hearsay.json of the ClickHouse path ($out) equals the SQLite path's: NO"
  fi
done
