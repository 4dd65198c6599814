#!/usr/bin/env python3
"""A phone on a weak line: a cold visit to a practice page, and what keeping a
language offline costs.

Serves a built site on 127.0.0.1 under /platform/ as GitHub Pages serves it
(gzip for text, `Cache-Control: max-age=600`, keep-alive) and opens pages in
Debian's chromium at 390 x 844 with an empty cache each time.

Cold visit (each page --runs times, the median printed): the line is emulated
with Chromium's DevTools protocol (`Network.emulateNetworkConditions`: 400
kbit/s down and up, 400 ms added to every request). Measured from the start
of the navigation:

  text      when the first paragraph of the practice's own text (after its
            facts panel) is painted (Element Timing); the target is 2.5 s
  summary   when the summary under the title is painted
  FCP, LCP  first and largest contentful paint, as Chromium reports them
  bytes     over the line (compressed, headers included) until the text was
            painted, and in all until the page had loaded
  requests  until the page had loaded

Loopback has no TLS: a real first visit adds a TLS handshake (one or two
round trips, 0.4 to 0.8 s on this line) before the first byte.

Offline save, per language: the files of its offline.json, the bytes they
take on the phone, the download the control announces (estimated at build
time) and the exact gzip size, computed here. With --save LANG, the save
itself through the control, over a line emulated by this server (the
worker's requests do not pass through a page's DevTools emulation): 400 kbit/s
shared by all connections, 400 ms before each response.

    .venv/bin/python bench/weak_line_benchmark.py SITE_DIR [--runs 3] [--save sq]
    .venv/bin/python bench/weak_line_benchmark.py --build [--save sq]   # builds the site first
"""
from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
BASE_PATH = "/platform/"
KBITS, ROUND_TRIP_MS = 400, 400
BYTES_PER_SECOND = KBITS * 1000 // 8
TARGET_S = 2.5
PAGES = (
    "practices/individual-return-counselling/",
    "sq/practices/best-interests-procedures-for-children/",
    "mk/practices/individual-return-counselling/",
    "sr-Latn/practices/alternatives-to-detention/",
    "bs/practices/alternatives-to-detention/",
)
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".webmanifest", ".txt")

# The practice's own text and its summary, marked for Element Timing as the
# parser adds them, before they are painted.
_MARK_TEXT = """
(() => {
  window.__weak = {text: null, summary: null, fcp: null, lcp: null};
  const mark = () => {
    const summary = document.querySelector('article .page-summary');
    if (summary && !summary.hasAttribute('elementtiming')) summary.setAttribute('elementtiming', 'summary');
    const text = document.querySelector('article details.facts ~ p');
    if (text && !text.hasAttribute('elementtiming')) text.setAttribute('elementtiming', 'text');
  };
  new MutationObserver(mark).observe(document, {childList: true, subtree: true});
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (__weak[entry.identifier] === null) __weak[entry.identifier] = entry.renderTime || entry.loadTime;
    }
  }).observe({type: 'element', buffered: true});
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') __weak.fcp = entry.startTime;
  }).observe({type: 'paint', buffered: true});
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    __weak.lcp = entries[entries.length - 1].startTime;
  }).observe({type: 'largest-contentful-paint', buffered: true});
})();
"""


# -- the server ---------------------------------------------------------------------


class Line:
    """A shared weak line for --save: bandwidth for all connections together,
    and a wait before each response."""

    def __init__(self, bytes_per_second: int | None, delay_s: float) -> None:
        self.rate, self.delay = bytes_per_second, delay_s
        self.lock = threading.Lock()
        self.free_at = 0.0
        self.sent = 0

    def send(self, write, data: bytes) -> None:
        self.sent += len(data)
        if not self.rate:
            write(data)
            return
        for start in range(0, len(data), 4096):
            chunk = data[start:start + 4096]
            with self.lock:
                now = time.monotonic()
                self.free_at = max(self.free_at, now) + len(chunk) / self.rate
                wait = self.free_at - now
            time.sleep(max(0.0, wait))
            write(chunk)


def serve(site: Path, line: Line, port: int = 0):
    """The site under /platform/, compressed as GitHub Pages sends it."""
    packed: dict[Path, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(BASE_PATH):
                return self._send(404, b"not found", "text/plain")
            target = site / path[len(BASE_PATH):]
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            if not target.is_file():
                return self._send(404, b"not found", "text/plain")
            body = target.read_bytes()
            kind = self.guess(target)
            encoding = None
            if target.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                if target not in packed:
                    packed[target] = gzip.compress(body, 6, mtime=0)
                body, encoding = packed[target], "gzip"
            modified = email.utils.formatdate(target.stat().st_mtime, usegmt=True)
            if self.headers.get("If-Modified-Since") == modified:
                self.send_response(304)
                self.send_header("Cache-Control", "max-age=600")
                self.end_headers()
                return
            self._send(200, body, kind, encoding, modified)

        def guess(self, target: Path) -> str:
            if target.suffix == ".webmanifest":
                return "application/manifest+json"
            import mimetypes

            return mimetypes.guess_type(target.name)[0] or "application/octet-stream"

        def _send(self, status: int, body: bytes, kind: str, encoding: str | None = None,
                  modified: str | None = None) -> None:
            if line.delay:
                time.sleep(line.delay)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            if modified:
                self.send_header("Last-Modified", modified)
            self.end_headers()
            line.send(self.wfile.write, body)

        def log_message(self, *args) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address) -> None:
            pass  # a browser that moves on mid-response

    server = Server(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"


# -- a cold visit ---------------------------------------------------------------------


@dataclass
class Visit:
    page: str
    text_s: float | None
    summary_s: float | None
    fcp_s: float | None
    lcp_s: float | None
    bytes_to_text: int
    bytes_loaded: int
    requests: int


def cold_visit(browser, base: str, page_path: str, cpu: float) -> Visit:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(_MARK_TEXT)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": ROUND_TRIP_MS,
        "downloadThroughput": BYTES_PER_SECOND, "uploadThroughput": BYTES_PER_SECOND,
    })
    if cpu > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    finished: dict[str, tuple[float, int]] = {}
    started: list[float] = []
    cdp.on("Network.requestWillBeSent", lambda event: started.append(event["timestamp"]))
    cdp.on("Network.loadingFinished", lambda event: finished.__setitem__(
        event["requestId"], (event["timestamp"], event["encodedDataLength"])))
    page.goto(base + page_path, wait_until="load", timeout=120000)
    page.wait_for_timeout(300)  # the last paint entries
    timings = page.evaluate("() => window.__weak")
    context.close()
    origin = started[0] if started else 0.0

    def seconds(ms):
        return None if ms is None else ms / 1000

    text = seconds(timings["text"])
    # What had fully arrived when the text was painted (what it needed: the
    # page and its stylesheets).
    to_text = sum(size for moment, size in finished.values() if text is not None and moment - origin <= text)
    return Visit(page_path, text, seconds(timings["summary"]), seconds(timings["fcp"]), seconds(timings["lcp"]),
                 to_text, sum(size for _moment, size in finished.values()), len(finished))


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def report_visits(visits: list[list[Visit]]) -> None:
    print(f"\nCold visit on a {KBITS} kbit/s, {ROUND_TRIP_MS} ms line (CDP), 390 x 844, "
          f"median of {len(visits[0])}; target: text within {TARGET_S} s")
    print(f"  {'page':<56} {'text':>6} {'summary':>8} {'FCP':>6} {'LCP':>6} {'KB to text':>11} {'KB in all':>10} {'req':>4}")
    for runs in visits:
        def fmt(value):
            return "   n/a" if value is None else f"{value:5.2f}s"
        text = median([visit.text_s for visit in runs])
        print(f"  {runs[0].page:<56} {fmt(text):>6} {fmt(median([v.summary_s for v in runs])):>8} "
              f"{fmt(median([v.fcp_s for v in runs])):>6} {fmt(median([v.lcp_s for v in runs])):>6} "
              f"{median([v.bytes_to_text for v in runs]) / 1024:10.1f} {median([v.bytes_loaded for v in runs]) / 1024:9.1f} "
              f"{int(median([v.requests for v in runs])):4d}  {'PASS' if text is not None and text <= TARGET_S else 'FAIL'}")


# -- offline save -------------------------------------------------------------------


@dataclass
class Save:
    language: str
    files: int
    stored: int
    announced: int
    gzip: int
    seconds: float | None = None
    sent: int | None = None
    extra: dict = field(default_factory=dict)


def language_root(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def save_sizes(site: Path) -> list[Save]:
    saves = []
    for folder in [site, *sorted(path.parent for path in site.glob("*/offline.json"))]:
        listed = json.loads((folder / "offline.json").read_text(encoding="utf-8"))
        packed = 0
        for url, _size, _digest in listed["entries"]:
            name = unquote(url) + ("index.html" if url == "" or url.endswith("/") else "")
            packed += len(gzip.compress((site / name).read_bytes(), 6))
        saves.append(Save(listed["language"], listed["files"], listed["bytes"], listed["download"], packed))
    order = ["en", "sq", "mk", "sr", "sr-Latn", "bs"]
    return sorted(saves, key=lambda save: order.index(save.language) if save.language in order else 99)


def timed_save(browser, site: Path, lang: str) -> tuple[float, int]:
    line = Line(None, 0)
    server, base = serve(site, line)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base + language_root(lang))
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
        page.click("[data-offline-action=ask]")
        page.wait_for_selector("[data-offline-action=start]:visible")
        # From here on, the weak line.
        line.rate, line.delay, line.sent = BYTES_PER_SECOND, ROUND_TRIP_MS / 1000, 0
        start = time.monotonic()
        page.click("[data-offline-action=start]")
        page.wait_for_selector("[data-offline-state=kept]", timeout=900000)
        return time.monotonic() - start, line.sent
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def report_saves(saves: list[Save]) -> None:
    print("\nOffline save per language (\"keep this language on my phone\")")
    print(f"  {'language':<9} {'files':>6} {'on the phone':>13} {'announced':>10} {'gzip':>9} {'announced/gzip':>15}"
          f" {'saved in':>9} {'sent':>9}")
    for save in saves:
        timed = f"{save.seconds:8.1f}s {save.sent / 1e6:7.2f} MB" if save.seconds is not None else ""
        print(f"  {save.language:<9} {save.files:6d} {save.stored / 1e6:10.2f} MB {save.announced / 1e6:7.2f} MB "
              f"{save.gzip / 1e6:6.2f} MB {save.announced / save.gzip:15.2f} {timed}")


# -- main -------------------------------------------------------------------------------


def build(into: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "build.py"), "--site-dir", str(into)],
                            cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(1)
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?")
    parser.add_argument("--build", action="store_true", help="build the repository's site first")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated, from the site's root")
    parser.add_argument("--cpu", type=float, default=1.0, help="CPU slowdown (Emulation.setCPUThrottlingRate)")
    parser.add_argument("--save", default="", help="languages to save through the control, e.g. sq,mk")
    args = parser.parse_args(argv)
    if not args.site and not args.build:
        parser.error("give a built site, or --build")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="weak-line-") as scratch:
        site = build(Path(scratch) / "site") if args.build else args.site
        server, base = serve(site, Line(None, 0))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            visits = []
            for page_path in [path for path in args.pages.split(",") if path]:
                visits.append([cold_visit(browser, base, page_path, args.cpu) for _ in range(args.runs)])
            server.shutdown()
            server.server_close()
            report_visits(visits)
            saves = save_sizes(site)
            for save in saves:
                if save.language in args.save.split(","):
                    save.seconds, save.sent = timed_save(browser, site, save.language)
            browser.close()
        report_saves(saves)
    return 0


if __name__ == "__main__":
    sys.exit(main())
