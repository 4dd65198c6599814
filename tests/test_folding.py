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
