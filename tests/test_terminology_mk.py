"""Macedonian terminology rules added after the fresh reading of the session 3 pass
(issue 17, item 1; editor ed-mk, 2026-12-05): each rule catches the reader's example,
and the wording the editor chose is left alone."""
from __future__ import annotations

import pytest

from helpers import rule_findings


def macedonian_findings(text: str) -> list[tuple[str, str, str]]:
    return rule_findings("mk", text)


NEGATED_IMPERATIVE = "не + кратка заменка + глагол: „не ги казнувајте“, „никогаш не ѝ откривајте“"


@pytest.mark.parametrize("text, found", [
    ("Не откривајте ја историјата на враќање на лицето пред работодавачите.", "Не откривајте ја"),
    ("Единство на семејството: не разделувајте ги семејствата.", "не разделувајте ги"),
    ("Никогаш не кажувајте им на органите на земјата на потекло.", "не кажувајте им"),
    ("Не казнувајте ги за дела што биле принудени да ги сторат.", "Не казнувајте ги"),
    ("Не претставувајте ги проценките како сигурни.", "Не претставувајте ги"),
])
def test_macedonian_negated_imperative_with_the_pronoun_after_the_verb_is_reported(text: str, found: str) -> None:
    assert macedonian_findings(text) == [("phrase", found, NEGATED_IMPERATIVE)]


@pytest.mark.parametrize("text, found, wording", [
    ("Сè уште нема пракса.", "Сè", "сѐ"),
    ("Кажувајте само она што Ве прашуваат, сè додека советникот не почне.", "сè", "сѐ"),
    ("Барања добиени од државите-членки на ЕУ.", "државите-членки", "држави членки"),
    ("На барање на држава-членка, партнерот ги прифаќа своите државјани.", "држава-членка", "држави членки"),
    ("Подоцнежната процена на ОБСЕ ги опфаќа 2014 и 2015 година.", "процена", "проценка"),
])
def test_macedonian_word_rules_from_the_fresh_reading_catch_their_examples(text: str, found: str, wording: str) -> None:
    assert macedonian_findings(text) == [("terminology", found, wording)]


@pytest.mark.parametrize("text", [
    "Никогаш не ѝ откривајте на земјата од која лицето се плаши дека лицето побарало азил.",
    "Не ја откривајте историјата на враќање на лицето пред работодавачите.",
    "Не ги казнувајте за дела што биле принудени да ги сторат.",
    "Сѐ уште нема пракса.",
    "Не откривајте и не ги споделувајте податоците за барањето азил.",
    "Барања добиени од државите членки на ЕУ.",
    "Подоцнежната проценка на ОБСЕ. Некој мора да процени дали семејството може да се грижи. Ќе ги процените ризиците.",
])
def test_macedonian_wording_chosen_after_the_fresh_reading_is_left_alone(text: str) -> None:
    assert macedonian_findings(text) == []


@pytest.mark.parametrize("text, found, wording", [
    ("Обучете ги мониторите. Опфатете го правото за враќање и употребата на сила.", "Опфатете го правото",
     "Обуката треба да ги опфати …"),
])
def test_macedonian_phrase_rules_from_the_fresh_reading_catch_their_examples(text: str, found: str, wording: str) -> None:
    assert macedonian_findings(text) == [("phrase", found, wording)]


@pytest.mark.parametrize("text", [
    "Детето се сослушува, а неговото мислење се евидентира и се зема предвид соодветно на возраста и зрелоста.",
    "Обучете ги мониторите. Обуката треба да ги опфати правото во областа на враќањето и употребата на сила.",
    "Ставањето на детето во притвор е забрането. Не го ставајте детето во притвор.",
])
def test_macedonian_wording_of_the_monitoring_and_children_pages_is_left_alone(text: str) -> None:
    assert macedonian_findings(text) == []


def test_macedonian_go_through_the_answers_in_the_spoken_register_is_reported() -> None:
    text = "На крајот учесниците повторно одговараат на истите прашања; потоа поминете ги одговорите, со помош на објаснувањата."
    assert macedonian_findings(text) == [("phrase", "поминете ги одговорите", "разгледајте ги одговорите")]


def test_macedonian_go_through_the_answers_as_the_modules_now_say_it_is_left_alone() -> None:
    text = "На крајот учесниците повторно одговараат на истите прашања; потоа разгледајте ги одговорите, со помош на објаснувањата."
    assert macedonian_findings(text) == []
