"""The stylesheets a page links besides Material's and platform.css.

platform.css holds what every page needs: the reading page, the header, the
search box, the offline control and print. Rules that only a few pages use
live in a stylesheet of their own, linked only on those pages, so that the
first visit to a practice on a weak line does not download the finder's, the
heatmap's, the workshop's or the side-by-side view's rules. The language's
offline save keeps every one of them (offline.py lists every asset).
"""
from __future__ import annotations

FINDER = "assets/stylesheets/finder.css"      # the finder, the home page's way into it, the heatmap
WORKSHOP = "assets/stylesheets/workshop.css"  # modules, self-checks, learning paths, the workshop pack
COMPARE = "assets/stylesheets/compare.css"    # two languages side by side

_FINDER_PAGES = ((), ("practices",), ("coverage",))
_WORKSHOP_SECTIONS = ("modules", "paths")


def page_stylesheets(address: str) -> tuple[str, ...]:
    """The feature stylesheets of the page at `address`, its address within its
    language ("" for the home page, "practices/", "modules/<slug>/participants/",
    "compare/modules/<slug>/"), in the order the page links them."""
    parts = tuple(part for part in address.split("/") if part)
    sheets = []
    if parts in _FINDER_PAGES:
        sheets.append(FINDER)
    if parts[:1] == ("compare",):
        sheets.append(COMPARE)
        parts = parts[1:]
    # A module's page, its participants' handout and its side-by-side view; a
    # learning path (its steps and self-checks); the pack, which assembles modules.
    if (parts[:1] and parts[0] in _WORKSHOP_SECTIONS and len(parts) >= 2) or parts == ("workshop-pack",):
        sheets.append(WORKSHOP)
    return tuple(sheets)
