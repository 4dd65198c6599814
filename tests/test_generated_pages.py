"""Pages the build makes with no source file (learning_platform/generated.py):
declared as plain values, built in each of their languages like any page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from learning_platform import page_assembly, sitemaps, urls
from learning_platform.context import Context
from learning_platform.generated import GeneratedPage, pages_in
from learning_platform.loading import load_library

from conftest import REPO, make_project


@pytest.fixture(scope="module")
def library():
    return load_library(REPO / "docs")


# -- the declaration ---------------------------------------------------------------------


def _page(path: str = "demo/checklist.md", **options) -> GeneratedPage:
    return GeneratedPage(path=path, title="Checklist", render=lambda ctx: "## Steps\n", **options)


@pytest.mark.parametrize("path", ["demo/checklist", "/demo/checklist.md", "../checklist.md"])
def test_a_generated_page_is_declared_with_a_path_like_a_source_files(path):
    with pytest.raises(ValueError, match="written like a source file's"):
        _page(path)


def test_a_generated_page_may_not_take_a_source_pages_place():
    with pytest.raises(ValueError, match="would replace the page docs/about.md"):
        pages_in([_page("about.md")], "en", frozenset({"about.md"}))


def test_a_generated_page_is_declared_once():
    with pytest.raises(ValueError, match="demo/checklist.md is declared twice"):
        pages_in([_page(), _page()], "en", frozenset())


def test_a_generated_page_exists_in_its_languages_only():
    everywhere, albanian = _page(), _page("demo/sq-only.md", languages=frozenset({"sq"}))
    assert pages_in([everywhere, albanian], "en", frozenset()) == [everywhere]
    assert pages_in([everywhere, albanian], "sq", frozenset()) == [everywhere, albanian]


# -- collect, then render ------------------------------------------------------------------


def test_a_part_made_later_stays_a_placeholder_until_every_page_is_converted(library):
    ctx = Context(library, "sq", "demo/checklist.md")
    markdown = ctx.html("<p>now</p>") + ctx.later(lambda text: f"<p>later: {text('about.md', 'en')}</p>")
    converted = "".join(f"<p>{block}</p>\n" for block in markdown.split())  # as Python-Markdown would
    assert ctx.fragments.waiting
    filled = ctx.fragments.fill(converted)
    assert filled == "<p>now</p>\n<p>zzgeneratedzz1zz</p>\n"
    assert ctx.fragments.fill_later(filled, lambda path, lang: f"{path} in {lang}") == \
        "<p>now</p>\n<p>later: about.md in en</p>\n"


@pytest.mark.parametrize("link, rebased", [
    ('href="../commitments/1/"', 'href="../../../commitments/1/"'),
    ('href="../commitments/1/#text"', 'href="../../../commitments/1/#text"'),
    ('src="../assets/images/map.png"', 'src="../../../assets/images/map.png"'),
    ('href="./"', 'href="../../../about/"'),
    ('href="../"', 'href="../../../"'),
    ('href="#the-partners"', 'href="#the-partners"'),
    ('href="https://hkp.ba/en/news/"', 'href="https://hkp.ba/en/news/"'),
    ('href="/platform/"', 'href="/platform/"'),
])
def test_borrowed_html_keeps_its_links_working_from_the_generated_pages_address(link, rebased):
    # Written for /sq/about/, shown at /sq/demo/side-by-side/about/.
    assert urls.rebase_links(f"<a {link}>x</a>", "sq/about/", "sq/demo/side-by-side/about/") == f"<a {rebased}>x</a>"


def test_a_generated_page_is_in_the_sitemap_of_its_languages_with_their_alternates_only(library):
    xml = sitemaps.language_sitemap(library, "sq", "https://example.org/platform/",
                                     [("demo/side-by-side/about.md", ("sq", "mk"))])
    entry = xml[xml.index("<loc>https://example.org/platform/sq/demo/side-by-side/about/</loc>"):]
    entry = entry[:entry.index("</url>")]
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry) == [
        ("sq", "https://example.org/platform/sq/demo/side-by-side/about/"),
        ("mk", "https://example.org/platform/mk/demo/side-by-side/about/"),
    ]


# -- a build with two generated pages ---------------------------------------------------------


def _checklist(ctx: Context) -> str:
    return ("## Steps { #steps }\n\n" + ctx.html(f'<p class="demo-steps">{ctx.a("All practices", "practices/index.md")}</p>'))


def _side_by_side(ctx: Context) -> str:
    def columns(text) -> str:
        return (f'<div class="demo-en">{text("about.md", "en")}</div>'
                f'<div class="demo-sq">{text("about.md", "sq")}</div>'
                f'<p class="demo-unread">{text("coverage.md", "sq")}</p>')
    return "## Side by side { #side-by-side }\n\n" + ctx.later(columns)


DEMO_PAGES = (
    GeneratedPage(path="demo/checklist.md", title=lambda ctx: {"sq": "Lista e kontrollit"}.get(ctx.lang, "Checklist"),
                  render=_checklist, summary="A checklist made by the build."),
    GeneratedPage(path="demo/side-by-side/about.md", title="Rreth platformës: krah për krah", render=_side_by_side,
                  search=False, languages=frozenset({"sq"}), reads=("about.md",), fallback="about.md"),
)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the two pages above declared (in this process, so that
    the declaration reaches the build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = make_project(tmp_path_factory.mktemp("generated") / "project")
    patch = pytest.MonkeyPatch()
    patch.setattr(page_assembly, "GENERATED_PAGES", (lambda library: DEMO_PAGES,))
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        patch.undo()
    return project / "site"


def _read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url, lang, title", [
    ("demo/checklist/", "en", "Checklist"),
    ("sq/demo/checklist/", "sq", "Lista e kontrollit"),
    ("sr-Latn/demo/checklist/", "sr-Latn", "Checklist"),
    ("sq/demo/side-by-side/about/", "sq", "Rreth platformës: krah për krah"),
])
def test_a_generated_page_is_built_through_the_theme_in_its_language(demo_site, url, lang, title):
    page = _read(demo_site, url)
    assert f'<html lang="{lang}"' in page
    assert f"<title>{title} - " in page
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "zzgenerated" not in page and "zzbody" not in page
    assert 'class="md-header' in page and 'class="md-footer' in page


def test_a_generated_pages_own_parts_and_links_are_in_the_readers_language_tree(demo_site):
    page = _read(demo_site, "sq/demo/checklist/")
    assert '<h2 id="steps">Steps' in page
    assert '<p class="demo-steps"><a href="../../practices/"' in page
    assert '<meta name="description" content="A checklist made by the build.">' in page


def test_the_language_menu_leads_to_the_same_page_or_to_its_fallback(demo_site):
    menu = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', _read(demo_site, "sq/demo/side-by-side/about/"))
    assert menu == [("../../../../about/", "en"), ("./", "sq"),
                    ("../../../../mk/about/", "mk"), ("../../../../sr/about/", "sr"),
                    ("../../../../sr-Latn/about/", "sr-Latn"), ("../../../../bs/about/", "bs")]
    menu = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', _read(demo_site, "demo/checklist/"))
    assert menu == [("./", "en"), ("../../sq/demo/checklist/", "sq"), ("../../mk/demo/checklist/", "mk"),
                    ("../../sr/demo/checklist/", "sr"), ("../../sr-Latn/demo/checklist/", "sr-Latn"),
                    ("../../bs/demo/checklist/", "bs")]


def test_a_page_made_later_gets_the_converted_text_of_the_pages_it_reads(demo_site):
    page = _read(demo_site, "sq/demo/side-by-side/about/")
    english = page[page.index('<div class="demo-en">'):page.index('<div class="demo-sq">')]
    albanian = page[page.index('<div class="demo-sq">'):page.index('<p class="demo-unread">')]
    assert '<h2 id="the-skopje-declaration-16-november-2022">The Skopje Declaration (16 November 2022)' in english
    assert "Deklarata e Shkupit (16 nëntor 2022)" in albanian
    # Links still lead where they led: the English text to English pages, the Albanian to Albanian ones.
    assert '<a href="../../../../commitments/1/"' in english
    assert '<a href="../../../commitments/1/"' in albanian
    # Only its own text: not the banner, panels or lists the build puts around it.
    assert "data-translation-state" not in albanian
    # A page it did not name in `reads` is not given.
    assert '<p class="demo-unread">None</p>' in page


def test_a_page_read_by_a_generated_page_is_written_as_without_it(demo_site, built_site):
    for url in ("sq/about/", "about/", "mk/about/"):
        assert _read(demo_site, url) == _read(built_site, url)


def test_a_generated_page_is_in_search_and_the_sitemaps_as_declared(demo_site):
    english = json.loads((demo_site / "search/meta.json").read_text(encoding="utf-8"))
    albanian = json.loads((demo_site / "sq/search/meta.json").read_text(encoding="utf-8"))
    # [address, title, listing page or not, ...]
    assert ["demo/checklist/", "Checklist", 0] in [page[:3] for page in english["pages"]]
    assert ["demo/checklist/", "Lista e kontrollit", 0] in [page[:3] for page in albanian["pages"]]
    assert [page for page in albanian["pages"] if page[0].startswith("demo/side-by-side")] == []
    sitemap = (demo_site / "sq/sitemap-pages.xml").read_text(encoding="utf-8")
    assert "<loc>https://western-balkans-return-platform.github.io/platform/sq/demo/side-by-side/about/</loc>" in sitemap
    assert "side-by-side" not in (demo_site / "mk/sitemap-pages.xml").read_text(encoding="utf-8")
    assert not (demo_site / "mk/demo/side-by-side").exists()
