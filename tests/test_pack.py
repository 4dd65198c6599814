"""A workshop pack that makes a day (issue 18, item 1): one opening and one
closing for the day, lunch and coffee breaks the trainer can adjust, practices
as readings with their reading time, kinds labelled, every link working from
the pack's own address, no default written into the address."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REPO, prefix
from learning_platform.model import count_words, fingerprint
from test_site import front_matter, modules
from test_validation import MODULE, edited, message_about, refused, write


# -- agenda roles: data, not a guess from the activity's words ---------------------------


def test_every_module_marks_one_opening_one_closing_and_its_breaks():
    for slug, meta in modules().items():
        roles = [item.get("role") for item in meta["agenda"]]
        assert roles[0] == "opening" and roles[-1] == "closing", slug
        assert roles.count("opening") == 1 and roles.count("closing") == 1, slug
        assert "break" in roles, slug


def test_an_agenda_role_outside_opening_break_closing_fails_naming_file_entry_and_allowed_roles(docs_copy: Path):
    write(docs_copy, "modules/x.md", edited(MODULE, '{minutes: 15, activity: "Break"}',
                                           '{minutes: 15, activity: "Break", role: lunch}'))
    message = message_about(refused(docs_copy), "modules/x.md", "agenda[2].role")
    for fragment in ("docs/modules/x.md", "lunch", "opening, break, closing",
                     'Paste: - {minutes: 15, activity: "Break", role: break}'):  # a lunch is a break
        assert fragment in message, message


def test_marking_agenda_roles_leaves_the_modules_translations_current():
    plain = {"agenda": [{"minutes": 15, "activity": "Welcome"}, {"minutes": 15, "activity": "Break"}]}
    marked = {"agenda": [{"minutes": 15, "activity": "Welcome", "role": "opening"},
                         {"minutes": 15, "activity": "Break", "role": "break"}]}
    assert fingerprint("T", "S", "Body", plain) == fingerprint("T", "S", "Body", marked)
    changed = {"agenda": [{"minutes": 20, "activity": "Welcome", "role": "opening"},
                          {"minutes": 15, "activity": "Break", "role": "break"}]}
    assert fingerprint("T", "S", "Body", plain) != fingerprint("T", "S", "Body", changed)


# -- reading time -------------------------------------------------------------------------


def test_a_readings_words_leave_out_link_addresses_tags_and_attribute_lists():
    text = ("## Why it matters { #why }\n\nSee [the IOM toolkit](https://publications.iom.int/x) "
            "and <abbr title=\"x\">IOM</abbr> – it's well-known.\n\n---\n")
    # Why, it, matters, See, the, IOM, toolkit, and, IOM, it's, well-known
    assert count_words(text) == 11
    assert count_words("Повратак и реинтеграција у заједницу") == 5


def test_a_practices_reading_time_is_its_words_at_two_hundred_a_minute_rounded_up():
    from learning_platform.pack import reading_minutes

    assert [reading_minutes(n) for n in (0, 1, 200, 201, 1000, 1001)] == [1, 1, 1, 2, 5, 6]


def test_the_vendored_qr_encoder_is_the_pinned_npm_package_unchanged():
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]["qrcode-generator"]
    package = REPO / "node_modules/qrcode-generator"
    assert package.exists(), "node_modules/qrcode-generator is missing: run `make test` (npm ci)"
    assert json.loads((package / "package.json").read_text(encoding="utf-8"))["version"] == pinned == "2.0.4"
    vendored = REPO / "docs/assets/javascripts/vendor/qrcode-generator.js"
    assert vendored.read_bytes() == (package / "dist/qrcode.js").read_bytes()


# -- the pack in the browser ---------------------------------------------------------------

TWO_MODULES = "m=readmission-case-processing-workshop,return-counselling-skills"
DAY = TWO_MODULES + "&p=readmission-case-processing,individual-return-counselling"
# An agenda of each kind of entry, put in place of the modules' own so the
# expected times below do not move when a module's design changes.
FIXTURE_AGENDAS = {
    "readmission-case-processing-workshop": [[15, "Welcome A", "opening"], [60, "Input A", ""], [15, "Break A", "break"],
                                             [75, "Exercise A", ""], [10, "Evaluation A", "closing"]],
    "return-counselling-skills": [[20, "Welcome B", "opening"], [50, "Input B", ""], [10, "Break B", "break"],
                                  [90, "Exercise B", ""], [5, "Evaluation B", "closing"]],
}


def open_pack(browser, site_url: str, lang: str, query: str = "", today: dt.datetime | None = None,
              agendas: dict | None = None):
    """The pack page in `lang`, assembled for `query`; the browser's clock at `today`."""
    page = browser.new_page()
    if today:
        page.clock.set_fixed_time(today)
    page.goto(site_url + prefix(lang) + "workshop-pack/" + (f"?{query}" if query else ""))
    if agendas:
        for slug, agenda in agendas.items():
            page.locator(f'input[name="m"][value="{slug}"]').evaluate(
                "(el, agenda) => el.setAttribute('data-agenda', JSON.stringify(agenda))", agenda)
        page.evaluate("() => window.dispatchEvent(new PopStateEvent('popstate'))")  # read the address again
    if query:
        page.locator(".pack__document[data-ready]").wait_for(state="attached")
    return page


def agenda_rows(page) -> list[tuple[str, str, str, str]]:
    """(kind, start, minutes, activity) of each row of the cover's agenda."""
    return [tuple(row) for row in page.evaluate("""() => [...document.querySelectorAll('.pack__cover table.agenda tbody tr')]
        .map(tr => [tr.dataset.row, ...[...tr.cells].map(td => td.textContent)].concat(['', '', '']).slice(0, 4))""")]


def test_two_modules_make_one_day_with_one_opening_one_closing_a_coffee_and_a_lunch_break(browser, site_url):
    page = open_pack(browser, site_url, "en", TWO_MODULES, agendas=FIXTURE_AGENDAS)
    assert agenda_rows(page) == [
        ("opening", "9:00", "20", "Opening of the day: welcome, objectives, ground rules"),
        ("part", "Part 1 · Training module: Readmission case processing", "", ""),
        ("item", "9:20", "60", "Input A"),
        ("break", "10:20", "15", "Break A"),
        ("item", "10:35", "75", "Exercise A"),
        ("coffee", "11:50", "15", "Coffee break"),
        ("part", "Part 2 · Training module: Return counselling skills", "", ""),
        ("item", "12:05", "50", "Input B"),
        ("lunch", "12:55", "60", "Lunch break"),
        ("item", "13:55", "90", "Exercise B"),
        ("closing", "15:25", "10", "Closing of the day: evaluation and feedback"),
    ]
    assert page.locator(".pack__total").inner_text() == "In all: 9:00–15:35"
    page.close()


def test_the_trainer_sets_start_lunch_and_coffee_and_the_address_keeps_only_what_was_set(browser, site_url):
    page = open_pack(browser, site_url, "en", TWO_MODULES, agendas=FIXTURE_AGENDAS)
    page.locator('input[name="start"]').fill("08:30")
    page.locator('input[name="lunch"]').fill("45")
    page.locator('input[name="lunch"]').dispatch_event("change")
    page.locator('input[name="coffee"]').fill("20")
    page.locator('input[name="coffee"]').dispatch_event("change")
    rows = agenda_rows(page)
    assert rows[0][:3] == ("opening", "8:30", "20")
    assert ("coffee", "11:20", "20", "Coffee break") in rows
    lunch = [row for row in rows if row[0] == "lunch"]
    assert lunch == [("lunch", "12:30", "45", "Lunch break")]  # Break B, at 12:30, becomes lunch
    assert page.locator(".pack__total").inner_text() == "In all: 8:30–14:55"
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"m": ["readmission-case-processing-workshop,return-counselling-skills"],
                     "start": ["08:30"], "lunch": ["45"], "coffee": ["20"]}
    page.close()


def test_one_module_keeps_its_own_opening_and_closing_and_a_short_day_has_no_lunch(browser, site_url):
    page = open_pack(browser, site_url, "en", "m=return-counselling-skills",
                     agendas={"return-counselling-skills": FIXTURE_AGENDAS["return-counselling-skills"]})
    assert agenda_rows(page) == [
        ("part", "Part 1 · Training module: Return counselling skills", "", ""),
        ("opening", "9:00", "20", "Welcome B"),
        ("item", "9:20", "50", "Input B"),
        ("break", "10:10", "10", "Break B"),
        ("item", "10:20", "90", "Exercise B"),
        ("closing", "11:50", "5", "Evaluation B"),
    ]
    page.close()


@pytest.mark.parametrize("lang", ["sr", "sq"])
def test_the_real_modules_of_a_day_open_and_close_once_and_keep_every_activity_in_order(browser, site_url, lang):
    page = open_pack(browser, site_url, lang, DAY)
    rows = agenda_rows(page)
    kinds = [row[0] for row in rows]
    assert kinds[0] == "opening" and kinds[-1] == "closing"
    assert kinds.count("opening") == kinds.count("closing") == kinds.count("lunch") == 1
    assert kinds.count("part") == 2  # the practices are readings, not timed parts
    for slug in ("readmission-case-processing-workshop", "return-counselling-skills"):
        own = [item for item in modules()[slug]["agenda"] if item.get("role") not in ("opening", "closing")]
        translated = front_matter(REPO / f"docs/modules/{slug}.{lang}.md").get("agenda")
        activities = [row[3] for row in rows if row[0] in ("item", "break", "lunch")]
        for index, item in enumerate(modules()[slug]["agenda"]):
            if item.get("role") in ("opening", "closing") or item.get("role") == "break":
                continue
            assert translated[index]["activity"] in activities, (slug, index)
        assert own
    starts = [row[1] for row in rows if row[0] != "part"]
    assert starts[0] == "9:00"
    minutes = [int(h) * 60 + int(m) for h, m in (start.split(":") for start in starts)]
    assert minutes == sorted(minutes)
    page.close()


def test_practices_are_readings_with_their_reading_time_not_timed_parts(browser, site_url):
    page = open_pack(browser, site_url, "sr", DAY)
    readings = page.locator(".pack__cover .pack__readings li").all_inner_texts()
    assert len(readings) == 2
    assert readings[0].startswith("Део 3 · Пракса: Обрада предмета реадмисије (око ")
    assert readings[1].startswith("Део 4 · Пракса: Индивидуално саветовање о повратку (око ")
    for text in readings:
        assert re.search(r"\(око \d+ мин читања\)$", text), text
    practice_titles = {"Обрада предмета реадмисије", "Индивидуално саветовање о повратку"}
    assert not [row for row in agenda_rows(page) if row[0] != "part" and row[3] in practice_titles]
    # The reading time is the page's own words in this language at 200 a minute.
    body = (REPO / "docs/practices/readmission-case-processing.sr.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    words = len(re.findall(r"\w+", re.sub(r"\]\([^)]*\)", " ", body)))
    shown = int(re.search(r"око (\d+) мин", readings[0]).group(1))
    assert abs(shown - -(-words // 200)) <= 1
    page.close()


def test_a_module_and_a_practice_of_the_same_title_are_told_apart_by_their_kind(browser, site_url):
    page = open_pack(browser, site_url, "sr", "m=readmission-case-processing-workshop&p=readmission-case-processing")
    assert page.locator(".pack__order li").all_inner_texts() == [
        "Модул обуке: Обрада предмета реадмисије ↑↓", "Пракса: Обрада предмета реадмисије ↑↓"]
    assert page.locator(".pack__part-label").all_inner_texts()[0] == "Део 1 · Модул обуке: Обрада предмета реадмисије"
    assert page.locator(".pack__part-label").all_inner_texts()[1].startswith("Део 2 · Пракса: Обрада предмета реадмисије · око ")
    page.close()


@pytest.mark.parametrize("lang", ["sr", "sq"])
def test_every_link_in_an_assembled_pack_works_from_the_packs_address(browser, site_url, lang):
    page = open_pack(browser, site_url, lang, DAY)
    links = page.evaluate("""() => [...document.querySelectorAll('.pack__document a[href], .pack__document img[src]')]
        .map(el => [el.getAttribute('href') || el.getAttribute('src'), el.href || el.src, el.getAttribute('hreflang')])""")
    assert len(links) >= 50
    checked, fetched = 0, {}
    for raw, resolved, hreflang in links:
        if raw.startswith("#"):
            assert page.evaluate("id => !!document.getElementById(id)", raw[1:]), raw
            checked += 1
            continue
        if not resolved.startswith(site_url):
            assert resolved.startswith(("https://", "http://")), raw  # a source, printed with its address
            continue
        address, _, fragment = resolved.partition("#")
        if address not in fetched:
            response = page.request.get(address)
            fetched[address] = (response.status, response.text() if response.status == 200 else "")
        status, html = fetched[address]
        assert status == 200, f"{raw} -> {resolved}"
        if fragment:
            assert f'id="{fragment}"' in html, f"{raw} -> {resolved}"
        path = address[len(site_url):]
        if not hreflang and not path.startswith("assets/"):
            assert path.startswith(f"{lang}/"), f"{raw} -> {resolved} leaves the reader's language"
        checked += 1
    assert checked >= 40
    page.close()


def test_no_default_title_date_or_start_goes_into_the_address(browser, site_url):
    page = open_pack(browser, site_url, "sr")
    page.locator('input[name="m"][value="return-counselling-skills"]').check()
    page.locator(".pack__document[data-ready]").wait_for(state="attached")
    page.locator(".pack__practices > summary").click()
    page.locator('input[name="p"][value="cultural-mediation"]').check()
    page.wait_for_function("() => location.search.includes('p=cultural-mediation')")
    assert urlsplit(page.url).query == "m=return-counselling-skills&p=cultural-mediation"
    page.close()


def test_a_serbian_link_opened_in_albanian_shows_the_albanian_title_and_the_day_it_is_opened(browser, site_url):
    page = open_pack(browser, site_url, "sr", today=dt.datetime(2026, 12, 14, 10, 0))
    page.locator('input[name="m"][value="return-counselling-skills"]').check()
    page.locator(".pack__document[data-ready]").wait_for(state="attached")
    assert page.locator(".pack__cover h1").inner_text() == "Радионица"
    assert page.locator(".pack__cover .pack__date").inner_text() == "14. децембра 2026."
    query = urlsplit(page.url).query
    page.close()
    albanian = open_pack(browser, site_url, "sq", query, today=dt.datetime(2027, 3, 2, 10, 0))
    assert albanian.locator(".pack__cover h1").inner_text() == "Punëtori"
    assert albanian.locator(".pack__cover .pack__date").inner_text() == "2 mars 2027"
    albanian.close()
    bosnian = open_pack(browser, site_url, "bs", query + "&date=2027-06-21&title=Dan+povratka",
                        today=dt.datetime(2027, 3, 2, 10, 0))
    assert bosnian.locator(".pack__cover h1").inner_text() == "Dan povratka"
    assert bosnian.locator(".pack__cover .pack__date").inner_text() == "21. juna 2027."
    bosnian.close()


def test_after_a_reload_the_ticked_practices_show_open(browser, site_url):
    page = open_pack(browser, site_url, "sq")
    page.locator(".pack__practices > summary").click()
    page.locator('input[name="p"][value="cultural-mediation"]').check()
    page.locator(".pack__document[data-ready]").wait_for(state="attached")
    page.reload()
    page.locator(".pack__document[data-ready]").wait_for(state="attached")
    assert page.locator(".pack__practices").evaluate("el => el.open")
    assert page.locator('input[name="p"][value="cultural-mediation"]').is_visible()
    assert page.locator('input[name="p"][value="cultural-mediation"]').is_checked()
    page.close()


@pytest.mark.parametrize("lang", ["sr", "sq"])
def test_an_assembled_pack_never_scrolls_sideways_on_a_phone(browser, site_url, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}{lang}/workshop-pack/?{DAY}")
    page.locator(".pack__document[data-ready]").wait_for(state="attached")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Wide tables scroll in their own box, which the keyboard can reach.
    boxes = page.evaluate("""() => [...document.querySelectorAll('.pack__document table')].map(t => {
        const box = t.closest('.md-typeset__scrollwrap');
        return box ? (box.scrollWidth <= box.clientWidth + 1 || box.tabIndex === 0) : false; })""")
    assert boxes and all(boxes)
    context.close()
