"""Readers who correct what they read (issue 17.5, CONTENT_MODEL "Reading and
correcting translations"): a "suggest a better translation" link at the end of
every section of a translated page (`data-suggest`), opening the issue form
`.github/ISSUE_TEMPLATE/translation-correction.yml` with its fields filled.

Expected values are written out here, or read from the form with plain YAML."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, REPO
from learning_platform.corrections import ADDRESS_LIMIT, TranslatedPage, excerpt, issue_address, suggestions_on_page
from learning_platform.loading import load_library
from learning_platform.repository import Repository

FORM = REPO / ".github/ISSUE_TEMPLATE/translation-correction.yml"
SITE = "https://western-balkans-return-platform.github.io/platform/"
ISSUES = "https://github.com/western-balkans-return-platform/platform/issues/new"


def links(site: Path, url: str) -> list[tuple[str, dict[str, str]]]:
    """(address without query, fields) of each suggestion link of a page, in order."""
    page = lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))
    found = []
    for href in page.xpath("//a[@data-suggest]/@href"):
        parts = urlsplit(href)
        found.append((f"{parts.scheme}://{parts.netloc}{parts.path}", dict(parse_qsl(parts.query))))
    return found


def every_suggestion(site: Path):
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if "data-suggest" in html:
            for href in lxml.html.fromstring(html).xpath("//a[@data-suggest]/@href"):
                yield path, href


# -- on the page --------------------------------------------------------------------------------


def test_every_section_of_a_translated_page_ends_with_its_suggestion_link(built_site):
    found = links(built_site, "sq/practices/cultural-mediation/")
    assert [fields["section"] for _address, fields in found] == [
        "Çfarë është kjo praktikë (#cfare-eshte-kjo-praktike)",
        "Pse ka rëndësi për Ballkanin Perëndimor (#pse-ka-rendesi-per-ballkanin-perendimor)",
        "Si zbatohet, hap pas hapi (#si-zbatohet-hap-pas-hapi)",
        "Garancitë dhe të drejtat (#garancite-dhe-te-drejtat)",
        "Gabimet e zakonshme (#gabimet-e-zakonshme)",
        "Lista e kontrollit (#lista-e-kontrollit)",
    ]
    html = (built_site / "sq/practices/cultural-mediation/index.html").read_text(encoding="utf-8")
    # Each link closes its section: the next thing after it is the next section's heading.
    for anchor in ("pse-ka-rendesi-per-ballkanin-perendimor", "lista-e-kontrollit"):
        heading = html.index(f'<h2 id="{anchor}">')
        assert html.rindex("data-suggest", 0, heading) > html.rindex("</p>", 0, heading) - 200
        assert html.rindex('<p class="suggest">', 0, heading) > html.rindex("<h2", 0, heading)


def test_a_suggestion_names_the_page_language_file_section_and_the_start_of_its_text(built_site):
    address, fields = links(built_site, "sq/practices/cultural-mediation/")[0]
    assert address == ISSUES
    assert fields["template"] == "translation-correction.yml"
    assert fields["page"] == SITE + "sq/practices/cultural-mediation/#cfare-eshte-kjo-praktike"
    assert fields["language"] == "Shqip (sq)"
    assert fields["file"] == "docs/practices/cultural-mediation.sq.md"
    assert fields["section"] == "Çfarë është kjo praktikë (#cfare-eshte-kjo-praktike)"
    assert fields["title"] == "Translation (sq): Ndërmjetësimi kulturor › Çfarë është kjo praktikë"
    assert fields["text"].startswith("Ndërmjetësi kulturor është një person i trajnuar që ndihmon një migrant")
    assert fields["text"].endswith("…") and len(fields["text"]) <= 300


def test_a_serbian_latin_suggestion_names_the_serbian_cyrillic_file_it_is_made_from(built_site):
    _address, fields = links(built_site, "sr-Latn/practices/cultural-mediation/")[0]
    assert fields["file"] == "docs/practices/cultural-mediation.sr.md"
    assert fields["language"] == "Srpski (latinica) (sr-Latn)"
    assert fields["page"].startswith(SITE + "sr-Latn/practices/cultural-mediation/#")
    _address, cyrillic = links(built_site, "sr/practices/cultural-mediation/")[0]
    assert cyrillic["file"] == "docs/practices/cultural-mediation.sr.md"
    assert cyrillic["page"] == fields["page"].replace("/sr-Latn/", "/sr/")  # one anchor in both scripts


def test_english_pages_have_no_suggestion_link(built_site):
    for url in ("", "practices/cultural-mediation/", "modules/readmission-case-processing-workshop/",
                "actions/16/", "about/"):
        assert links(built_site, url) == [], url


def test_an_untranslated_copy_has_no_suggestion_link(docs_copy):
    (docs_copy / "about.bs.md").unlink()
    library = load_library(docs_copy)
    body = '<h2 id="a">A</h2>\n<p>Text.</p>\n'
    repository = Repository("https://github.com/western-balkans-return-platform/platform")
    assert suggestions_on_page(library, "about.md", "bs", "About", body, SITE, repository) == body
    assert suggestions_on_page(library, "about.md", "en", "About", body, SITE, repository) == body
    assert "data-suggest" in suggestions_on_page(library, "about.md", "sq", "Rreth", body, SITE, repository)
    assert suggestions_on_page(library, "about.md", "sq", "Rreth", body, SITE, None) == body


def test_each_section_of_the_translation_in_the_side_by_side_view_has_its_suggestion_link(built_site):
    page = lxml.html.fromstring(
        (built_site / "mk/compare/practices/cultural-mediation/index.html").read_text(encoding="utf-8"))
    translated = page.xpath('//div[@class="compare__row"]/div[@lang="mk"]')
    english = page.xpath('//div[@class="compare__row"]/div[@lang="en"]')
    with_text = [cell for cell in translated if cell.xpath("./h2|./h3")]
    assert len(with_text) == 7  # the title and summary, then six sections
    for cell in with_text:
        assert len(cell.xpath(".//a[@data-suggest]")) == 1
    assert [cell for cell in english if cell.xpath(".//a[@data-suggest]")] == []


# -- the form and the address -----------------------------------------------------------------------


def test_the_links_fill_only_fields_the_issue_form_has(built_site):
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fillable = {field["id"]: field["type"] for field in form["body"] if "id" in field}
    checked = 0
    for path, href in every_suggestion(built_site):
        fields = dict(parse_qsl(urlsplit(href).query))
        assert fields.pop("template") == FORM.name, path
        fields.pop("title")
        assert set(fields) == {"page", "language", "file", "section", "text"}, path
        # GitHub fills inputs and text areas from the address (not dropdowns or checkboxes).
        assert {fillable.get(name) for name in fields} <= {"input", "textarea"}, path
        checked += 1
    assert checked > 1000  # every section of every translated page, in five languages
    assert {"suggestion", "reason", "confirm"} <= set(fillable)
    required = [field["id"] for field in form["body"] if field.get("validations", {}).get("required")]
    assert "suggestion" in required


def test_every_suggestion_address_stays_short_and_quotes_at_most_300_characters(built_site):
    longest = 0
    for path, href in every_suggestion(built_site):
        assert len(href) <= 2000, (path, len(href))
        text = dict(parse_qsl(urlsplit(href).query))["text"]
        assert len(text) <= 300, path
        longest = max(longest, len(href))
    assert longest > 1000  # Cyrillic sections come close to the limit: it is what shortens them


def test_the_start_of_a_text_is_cut_after_a_whole_word():
    assert excerpt("Short text.") == "Short text."
    assert excerpt("one two three four", 12) == "one two…"
    assert excerpt("  many\n  spaces   here ") == "many spaces here"
    assert len(excerpt("word " * 200)) <= 300


def test_a_long_cyrillic_section_is_quoted_shorter_so_that_the_address_stays_short():
    page = TranslatedPage(SITE + "mk/practices/x/", "mk", "Македонски (mk)", "docs/practices/x.mk.md",
                          "Културна медијација")
    text = "Културниот медијатор е обучено лице кое му помага на мигрантот и на давателот на услуги. " * 20
    address = issue_address("https://github.com/western-balkans-return-platform/platform", page,
                            "shto-e-ova-praktika", "Што е оваа практика", text)
    assert len(address) <= ADDRESS_LIMIT <= 2000
    quoted = dict(parse_qsl(urlsplit(address).query))["text"]
    assert quoted.startswith("Културниот медијатор е обучено лице") and quoted.endswith("…")
    assert 100 <= len(quoted) < 300


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_the_link_is_in_the_readers_language_and_names_its_section_for_screen_readers(built_site, lang):
    page = lxml.html.fromstring(
        (built_site / lang / "practices/cultural-mediation/index.html").read_text(encoding="utf-8"))
    link = page.xpath("//a[@data-suggest]")[0]
    expected = {"sq": "Propozoni një përkthim më të mirë", "mk": "Предложете подобар превод",
                "sr": "Предложите бољи превод", "sr-Latn": "Predložite bolji prevod", "bs": "Predložite bolji prijevod"}
    assert link.text_content() == expected[lang]
    heading = page.xpath("//h2")[0].text_content().replace("¶", "").strip()
    assert link.get("aria-label").startswith(expected[lang]) and link.get("aria-label").endswith(heading)
