#!/usr/bin/env python3
"""Phone screenshots for the README, from a built site, in Debian's chromium.

    .venv/bin/python scripts/phone_screenshots.py SITE_DIR [--out readme]

Each is the first screen of a page on a 390 x 844 phone (touch, one device
pixel per CSS pixel), as a practitioner opens it:

    phone-sections-<lang>.png   a practice: title, summary, the facts in words
                                and the list of its own sections
    phone-finder-count-<lang>.png
                                the practice finder filtered by role, stage
                                and people concerned, its count and the way
                                to the results in the bar that stays in view
"""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
# (file name, address within the site)
SHOTS = (
    ("phone-sections-sq.png", "sq/practices/best-interests-procedures-for-children/"),
    ("phone-sections-mk.png", "mk/practices/individual-return-counselling/"),
    ("phone-finder-count-sq.png", "sq/practices/?audience=social-workers&stage=reintegration&group=families"),
    ("phone-finder-count-mk.png", "mk/practices/?audience=border-police&stage=first-contact&group=unaccompanied-children"),
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (make build, or mkdocs build -d SITE_DIR)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "readme")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
            page = context.new_page()
            for name, address in SHOTS:
                page.goto(base + address)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(args.out / name))
                print(args.out / name)
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
