"""Serbian Latin pages are written from the Cyrillic letter by letter: the
table below is the Serbian alphabet as a reader knows it, typed out here, not
taken from the code under test (a wrong letter in the code's table, ф written
as ph, once passed every test because the tests asked the code for the answer)."""
from __future__ import annotations

import pytest

from learning_platform.transliteration import serbian_cyrillic_to_latin

# The 30 letters of the Serbian Cyrillic alphabet, in its order (Азбука), with
# their Latin letters (Abeceda).
ALPHABET = [
    ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("ђ", "đ"),
    ("е", "e"), ("ж", "ž"), ("з", "z"), ("и", "i"), ("ј", "j"), ("к", "k"),
    ("л", "l"), ("љ", "lj"), ("м", "m"), ("н", "n"), ("њ", "nj"), ("о", "o"),
    ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("ћ", "ć"), ("у", "u"),
    ("ф", "f"), ("х", "h"), ("ц", "c"), ("ч", "č"), ("џ", "dž"), ("ш", "š"),
]
CAPITALS = [
    ("А", "A"), ("Б", "B"), ("В", "V"), ("Г", "G"), ("Д", "D"), ("Ђ", "Đ"),
    ("Е", "E"), ("Ж", "Ž"), ("З", "Z"), ("И", "I"), ("Ј", "J"), ("К", "K"),
    ("Л", "L"), ("Љ", "Lj"), ("М", "M"), ("Н", "N"), ("Њ", "Nj"), ("О", "O"),
    ("П", "P"), ("Р", "R"), ("С", "S"), ("Т", "T"), ("Ћ", "Ć"), ("У", "U"),
    ("Ф", "F"), ("Х", "H"), ("Ц", "C"), ("Ч", "Č"), ("Џ", "Dž"), ("Ш", "Š"),
]


def test_the_alphabet_has_thirty_letters_each_written_once():
    assert len(ALPHABET) == len(CAPITALS) == 30
    assert len({cyrillic for cyrillic, _ in ALPHABET}) == 30


@pytest.mark.parametrize("cyrillic, latin", ALPHABET, ids=[c for c, _ in ALPHABET])
def test_every_small_cyrillic_letter_has_its_latin_letter(cyrillic, latin):
    assert serbian_cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize("cyrillic, latin", CAPITALS, ids=[c for c, _ in CAPITALS])
def test_a_capital_letter_on_its_own_keeps_the_second_letter_of_a_digraph_small(cyrillic, latin):
    # a one-letter word is not "a word in capitals": Џ alone is Dž, as at the start of a name
    assert serbian_cyrillic_to_latin(cyrillic) == latin


def test_the_whole_alphabet_in_one_word_and_in_capitals():
    small = "абвгдђежзијклљмнњопрстћуфхцчџш"
    assert serbian_cyrillic_to_latin(small) == "abvgdđežzijklljmnnjoprstćufhcčdžš"
    assert serbian_cyrillic_to_latin(small.upper()) == "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ"


@pytest.mark.parametrize("cyrillic, latin", [
    ("Љубљана", "Ljubljana"),        # capital digraph at the start of a name
    ("Њујорк", "Njujork"),
    ("Џамија", "Džamija"),
    ("ЉУБЉАНА", "LJUBLJANA"),        # a word in capitals: both letters capital
    ("ЊУ", "NJU"),                   # two letters are already a word in capitals
    ("ЏЕП", "DŽEP"),
    ("ЂУРЂЕВДАН", "ĐURĐEVDAN"),
    ("МакДоналд", "MakDonald"),      # a capital inside a word that is not all capitals
    ("УНХЦР-а", "UNHCR-a"),          # a hyphen ends the word
])
def test_capitals_follow_the_word_they_are_in(cyrillic, latin):
    assert serbian_cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize("text", [
    "ѓ ќ ѕ",                          # Macedonian letters Serbian does not have stay as they are
    "Ы э ё",                          # so do Russian ones
    "Return, readmission and reintegration, 2023-2025 (UNSCR 1244/1999).",
    "",
])
def test_text_that_is_not_serbian_cyrillic_is_left_as_it_is(text):
    assert serbian_cyrillic_to_latin(text) == text


def test_a_sentence_keeps_its_spaces_punctuation_and_digits():
    assert (serbian_cyrillic_to_latin("Акција 16: повратак, реадмисија и реинтеграција (2023–2025).")
            == "Akcija 16: povratak, readmisija i reintegracija (2023–2025).")


@pytest.mark.parametrize("cyrillic, latin", [(c + "а", l + "a") for c, l in CAPITALS], ids=[c for c, _ in CAPITALS])
def test_each_capital_letter_starting_a_word_has_its_latin_letter(cyrillic, latin):
    assert serbian_cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize("cyrillic, latin", [
    ("Фонд за финансирање реинтеграције", "Fond za finansiranje reintegracije"),
    ("Ђорђе Ћосић чита шах, жаба и ћуп", "Đorđe Ćosić čita šah, žaba i ćup"),
    ("Хуманитарна помоћ породицама с децом", "Humanitarna pomoć porodicama s decom"),
    ("Џаковица, Чачак, Шабац, БАЊА ЛУКА", "Džakovica, Čačak, Šabac, BANJA LUKA"),
])
def test_serbian_sentences_read_as_serbian_latin(cyrillic, latin):
    assert serbian_cyrillic_to_latin(cyrillic) == latin


def test_the_kosovo_footnote_in_serbian_latin():
    cyrillic = ("*Овај назив не доводи у питање ставове о статусу и у складу је са Резолуцијом Савета безбедности "
                "УН 1244/1999 и Мишљењем Међународног суда правде о проглашењу независности Косова.")
    assert serbian_cyrillic_to_latin(cyrillic) == (
        "*Ovaj naziv ne dovodi u pitanje stavove o statusu i u skladu je sa Rezolucijom Saveta bezbednosti "
        "UN 1244/1999 i Mišljenjem Međunarodnog suda pravde o proglašenju nezavisnosti Kosova.")
