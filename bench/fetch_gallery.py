"""Load the emulator's gallery as a browser would: the page, then every image on it in parallel.

usage: fetch_gallery.py ORIGIN

Prints the seconds from the first request to the last byte of the last image, and the number
of images. Images are asked for with the Accept header Chromium sends for <img>, so they come
as WebP, as a browser gets them. Every answer must be 200 and non-empty, or it exits 1.
"""

import html
import re
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"
# Chromium opens six connections per host; twelve threads keep them all busy.
WORKERS = 12


def get(url: str, accept: str) -> int:
    req = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=120) as r:
        body = r.read()
        if r.status != 200 or not body:
            raise SystemExit(f"{url}: HTTP {r.status}, {len(body)} bytes")
        return len(body)


def main() -> None:
    origin = sys.argv[1].rstrip("/")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    urllib.request.install_opener(opener)
    start = time.monotonic()
    page = urllib.request.urlopen(origin + "/", timeout=120).read().decode()
    srcs = [html.unescape(s) for s in re.findall(r'<img src="([^"]+)"', page)]
    with ThreadPoolExecutor(WORKERS) as pool:
        sizes = list(pool.map(lambda s: get(origin + s, ACCEPT), srcs))
    elapsed = time.monotonic() - start
    print(f"{elapsed:.3f} {len(srcs)} {sum(sizes)}")


if __name__ == "__main__":
    main()
