"""Write benchmark images: valid PNGs of an exact size, each with different content.

usage: make_images.py DIR COUNT SIZE [NAME]

A 16x16 PNG whose size is made up by a private ancillary chunk ("bnCh"), which decoders skip;
the chunk holds the file's number, so every file hashes differently.
"""

import os
import struct
import sys
import zlib


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(size: int, n: int) -> bytes:
    width = height = 16
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    rows = b"".join(b"\x00" + b"".join(bytes([x * 16, y * 16, n % 256]) for x in range(width)) for y in range(height))
    data = chunk(b"IDAT", zlib.compress(rows))
    end = chunk(b"IEND", b"")
    head = b"\x89PNG\r\n\x1a\n" + header
    fixed = len(head) + len(data) + len(end) + 12  # 12: the padding chunk's own framing
    pad = size - fixed
    if pad < 8:
        raise SystemExit(f"size {size} is too small")
    filler = f"cfimg-bench-{n}-".encode()
    filler = (filler * (pad // len(filler) + 1))[:pad]
    return head + chunk(b"bnCh", filler) + data + end


def main() -> None:
    out, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    name = sys.argv[4] if len(sys.argv) > 4 else "img{:05d}.png"
    os.makedirs(out, exist_ok=True)
    for n in range(count):
        data = png(size, n)
        assert len(data) == size
        with open(os.path.join(out, name.format(n)), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
