"""Write picture-sized benchmark images: RGB PNGs with a gradient and a pattern, each different.

usage: make_photos.py DIR COUNT WIDTH HEIGHT [NAME]

NAME is a format string for the file names (default "photo{:04d}.png"). The rows are built
once per image from a few repeated patterns, so even 20 megapixels take seconds, not minutes;
the pattern differs per image, so every file has its own content and hash.
"""

import os
import struct
import sys
import zlib


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width: int, height: int, n: int) -> bytes:
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    # 16 distinct rows, each a horizontal gradient with stripes that depend on n.
    rows = []
    for band in range(16):
        row = bytearray(width * 3)
        for x in range(width):
            stripe = ((x + n * 7) // (8 + n % 13)) % 2
            row[3 * x] = (x * 255 // max(1, width - 1)) & 0xFF
            row[3 * x + 1] = (band * 16 + stripe * 40) & 0xFF
            row[3 * x + 2] = (n * 37 + stripe * 90) & 0xFF
        rows.append(b"\x00" + bytes(row))
    band_height = max(1, height // 16)
    raw = b"".join(rows[min(15, y // band_height)] for y in range(height))
    data = chunk(b"IDAT", zlib.compress(raw, 6))
    return b"\x89PNG\r\n\x1a\n" + header + data + chunk(b"IEND", b"")


def main() -> None:
    out, count, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    name = sys.argv[5] if len(sys.argv) > 5 else "photo{:04d}.png"
    os.makedirs(out, exist_ok=True)
    for n in range(count):
        with open(os.path.join(out, name.format(n)), "wb") as f:
            f.write(png(width, height, n))


if __name__ == "__main__":
    main()
