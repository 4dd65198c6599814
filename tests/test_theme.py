"""The theme overrides follow the pinned Material for MkDocs.

What the platform copies from Material (partials/header.html and
partials/alternate.html whole, the site_meta block of base.html in
overrides/main.html) marks every change it makes:

    {#- platform-change: why
    Material's lines
    -#}
    the platform's lines
    {#- platform-end -#}

Each test puts Material's lines back and compares the result with the
installed Material's own file: a theme upgrade that changes what the override
copied fails here, naming the file, until the override follows it. The
language files the platform supplies are checked against Material's
languages the same way. Milliseconds, no build.
"""
from __future__ import annotations

import importlib.metadata
import re
import textwrap
from pathlib import Path

import pytest

from conftest import REPO

MATERIAL = Path(__import__("material").__file__).parent / "templates"
OVERRIDES = REPO / "overrides"
MARKED_CHANGE = re.compile(
    r"[ \t]*\{#- platform-change: [^\n]*\n(?P<original>.*?)[ \t]*-#\}\n.*?\{#- platform-end -#\}\n", re.S)


def rebuilt_from_override(text: str) -> str:
    """Material's text as the override says it was: each marked change put back."""
    return MARKED_CHANGE.sub(lambda match: match.group("original"), text)


def without_header_comment(text: str) -> str:
    """A partial without its opening comment (Material's 'automatically generated', ours 'changed where marked')."""
    assert text.startswith("{#-"), text[:80]
    return text.split("-#}\n", 1)[1]


def block(text: str, name: str) -> str:
    """The body of `{% block name %}`, dedented (Material's sits inside <head>, ours at the top level)."""
    match = re.search(r"^([ \t]*)\{% block " + name + r" %\}\n(.*?)^\1\{% endblock %\}", text, re.S | re.M)
    assert match, f"no block {name}"
    return textwrap.dedent(match.group(2))


def test_rebuilding_puts_materials_lines_back_and_drops_the_platforms():
    override = ("<a>\n"
                "  {#- platform-change: why\n"
                "  <b class=\"material\">\n"
                "  -#}\n"
                "  <b class=\"platform\">\n"
                "  {#- platform-end -#}\n"
                "<c>\n"
                "{#- platform-change: a line dropped\n"
                "<d>\n"
                "-#}\n"
                "{#- platform-end -#}\n")
    assert rebuilt_from_override(override) == "<a>\n  <b class=\"material\">\n<c>\n<d>\n"


@pytest.mark.parametrize("partial", ["header.html", "alternate.html"])
def test_the_copied_partials_differ_from_materials_own_only_where_marked(partial):
    upstream = without_header_comment((MATERIAL / "partials" / partial).read_text(encoding="utf-8"))
    override = without_header_comment((OVERRIDES / "partials" / partial).read_text(encoding="utf-8"))
    assert "platform-change" in override
    assert rebuilt_from_override(override) == upstream, f"Material's partials/{partial} changed: follow it in overrides/"


def test_the_head_of_every_page_differs_from_materials_site_meta_only_where_marked():
    upstream = block((MATERIAL / "base.html").read_text(encoding="utf-8"), "site_meta")
    override = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "site_meta")
    assert override.count("platform-change") == 4
    assert rebuilt_from_override(override) == upstream, "Material's site_meta block changed: follow it in overrides/main.html"


def test_the_head_keeps_what_a_reader_and_a_search_engine_rely_on():
    """What the marked changes must not lose: the page's own description, escaped, its canonical address, the feed."""
    override = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "site_meta")
    kept = re.sub(r"\{#-.*?-#\}", "", override, flags=re.S)
    assert '<meta name="description" content="{{ page.meta.description | e }}">' in kept
    assert '<link rel="canonical" href="{{ platform.canonical }}">' in kept
    assert 'type="application/atom+xml"' in kept
    assert "hreflang" not in kept and "generator" not in kept and "author" not in kept


def test_the_pinned_theme_is_materials_security_release():
    assert importlib.metadata.version("mkdocs-material") == "9.8.2"
    for name in ("partials/header.html", "partials/alternate.html", "main.html"):
        assert "Material for MkDocs 9.8.2's" in (OVERRIDES / name).read_text(encoding="utf-8"), name


# -- the interface languages the platform supplies ----------------------------------------------


def strings(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([a-z][\w.]*)":\s*"((?:[^"\\]|\\.)*)"', text, re.M))


@pytest.mark.parametrize("ours, materials", [
    ("sq.html", "sq.html"),          # Material's Albanian, corrected
    ("sr-Latn.html", "sr.html"),     # Material's Serbian, in Latin letters
    ("bs.html", "hr.html"),          # Material has no Bosnian: adapted from its Croatian
])
def test_each_supplied_language_has_every_string_materials_own_language_has(ours, materials):
    upstream = strings((MATERIAL / "partials/languages" / materials).read_text(encoding="utf-8"))
    supplied = strings((OVERRIDES / "partials/languages" / ours).read_text(encoding="utf-8"))
    assert len(upstream) >= 50
    missing = sorted(set(upstream) - set(supplied))
    assert missing == [], f"Material's {materials} has strings overrides/partials/languages/{ours} lacks: {missing}"


def test_serbian_latin_interface_says_what_materials_serbian_says():
    from learning_platform.transliteration import serbian_cyrillic_to_latin  # checked letter by letter in test_transliteration.py

    upstream = strings((MATERIAL / "partials/languages/sr.html").read_text(encoding="utf-8"))
    supplied = strings((OVERRIDES / "partials/languages/sr-Latn.html").read_text(encoding="utf-8"))
    assert supplied["search.placeholder"] == "Pretraga"
    assert supplied["language"] == "sr-Latn"
    differing = {key: (value, supplied.get(key)) for key, value in upstream.items()
                 if key != "language" and serbian_cyrillic_to_latin(value) != supplied.get(key)}
    assert differing == {}
