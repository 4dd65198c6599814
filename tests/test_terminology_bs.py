"""Bosnian terminology rules changed by the Bosnian editorial pass (issue 17, item 1)."""
from __future__ import annotations

import pytest

from learning_platform.consistency import concept_findings
from learning_platform.terminology import Unit, load_language

from helpers import rule_findings


@pytest.mark.parametrize("text", [
    "GRETA navodi da najbolji interes žrtava treba biti u središtu svake aktivnosti.",
    "Najprije najbolji interes žrtve.",
    "Odluku donesite u najboljem interesu djeteta.",
])
def test_bosnian_best_interests_of_victims_or_of_the_child_whole_is_left_alone(text: str) -> None:
    assert concept_findings([Unit("x.bs.md", 1, text, False)], load_language("bs")) == []


def test_bosnian_best_interests_cut_short_is_still_reported() -> None:
    (finding,) = concept_findings(
        [Unit("x.bs.md", 1, "Provedite postupak najboljeg interesa.", False)], load_language("bs"))
    assert finding.found == "najboljeg interesa"


# -- rules added after the fresh reading of the session 3 pass (editor ed-bs, 2026-12-05) --

def bosnian_findings(text: str) -> list[tuple[str, str, str]]:
    return rule_findings("bs", text)


@pytest.mark.parametrize("text, found, wording", [
    ("Zahtjev nikada ne smije otkriti zemlji od koje se osoba boji da je ona tražila azil.",
     "od koje se osoba boji", "koje se osoba boji"),
    ("Nikada organima zemlje od kojeg se on boji.", "od kojeg se on boji", "koje se osoba boji"),
    ("Organi moraju najboljem interesu djeteta dati primarni značaj.", "primarni značaj",
     "jedan od prvenstvenih kriterija"),
    ("Komisija razmatra slučaj djevojčice s lista sa slučajem.", "lista sa slučajem", "opis slučaja"),
    ("Posmatrač popunjava list za posmatranje.", "list za posmatranje", "obrazac za posmatranje"),
    ("Pogledajte kontakt s lista za lokalno upućivanje.", "lista za lokalno upućivanje",
     "obrazac za lokalno upućivanje"),
    ("Grupe čitaju list sa scenarijem.", "list sa scenarijem", "opis scenarija"),
])
def test_bosnian_phrase_rules_from_the_fresh_reading_catch_their_examples(text: str, found: str, wording: str) -> None:
    assert bosnian_findings(text) == [("phrase", found, wording)]


@pytest.mark.parametrize("text, found, wording", [
    ("Podijelite je nakon dobrodošlice i pokupite nakon pet minuta.", "pokupite", "prikupite"),
    ("Na flipchartu svaka grupa crta put upućivanja.", "flipchartu", "flipčart"),
    ("Ponudite službenika spola koji osoba preferira.", "preferira", "koji osoba želi"),
    ("Objavljujte samo zbirne, anonimizirane rezultate.", "anonimizirane", "anonimizovan"),
    ("Predlažete zajedničke konzularne intervjue.", "intervjue", "razgovor"),
    ("Analiza se pretvara u kratke, praktične pokazatelje.", "pokazatelje", "indikator"),
])
def test_bosnian_word_rules_from_the_fresh_reading_catch_their_examples(text: str, found: str, wording: str) -> None:
    assert bosnian_findings(text) == [("terminology", found, wording)]


@pytest.mark.parametrize("text", [
    "Zahtjev nikada ne smije zemlji koje se osoba boji otkriti da je tražila azil.",
    "Boja od koje se sastoji zastava je plava.",
    "Podijelite je nakon dobrodošlice i prikupite nakon pet minuta.",
    "Posmatrači koriste kontrolnu listu za jedan razgovor.",
    "Dokument 1: zbirni list predmeta (izmišljeni dokument za obuku).",
    "Na flipčartu svaka grupa crta put upućivanja.",
])
def test_bosnian_wording_chosen_after_the_fresh_reading_is_left_alone(text: str) -> None:
    assert bosnian_findings(text) == []


# -- phrase rules added after the final fresh reading (editor ed-bs, light edits, 2026-12-05) --

@pytest.mark.parametrize("text, found, wording", [
    ("Pristup je rodno osjetljiv i informisan o traumi.", "informisan o traumi",
     "zasnovan na razumijevanju traume / koji uzima u obzir traumu"),
    ("Stvorite siguran trenutak.", "siguran trenutak", "sigurni uslovi za razgovor"),
    ("Učenje se nastavlja kroz mentorstvo i osvježavajuće obuke.", "osvježavajuće obuke",
     "obuke za obnavljanje znanja"),
])
def test_bosnian_phrase_rules_from_the_final_reading_catch_their_examples(text: str, found: str, wording: str) -> None:
    assert bosnian_findings(text) == [("phrase", found, wording)]


@pytest.mark.parametrize("text", [
    "Pristup je zasnovan na razumijevanju traume.",
    "Stvorite sigurne uslove za razgovor.",
    "Mentorstvo i obuke za obnavljanje znanja nastavljaju se nakon kursa.",
])
def test_bosnian_wording_chosen_after_the_final_reading_is_left_alone(text: str) -> None:
    assert bosnian_findings(text) == []
