#!/usr/bin/env bash
# `images sync` benchmarks, run alone after `cargo build --release`:
#   bash bench/sync.sh
#
# 10. A no-change sync of 10,000 files at 50 ms latency, from a fresh HOME with no manifest:
#    the requests it makes (target: at most ceil(10,000 / 1,000) + 1) and its time against
#     the listing requests alone (`images list --all --id-prefix` of the same images; target:
#    within 1.5x).
# 11. The same with 1% of the files changed, at -j 32: against the ideal (the listing, plus
#     the replaces at -j 32, each a DELETE and an upload one after the other; target: within
#     1.3x).
# 12. What users do today, side by side: `upload --id-from path --skip-existing` without a
#    manifest, which sends every file (a 409 each) and cannot see a changed file. Run with
#    the client's pacing lifted (--rate), as if the API's limit of 1,200 requests per 5 min
#    did not apply; with it, 10,000 uploads would take over 41 minutes.
#
# The account is made once (a sync of the files to an emulator without latency, kept in a
# --data-dir), then every run gets a fresh copy of it, served with the latency. Prints table
# rows (markdown) on stdout; progress on stderr. Settings: BIN, BENCH_RUNS (3), BENCH_DIR,
# BENCH_LATENCY_MS (50), BENCH_JOBS (32), BENCH_SYNC_FILES (10000), BENCH_SYNC_CHANGED (100).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-$PWD/target/release/cfimg}
RUNS=${BENCH_RUNS:-3}
LATENCY_MS=${BENCH_LATENCY_MS:-50}
JOBS=${BENCH_JOBS:-32}
COUNT=${BENCH_SYNC_FILES:-10000}
CHANGED=${BENCH_SYNC_CHANGED:-100}
SIZE=4096
WORK=${BENCH_DIR:-$(mktemp -d -t cfimg-bench.XXXXXX)}
mkdir -p "$WORK"
export CLOUDFLARE_API_TOKEN=bench-token
export CLOUDFLARE_ACCOUNT_ID=023e105f4ecef8ad9ca31a8372d0c353

say() { printf '== %s\n' "$*" >&2; }

EMULATOR_PID=""
stop_emulator() {
  if [ -n "$EMULATOR_PID" ]; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
    EMULATOR_PID=""
  fi
}
trap stop_emulator EXIT

# start_emulator DATA_DIR LATENCY_MS: sets URL and CLOUDFLARE_API_BASE_URL.
start_emulator() {
  rm -f "$WORK/emulator.url"
  "$BIN" emulator --listen 127.0.0.1:0 --latency-ms "$2" --data-dir "$1" \
    >"$WORK/emulator.url" 2>"$WORK/emulator.log" &
  EMULATOR_PID=$!
  for _ in $(seq 1 1200); do
    [ -s "$WORK/emulator.url" ] && break
    sleep 0.05
  done
  [ -s "$WORK/emulator.url" ] || { cat "$WORK/emulator.log" >&2; exit 1; }
  URL=$(head -1 "$WORK/emulator.url")
  export CLOUDFLARE_API_BASE_URL=$URL
}

# fresh: a copy of the synced account, served with the latency.
fresh() {
  rm -rf "$WORK/data"
  cp -a "$WORK/account" "$WORK/data"
  start_emulator "$WORK/data" "$LATENCY_MS"
}

# timed CMD...: run it in a fresh HOME, check it succeeded, print the wall time in seconds.
timed() {
  local home
  home=$(mktemp -d "$WORK/home.XXXXXX")
  local start=$EPOCHREALTIME
  HOME=$home XDG_CONFIG_HOME=$home/config "$@" >/dev/null
  local end=$EPOCHREALTIME
  python3 -c "print(f'{$end - $start:.3f}')"
}

# requests CMD...: run it with -v and count the requests it logged.
requests() {
  "$BIN" -v "$@" 2>&1 >/dev/null | grep -c ' → ' || true
}

say "making $COUNT images of $SIZE bytes, and a copy with $CHANGED of them changed, in $WORK"
rm -rf "$WORK/files" "$WORK/changed" "$WORK/account"
python3 bench/make_images.py "$WORK/files" "$COUNT" "$SIZE"
cp -a "$WORK/files" "$WORK/changed"
# The same names, one byte longer: other content.
python3 bench/make_images.py "$WORK/edits" "$CHANGED" $((SIZE + 1))
cp "$WORK/edits"/* "$WORK/changed/"
rm -rf "$WORK/edits"

say "syncing them once to make the account (no latency, pacing lifted)"
mkdir -p "$WORK/account"
start_emulator "$WORK/account" 0
"$BIN" -q images sync "$WORK/files" --prefix site/ -j 64 --rate 1000000/1 >/dev/null
[ "$("$BIN" images list --all --count)" = "$COUNT" ] || { say "the account is not as made"; exit 1; }
stop_emulator

RESULTS=$WORK/sync-results.tsv
: >"$RESULTS"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS"; }

for run in $(seq 1 "$RUNS"); do
  say "run $run"
  fresh
  t=$(timed "$BIN" -q images list --all --id-prefix site/ --ndjson)
  record list "$run" "$t"; say "   listing alone: $t s"
  t=$(timed "$BIN" -q images sync "$WORK/files" --prefix site/ -j "$JOBS")
  record nochange "$run" "$t"; say "   no-change sync: $t s"
  t=$(timed "$BIN" -q images sync "$WORK/changed" --prefix site/ -j "$JOBS")
  record changed "$run" "$t"; say "   sync with $CHANGED changed: $t s"
  stop_emulator
  fresh
  t=$(timed "$BIN" -q images upload "$WORK/files" --id-from path --prefix site/ --skip-existing \
    -j "$JOBS" --rate 1000000/1)
  record upload "$run" "$t"; say "   upload --skip-existing: $t s"
  stop_emulator
done

say "request counts"
fresh
record req_list 0 "$(requests images list --all --id-prefix site/ --ndjson)"
record req_nochange 0 "$(requests images sync "$WORK/files" --prefix site/ -j "$JOBS")"
record req_changed 0 "$(requests images sync "$WORK/changed" --prefix site/ -j "$JOBS")"
stop_emulator
fresh
record req_upload 0 "$(requests images upload "$WORK/files" --id-from path --prefix site/ \
  --skip-existing -j "$JOBS" --rate 1000000/1)"
stop_emulator

python3 - "$RESULTS" "$COUNT" "$CHANGED" "$JOBS" "$LATENCY_MS" <<'PY'
import math, statistics, sys
from collections import defaultdict
path, count, changed, jobs, latency = sys.argv[1:]
count, changed, jobs, latency = int(count), int(changed), int(jobs), int(latency) / 1000
values = defaultdict(list)
for line in open(path):
    kind, run, value = line.split()
    values[kind].append(float(value))
med = {k: statistics.median(v) for k, v in values.items()}
pages = math.ceil(count / 1000)
listing, nochange, changed_t, upload = med["list"], med["nochange"], med["changed"], med["upload"]
req = {k[4:]: int(v) for k, v in med.items() if k.startswith("req_")}
ok = req["nochange"] <= pages + 1 and nochange <= 1.5 * listing
print(f"| 10 | no-change sync, {count} files, {latency * 1000:.0f} ms, fresh HOME | {nochange:.2f} s, {req['nochange']} requests | {nochange / listing:.2f}x the listing alone ({listing:.2f} s, {req['list']} requests) | <= {pages + 1} requests, <= 1.5x | {'yes' if ok else 'NO'} |")
ideal = listing + math.ceil(changed / jobs) * 2 * latency
ok = changed_t <= 1.3 * ideal
print(f"| 11 | sync, {changed} of {count} changed, -j {jobs} | {changed_t:.2f} s, {req['changed']} requests | {changed_t / ideal:.2f}x ideal ({ideal:.2f} s: the listing + {math.ceil(changed / jobs)} x (DELETE + upload)) | <= 1.3x ideal | {'yes' if ok else 'NO'} |")
print(f"| 12 | today: upload --id-from path --skip-existing, no manifest, -j {jobs}, pacing lifted | {upload:.2f} s, {req['upload']} requests | sync {upload / nochange:.1f}x faster, {req['upload'] / max(req['nochange'], 1):.0f}x fewer requests; changed files not seen | - | - |")
PY
say "work files in $WORK"
