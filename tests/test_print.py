"""Print that a trainer hands out without apology (issue 18, item 2): page 1
of every handout carries the page's substance; categories print as words and
the links that matter keep their address; every sheet is numbered and says
what it is and where it is from; the pack's cover has its own address and QR
code; no footer or footnote alone on a sheet; no screen controls on paper.

Each test prints with Chromium's own print path (page.pdf with the print
style), as a reader pressing Print gets it: no Playwright header or footer
template is used."""
from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, REPO, language_pages, prefix
from helpers import printed_pdf, sheet_texts
from test_site import front_matter, modules, practices

SITE_URL = next(line.split(":", 1)[1].strip() for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_url:"))
DAY = ("m=readmission-case-processing-workshop,return-counselling-skills"
       "&p=readmission-case-processing,individual-return-counselling")


def flat(text: str) -> str:
    """Text without white space or the Kosovo* asterisk (pdfium writes a hyphen the line broke at as U+FFFE)."""
    return re.sub(r"[\s*\\]+", "", text.replace("\ufffe", "-").replace("\u00ad", ""))


def printed(browser, url: str, pack: bool = False) -> list[str]:
    """The text of each printed sheet of `url`."""
    page = browser.new_page()
    page.goto(url)
    if pack:
        page.locator(".pack__document[data-ready]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    pdf = printed_pdf(page)
    page.close()
    return sheet_texts(pdf)


def body_of(sheet: str) -> str:
    """A sheet's text without its running head (two lines and the number)."""
    lines = [line for line in sheet.splitlines() if line.strip()]
    return "\n".join(line for line in lines[3:] if not re.fullmatch(r"\d+ / \d+", line.strip()))


def translated_title(folder: str, slug: str, lang: str) -> str:
    path = REPO / "docs" / folder / (f"{slug}.md" if lang == "en" else f"{slug}.{lang}.md")
    return front_matter(path)["title"]


# -- every sheet numbered, with its title and address -----------------------------------------------


@pytest.mark.parametrize("lang", ["sr", "sq"])
def test_every_sheet_of_a_printed_pack_is_numbered_and_names_its_part_and_address(browser, site_url, lang):
    sheets = printed(browser, f"{site_url}{prefix(lang)}workshop-pack/?{DAY}", pack=True)
    assert len(sheets) >= 10
    parts = [("modules", "readmission-case-processing-workshop"), ("modules", "return-counselling-skills"),
             ("practices", "readmission-case-processing"), ("practices", "individual-return-counselling")]
    # A module and a practice share a title ("Readmission case processing"): the address tells them apart.
    heads = [(translated_title(folder, slug, lang), f"{SITE_URL}{prefix(lang)}{folder}/{slug}/") for folder, slug in parts]
    cover_title = {"sr": "Радионица", "sq": "Punëtori"}[lang]
    seen = set()
    for number, sheet in enumerate(sheets, start=1):
        assert f"{number} / {len(sheets)}" in sheet, f"sheet {number} has no page number"
        if number == 1:
            assert sheet.lstrip().startswith(cover_title), sheet[:200]
            assert flat(f"{site_url}{prefix(lang)}workshop-pack/?") in flat(sheet)
            continue
        found = [(title, address) for title, address in heads
                 if sheet.lstrip().startswith(title) and flat(address) in flat(sheet)]
        assert found, f"sheet {number} names no part and address: {sheet[:300]}"
        seen.update(found)
    assert seen == set(heads)


@pytest.mark.parametrize("folder,slug,lang", [("practices", "readmission-case-processing", "sr"),
                                              ("modules", "children-in-return-procedures", "sq"),
                                              ("practices", "kosovo-reintegration-of-repatriated-persons", "bs")])
def test_every_sheet_of_a_handout_is_numbered_and_carries_its_title_and_address(browser, site_url, folder, slug, lang):
    sheets = printed(browser, f"{site_url}{prefix(lang)}{folder}/{slug}/")
    title, address = translated_title(folder, slug, lang), f"{SITE_URL}{prefix(lang)}{folder}/{slug}/"
    assert len(sheets) >= 2
    for number, sheet in enumerate(sheets, start=1):
        assert f"{number} / {len(sheets)}" in sheet
        assert sheet.lstrip().startswith(title) and flat(address) in flat(sheet.split(title, 1)[1][:300]), sheet[:300]


# -- page 1 carries the substance ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sr", "sq"])
def test_page_one_of_every_handout_carries_the_pages_substance_and_no_sheet_is_nearly_empty(browser, site_url, lang):
    pages = [("practices", slug) for slug in practices()] + [("modules", slug) for slug in modules()]
    assert len(pages) >= 27
    for folder, slug in pages:
        sheets = printed(browser, f"{site_url}{prefix(lang)}{folder}/{slug}/")
        assert nearly_empty(sheets, lang) == [], f"{folder}/{slug} ({lang})"
        first = body_of(sheets[0])
        source = REPO / "docs" / folder / f"{slug}.{lang}.md"
        if folder == "modules":
            # Past the title, summary and facts: the objectives, the module's substance.
            opening = front_matter(source)["objectives"][0]
        else:
            # Past the title, summary and facts: the practice's own text has begun.
            text = source.read_text(encoding="utf-8").split("---\n", 2)[2]
            opening = next(line for line in text.splitlines() if line.strip() and not line.startswith(("#", "<", "|")))
        opening = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", re.sub(r"\]\([^)]*\)", "", opening))
        words = re.sub(r"[*_\[\]`]", "", opening).split()[:5]
        assert flat(" ".join(words)) in flat(first), \
            f"{folder}/{slug} ({lang}): page 1 does not reach the page's text ({' '.join(words)!r})\n{first[-400:]}"


# -- no sheet nearly empty, no footer or footnote alone ---------------------------------------------------


FOOTER_START = {"sr": "Материјал са Платформе", "sq": "Material shpërndarës nga Platforma"}
FOOTNOTE_START = {"sr": "*Овај назив", "sq": "*Ky përcaktim"}


def short_by_nature(lang: str) -> set[str]:
    """The titles of the modules' materials in `lang` that are short by nature
    and printed on a sheet of their own to be copied: a short fill-in form (a
    table with empty cells to write in, at most four rows: the observation
    sheet's three rounds) and a material that is one short card (at most eight
    lines: the card each group gets for an exercise, a single role brief)."""
    titles = set()
    for path in sorted((REPO / "docs" / "modules").glob("*.md" if lang == "en" else f"*.{lang}.md")):
        if lang == "en" and path.name.count(".") > 1:
            continue
        for section in re.split(r"^(?=## |/// )", path.read_text(encoding="utf-8"), flags=re.M):
            if not section.startswith("## "):
                continue
            heading, _, body = section.partition("\n")
            rows = [line for line in body.splitlines() if line.startswith("|") and not set(line) <= set("|-: ")]
            blank = [row for row in rows if re.search(r"\|\s+\|", row)]
            cards = re.findall(r"^!!! example[^\n]*\n((?:    .*\n|\n)*)", body, flags=re.M)
            one_card = len(cards) == 1 and len(cards[0].strip().splitlines()) <= 8 and not rows
            if (blank and len(blank) <= 4) or one_card:
                titles.add(re.sub(r"\s*\{[^}]*\}\s*$", "", heading[3:]).strip())
    return titles


def nearly_empty(sheets: list[str], lang: str) -> list[tuple[int, str]]:
    """Sheets with less than a few lines of their own besides the running head,
    the handout's footer and the Kosovo* footnote.

    Two kinds of sheet are short in words by nature and are not counted,
    since each is a material printed on a sheet of its own to be copied for
    the room: a module's short fill-in form (the observation sheet: a line of
    instructions and three empty rows, which fill the sheet with room to
    write: test_a_short_fill_in_form_fills_its_sheet_with_room_to_write) and
    a material that is a single short card. Only a sheet that starts with
    such a material's title is exempt: the end of a card, of a set of cards
    or of a section is counted as before."""
    forms = short_by_nature(lang)
    found = []
    for number, sheet in enumerate(sheets, start=1):
        body = body_of(sheet)
        head = [line for line in sheet.splitlines() if line.strip()][1:4]  # past the running head's title
        if any(flat(line).startswith(flat(title)) for line in head for title in forms):
            continue
        own = body.split(FOOTER_START[lang], 1)[0].split(FOOTNOTE_START[lang], 1)[0]
        if len(flat(own)) < 250:
            found.append((number, body))
    return found


def test_the_materials_short_by_nature_are_an_observation_sheet_and_one_card():
    # What the exemption above covers, written out: nothing else is let through.
    # (Role briefs: the alternatives-to-detention module has one brief, the parent's.)
    assert short_by_nature("en") == {"Observation sheet for Exercise 2", "Case card for Exercise 3", "Role briefs"}
    assert short_by_nature("sr") == {"Лист за посматрање за вежбу 2", "Картица са случајем за вежбу 3", "Упутства за улоге"}
    assert short_by_nature("sq") == {"Fleta e vëzhgimit për Ushtrimin 2", "Karta e rastit për Ushtrimin 3", "Udhëzimet e roleve"}


@pytest.mark.parametrize("lang", ["en", "sq"])
def test_a_short_fill_in_form_fills_its_sheet_with_room_to_write(browser, site_url, lang):
    page = browser.new_page()
    page.goto(f"{site_url}{prefix(lang)}modules/children-in-return-procedures/")
    page.emulate_media(media="print")
    heights = page.evaluate("""() => {
        let next = document.getElementById('observation-sheet').nextElementSibling;
        while (next && !next.matches('table') && !next.querySelector('table')) next = next.nextElementSibling;
        const table = next.matches('table') ? next : next.querySelector('table');
        return [...table.tBodies[0].rows].map(row => row.getBoundingClientRect().height);
    }""")
    page.close()
    # Three rounds, each with about 4.5 cm to write in (96 CSS px an inch: 4 cm = 151 px).
    assert len(heights) == 3 and all(height >= 151 for height in heights), heights


ALL_MODULES = "m=" + ",".join(sorted(modules())) + "&p=kosovo-reintegration-of-repatriated-persons,cultural-mediation"


@pytest.mark.parametrize("lang,query", [("sr", DAY), ("sq", DAY), ("sr", ALL_MODULES)])
def test_no_sheet_of_a_printed_pack_is_nearly_empty_or_holds_only_a_footer_or_footnote(browser, site_url, lang, query):
    sheets = printed(browser, f"{site_url}{prefix(lang)}workshop-pack/?{query}", pack=True)
    assert nearly_empty(sheets, lang) == []


PARTICIPANTS = {"sr": "материјал за учеснике", "sq": "materiali për pjesëmarrësit"}


@pytest.mark.parametrize("lang", ["sr", "sq"])
def test_every_participants_handout_prints_numbered_with_its_title_and_address_and_no_sheet_nearly_empty(
        browser, site_url, lang):
    # What a trainer copies for the room: each sheet says which handout it is and where
    # it lives, and none carries only a footer or the end of a card.
    for slug in modules():
        sheets = printed(browser, f"{site_url}{prefix(lang)}modules/{slug}/participants/")
        title = f"{translated_title('modules', slug, lang)}: {PARTICIPANTS[lang]}"
        address = f"{SITE_URL}{prefix(lang)}modules/{slug}/participants/"
        assert len(sheets) >= 5, slug
        for number, sheet in enumerate(sheets, start=1):
            assert f"{number} / {len(sheets)}" in sheet, f"{slug}: sheet {number} has no page number"
            assert flat(sheet).startswith(flat(title)) and flat(address) in flat(sheet)[:600], f"{slug}: {sheet[:300]}"
        assert nearly_empty(sheets, lang) == [], f"{slug} ({lang})"

# -- categories as words, links that matter with their address -------------------------------------------


def test_category_links_print_as_words_and_pages_and_sources_keep_their_address(browser, site_url):
    text = "\n".join(printed(browser, f"{site_url}sq/practices/readmission-case-processing/"))
    squeezed = flat(text)
    for category in ("?kind=", "?partner=", "?group=", "?audience=", "?stage=", "?gcm=", "/actions/15/", "/commitments/3/"):
        assert category not in squeezed, category
    assert "Metodë" in text or "Metoda" in text  # the kind, as a word
    # A module that teaches the practice, and a source, keep their address.
    assert flat(f"{SITE_URL}sq/modules/readmission-case-processing-workshop/") in squeezed
    assert "https://home-affairs.ec.europa.eu/pages/glossary/readmission_en" in squeezed


def test_no_screen_control_prints(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "sr/practices/readmission-case-processing/")
    page.emulate_media(media="print")
    controls = page.evaluate("""() => ({
        arrow: getComputedStyle(document.querySelector('details.facts > summary'), '::after').display,
        links: getComputedStyle(document.querySelector('.translation-state__links')).display,
        banner: document.querySelector('.translation-state').innerText.trim(),
        edit: getComputedStyle(document.querySelector('.edit-links')).display,
        header: getComputedStyle(document.querySelector('.md-header')).display,
        sections: getComputedStyle(document.querySelector('.sections')).display,
    })""")
    page.close()
    assert controls["arrow"] == "none" and controls["links"] == "none"
    assert controls["edit"] == "none" and controls["header"] == "none"
    assert controls["sections"] == "none"  # "On this page": links to sections, for a screen
    assert controls["banner"] == "Машински превод који још није прегледао изворни говорник."  # no dangling "·"


# -- the pack's cover ----------------------------------------------------------------------------------------


def test_the_packs_cover_carries_its_own_address_and_a_qr_code_of_it(browser, site_url):
    import zxingcpp

    page = browser.new_page()
    page.goto(f"{site_url}sr/workshop-pack/?{DAY}&title=Дан+повратка")
    page.locator(".pack__document[data-ready]").wait_for(state="attached")
    address = page.url
    pdf = printed_pdf(page)
    page.close()
    cover = sheet_texts(pdf)[0]
    assert "Дан повратка" in cover and flat(address) in flat(cover)
    decoded = [result.text for result in zxingcpp.read_barcodes(pdf[0].render(scale=3).to_pil())]
    assert address in decoded


@pytest.mark.parametrize("path,lang,title", [
    ("practices/cultural-mediation/", "mk", "Културна медијација"),
    ("modules/return-counselling-skills/", "sr-Latn", "Veštine savetovanja o povratku"),
    ("actions/16/", "en", None),
])
def test_a_page_carries_its_own_title_and_address_for_the_printed_running_head(built_site, path, lang, title):
    html = (built_site / prefix(lang) / path / "index.html").read_text(encoding="utf-8")
    root = re.search(r"<html [^>]*>", html).group(0)
    assert f'lang="{lang}"' in root
    assert f'data-print-address="{SITE_URL}{prefix(lang)}{path}"' in root
    shown = re.search(r'data-print-title="([^"]+)"', root).group(1)
    assert shown == (title or re.search(r"<h1[^>]*>([^<]+)", html).group(1).strip())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_carries_a_title_and_its_own_address_for_the_printed_running_head(built_site, lang):
    root = built_site / prefix(lang)
    pages = language_pages(built_site, lang)
    assert len(pages) >= 69
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = re.search(r"<html [^>]*>", html).group(0)
        address = SITE_URL + prefix(lang) + "".join(part + "/" for part in path.relative_to(root).parts[:-1])
        assert f'lang="{lang}"' in head, path
        assert f'data-print-address="{address}"' in head, path
        assert re.search(r'data-print-title="[^"]+"', head), path
