"""Draws assets/icons/icon.png (512×512): a gold star over an open ledger on
Party red. Pure Python, no image library: run `python3 assets/icons/make_icon.py`."""

import math
import pathlib
import struct
import zlib

SIZE = 512
RED = (183, 28, 28, 255)
GOLD = (255, 208, 0, 255)
PAPER = (255, 250, 240, 255)
INK = (214, 120, 110, 255)
CLEAR = (0, 0, 0, 0)


def in_star(x, y, cx, cy, outer, inner):
    d = math.hypot(x - cx, y - cy)
    if d < 1e-9:
        return True
    sector = math.atan2(x - cx, cy - y) % (2 * math.pi / 5)
    a = math.pi / 5 - abs(sector - math.pi / 5)
    # Intersect the ray at angle `a` with the edge from the outer point (0, R)
    # to the inner point at angle pi/5.
    ix, iy = inner * math.sin(math.pi / 5), inner * math.cos(math.pi / 5)
    ex, ey = ix, iy - outer
    dx, dy = math.sin(a), math.cos(a)
    return d <= (-outer * ex) / (dx * ey - dy * ex)


def in_rounded(x, y, x0, y0, x1, y1, radius):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + radius), x1 - radius)
    cy = min(max(y, y0 + radius), y1 - radius)
    return math.hypot(x - cx, y - cy) <= radius


def pixel(x, y):
    if not in_rounded(x, y, 40, 40, 472, 472, 70):
        return CLEAR
    if in_star(x, y, 256, 165, 78, 31):
        return GOLD
    off = abs(x - 256)
    if 120 <= x <= 392 and 262 - off * 0.12 <= y <= 410:
        if off <= 3:
            return INK
        if 20 < off < 120 and any(abs(y - line) <= 2 for line in (300, 335, 370)):
            return INK
        return PAPER
    return RED


def main():
    raw = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    out = pathlib.Path(__file__).resolve().parent / "icon.png"
    out.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    main()
