#!/usr/bin/env bash
# The emulator's gallery and variant rendering, from a clean clone: bash bench/gallery.sh
#
# Builds the release binary, writes 200 pictures of 1024x768 and one of 20 megapixels
# (make_photos.py), uploads them to an emulator with a data directory, then measures:
#   5. the gallery page with 200 thumbnails, page and every image fetched (fetch_gallery.py):
#      cold (a freshly started emulator, nothing rendered yet) and warm (the same emulator
#      again), medians of BENCH_RUNS runs each;
#   6. the emulator's peak memory (VmHWM) while it renders the 20-megapixel image through the
#      public variant (1366x768), median of BENCH_RUNS fresh emulators.
# Everything runs on 127.0.0.1. Settings: BENCH_RUNS (default 5), BENCH_DIR (default a new
# temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${BENCH_RUNS:-5}
WORK=${BENCH_DIR:-$(mktemp -d -t cfimg-gallery.XXXXXX)}
mkdir -p "$WORK"
say() { printf '== %s\n' "$*" >&2; }

command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

say "building the release binary"
cargo build --release --locked --quiet
BIN=$ROOT/target/release/cfimg

say "making 200 pictures of 1024x768 and one of 5472x3656 (20 MP) in $WORK"
rm -rf "$WORK/photos" "$WORK/big" "$WORK/data" "$WORK/bigdata"
python3 bench/make_photos.py "$WORK/photos" 200 1024 768
python3 bench/make_photos.py "$WORK/big" 1 5472 3656 big.png

PID=""
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
trap stop EXIT
# start DATA_DIR: a fresh emulator on that directory; sets PID, API and ORIGIN.
start() {
  stop
  rm -f "$WORK/url"
  "$BIN" emulator --listen 127.0.0.1:0 --data-dir "$1" >"$WORK/url" 2>"$WORK/emulator.log" &
  PID=$!
  for _ in $(seq 1 600); do [ -s "$WORK/url" ] && break; sleep 0.1; done
  API=$(head -1 "$WORK/url")
  ORIGIN=${API%/client/v4}
}
export CLOUDFLARE_API_TOKEN=bench-token CLOUDFLARE_ACCOUNT_ID=023e105f4ecef8ad9ca31a8372d0c353

say "uploading"
start "$WORK/data"
CLOUDFLARE_API_BASE_URL=$API "$BIN" -q images upload "$WORK/photos" -j 8 >/dev/null
start "$WORK/bigdata"
BIG_ID=$(CLOUDFLARE_API_BASE_URL=$API "$BIN" images upload "$WORK/big/big.png" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# The account hash, from the image's own variant URL.
HASH=$(python3 - "$API" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/accounts/023e105f4ecef8ad9ca31a8372d0c353/images/v2?per_page=10", headers={"Authorization": "Bearer x"})
url = json.load(urllib.request.urlopen(req))["result"]["images"][0]["variants"][0]
print(url.split("/cdn-cgi/imagedelivery/")[1].split("/")[0])
PY
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

say "5. gallery of 200: cold (a fresh emulator per run) and warm ($RUNS runs each)"
: >"$WORK/cold.txt"; : >"$WORK/warm.txt"
for _ in $(seq 1 "$RUNS"); do
  start "$WORK/data"
  python3 bench/fetch_gallery.py "$ORIGIN" | tee -a "$WORK/cold.txt" >&2
  python3 bench/fetch_gallery.py "$ORIGIN" | tee -a "$WORK/warm.txt" >&2
done
for _ in $(seq 2 "$RUNS"); do python3 bench/fetch_gallery.py "$ORIGIN" >>"$WORK/warm.txt"; done
COLD=$(cut -d' ' -f1 "$WORK/cold.txt" | median)
WARM=$(cut -d' ' -f1 "$WORK/warm.txt" | median)
IMAGES=$(head -1 "$WORK/cold.txt" | cut -d' ' -f2)

say "6. peak memory rendering the 20 MP image ($RUNS fresh emulators)"
: >"$WORK/hwm.txt"
for _ in $(seq 1 "$RUNS"); do
  start "$WORK/bigdata"
  curl -sS -f -o "$WORK/big.out" -H 'Accept: image/webp' "$ORIGIN/$HASH/$BIG_ID/public"
  awk '/VmHWM/ {printf "%.1f\n", $2/1024}' "/proc/$PID/status" >>"$WORK/hwm.txt"
done
HWM=$(median <"$WORK/hwm.txt")
OUT=$(python3 -c 'import struct,sys; b=open(sys.argv[1],"rb").read(); print(b[:4]==b"RIFF" and b[8:12]==b"WEBP")' "$WORK/big.out")

python3 - "$COLD" "$WARM" "$IMAGES" "$HWM" "$OUT" <<'PY'
import sys
cold, warm, images, hwm, webp = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5]
rows = [
    ("5", f"gallery page + {images} thumbnails, cold", f"{cold:.2f} s", "< 2 s", cold < 2),
    ("5", f"gallery page + {images} thumbnails, warm", f"{warm:.3f} s", "< 0.3 s", warm < 0.3),
    ("6", f"peak emulator memory, 20 MP PNG -> public (WebP: {webp})", f"{hwm:.0f} MiB", "< 400 MiB", hwm < 400),
]
print("| # | benchmark | median | target | met |")
print("|---|---|---|---|---|")
for n, name, value, target, ok in rows:
    print(f"| {n} | {name} | {value} | {target} | {'yes' if ok else 'NO'} |")
PY
say "work files in $WORK"
