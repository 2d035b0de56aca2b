#!/usr/bin/env bash
# cfimg benchmarks, from a clean clone with one command: bash bench/run.sh
#
# Builds the release binary, installs what it lacks (hyperfine, GNU time, a venv with
# Cloudflare's Python SDK), makes the test images, starts local emulators with injected
# latency, runs the benchmarks (uploads, listing and upload memory, batch rate, the bulk
# deletes of bench/delete.sh, the export and copy of bench/export.sh, and the syncs of
# bench/sync.sh) and prints a table. Everything runs on 127.0.0.1.
#
# Settings (environment): BENCH_RUNS (hyperfine runs for the upload comparison, default 3),
# BENCH_DIR (work directory, default a new temporary one), BENCH_FILES (default 1000),
# BENCH_JOBS (default 32), BENCH_LATENCY_MS (default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${BENCH_RUNS:-3}
FILES=${BENCH_FILES:-1000}
JOBS=${BENCH_JOBS:-32}
LATENCY_MS=${BENCH_LATENCY_MS:-50}
PRELOAD=100000
BATCH_RATE=200
SDK_VERSION=5.9.0
WORK=${BENCH_DIR:-$(mktemp -d -t cfimg-bench.XXXXXX)}
mkdir -p "$WORK"

say() { printf '== %s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3 python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

say "building the release binary"
cargo build --release --locked --quiet
BIN=$ROOT/target/release/cfimg

VENV=$WORK/venv
if [ ! -x "$VENV/bin/python" ]; then
  say "creating a venv with cloudflare==$SDK_VERSION"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "cloudflare==$SDK_VERSION"
fi

say "making $FILES images of 64 KiB and one of 10 MB in $WORK"
rm -rf "$WORK/files" "$WORK/more" "$WORK/big"
python3 bench/make_images.py "$WORK/files" "$FILES" 65536
python3 bench/make_images.py "$WORK/more" "$FILES" 65536 more{:05d}.png
python3 bench/make_images.py "$WORK/big" 1 10000000 big.png

# --- emulators ------------------------------------------------------------------------------
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_emulator NAME ARGS...: serve on a free port; sets URL_<NAME> to its API base URL.
start_emulator() {
  local name=$1; shift
  "$BIN" emulator --listen 127.0.0.1:0 "$@" >"$WORK/$name.url" 2>"$WORK/$name.log" &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    [ -s "$WORK/$name.url" ] && break
    sleep 0.1
  done
  [ -s "$WORK/$name.url" ] || { cat "$WORK/$name.log" >&2; exit 1; }
  printf -v "URL_$name" '%s' "$(head -1 "$WORK/$name.url")"
}

say "starting emulators (latency ${LATENCY_MS} ms; batch limit ${BATCH_RATE}/s; $PRELOAD preloaded images)"
start_emulator lat --latency-ms "$LATENCY_MS" --batch-rate "$BATCH_RATE"
start_emulator big --preload "$PRELOAD"

export CLOUDFLARE_API_TOKEN=bench-token
export CLOUDFLARE_ACCOUNT_ID=023e105f4ecef8ad9ca31a8372d0c353
ORIGIN=${URL_lat%/client/v4}

cat >"$WORK/curl_loop.sh" <<EOF
#!/usr/bin/env bash
# The baseline: one curl per file, one after another.
set -e
for f in "$WORK"/files/*.png; do
  curl -sS -f -o /dev/null -H "Authorization: Bearer \$CLOUDFLARE_API_TOKEN" \\
    -F "file=@\$f;type=image/png" "$URL_lat/accounts/\$CLOUDFLARE_ACCOUNT_ID/images/v1"
done
EOF

# --- 1. upload speed --------------------------------------------------------------------------
say "1. $FILES files of 64 KiB, ${LATENCY_MS} ms latency: cfimg -j $JOBS vs a curl loop vs the Python SDK ($RUNS runs each)"
CLOUDFLARE_API_BASE_URL=$URL_lat CLOUDFLARE_BASE_URL=$URL_lat \
hyperfine --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/upload.json" \
  -n cfimg "$BIN -q images upload $WORK/files -j $JOBS" \
  -n curl-loop "bash $WORK/curl_loop.sh" \
  -n python-sdk "$VENV/bin/python bench/sdk_loop.py $WORK/files" >&2

# --- 2. and 3. memory ---------------------------------------------------------------------------
# peak_rss_mib CMD...: the median of three runs' maximum resident set size, in MiB.
peak_rss_mib() {
  local values=()
  for _ in 1 2 3; do
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null
    values+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")")
  done
  printf '%s\n' "${values[@]}" | sort -n | sed -n 2p | awk '{printf "%.1f", $1/1024}'
}

say "2. images list --all --ndjson over $PRELOAD images"
LISTED=$(CLOUDFLARE_API_BASE_URL=$URL_big "$BIN" images list --all --ndjson | wc -l)
LIST_MIB=$(CLOUDFLARE_API_BASE_URL=$URL_big peak_rss_mib "$BIN" images list --all --ndjson)

say "3. one 10 MB upload"
BIG_MIB=$(CLOUDFLARE_API_BASE_URL=$URL_big peak_rss_mib "$BIN" -q images upload "$WORK/big/big.png")

# --- 4. batch rate ------------------------------------------------------------------------------
# Twice the files as well: the difference in time is the sustained rate, free of start-up and
# of the burst the host's first one-second window lets through.
say "4. --batch against a batch host limited to $BATCH_RATE requests/s"
CLOUDFLARE_API_BASE_URL=$URL_lat hyperfine --runs "$RUNS" --style basic --export-json "$WORK/batch.json" \
  -n cfimg-batch "$BIN -q images upload $WORK/files -j $JOBS --batch --batch-url $ORIGIN" \
  -n cfimg-batch-2x "$BIN -q images upload $WORK/files $WORK/more -j $JOBS --batch --batch-url $ORIGIN" >&2
REFUSED=$(CLOUDFLARE_API_BASE_URL=$URL_lat "$BIN" -v images upload "$WORK/files" -j "$JOBS" \
  --batch --batch-url "$ORIGIN" 2>&1 >/dev/null | grep -c ' → 429' || true)

# --- 5. and 6. bulk deletes -------------------------------------------------------------------
BIN=$BIN BENCH_DIR=$WORK BENCH_RUNS=$RUNS BENCH_LATENCY_MS=$LATENCY_MS BENCH_JOBS=$JOBS \
  bash bench/delete.sh >"$WORK/delete-rows.md"

# --- 7., 8. and 9. export and copy ------------------------------------------------------------
BIN=$BIN BENCH_DIR=$WORK BENCH_RUNS=$RUNS BENCH_LATENCY_MS=$LATENCY_MS BENCH_JOBS=$JOBS \
  BENCH_FILES=$FILES bash bench/export.sh >"$WORK/export-rows.md"

# --- 10. to 12. sync ----------------------------------------------------------------------------
BIN=$BIN BENCH_DIR=$WORK BENCH_RUNS=$RUNS BENCH_LATENCY_MS=$LATENCY_MS BENCH_JOBS=$JOBS \
  bash bench/sync.sh >"$WORK/sync-rows.md"

# --- the table ----------------------------------------------------------------------------------
python3 - "$WORK" "$FILES" "$JOBS" "$LATENCY_MS" "$LISTED" "$LIST_MIB" "$BIG_MIB" "$BATCH_RATE" "$REFUSED" <<'EOF'
import json, statistics, sys
work, files, jobs, latency, listed, list_mib, big_mib, batch_rate, refused = sys.argv[1:]
files, jobs, latency, batch_rate = int(files), int(jobs), int(latency), int(batch_rate)
up = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{work}/upload.json"))["results"]}
batch_runs = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{work}/batch.json"))["results"]}
batch, batch2 = batch_runs["cfimg-batch"], batch_runs["cfimg-batch-2x"]
ideal = files / jobs * latency / 1000
rate = files / batch
sustained = files / (batch2 - batch)
rows = [
    ("1", f"cfimg -j {jobs}, {files} x 64 KiB, {latency} ms", f"{up['cfimg']:.2f} s", f"{up['cfimg'] / ideal:.2f}x ideal ({ideal:.2f} s)", "<= 1.2x ideal", up["cfimg"] / ideal <= 1.2),
    ("1", "sequential curl loop", f"{up['curl-loop']:.2f} s", f"cfimg {up['curl-loop'] / up['cfimg']:.1f}x faster", ">= 20x", up["curl-loop"] / up["cfimg"] >= 20),
    ("1", "Python SDK loop (images.v1.create)", f"{up['python-sdk']:.2f} s", f"cfimg {up['python-sdk'] / up['cfimg']:.1f}x faster", "-", True),
    ("2", f"images list --all --ndjson ({listed.strip()} images)", f"{list_mib} MiB peak", "", "<= 30 MiB", float(list_mib) <= 30),
    ("3", "one 10 MB upload", f"{big_mib} MiB peak", "", "<= 30 MiB", float(big_mib) <= 30),
    ("4", f"--batch, {files} uploads, host limit {batch_rate}/s", f"{batch:.2f} s", f"{rate:.0f} req/s overall, {refused} x 429", "", True),
    ("4", f"--batch, {2 * files} uploads", f"{batch2:.2f} s", f"{sustained:.0f} req/s sustained = {sustained / batch_rate:.0%} of limit", ">= 95%", sustained >= 0.95 * batch_rate),
]
print(f"| # | benchmark | median | ratio | target | met |")
print(f"|---|---|---|---|---|---|")
for n, name, value, ratio, target, ok in rows:
    print(f"| {n} | {name} | {value} | {ratio} | {target} | {'yes' if ok else 'NO'} |")
EOF
cat "$WORK/delete-rows.md"
cat "$WORK/export-rows.md"
cat "$WORK/sync-rows.md"
say "work files in $WORK"
