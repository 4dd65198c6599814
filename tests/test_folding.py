"""Search folding: what a reader types meets what the page says, in any form."""
import pytest

from learning_platform.folding import fold, folded_words, variants


@pytest.mark.parametrize("written, typed", [
    ("žrtve", "zrtve"),
    ("marrëveshjet", "marreveshjet"),
    ("Ç", "c"),
    ("čćšž", "ccsz"),
    ("повратак", "povratak"),
    ("повратка", "povratka"),
    ("реинтеграцију", "reintegraciju"),
    ("Љубљана", "ljubljana"),
    ("ЊЕГОШ", "njegos"),
    ("враќање", "vrakjanje"),
    ("ѓубре", "gjubre"),
    ("ѕвезда", "dzvezda"),
    ("џеп", "dzep"),
    ("dževap", "dzevap"),
    ("Đorđe", "djordje"),
    ("Ђорђе", "djordje"),
])
def test_written_and_typed_forms_fold_to_the_same_text(written, typed):
    assert fold(written) == fold(typed) == typed


def test_dj_may_also_be_typed_as_d():
    assert variants("Đorđe") == {"djordje", "dorde"}
    assert variants("Ђорђе") == {"djordje", "dorde"}
    assert variants("povratak") == {"povratak"}


def test_a_serbian_sentence_in_both_scripts_folds_alike():
    cyrillic = "Жртве трговине људима имају право на повратак и реинтеграцију."
    latin = "Žrtve trgovine ljudima imaju pravo na povratak i reintegraciju."
    assert folded_words(cyrillic) == folded_words(latin)
    assert "zrtve" in folded_words(latin)


def test_digits_and_punctuation_survive_folding():
    assert fold("2023-2025, art. 8(6)") == "2023-2025, art. 8(6)"


# -- the tables the reader's browser receives (search/<lang>/meta.json) ---------------------

# Every Serbian and Macedonian Cyrillic letter, folded as a reader types it
# without diacritics: typed out here, not read from the code's own tables.
CYRILLIC_FOLDED = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}


def test_the_browsers_cyrillic_table_folds_every_letter_as_readers_type_it():
    from learning_platform.folding import CYRILLIC

    assert CYRILLIC == CYRILLIC_FOLDED


@pytest.mark.parametrize("cyrillic, typed", sorted(CYRILLIC_FOLDED.items()))
def test_every_cyrillic_letter_folds_in_a_word_as_in_the_table(cyrillic, typed):
    assert fold(cyrillic) == typed
    assert fold(cyrillic.upper()) == typed


def test_serbian_latin_letters_lose_their_diacritics_for_the_table():
    from learning_platform.folding import _without_diacritics

    assert _without_diacritics("čćđšž") == "ccdjsz"
    assert _without_diacritics("ČĆŠŽ") == "CCSZ"  # the table is made from small letters; capitals keep their case
    assert _without_diacritics("lj nj dž") == "lj nj dz"


@pytest.mark.parametrize("written, typed", [
    ("Straße", "strasse"), ("Ærø", "aero"), ("Łódź", "lodz"), ("ѝ", "i"), ("ë", "e"),
    ("ﬁ", "fi"),          # a ligature decomposes into its letters
    ("ǣ", "ae"), ("ǿ", "o"),  # a letter of the table under an accent: æ and ø with a mark
    ("²", "2"),
])
def test_letters_outside_the_tables_fold_by_their_decomposition(written, typed):
    assert fold(written) == typed


def test_d_for_dj_applies_to_every_dj_of_a_word_and_in_capitals():
    assert variants("ĐURĐEVDAN") == {"djurdjevdan", "durdevdan"}
    assert variants("Ђурђевдан") == {"djurdjevdan", "durdevdan"}
    assert variants("dj") == {"dj"}  # typed dj is not a đ


def test_the_index_holds_each_word_in_all_its_forms_in_order():
    assert folded_words("Đorđe i Ana, 2025.") == ["djordje", "dorde", "i", "ana", "2025"]
