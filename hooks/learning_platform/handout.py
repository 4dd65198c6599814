"""Handouts: a module or practice printed on A4 as a trainer hands it out.

The page itself is the handout: the print style (platform.css, @media print)
drops navigation, search and banners but one line on the translation state,
and prints every link with its address. What the build adds is here: a QR
code of the page's online address in the reader's language (an SVG made with
segno at build time, no network, also shown on screen for slides), and a
footer with the address, the date of the page and its review."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import segno

from .context import Context, esc
from .model import Module, Practice
from .urls import absolute_url


QR_MASK = 2


def qr_svg(address: str, title: str) -> str:
    """An inline SVG QR code for `address` (error correction M: still reads when printed small)."""
    # A fixed mask pattern: any of the eight is valid and reads the same; letting
    # segno score all eight cost 7 ms a code, most of a practice page's build.
    code = segno.make(address, error="m", mask=QR_MASK, micro=False)
    # No width or height but a viewBox: CSS sizes it (for a slide, for A4) without cropping.
    return code.svg_inline(scale=4, border=4, title=title, dark="#000", light="#fff", omitsize=True)


def qr_block(ctx: Context, page: Practice | Module, base: str) -> str:
    """The page's address as a QR code and as text: for slides on screen, for the handout on paper."""
    if not base:
        return ""
    address = absolute_url(base, page.path, ctx.lang)
    label = ctx.t("handout.qr", title=ctx.title(page))
    return (f'<figure class="qr" data-address="{esc(address)}">{qr_svg(address, label)}'
            f'<figcaption>{esc(ctx.t("handout.online"))} <span class="qr__address">{esc(address)}</span></figcaption>'
            "</figure>")


def handout_parts(ctx: Context, page: Practice | Module, base: str) -> str:
    """What only the printed handout shows: where it comes from and how current it is."""
    address = absolute_url(base, page.path, ctx.lang) if base else ctx.page_url
    return ctx.html(
        f'<p class="handout-footer">{esc(ctx.t("handout.footer", address=address, updated=page.updated.isoformat(), due=page.review_due.isoformat()))}</p>')


_INTERNAL_LINK = re.compile(r'<a href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^"]+)"')


def print_addresses(page_html: str, page_url: str, base: str) -> str:
    """Each link to another page of the site carries its full address, which a
    printed handout shows beside it (a relative address means nothing on paper)."""
    if not base:
        return page_html
    here = base.rstrip("/") + "/" + page_url
    return _INTERNAL_LINK.sub(lambda m: f'{m.group(0)} data-print="{urljoin(here, m.group(1))}"', page_html)
