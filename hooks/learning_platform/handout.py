"""Handouts: a module or practice printed on A4 as a trainer hands it out.

The page itself is the handout: the print style (platform.css, @media print)
drops navigation, search and banners but one line on the translation state,
prints the links that matter with their address (a page of the site, a
source) and the category links of the facts panel as words. What the build
adds is here: a QR code of the page's online address in the reader's
language (an SVG made with zxing-cpp at build time, no network, also shown
on screen for slides) kept on one sheet with a footer giving the address, the
date of the page and its review; and the page's title and address on the
root element, which the print style's running head shows on every sheet."""
from __future__ import annotations

import re

import zxingcpp

from .context import Context, esc
from .model import Module, Practice
from .urls import absolute_url


_RUNS = re.compile(rb"([^\x00]*)(\x00+)")  # (light, dark) modules
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_svg(address: str, title: str) -> str:
    """An inline SVG QR code for `address` (error correction M: it still reads when printed small).

    zxing-cpp encodes (its C++ encoder chooses the mask and takes half a
    millisecond; segno, in pure Python, took two, for every page in six
    languages); the SVG is written here as one path of dark runs, with a
    viewBox and no size, so CSS sizes it for a slide or for A4 without cropping."""
    code = zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    size = image.shape[0]
    cells = memoryview(image).tobytes()  # one byte a module, 0 for dark
    # Each row as (light, dark) pairs from one findall: the pen moves from the
    # end of one dark run to the start of the next. A quarter less time than a
    # match object per run (0.28 against 0.39 ms a code), on every practice and
    # module in six languages.
    runs, pen_x, pen_y = [], 0, 0
    for y in range(size):
        start = y * size
        pairs = _RUNS.findall(cells, start, start + size)
        if not pairs:
            continue
        light, dark = pairs[0]
        runs.append(f"m{len(light) - pen_x} {y - pen_y}h{len(dark)}")
        runs += [f"m{len(light)} 0h{len(dark)}" for light, dark in pairs[1:]]
        pen_x, pen_y = cells.rfind(b"\x00", start, start + size) + 1 - start, y
    total = size + 2 * QUIET_ZONE
    return (f'<svg viewBox="0 0 {total} {total}" class="qr-code" role="img"><title>{esc(title)}</title>'
            f'<path fill="#fff" d="M0 0h{total}v{total}H0z"/>'
            f'<path stroke="#000" d="M{QUIET_ZONE} {QUIET_ZONE + 0.5}{"".join(runs)}"/></svg>')


def qr_block(ctx: Context, page: Practice | Module, base: str) -> str:
    """The page's address as a QR code and as text: for slides on screen, for the handout on paper."""
    if not base:
        return ""
    address = absolute_url(base, page.path, ctx.lang)
    label = ctx.t("handout.qr", title=ctx.title(page))
    return (f'<figure class="qr" data-address="{esc(address)}">{qr_svg(address, label)}'
            f'<figcaption>{esc(ctx.t("handout.online"))} <span class="qr__address">{esc(address)}</span></figcaption>'
            "</figure>")


def handout_end(ctx: Context, page: Practice | Module, base: str) -> str:
    """The end of a handout, kept on one sheet: the QR code and address (also on
    screen, for slides), and what only paper shows: where the sheet comes from
    and how current it is."""
    address = absolute_url(base, page.path, ctx.lang) if base else ctx.page_url
    footer = esc(ctx.t("handout.footer", address=address, updated=page.updated.isoformat(),
                       due=page.review_due.isoformat()))
    return ctx.html(f'<div class="handout-end">{qr_block(ctx, page, base)}<p class="handout-footer">{footer}</p></div>')


def running_head(page_html: str, title: str, address: str) -> str:
    """The page's title and address on its root element: platform.css prints
    them at the top of every sheet (`attr()` into a custom property, which an
    @page margin box reads: the only per-page text a margin box can show
    without script, in Chromium 133 and later)."""
    start = page_html.find("<html")
    end = page_html.find(">", start)
    if start < 0 or end < 0:
        return page_html
    return (page_html[:end] + f' data-print-title="{esc(title)}" data-print-address="{esc(address)}"'
            + page_html[end:])


# A link to another page of the site; not a category of the finder (`?partner=AL`,
# `../?kind=method`): on paper those are words, their address is noise.
_INTERNAL_LINK = re.compile(r'<a href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^"?]+)"')


def print_addresses(page_html: str, page_url: str, base: str) -> str:
    """Each link to another page of the site carries its full address, which a
    printed handout shows beside it (a relative address means nothing on paper).
    Links into the finder's categories get none: they print as words."""
    if not base:
        return page_html
    root = base.rstrip("/") + "/"
    folders = page_url.split("/")[:-1]  # the page's own folder: "practices/x/" -> ["practices", "x"]

    def absolute(match: re.Match) -> str:
        href = match.group(1)
        path = list(folders)
        for part in href.split("/")[:-1]:
            if part == "..":
                if path:
                    path.pop()
            elif part and part != ".":
                path.append(part)
        last = href.rsplit("/", 1)[-1]
        target = "/".join(path) + ("/" if path else "") + last
        return f'{match.group(0)} data-print="{root}{target}"'

    return _INTERNAL_LINK.sub(absolute, page_html)
