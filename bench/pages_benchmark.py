#!/usr/bin/env python3
"""What a reader downloads: a first visit to a practice page, then the next page.

Serves a built site on 127.0.0.1 and opens, in Debian's chromium, a practice
page in a new browser context (empty cache), then a second practice page in
the same context (what a reader opens next). For each it counts the requests,
the failed ones (status 400 or more, or no answer), and the bytes as gzip
(level 6) would send them: the test server sends files as stored, so the
compressed size is computed from each body. A response the browser took from
its cache costs nothing.

    .venv/bin/python bench/pages_benchmark.py SITE_DIR [--page practices/x/ --next practices/y/]
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from search_benchmark import ARGS, CHROMIUM


@dataclass
class PageWeight:
    label: str
    requests: int
    failed: int
    bytes_gzip: int
    bytes_stored: int


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """As GitHub Pages serves a site: files may be cached for ten minutes.
    Every file it actually sends is recorded: what the browser took from its
    cache never reaches it."""

    sent: list = []

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        handle = super().send_head()
        if handle is not None:
            position = handle.tell()
            body = handle.read()
            handle.seek(position)
            _Quiet.sent.append((self.path, len(body), len(gzip.compress(body, 6)), getattr(self, "_status", 200)))
        return handle

    def send_response(self, code, message=None):
        self._status = code
        if code >= 400:
            _Quiet.sent.append((self.path, 0, 0, code))
        super().send_response(code, message)

    def log_message(self, *args):
        pass


def measure(site: Path, first: str, following: str, verbose: bool = False) -> list[PageWeight]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context()
            page = context.new_page()
            for label, path in (("first visit", first), ("next page", following)):
                _Quiet.sent.clear()
                failed: list = []

                def lost(request, failed=failed):
                    failed.append(request)

                page.on("requestfailed", lost)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.remove_listener("requestfailed", lost)
                sent = list(_Quiet.sent)
                if verbose:
                    for name, size, packed, status in sent:
                        print(f"    {packed / 1024:6.1f} KB  {status}  {name}")
                results.append(PageWeight(label, len(sent) + len(failed),
                                          sum(1 for *_, status in sent if status >= 400) + len(failed),
                                          sum(packed for _n, _s, packed, _st in sent),
                                          sum(size for _n, size, _p, _st in sent)))
            browser.close()
    finally:
        server.shutdown()
    return results


def report(weights: list[PageWeight]) -> None:
    for weight in weights:
        print(f"  {weight.label:<12} {weight.requests:3d} requests, {weight.failed} failed, "
              f"{weight.bytes_gzip / 1024:6.1f} KB gzip ({weight.bytes_stored / 1024:7.1f} KB as stored)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--page", default="practices/individual-return-counselling/")
    parser.add_argument("--next", default="practices/cultural-mediation/")
    parser.add_argument("--verbose", action="store_true", help="each file and its size")
    args = parser.parse_args(argv)
    report(measure(args.site, args.page, args.next, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
