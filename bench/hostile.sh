#!/usr/bin/env bash
# Pathological inputs of issue 18, timed end to end (`hearsay analyze --jobs 1`), with peak
# RSS from GNU time (wall, and CPU = user + system seconds; the doubling ratios use the
# least CPU time of three runs, which a loaded machine disturbs less). Each run is checked
# before its figures are printed (exit code and the documents/rejects of hearsay.json), so
# a fast wrong answer cannot pass for a win.
#
#   bash bench/hostile.sh BUILD_DIR [WHAT...]
#
# WHAT (default: quotes attrs prose records):
#   quotes    one 4 MB article of 1,000,000 lines "a" (each line a quotation)
#   attrs     one HTML page with a tag of 300,000 attributes (3.5 MB; rejected)
#   prose     one article of 1, 2 and 4 MB of ordinary prose; prints the doubling ratios
#   records   100,000 small JSON Lines records (and 1,000,000 with RECORDS_1M=1: about
#             10 GB of memory today); per-record memory = (peak RSS - peak RSS of 1,000) / N
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/hostile.sh BUILD_DIR [WHAT...]}
shift
what=${*:-quotes attrs prose records}
bin="$build/hearsay"
[ -x "$bin" ] || { echo "hostile: $bin not found; build first (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "hostile: /usr/bin/time (Debian package 'time') is missing" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. bench/models_snapshot.sh && hearsay_snapshot_models "$tmp"

# run NAME EXPECTED_DOCS EXPECTED_REJECTS INPUT: analyses INPUT, checks, prints a line.
run() {
  local name=$1 docs=$2 rejects=$3 input=$4 out="$tmp/out-$1" secs kb user sys
  rm -rf "$out"
  local rc=0
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$bin" analyze "$input" --out "$out" --jobs 1 --quiet 2>"$tmp/err" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then echo "hostile: $name exited $rc: $(tail -n 3 "$tmp/err")" >&2; return 1; fi
  local got
  got=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(len(j["documents"]), len(j["rejects"]))' "$out/hearsay.json")
  if [ "$got" != "$docs $rejects" ]; then echo "hostile: $name gave documents/rejects $got, expected $docs $rejects" >&2; return 1; fi
  read -r secs kb user sys < <(tail -n 1 "$tmp/time")  # GNU time may first note a non-zero exit
  local cpu
  cpu=$(python3 -c "print('%.2f' % ($user + $sys))")
  printf '%-28s %8.2f s wall %8.2f s cpu %8d MB peak RSS\n' "$name" "$secs" "$cpu" $((kb / 1024))
  echo "$cpu $kb" >"$tmp/last"
}

prose() {  # prose BYTES FILE: an article of ordinary sentences, varied names and numbers
  python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
first = ["Ann", "Bo", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana"]
last = ["Lee", "Moss", "Nash", "Orr", "Pike", "Quinn", "Reyes", "Stone"]
out = ["A Long Article About Many People\n"]
size, i = 0, 0
while size < n:
    a, b = first[i % 8] + " " + last[(i // 8) % 8], first[(i + 3) % 8] + " " + last[(i // 3) % 8]
    s = f'{a} met {b} in {1990 + i % 30}, and a source said the two were "close friends" for {i % 40 + 2} years.\n'
    out.append(s); size += len(s); i += 1
open(path, "w").write("".join(out))
PY
}

for w in $what; do
  case $w in
    quotes)
      python3 -c 'import sys; sys.stdout.write("Quotes\n" + "\"a\"\n" * 1000000)' >"$tmp/quotes.txt"
      run "quotes-4MB" 1 0 "$tmp/quotes.txt" ;;
    attrs)
      python3 -c 'import sys; sys.stdout.write("<html><body><div" + "".join(" a%d=\"v\"" % i for i in range(300000)) + "><p>x</p></div></body></html>")' >"$tmp/attrs.html"
      run "attributes-300k" 0 1 "$tmp/attrs.html" ;;
    prose)
      prev=""
      for mb in 1 2 4; do
        prose $((mb * 1000000)) "$tmp/prose$mb.txt"
        least=""
        for rep in 1 2 3; do  # the least CPU time of three runs
          run "prose-${mb}MB" 1 0 "$tmp/prose$mb.txt"
          read -r cpu _ <"$tmp/last"
          least=$(python3 -c "print(min(float('$cpu'), float('${least:-inf}')))")
        done
        python3 -c "print('  ${mb} MB: least cpu %.2f s' % $least + ('' if '$prev' == '' else ', doubling ratio %.2f' % ($least / float('${prev:-1}'))))"
        prev=$least
      done ;;
    records)
      counts="1000 100000"
      [ "${RECORDS_1M:-0}" = 1 ] && counts="$counts 1000000"
      base=""
      for n in $counts; do
        python3 -c 'import sys
n = int(sys.argv[1])
sys.stdout.write("".join("{\"id\":\"r%d\",\"title\":\"Headline %d\",\"text\":\"Ann Lee met Bo Moss in Paris on day %d.\"}\n" % (i, i, i) for i in range(n)))' "$n" >"$tmp/r.jsonl"
        run "records-$n" "$n" 0 "$tmp/r.jsonl"
        read -r _ kb <"$tmp/last"
        if [ -z "$base" ]; then base=$kb; else python3 -c "print('  per record: %.1f KB' % (($kb - $base) / $n))"; fi
        rm -f "$tmp/r.jsonl"; rm -rf "$tmp/out-records-$n"
      done ;;
    *) echo "hostile: unknown WHAT $w" >&2; exit 2 ;;
  esac
done
