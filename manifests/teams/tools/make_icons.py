#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

Usage: python3 manifests/teams/tools/make_icons.py   (writes into manifests/teams/)

The motif is a speech bubble with a check mark: a coach that remembers what you promised.
Shapes are signed distance functions sampled 4x4 per pixel for anti-aliasing.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

ACCENT = (0x2B, 0x5C, 0xD6)   # keep in sync with accentColor in manifest.json (#2B5CD6)
WHITE = (255, 255, 255)


def write_png(path, width, height, rgba_rows):
    raw = b"".join(b"\x00" + bytes(row) for row in rgba_rows)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def sd_round_rect(px, py, cx, cy, hw, hh, r):
    qx = abs(px - cx) - (hw - r)
    qy = abs(py - cy) - (hh - r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - r


def sd_segment(px, py, ax, ay, bx, by):
    pax, pay = px - ax, py - ay
    bax, bay = bx - ax, by - ay
    h = max(0.0, min(1.0, (pax * bax + pay * bay) / (bax * bax + bay * bay)))
    return math.hypot(pax - bax * h, pay - bay * h)


def sd_triangle(px, py, a, b, c):
    # Exact signed distance to a triangle (negative inside).
    def edge(p0, p1):
        ex, ey = p1[0] - p0[0], p1[1] - p0[1]
        vx, vy = px - p0[0], py - p0[1]
        h = max(0.0, min(1.0, (vx * ex + vy * ey) / (ex * ex + ey * ey)))
        dx, dy = vx - ex * h, vy - ey * h
        return dx * dx + dy * dy, ex * vy - ey * vx
    d0, s0 = edge(a, b)
    d1, s1 = edge(b, c)
    d2, s2 = edge(c, a)
    d = math.sqrt(min(d0, d1, d2))
    inside = (s0 >= 0 and s1 >= 0 and s2 >= 0) or (s0 <= 0 and s1 <= 0 and s2 <= 0)
    return -d if inside else d


def bubble(px, py, s):
    """Speech bubble in a 0..1 box scaled by s: rounded body plus a tail at the lower left."""
    body = sd_round_rect(px, py, 0.5 * s, 0.44 * s, 0.34 * s, 0.26 * s, 0.12 * s)
    tail = sd_triangle(px, py, (0.28 * s, 0.62 * s), (0.46 * s, 0.62 * s), (0.24 * s, 0.84 * s))
    return min(body, tail)


def check(px, py, s, w):
    a = (0.34 * s, 0.45 * s)
    b = (0.45 * s, 0.56 * s)
    c = (0.67 * s, 0.32 * s)
    return min(sd_segment(px, py, *a, *b), sd_segment(px, py, *b, *c)) - w / 2


def render(size, shade, samples=4):
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(samples):
                for sx in range(samples):
                    px = x + (sx + 0.5) / samples
                    py = y + (sy + 0.5) / samples
                    r, g, b, a = shade(px, py)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = samples * samples
            alpha = acc[3] / n
            if alpha > 0:
                rgb = [round(acc[i] / acc[3]) for i in range(3)]
            else:
                rgb = [0, 0, 0]
            row.extend(rgb + [round(alpha * 255)])
        rows.append(row)
    return rows


def color_shade(size):
    def shade(px, py):
        if check(px, py, size, 0.075 * size) <= 0:
            return (*ACCENT, 1.0)
        if bubble(px, py, size) <= 0:
            return (*WHITE, 1.0)
        return (*ACCENT, 1.0)
    return shade


def outline_shade(size):
    stroke = 2.0
    def shade(px, py):
        if check(px, py, size, stroke) <= 0:
            return (*WHITE, 1.0)
        d = bubble(px, py, size)
        if abs(d + stroke / 2) <= stroke / 2:
            return (*WHITE, 1.0)
        return (0, 0, 0, 0.0)
    return shade


if __name__ == "__main__":
    write_png(os.path.join(OUT, "color.png"), 192, 192, render(192, color_shade(192)))
    write_png(os.path.join(OUT, "outline.png"), 32, 32, render(32, outline_shade(32), samples=8))
    print("wrote color.png and outline.png to", OUT)
