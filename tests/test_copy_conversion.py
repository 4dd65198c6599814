"""Untranslated copies' Markdown (their generated parts around the English
text's place) is converted once per language and text, not once per page
(hooks/copy_conversion.py). MkDocs' real pages and converter, no build: the
whole-site proof that the files stay the same is tests/test_speed.py's and the
benchmark's comparison of full builds."""
from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from copy_conversion import CopyConversions

COPY_TEXT = "zzgeneratedzz0zz\n\nzzenglishbodyzz\n\n## Burimet { #sources }\n\nzzgeneratedzz1zz\n"
COPY_HTML = ('<p>zzgeneratedzz0zz</p>\n<p>zzenglishbodyzz</p>\n'
             '<h2 id="sources">Burimet<a class="headerlink" href="#sources" title="Permanent link">&para;</a></h2>\n'
             '<p>zzgeneratedzz1zz</p>')


@pytest.fixture
def site(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "practices").mkdir(parents=True)
    names = ("practices/first.md", "practices/second.md", "practices/third.md", "about.md")
    for name in names:
        (docs / name).write_text("# x\n", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list"]})
    errors, _warnings = config.validate()
    assert not errors
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in names])
    return config, files


@pytest.fixture
def conversions_by_mkdocs(monkeypatch):
    """How many times MkDocs' own Page.render runs."""
    calls = []
    render = Page.render

    def counted(self, config, files):
        calls.append(self.file.src_uri)
        render(self, config, files)

    monkeypatch.setattr(Page, "render", counted)
    return calls


def _copy(config, files, name: str, markdown: str, conversions: CopyConversions, lang: str = "sq") -> Page:
    page = Page(None, files.get_file_from_path(name), config)
    page.markdown = markdown
    conversions.convert_once(page, lang)
    page.render(config, files)
    return page


def test_copies_with_the_same_text_in_a_language_are_converted_once(site, conversions_by_mkdocs):
    config, files = site
    conversions = CopyConversions()
    first = _copy(config, files, "practices/first.md", COPY_TEXT, conversions)
    second = _copy(config, files, "practices/second.md", COPY_TEXT, conversions)
    assert conversions_by_mkdocs == ["practices/first.md"]
    assert first.content == second.content == COPY_HTML
    # Each copy its own table of contents, anchors and links to its own anchors,
    # as MkDocs' conversion would have given it (its anchor check reads them).
    assert [(item.id, item.title) for item in second.toc] == [("sources", "Burimet")]
    assert second.toc is not first.toc and second.toc.items[0] is not first.toc.items[0]
    assert second.present_anchor_ids == {"sources"}
    assert second.links_to_anchors == {files.get_file_from_path("practices/second.md"): {"sources": "#sources"}}


def test_the_same_text_in_another_language_or_another_text_is_converted_again(site, conversions_by_mkdocs):
    config, files = site
    conversions = CopyConversions()
    _copy(config, files, "practices/first.md", COPY_TEXT, conversions, lang="sq")
    _copy(config, files, "practices/second.md", COPY_TEXT, conversions, lang="mk")
    other = _copy(config, files, "practices/third.md", COPY_TEXT.replace("Burimet", "Извори"), conversions, lang="mk")
    assert conversions_by_mkdocs == ["practices/first.md", "practices/second.md", "practices/third.md"]
    assert '<h2 id="sources">Извори<a class="headerlink"' in other.content


def test_a_text_with_a_relative_link_is_converted_from_each_copys_own_address(site, conversions_by_mkdocs):
    # The same Markdown link is another address from another folder: never reused.
    config, files = site
    conversions = CopyConversions()
    text = "See [the page](../about.md).\n"
    first = _copy(config, files, "practices/first.md", text, conversions)
    second = _copy(config, files, "practices/second.md", text, conversions)
    about = _copy(config, files, "about.md", "See [the page](about.md).\n", conversions)
    assert conversions_by_mkdocs == ["practices/first.md", "practices/second.md", "about.md"]
    assert first.content == second.content == '<p>See <a href="../../about/">the page</a>.</p>'
    assert about.content == '<p>See <a href="./">the page</a>.</p>'


def test_a_text_with_only_full_addresses_is_reused(site, conversions_by_mkdocs):
    config, files = site
    conversions = CopyConversions()
    text = "[IOM](https://www.iom.int/)\n"
    _copy(config, files, "practices/first.md", text, conversions)
    second = _copy(config, files, "about.md", text, conversions)
    assert conversions_by_mkdocs == ["practices/first.md"]
    assert second.content == '<p><a href="https://www.iom.int/">IOM</a></p>'
