#!/usr/bin/env bash
# Export and copy benchmarks, run by bench/run.sh or alone after `cargo build --release`:
#   bash bench/export.sh
#
# 7. `images export DIR -j 32` of 1,000 x 64 KiB images at 50 ms latency, against the ideal.
# 8. Peak memory of `images export` of one 10,000,000-byte image (`/usr/bin/time -v`): the
#    download is streamed to disk, never held whole.
# 9. `images copy --to-profile NAME -j 32` of the same 1,000 images between two emulators at
#    50 ms latency, against the ideal: each image is one `blob` on one account, then one
#    upload on the other, streamed.
#
# The emulators refuse nothing (no --rate-limit: they announce the API's 1200 per 300 s with
# all of it left), and 1,000 downloads plus the listing fit in the client's first window of
# 1,200, so what is measured is the work, not the global limit. Every run gets fresh emulators.
# Prints table rows (markdown) on stdout; progress on stderr. Settings: BIN, BENCH_RUNS (3),
# BENCH_DIR, BENCH_LATENCY_MS (50), BENCH_JOBS (32), BENCH_FILES (1000).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-$PWD/target/release/cfimg}
RUNS=${BENCH_RUNS:-3}
LATENCY_MS=${BENCH_LATENCY_MS:-50}
JOBS=${BENCH_JOBS:-32}
COUNT=${BENCH_FILES:-1000}
WORK=${BENCH_DIR:-$(mktemp -d -t cfimg-bench.XXXXXX)}
mkdir -p "$WORK"
export CLOUDFLARE_API_TOKEN=bench-token
export CLOUDFLARE_ACCOUNT_ID=023e105f4ecef8ad9ca31a8372d0c353
unset CLOUDFLARE_API_BASE_URL CFIMG_PROFILE
# The profile `images copy` copies into is written for each run (9.); until then, empty.
export CFIMG_CONFIG=$WORK/config.toml
: >"$CFIMG_CONFIG"
chmod 600 "$CFIMG_CONFIG"

say() { printf '== %s\n' "$*" >&2; }

PIDS=()
stop_emulators() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_emulators EXIT

# start_emulator NAME: a fresh, empty emulator at 50 ms; sets URL to its API base. (Not run
# in a command substitution: the subshell would keep the pid, and the emulator would outlive
# the run.)
start_emulator() {
  rm -f "$WORK/$1.url"
  "$BIN" emulator --listen 127.0.0.1:0 --latency-ms "$LATENCY_MS" >"$WORK/$1.url" 2>"$WORK/$1.log" &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    [ -s "$WORK/$1.url" ] && break
    sleep 0.05
  done
  [ -s "$WORK/$1.url" ] || { cat "$WORK/$1.log" >&2; exit 1; }
  URL=$(head -1 "$WORK/$1.url")
}

# timed CMD...: run it, check it succeeded, print the wall time in seconds.
timed() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null
  local end=$EPOCHREALTIME
  python3 -c "print(f'{$end - $start:.3f}')"
}

# peak_kib CMD...: run it under GNU time, print its maximum resident set size in KiB.
peak_kib() {
  /usr/bin/time -v "$@" 2>"$WORK/time.txt" >/dev/null
  awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt"
}

say "writing $COUNT x 64 KiB images and one of 10,000,000 bytes"
python3 bench/make_images.py "$WORK/files" "$COUNT" 65536
python3 bench/make_images.py "$WORK/big" 1 10000000 big.png

# seed URL: the 1,000 images into the emulator at URL, with ids, metadata and a creator.
seed() {
  CLOUDFLARE_API_BASE_URL=$1 "$BIN" -q images upload "$WORK/files" --prefix bench/ \
    --meta kind=bench --creator bench -j "$JOBS" >/dev/null
}

RESULTS=$WORK/export-results.tsv
: >"$RESULTS"

say "7. export $COUNT images with -j $JOBS at $LATENCY_MS ms latency ($RUNS runs)"
for run in $(seq 1 "$RUNS"); do
  start_emulator source
  url=$URL
  seed "$url"
  rm -rf "$WORK/backup"
  # The disk's backlog (the last run's files, their removal) is written out first, untimed:
  # each run pays for its own writes only.
  sync
  t=$(CLOUDFLARE_API_BASE_URL=$url timed "$BIN" -q images export "$WORK/backup" -j "$JOBS")
  n=$(($(wc -l <"$WORK/backup/index.ndjson")))
  [ "$n" = "$COUNT" ] || { say "the index has $n lines, not $COUNT"; exit 1; }
  # The bytes on disk are the bytes uploaded.
  for f in img00000.png "$(printf 'img%05d.png' $((COUNT - 1)))"; do
    cmp "$WORK/files/$f" "$WORK/backup/bench/$f" || { say "exported bytes differ"; exit 1; }
  done
  stop_emulators
  printf 'export\t%s\t%s\n' "$run" "$t" >>"$RESULTS"
  say "   run $run: $t s"
done

say "8. peak memory of an export of one 10,000,000-byte image ($RUNS runs)"
for run in $(seq 1 "$RUNS"); do
  start_emulator source
  url=$URL
  CLOUDFLARE_API_BASE_URL=$url "$BIN" -q images upload "$WORK/big/big.png" --id big >/dev/null
  rm -rf "$WORK/big-backup"
  kib=$(CLOUDFLARE_API_BASE_URL=$url peak_kib "$BIN" -q images export "$WORK/big-backup")
  cmp "$WORK/big/big.png" "$WORK/big-backup/big.png" || { say "the big image differs"; exit 1; }
  stop_emulators
  printf 'memory\t%s\t%s\n' "$run" "$kib" >>"$RESULTS"
  say "   run $run: $kib KiB"
done

say "9. copy $COUNT images between two emulators with -j $JOBS at $LATENCY_MS ms latency ($RUNS runs)"
for run in $(seq 1 "$RUNS"); do
  start_emulator source
  url=$URL
  seed "$url"
  start_emulator destination
  to=$URL
  cat >"$CFIMG_CONFIG" <<TOML
[profiles.mirror]
account_id = "$CLOUDFLARE_ACCOUNT_ID"
api_token = "$CLOUDFLARE_API_TOKEN"
api_url = "$to"
TOML
  chmod 600 "$CFIMG_CONFIG"
  t=$(CLOUDFLARE_API_BASE_URL=$url timed "$BIN" -q images copy --to-profile mirror -j "$JOBS")
  n=$(CLOUDFLARE_API_BASE_URL=$to "$BIN" images list --count)
  [ "$n" = "$COUNT" ] || { say "the destination holds $n images, not $COUNT"; exit 1; }
  a=$(CLOUDFLARE_API_BASE_URL=$url "$BIN" images blob "bench/$(printf 'img%05d.png' $((COUNT / 2)))" | sha256sum)
  b=$(CLOUDFLARE_API_BASE_URL=$to "$BIN" images blob "bench/$(printf 'img%05d.png' $((COUNT / 2)))" | sha256sum)
  [ "$a" = "$b" ] || { say "copied bytes differ"; exit 1; }
  stop_emulators
  printf 'copy\t%s\t%s\n' "$run" "$t" >>"$RESULTS"
  say "   run $run: $t s"
done

python3 - "$RESULTS" "$COUNT" "$JOBS" "$LATENCY_MS" <<'PY'
import statistics, sys
from collections import defaultdict
path, count, jobs, latency = sys.argv[1:]
count, jobs, latency = int(count), int(jobs), int(latency) / 1000
values = defaultdict(list)
for line in open(path):
    kind, run, value = line.split()
    values[kind].append(float(value))
med = {k: statistics.median(v) for k, v in values.items()}
# The listing (a page of 1,000, and the request that finds the end), then the downloads,
# -j at a time, each one latency long.
pages = count // 1000 + 1
rounds = -(-count // jobs)
ideal = (pages + rounds) * latency
t = med["export"]
print(f"| 7 | export {count} x 64 KiB, -j {jobs}, {latency * 1000:.0f} ms | {t:.2f} s | {t / ideal:.2f}x ideal ({ideal:.2f} s) | <= 1.2x ideal | {'yes' if t / ideal <= 1.2 else 'NO'} |")
mib = med["memory"] / 1024
print(f"| 8 | export of one 10 MB image | {mib:.1f} MiB peak |  | <= 30 MiB | {'yes' if mib <= 30 else 'NO'} |")
# A copy is a download on one account, then an upload on the other: two latencies a round.
ideal = (pages + 2 * rounds) * latency
t = med["copy"]
print(f"| 9 | copy {count} x 64 KiB between accounts, -j {jobs}, {latency * 1000:.0f} ms | {t:.2f} s | {t / ideal:.2f}x ideal ({ideal:.2f} s) | <= 1.3x ideal | {'yes' if t / ideal <= 1.3 else 'NO'} |")
PY
say "work files in $WORK"
