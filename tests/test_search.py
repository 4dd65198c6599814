"""Search index, without a browser: what the build writes for each language."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import LANGUAGES
from learning_platform.search import (
    SearchIndex, SearchRulesError, load_stemmers, page_text, query_terms, search_document,
    stemmer_for, terms_of_word,
)


# -- stemming: inflected forms meet ----------------------------------------------


@pytest.mark.parametrize("lang, forms", [
    ("sr", ["повратак", "повратка", "повратку", "повратком", "povratak", "povratka"]),
    ("sr", ["реинтеграција", "реинтеграцију", "реинтеграцији", "reintegracijom"]),
    ("sr", ["жртве", "жртвама", "žrtvom", "zrtvi"]),
    ("sr", ["саветовање", "саветовања", "саветовању", "savetovati"]),
    ("sr-Latn", ["povratak", "povratka", "повратку"]),
    ("bs", ["savjetovanje", "savjetovanja", "savjetovanju", "savjetovanjem"]),
    ("bs", ["dobrovoljni", "dobrovoljnog", "dobrovoljnom", "dobrovoljnih"]),
    ("mk", ["враќање", "враќањето", "враќа", "vrakjanje"]),
    ("mk", ["реинтеграција", "реинтеграцијата", "reintegracija"]),
    ("mk", ["жртва", "жртви", "жртвите", "zrtvi"]),
    ("sq", ["kthim", "kthimi", "kthimit", "kthimin", "kthimeve"]),
    ("sq", ["marrëveshje", "marrëveshja", "marrëveshjet", "marrëveshjes", "marreveshjen"]),
    ("sq", ["fëmijë", "fëmijët", "fëmijëve", "femijes"]),
    ("en", ["return", "returns", "returned", "returning"]),
    ("en", ["process", "processes"]),
    # the words of the glossary's synonym groups, in the forms a reader types them
    ("sr", ["дете", "детета", "детету", "дететом"]),
    ("sr", ["малолетник", "малолетника", "малолетнику", "малолетником", "малолетници", "малолетницима"]),
    ("sr", ["жртва", "жртве", "жртвом", "жртава"]),
    ("sr", ["механизам", "механизма", "механизму", "механизми", "механизама"]),
    ("sr", ["миграната", "мигранти", "мигранте", "мигрантима"]),
    ("sr", ["мешовите", "мешовити", "мешовитих", "мешовита"]),
    ("sr", ["миграције", "миграција", "миграцијама", "миграцији"]),
    ("sr", ["потпомогнути", "потпомогнутог", "потпомогнута"]),
    ("sr-Latn", ["maloletnik", "maloletnici", "maloletnika"]),
    ("bs", ["dijete", "djeteta", "djetetu", "djetetom", "dete", "deteta"]),
    ("bs", ["maloljetnik", "maloljetnika", "maloljetnici", "maloljetnicima", "maloletnik"]),
    ("bs", ["mješovite", "mješoviti", "mješovitih", "mješovita"]),
    ("bs", ["migracije", "migracija", "migracijama"]),
    ("bs", ["stoljeće", "stoleće"]),
    ("mk", ["дете", "детето"]),
    ("mk", ["малолетник", "малолетници", "малолетникот", "малолетниците"]),
    ("mk", ["најдобар", "најдобриот", "најдобри", "најдобра"]),
    ("mk", ["механизам", "механизмот", "механизми", "механизмите"]),
    ("mk", ["деца", "децата"]),
    ("sq", ["minoren", "minorenë", "minorenët", "minorenëve"]),
    ("sq", ["mekanizmi", "mekanizëm", "mekanizmin", "mekanizmit"]),
    ("sq", ["migracion", "migracioni", "migracionit", "migracionin"]),
    ("sq", ["viktimë", "viktima", "viktimat", "viktimave", "viktimës"]),
])
def test_inflected_forms_of_a_word_share_one_term(lang, forms):
    stemmer = stemmer_for(lang)
    terms = {term for form in forms for term in terms_of_word(form, stemmer)}
    assert len(terms) == 1, terms


@pytest.mark.parametrize("lang, words_of_a_phrase, phrase", [
    # the definite or another case of a glossary phrase still reads as the phrase
    ("mk", "детето без придружба", "дете без придружба"),
    ("mk", "малолетниците без придружба", "малолетници без придружба"),
    ("sr", "детета без пратње", "дете без пратње"),
    ("bs", "djetetu bez pratnje", "dijete bez pratnje"),
    ("bs", "djece bez pratnje", "djeca bez pratnje"),
    ("sq", "minorenëve të pashoqëruar", "minorenë të pashoqëruar"),
])
def test_an_inflected_glossary_phrase_gives_the_phrases_terms(lang, words_of_a_phrase, phrase):
    stemmer = stemmer_for(lang)
    typed, written = query_terms(words_of_a_phrase, stemmer), query_terms(phrase, stemmer)
    assert typed == written


def test_the_dialect_rules_leave_a_final_ije_of_a_noun_in_ija_alone():
    # migracije is the genitive of migracija, not the old vowel: it must not become "migrace"
    stemmer = stemmer_for("bs")
    assert stemmer.stem("migracije") == stemmer.stem("migracija") == "migracij"
    assert stemmer.stem("Srbije".lower()) == stemmer.stem("srbija")
    assert stemmer.unify("dijete") == "dete" and stemmer.unify("maloljetnik") == "maloletnik"


def test_english_exceptions_keep_words_whole():
    stemmer = stemmer_for("en")
    assert stemmer.stem("analysis") == "analysis"
    assert stemmer.stem("process") == "process"
    assert stemmer.stem("need") == "need"  # -ed would leave too little


def test_a_short_word_is_not_cut_below_the_minimum_stem():
    assert stemmer_for("sr").stem("ima") == "ima"
    assert stemmer_for("sq").stem("ata") == "ata"


def test_query_terms_fold_before_stemming_in_every_script():
    sr = stemmer_for("sr")
    assert query_terms("Повратак жртава", sr) == query_terms("povratak zrtava", sr)
    assert query_terms("Između", stemmer_for("bs")) == ["izmedj"]


def test_a_word_with_dj_is_indexed_under_both_ways_of_typing_it():
    assert terms_of_word("između", stemmer_for("bs")) == {"izmedj", "izmed"}
    assert query_terms("izmedju", stemmer_for("bs"))[0] in terms_of_word("između", stemmer_for("bs"))
    assert query_terms("izmedu", stemmer_for("bs"))[0] in terms_of_word("između", stemmer_for("bs"))


def test_every_language_of_the_site_has_a_stemmer():
    assert set(LANGUAGES) <= set(load_stemmers())


def test_a_bare_yes_or_no_in_the_rules_fails_naming_file_and_language(tmp_path: Path):
    # YAML reads a bare `no` as false: the check must catch it, not stem with "False".
    (tmp_path / "search.yml").write_text(
        "stemmers:\n  mk:\n    min_stem: 3\n    endings:\n      - [no, \"\"]\n", encoding="utf-8")
    with pytest.raises(SearchRulesError) as raised:
        load_stemmers(tmp_path)
    message = str(raised.value)
    assert "data/search.yml" in message and "stemmers.mk" in message and "False" in message
    assert "lower-case ASCII" in message


def test_a_missing_minimum_stem_fails_naming_the_field(tmp_path: Path):
    (tmp_path / "search.yml").write_text(
        "stemmers:\n  sq:\n    endings:\n      - [\"it\", \"\"]\n", encoding="utf-8")
    with pytest.raises(SearchRulesError, match="stemmers.sq: 'min_stem'"):
        load_stemmers(tmp_path)


# -- reading pages ----------------------------------------------------------------


def test_page_text_leaves_out_banners_permalinks_and_scripts():
    headings, text = page_text(
        '<h1>Title<a class="headerlink" href="#t">¶</a></h1>'
        '<div class="translation-state" data-translation-state="machine"><p>machine draft</p></div>'
        '<p class="script-switch"><a href="x">Latinica</a></p>'
        '<p>Body with <a href="y">a link</a>, then more.</p><script>alert(1)</script><h2>Sub</h2>'
    )
    assert headings == "Title Sub"
    assert text == "Title Body with a link, then more. Sub"


def test_a_title_word_outweighs_many_body_words():
    stemmer = stemmer_for("en")
    practice = search_document("practices/a/", "Return counselling", "<p>Counselling.</p>", stemmer)
    listing = search_document("coverage/", "Coverage", "<p>" + "return " * 50 + "</p>", stemmer)
    assert practice.weights["return"] > listing.weights["return"]


# -- the files a language's search reads --------------------------------------------


def _decode(postings: list[int]) -> list[tuple[int, int]]:
    out, page = [], 0
    for index in range(0, len(postings), 2):
        page += postings[index]
        out.append((page, postings[index + 1]))
    return out


def test_index_files_list_pages_shards_and_the_rules_the_browser_needs():
    index = SearchIndex("sr", stemmer_for("sr"))
    index.add("practices/b/", "Повратак", "<p>Повратак и реинтеграција.</p>")
    index.add("practices/a/", "Жртве", "<p>Жртве трговине људима имају право на повратак.</p>")
    files = {name: json.loads(text) for name, text in index.files().items()}
    meta = files["meta.json"]
    assert meta["lang"] == "sr"
    assert meta["pages"] == [["practices/a/", "Жртве", 0, 0], ["practices/b/", "Повратак", 0, 0]]
    assert "po" in meta["shards"] and all(f"t/{key}.json" in files for key in meta["shards"])
    assert meta["fold"]["cyrillic"]["ђ"] == "dj"
    assert ["ak", "k", 5] in meta["stemmer"]["endings"]
    assert [page for page, _ in _decode(files["t/po.json"]["povratk"])] == [0, 1]
    assert files["p/1.json"]["x"] == "Повратак и реинтеграција."


@pytest.mark.parametrize("lang, labels", [
    ("en", ["Practice", "Training module", "Action", "Commitment", "News", "Page", "Page", "Page"]),
    ("bs", ["Praksa", "Modul obuke", "Aktivnost", "Obaveza", "Vijest", "Stranica", "Stranica", "Stranica"]),
    ("sr-Latn", ["Praksa", "Modul obuke", "Aktivnost", "Obaveza", "Vest", "Stranica", "Stranica", "Stranica"]),
])
def test_every_result_names_its_kind_in_the_readers_language(lang, labels):
    index = SearchIndex(lang, stemmer_for(lang))
    # Sorted by address in meta.json: a, b, c, ... so the order below is the order of `labels`.
    for url in ("a/practices/x/", "b/modules/x/", "c/actions/16/", "d/commitments/3/", "e/news/x/",
                "f/practices/", "g/glossary/", ""):
        index.add(url.split("/", 1)[1] if url else url, "T", "<p>word</p>")
    meta = json.loads(index.files()["meta.json"])
    by_url = {url: meta["kinds"][kind] for url, _title, _listing, kind in meta["pages"]}
    assert [by_url[url] for url in ("practices/x/", "modules/x/", "actions/16/", "commitments/3/", "news/x/",
                                    "practices/", "glossary/", "")] == labels


def test_the_words_under_a_partial_match_come_in_the_readers_language():
    meta = json.loads(SearchIndex("mk", stemmer_for("mk")).files()["meta.json"])
    assert meta["words"] == {"missing": "Ги нема на оваа страница: {words}", "complete": "со сите зборови: {count}"}


# -- a real build ----------------------------------------------------------------------


def _meta(site: Path, lang: str) -> dict:
    folder = site if lang == "en" else site / lang
    return json.loads((folder / "search" / "meta.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(built_site: Path, lang: str):
    meta = _meta(built_site, lang)
    assert meta["lang"] == lang
    urls = [url for url, *_ in meta["pages"]]
    assert "practices/cultural-mediation/" in urls
    # Addresses are from the language's root: no page of another language is listed.
    assert not [url for url in urls if url.split("/")[0] in LANGUAGES]
    folder = built_site if lang == "en" else built_site / lang
    for url, *_ in meta["pages"]:
        assert (folder / url / "index.html").is_file(), url


def test_the_serbian_latin_index_holds_latin_titles(built_site: Path):
    titles = " ".join(title for _, title, *_ in _meta(built_site, "sr-Latn")["pages"])
    assert not any("\u0400" <= letter <= "\u04ff" for letter in titles)
