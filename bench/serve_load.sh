#!/usr/bin/env bash
# A bounded load run of `hearsay serve` on loopback: starts the server on a store, runs
# serve_load (each endpoint in turn at RATE requests/s for SECONDS), stops the server.
#
#   bash bench/serve_load.sh BUILD STORE [RATE] [SECONDS]
#
# The store of the GossipCop corpus (10,200 articles) is made by
#   BUILD/hearsay analyze ../shared/data/gossipcop/gossipcop_train.jsonl \
#       ../shared/data/gossipcop/gossipcop_dev.jsonl --out /tmp/gossipcop --quiet
set -euo pipefail
build=${1:?usage: serve_load.sh BUILD STORE [RATE] [SECONDS]}
store=${2:?usage: serve_load.sh BUILD STORE [RATE] [SECONDS]}
rate=${3:-200}
seconds=${4:-10}
log=$(mktemp)
"$build/hearsay" serve --db "$store" --port 0 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
port=
for _ in $(seq 1 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | cut -d: -f3 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve_load.sh: hearsay serve did not start: $(cat "$log")" >&2; exit 1; }
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
echo "store: $store ($(sqlite3 -readonly "$store" 'SELECT COUNT(*) FROM documents') documents), $rate requests/s, $seconds s per endpoint, $(nproc) cores"
"$build/bench/serve_load" --port "$port" --pid "$pid" --rate "$rate" --seconds "$seconds"
