#!/usr/bin/env python3
"""The site's icons, rendered from the one drawing, docs/assets/images/icon.svg.

    .venv/bin/python scripts/icons.py

Run it after changing the drawing, and commit the PNGs it writes beside it:

    icon-192.png, icon-512.png   the web app manifest's icons (rounded corners)
    icon-maskable-512.png        the manifest's maskable icon: the square filled
                                 to its edges, which Android cuts to its own shape
                                 (the drawing keeps inside the central 80 %)
    apple-touch-icon.png         180 px, filled to the edges, for iOS
    favicon.png                  48 px, the browser tab's icon (replaces Material's)

Debian's chromium draws them (through Playwright, as the tests do), so the
site needs no SVG library; each PNG records the SHA-256 of the drawing it came
from, and a test fails when the drawing changed and the PNGs were not made
again. Pillow (already needed for the benchmark's chart) stores them with a
palette, a few KB each.
"""
from __future__ import annotations

import hashlib
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "assets" / "images"
DRAWING = IMAGES / "icon.svg"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
# name: (pixels, filled to the edges)
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),
    "favicon.png": (48, False),
}
SOURCE_KEY = "icon.svg sha256"


def drawing_hash(svg: bytes) -> str:
    return hashlib.sha256(svg).hexdigest()


def filled(svg: str) -> str:
    """The drawing without its rounded corners."""
    return re.sub(r'(<rect width="512" height="512") rx="\d+"', r"\1", svg, count=1)


def render(svg: str, pixels: int) -> bytes:
    from playwright.sync_api import sync_playwright

    sized = re.sub(r'width="512" height="512">', f'width="{pixels}" height="{pixels}">', svg, count=1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": pixels, "height": pixels})
        page.set_content(f'<html><body style="margin:0;background:transparent">{sized}</body></html>')
        shot = page.screenshot(omit_background=True)
        browser.close()
    return shot


def store(png: bytes, source: str) -> bytes:
    from PIL import Image, PngImagePlugin

    image = Image.open(io.BytesIO(png)).convert("RGBA")
    info = PngImagePlugin.PngInfo()
    info.add_text(SOURCE_KEY, source)
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True, pnginfo=info)
    return out.getvalue()


def main() -> int:
    svg_bytes = DRAWING.read_bytes()
    source = drawing_hash(svg_bytes)
    svg = svg_bytes.decode("utf-8")
    for name, (pixels, to_the_edges) in ICONS.items():
        data = store(render(filled(svg) if to_the_edges else svg, pixels), source)
        (IMAGES / name).write_bytes(data)
        print(f"{name}: {pixels} x {pixels}, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
