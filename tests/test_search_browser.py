"""Search as a reader uses it, in Debian's chromium: own language only, with or
without diacritics, in either script, any inflection, by keyboard alone."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, prefix
from learning_platform.folding import fold
from learning_platform.search import stemmer_for, terms_of_word, words

CYRILLIC = re.compile(r"[\u0400-\u04FF]")

# For every language: what a reader may type, and the page it must find.
#   exact       a word as the page writes it
#   plain       the same word typed without diacritics (đ as dj, or as d)
#   script      the word in the other script (Serbian both ways, Macedonian in Latin)
#   inflected   another form of a word, one that appears nowhere on the page
#   prefix      the beginning of a word still being typed
COUNSELLING = "practices/individual-return-counselling/"
MEDIATION = "practices/cultural-mediation/"
READMISSION = "practices/readmission-case-processing/"
CASES = {
    "en": [("exact", "counselling", COUNSELLING), ("inflected", "victim", COUNSELLING),
           ("prefix", "counsel", COUNSELLING),
           # the one word with a diacritic in the English text: a source's place of publication
           ("exact", "Düsseldorf", "practices/forced-return-monitoring/"),
           ("plain", "dusseldorf", "practices/forced-return-monitoring/")],
    "sq": [("exact", "marrëveshjet", READMISSION), ("plain", "marreveshjet", READMISSION),
           ("inflected", "marrëveshjeve", READMISSION), ("prefix", "marrëvesh", READMISSION)],
    "mk": [("exact", "враќање", MEDIATION), ("plain", "zastita", MEDIATION),
           ("script", "vrakjanje", MEDIATION), ("inflected", "реинтеграцијата", MEDIATION)],
    "sr": [("exact", "саветовање", MEDIATION), ("plain", "obezbedjivanje", MEDIATION),
           ("plain", "obezbedivanje", MEDIATION), ("script", "savetovanje", MEDIATION),
           ("inflected", "саветовању", MEDIATION)],
    "sr-Latn": [("exact", "prevođenje", MEDIATION), ("plain", "prevodjenje", MEDIATION),
                ("plain", "prevodenje", MEDIATION), ("script", "превођење", MEDIATION),
                ("inflected", "savetovanju", MEDIATION)],
    "bs": [("exact", "međusobno", MEDIATION), ("plain", "medjusobno", MEDIATION),
           ("plain", "medusobno", MEDIATION), ("script", "међусобно", MEDIATION),
           ("inflected", "savjetovanju", MEDIATION)],
}
QUERIES = [(lang, kind, query, page) for lang, queries in CASES.items() for kind, query, page in queries]


def page_words(site: Path, lang: str, page: str) -> list[str]:
    html = (site / prefix(lang) / page / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    return words(re.sub(r"<[^>]+>", " ", article))


def search(page, query: str, every: bool = False) -> list[str]:
    """Type a query as a reader does; the addresses of the results shown, in
    order (with `every`, after asking for more until there are no more)."""
    box = page.locator("#wb-search-input")
    if not box.is_visible():
        page.locator(".wb-search__toggle").click()
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.keyboard.press("End")  # keyboard.type sends no keyup for non-US letters
    page.wait_for_function(
        """query => {
             const status = document.querySelector('.wb-search__status').textContent;
             return status.includes(query) && !status.endsWith('…');
           }""", arg=query, timeout=10_000)
    while every and page.locator(".wb-search__more").is_visible():
        page.locator(".wb-search__more").click()
    return page.locator(".wb-search__link").evaluate_all("links => links.map(link => link.href)")


@pytest.fixture
def reader(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, errors
    page.close()


def test_the_queries_below_are_what_they_claim_to_be(built_site):
    # Guards the table: an "inflected" query that the page came to contain
    # verbatim would no longer test the stemmer.
    for lang, kind, query, page in QUERIES:
        on_page = {fold(word) for word in page_words(built_site, lang, page)}
        stemmer = stemmer_for(lang)
        stems = {term for word in page_words(built_site, lang, page) for term in terms_of_word(word, stemmer)}
        if kind == "exact":
            assert query in page_words(built_site, lang, page), (lang, query)
        elif kind == "plain":
            assert query.isascii() and query not in page_words(built_site, lang, page), (lang, query)
        elif kind == "script":
            assert bool(CYRILLIC.search(query)) != (lang in ("mk", "sr")), (lang, query)
        elif kind == "inflected":
            assert fold(query) not in on_page and stemmer.stem(fold(query)) in stems, (lang, query)


@pytest.mark.parametrize("lang, kind, query, expected", QUERIES,
                         ids=[f"{lang}-{kind}-{query}" for lang, kind, query, _ in QUERIES])
def test_search_finds_the_page_in_the_readers_language_and_nothing_else(reader, site_url, lang, kind, query, expected):
    reader.goto(site_url + prefix(lang))
    results = search(reader, query, every=True)
    paths = [urlsplit(url).path for url in results]
    assert "/" + prefix(lang) + expected in paths, (query, paths)
    others = [code for code in LANGUAGES if code != lang]
    for path in paths:
        first = path.strip("/").split("/")[0]
        if lang == "en":
            assert first not in others, path
        else:
            assert first == lang, path


@pytest.mark.parametrize("lang, query", [("en", "mediation"), ("sr", "kulturna medijacija"), ("sq", "ripranim")])
def test_a_page_with_the_words_in_its_title_comes_first(reader, site_url, lang, query):
    reader.goto(site_url + prefix(lang))
    search(reader, query)
    stemmer = stemmer_for(lang)
    wanted = {stemmer.stem(fold(word)) for word in words(query)}
    title = reader.locator(".wb-search__title").first.inner_text()
    found = {stemmer.stem(fold(word)) for word in words(title)}
    assert wanted <= found, title


def test_results_show_more_than_one_page_of_results_on_request(reader, site_url):
    reader.goto(site_url + "sr/")
    search(reader, "повратак")
    assert reader.locator(".wb-search__link").count() == 10
    reader.locator(".wb-search__more").click()
    assert reader.locator(".wb-search__link").count() > 10
    assert reader.locator(".wb-search__link").nth(10).evaluate("link => link === document.activeElement")


def test_snippets_mark_the_matched_words_in_the_pages_own_script(reader, site_url):
    reader.goto(site_url + "sr-Latn/")
    search(reader, "повратак")  # a Cyrillic query on the Latin pages
    reader.locator(".wb-search__snippet mark").first.wait_for()
    marked = reader.locator(".wb-search__snippet mark").all_inner_texts()
    assert marked and not any(CYRILLIC.search(word) for word in marked)
    stemmer = stemmer_for("sr-Latn")
    assert all(stemmer.stem(fold(word)).startswith("povratk") for word in marked), marked

    reader.goto(site_url + "sr/")
    search(reader, "povratak")  # and a Latin one on the Cyrillic pages
    reader.locator(".wb-search__snippet mark").first.wait_for()
    marked = reader.locator(".wb-search__snippet mark").all_inner_texts()
    assert marked and all(CYRILLIC.search(word) for word in marked)


def test_the_browser_reduces_words_exactly_as_the_build_does(reader, site_url, built_site):
    # search.js mirrors folding.py and search.py: the same page's words must
    # give the same terms on both sides, in every language.
    for lang in LANGUAGES:
        page = CASES[lang][0][2]
        text = " ".join(page_words(built_site, lang, page))
        expected = sorted({term for word in words(text) for term in terms_of_word(word, stemmer_for(lang))
                           if len(term) >= 2})
        reader.goto(site_url + prefix(lang) + page)
        # search.js comes when the reader goes to search (platform.js): load it as they would.
        reader.evaluate("() => window.platformSearchLoaded().then(() => window.platformSearch.ready())")
        assert reader.evaluate("text => window.platformSearch.terms(text)", text) == expected, lang


def test_the_search_box_is_labelled_in_the_readers_language(reader, site_url):
    for lang, label in (("en", "Search this site"), ("mk", "Пребарувајте на сајтот"),
                        ("sr-Latn", "Pretražite sajt")):
        reader.goto(site_url + prefix(lang))
        box = reader.get_by_role("searchbox", name=label)
        assert box.count() == 1, lang
        assert reader.get_by_role("search").count() == 1
        status = reader.locator(".wb-search__status")
        assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"


def test_results_are_announced_in_the_readers_language(reader, site_url):
    reader.goto(site_url + "bs/")
    search(reader, "povratak")
    assert re.fullmatch(r"Pronađene stranice za „povratak“: \d+", reader.locator(".wb-search__status").inner_text())
    search(reader, "qqqxyz")
    assert reader.locator(".wb-search__status").inner_text() == "Nije pronađena nijedna stranica za „qqqxyz“."


def test_search_works_by_keyboard_alone(reader, site_url):
    reader.goto(site_url + "sq/")
    reader.keyboard.press("/")
    assert reader.evaluate("document.activeElement.id") == "wb-search-input"
    reader.keyboard.type("kthimit")
    reader.keyboard.press("End")
    reader.locator(".wb-search__link").first.wait_for()
    reader.keyboard.press("ArrowDown")
    first = reader.evaluate("document.activeElement.href")
    reader.keyboard.press("ArrowDown")
    reader.keyboard.press("ArrowUp")
    assert reader.evaluate("document.activeElement.href") == first
    reader.keyboard.press("Escape")
    assert reader.evaluate("document.activeElement.id") == "wb-search-input"
    reader.keyboard.press("ArrowDown")
    reader.keyboard.press("Enter")
    reader.wait_for_url(first)
    assert reader.evaluate("document.documentElement.lang") == "sq"


def test_tabbing_out_of_the_search_closes_its_results(reader, site_url):
    reader.goto(site_url + "sr/")
    search(reader, "povratak")
    output = reader.locator(".wb-search__output")
    assert output.is_visible()
    reader.locator(".wb-search__more").focus()
    reader.keyboard.press("Tab")
    assert not output.is_visible()
    assert reader.evaluate("!document.querySelector('.wb-search').contains(document.activeElement)")


def test_on_a_phone_the_search_opens_from_the_header_and_fits_the_screen(phone, site_url):
    phone.goto(site_url + "mk/practices/cultural-mediation/")
    toggle = phone.locator(".wb-search__toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-label") == "Отворете го пребарувањето"
    assert not phone.locator("#wb-search-input").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.evaluate("document.activeElement.id") == "wb-search-input"
    results = search(phone, "zrtvi")
    assert results and phone.locator(".wb-search__link").first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.locator(".wb-search__close").click()
    assert not phone.locator("#wb-search-input").is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"


def test_a_query_downloads_only_its_languages_index_and_the_shards_it_needs(reader, site_url):
    fetched = []
    reader.on("response", lambda response: fetched.append(urlsplit(response.url).path))
    reader.goto(site_url + "mk/")
    search(reader, "враќање")
    index_files = [path for path in fetched if "/search/" in path]
    assert index_files and all(path.startswith("/mk/search/") for path in index_files)
    shards = {path for path in index_files if "/t/" in path}
    # the word's own shard, and the shard of glossary synonyms (vrakjanje is a glossary term)
    assert "/mk/search/t/vr.json" in shards and shards <= {"/mk/search/t/vr.json", "/mk/search/t/00.json"}


# -- how people type: dialect, typos, synonyms ------------------------------------------------


def page_stems(site: Path, lang: str, page: str) -> set[str]:
    stemmer = stemmer_for(lang)
    return {term for word in page_words(site, lang, page) for term in terms_of_word(word, stemmer)}


@pytest.mark.parametrize("lang, query", [
    ("bs", "savetovanje"),      # ekavian, as a Serbian reader types it, on the ijekavian Bosnian pages
    ("sr", "savjetovanje"),     # ijekavian, as a Bosnian reader types it, on the ekavian Serbian pages
    ("sr-Latn", "savjetovanje"),
    ("bs", "deca"),
    ("sr", "djeca"),
])
def test_ekavian_and_ijekavian_forms_meet(reader, site_url, built_site, lang, query):
    words_on_page = {fold(word) for word in page_words(built_site, lang, MEDIATION)}
    assert fold(query) not in words_on_page  # the page writes the word the other way
    reader.goto(site_url + prefix(lang))
    paths = [urlsplit(url).path for url in search(reader, query, every=True)]
    assert "/" + prefix(lang) + MEDIATION in paths or "/" + prefix(lang) + "practices/best-interests-procedures-for-children/" in paths, paths


TYPOS = [
    ("en", "counsellnig", COUNSELLING),        # two letters swapped
    ("en", "monitorng", "practices/forced-return-monitoring/"),  # a letter missing
    ("en", "ocunselling", COUNSELLING),        # a slip in the first two letters
    ("sq", "marreveshjte", READMISSION),
    ("mk", "реинтерграција", MEDIATION),
    ("sr", "саветвање", MEDIATION),
    ("sr-Latn", "prevođnje", MEDIATION),
    ("bs", "međusbno", MEDIATION),
]


@pytest.mark.parametrize("lang, query, expected", TYPOS, ids=[f"{l}-{q}" for l, q, _ in TYPOS])
def test_a_one_letter_typo_in_a_long_word_still_finds_the_page(reader, site_url, built_site, lang, query, expected):
    assert len(query) >= 5 and fold(query) not in {fold(w) for w in page_words(built_site, lang, expected)}
    reader.goto(site_url + prefix(lang))
    paths = [urlsplit(url).path for url in search(reader, query, every=True)]
    assert "/" + prefix(lang) + expected in paths, paths


def test_exact_matches_rank_before_typo_matches(reader, site_url):
    reader.goto(site_url)
    search(reader, "detention")
    ranked = reader.evaluate("() => window.platformSearch.ranked()")
    exact = [entry["exact"] for entry in ranked]
    assert exact and exact == sorted(exact, reverse=True)
    assert ranked[0]["exact"] == 1


@pytest.mark.parametrize("lang, query, variant", [
    ("bs", "maloljetnik bez pratnje", "dijete bez pratnje"),
    ("en", "UASC", "unaccompanied child"),
    ("sr", "малолетник без пратње", "дете без пратње"),
])
def test_a_glossary_term_finds_the_pages_that_say_it_another_way(reader, site_url, built_site, lang, query, variant):
    # A page that says the variant and never the query's first word.
    first = fold(query.split()[0])
    target = None
    for path in sorted((built_site / prefix(lang) / "practices").glob("*/index.html")):
        page = path.parent.relative_to(built_site / prefix(lang)).as_posix() + "/"
        folded = " ".join(fold(w) for w in page_words(built_site, lang, page))
        stems = page_stems(built_site, lang, page)
        variant_terms = [stemmer_for(lang).stem(fold(w)) for w in words(variant)]
        if first not in folded and all(term in stems for term in variant_terms):
            target = page
            break
    assert target, "no page says the variant without the query's words"
    reader.goto(site_url + prefix(lang))
    paths = [urlsplit(url).path for url in search(reader, query, every=True)]
    assert "/" + prefix(lang) + target in paths, (target, paths)


@pytest.mark.parametrize("lang, query", [
    ("en", "cultural mediation"), ("sq", "ndërmjetësimi kulturor"), ("mk", "културна медијација"),
    ("sr", "културна медијација"), ("sr-Latn", "kulturna medijacija"), ("bs", "kulturna medijacija"),
])
def test_a_practice_ranks_above_the_index_pages_that_list_it(reader, site_url, lang, query):
    reader.goto(site_url + prefix(lang))
    paths = [urlsplit(url).path for url in search(reader, query, every=True)]
    practice = paths.index("/" + prefix(lang) + MEDIATION)
    for listing in ("practices/", "coverage/", "translations/", ""):
        address = "/" + prefix(lang) + listing
        if address in paths:
            assert paths.index(address) > practice, (address, paths)


# -- partial matches, kinds, a weak line ---------------------------------------------------------

BEST_INTERESTS = "practices/best-interests-procedures-for-children/"


@pytest.mark.parametrize("lang, query", [
    # The walk: a Macedonian officer types "minor" as an adjective, in Latin letters.
    ("mk", "maloletni bez pridruzba"),
    ("sr-Latn", "maloletni bez pratnje"),
    ("bs", "maloljetni bez pratnje"),
    ("bs", "djeci bez pratnje"),
])
def test_a_latin_query_for_unaccompanied_children_shows_the_best_interests_practice(reader, site_url, lang, query):
    reader.goto(site_url + prefix(lang))
    paths = [urlsplit(url).path for url in search(reader, query)]
    assert "/" + prefix(lang) + BEST_INTERESTS in paths[:3], paths


def test_pages_with_some_of_the_words_rank_below_pages_with_all_and_say_what_they_lack(reader, site_url):
    reader.goto(site_url)
    # "zzyzx" is on no page: the pages about best interests are found all the same.
    paths = [urlsplit(url).path for url in search(reader, "best interests zzyzx")]
    assert paths[0] == "/" + BEST_INTERESTS
    status = reader.locator(".wb-search__status").inner_text()
    assert re.fullmatch(r"Pages found for “best interests zzyzx”: \d+ · with every word: 0", status), status
    assert reader.locator(".wb-search__missing").first.inner_text() == "Not on this page: zzyzx"

    # Pages with both words first, then pages with one, each naming the word it lacks.
    search(reader, "interpreter detention")
    ranked = reader.evaluate("() => window.platformSearch.ranked()")
    counts = [entry["words"] for entry in ranked]
    assert counts == sorted(counts, reverse=True) and 2 in counts and 1 in counts, counts
    while reader.locator(".wb-search__more").is_visible():
        reader.locator(".wb-search__more").click()
    notes = reader.locator(".wb-search__result").evaluate_all(
        "items => items.map(i => (i.querySelector('.wb-search__missing') || {}).textContent || '')")
    assert notes == ["" if n == 2 else notes[i] for i, n in enumerate(counts)]
    assert all(note in ("Not on this page: interpreter", "Not on this page: detention")
               for note, n in zip(notes, counts) if n == 1), notes


KIND_LABELS = {
    "en": {"practices": "Practice", "modules": "Training module", "actions": "Action", "commitments": "Commitment",
           "news": "News", "": "Page"},
    "bs": {"practices": "Praksa", "modules": "Modul obuke", "actions": "Aktivnost", "commitments": "Obaveza",
           "news": "Vijest", "": "Stranica"},
    "mk": {"practices": "Пракса", "modules": "Модул за обука", "actions": "Активност", "commitments": "Заложба",
           "news": "Вест", "": "Страница"},
}


@pytest.mark.parametrize("lang, query", [("en", "return counselling"), ("bs", "povratak"), ("mk", "враќање")])
def test_every_result_names_its_kind_in_the_readers_language(reader, site_url, lang, query):
    reader.goto(site_url + prefix(lang))
    search(reader, query, every=True)
    results = reader.locator(".wb-search__link").evaluate_all(
        "links => links.map(a => [a.href, a.querySelector('.wb-search__kind').textContent])")
    seen = set()
    for href, kind in results:
        parts = urlsplit(href).path.strip("/").split("/")[len(prefix(lang).strip("/").split("/")) if lang != "en" else 0:]
        section = parts[0] if len(parts) > 1 and parts[0] in KIND_LABELS[lang] else ""
        assert kind == KIND_LABELS[lang][section], (href, kind)
        seen.add(section)
    # a practice and the module that teaches it are both there, told apart
    assert {"practices", "modules", "actions"} <= seen, seen


def test_snippets_are_fetched_only_for_results_on_the_screen_once_typing_stops(phone, site_url):
    texts = []
    phone.on("request", lambda request: texts.append(request.url) if "/search/p/" in request.url else None)
    phone.goto(site_url + "sr-Latn/")
    phone.locator(".wb-search__toggle").click()
    phone.keyboard.type("povratak")
    phone.keyboard.press("End")
    assert texts == []  # still typing: no text is fetched
    phone.wait_for_function(
        "() => { const s = document.querySelector('.wb-search__status').textContent;"
        " return s.includes('povratak') && !s.endsWith('…'); }")
    phone.locator(".wb-search__snippet mark").first.wait_for()
    phone.wait_for_timeout(500)
    pages = phone.locator(".wb-search__result").evaluate_all("items => items.map(i => i.getAttribute('data-page'))")
    on_screen = phone.locator(".wb-search__result").evaluate_all(
        "items => items.filter(i => i.getBoundingClientRect().top < innerHeight).length")
    fetched = [url.rsplit("/", 1)[1].removesuffix(".json") for url in texts]
    assert len(pages) == 10 and 0 < len(fetched) < len(pages), (fetched, pages)
    # The results on the screen, and at most the one that a longer snippet above pushed off it.
    assert set(fetched) <= set(pages[:on_screen + 1]), (fetched, pages, on_screen)
    # Scrolling the results fetches the texts of those that come into view.
    phone.locator(".wb-search__result").last.scroll_into_view_if_needed()
    phone.locator(".wb-search__result").last.locator(".wb-search__snippet mark").first.wait_for()
