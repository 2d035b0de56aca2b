#!/usr/bin/env bash
# Bulk delete benchmarks, run by bench/run.sh or alone after `cargo build --release`:
#   bash bench/delete.sh
#
# 5. `images delete --all -j 32` of 1,000 images at 50 ms latency, against the ideal.
# 6. `images delete --batch --batch-tokens T` for T = 1, 2, 4 against a batch host that allows
#    200 requests a second per token: the sustained rate (from runs of 1,000 x T and
#    2,000 x T deletes: the extra deletes over the extra time, free of start-up and of the
#    burst the host's first window lets through) and the 429s drawn.
#
# Every run gets a fresh emulator with its images preloaded. Prints table rows (markdown) on
# stdout; progress on stderr. Settings: BIN, BENCH_RUNS (3), BENCH_DIR, BENCH_LATENCY_MS (50),
# BENCH_JOBS (32), BENCH_DELETES (1000), BENCH_TOKENS ("1 2 4").
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-$PWD/target/release/cfimg}
RUNS=${BENCH_RUNS:-3}
LATENCY_MS=${BENCH_LATENCY_MS:-50}
JOBS=${BENCH_JOBS:-32}
COUNT=${BENCH_DELETES:-1000}
TOKENS=${BENCH_TOKENS:-1 2 4}
BATCH_RATE=200
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

# start_emulator N: a fresh emulator holding N images; sets URL (the API base) and ORIGIN.
start_emulator() {
  rm -f "$WORK/emulator.url"
  "$BIN" emulator --listen 127.0.0.1:0 --latency-ms "$LATENCY_MS" --batch-rate "$BATCH_RATE" \
    --preload "$1" >"$WORK/emulator.url" 2>"$WORK/emulator.log" &
  EMULATOR_PID=$!
  for _ in $(seq 1 600); do
    [ -s "$WORK/emulator.url" ] && break
    sleep 0.05
  done
  [ -s "$WORK/emulator.url" ] || { cat "$WORK/emulator.log" >&2; exit 1; }
  URL=$(head -1 "$WORK/emulator.url")
  ORIGIN=${URL%/client/v4}
  export CLOUDFLARE_API_BASE_URL=$URL
}

# timed CMD...: run it, check it succeeded, print the wall time in seconds.
timed() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null
  local end=$EPOCHREALTIME
  python3 -c "print(f'{$end - $start:.3f}')"
}

# left: how many images the emulator still holds (must be 0 after a run).
left() { "$BIN" images list --count; }

RESULTS=$WORK/delete-results.tsv
: >"$RESULTS"

say "5. delete $COUNT images with -j $JOBS at $LATENCY_MS ms latency ($RUNS runs)"
for run in $(seq 1 "$RUNS"); do
  start_emulator "$COUNT"
  t=$(timed "$BIN" -q images delete --all --yes -j "$JOBS")
  [ "$(left)" = 0 ] || { say "images left after the run"; exit 1; }
  stop_emulator
  printf 'api\t%s\t%s\t%s\n' "$COUNT" "$run" "$t" >>"$RESULTS"
  say "   run $run: $t s"
done

for tokens in $TOKENS; do
  jobs=$((16 * tokens))
  for n in $((1000 * tokens)) $((2000 * tokens)); do
    say "6. --batch --batch-tokens $tokens, $n deletes, -j $jobs ($RUNS runs)"
    for run in $(seq 1 "$RUNS"); do
      start_emulator "$n"
      # The ids first, untimed: what is measured is the deletes alone.
      "$BIN" images list --all --ndjson | python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in sys.stdin]' >"$WORK/ids.txt"
      t=$(timed "$BIN" -q images delete --ids-from "$WORK/ids.txt" --yes --batch \
        --batch-tokens "$tokens" --batch-url "$ORIGIN" -j "$jobs")
      [ "$(left)" = 0 ] || { say "images left after the run"; exit 1; }
      stop_emulator
      printf 'batch%s\t%s\t%s\t%s\n' "$tokens" "$n" "$run" "$t" >>"$RESULTS"
      say "   run $run: $t s"
    done
  done
  # Once more with the request log, to count the 429s the host answered.
  n=$((2000 * tokens))
  start_emulator "$n"
  "$BIN" images list --all --ndjson | python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in sys.stdin]' >"$WORK/ids.txt"
  refused=$("$BIN" -v images delete --ids-from "$WORK/ids.txt" --yes --batch --batch-tokens "$tokens" \
    --batch-url "$ORIGIN" -j "$jobs" 2>&1 >/dev/null | grep -c ' → 429' || true)
  stop_emulator
  printf 'refused%s\t%s\t0\t%s\n' "$tokens" "$n" "$refused" >>"$RESULTS"
  say "   429s in a logged run of $n: $refused"
done

python3 - "$RESULTS" "$COUNT" "$JOBS" "$LATENCY_MS" "$BATCH_RATE" "$TOKENS" <<'EOF'
import statistics, sys
from collections import defaultdict
path, count, jobs, latency, rate, tokens = sys.argv[1:]
count, jobs, latency, rate = int(count), int(jobs), int(latency) / 1000, int(rate)
times = defaultdict(list)
for line in open(path):
    kind, n, run, value = line.split()
    times[(kind, int(n))].append(float(value))
med = {k: statistics.median(v) for k, v in times.items()}
# The listing (1,000 a page, and one more request that finds the end) and the deletes,
# -j at a time, each one latency long.
pages = count // 1000 + 1
ideal = (pages + -(-count // jobs)) * latency
api = med[("api", count)]
print(f"| 5 | delete {count} images, -j {jobs}, {latency * 1000:.0f} ms | {api:.2f} s | {api / ideal:.2f}x ideal ({ideal:.2f} s) | <= 1.2x ideal | {'yes' if api / ideal <= 1.2 else 'NO'} |")
for t in tokens.split():
    t = int(t)
    small, large = med[(f"batch{t}", 1000 * t)], med[(f"batch{t}", 2000 * t)]
    sustained = 1000 * t / (large - small)
    limit = rate * t
    refused = int(med[(f"refused{t}", 2000 * t)])
    ok = sustained >= 0.95 * limit and refused == 0
    print(f"| 6 | --batch-tokens {t}, {1000 * t} / {2000 * t} deletes, -j {16 * t} | {small:.2f} s / {large:.2f} s | {sustained:.0f} req/s sustained = {sustained / limit:.1%} of {limit}/s, {refused} x 429 | >= 95%, 0 x 429 | {'yes' if ok else 'NO'} |")
EOF
say "work files in $WORK"
