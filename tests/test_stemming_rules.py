"""The stemmer's rules, and the check of data/search.yml, one rule per test.

Small rule files written in the test (not the site's own, which change as
editors tune them), so each rule shows alone: the longest ending wins, a rule's
own minimum, dialect forms unified before and after the cut; and each mistake
an editor can make in the rules file is refused with a message naming the
file, the language and what to write instead.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from learning_platform.search import SearchRulesError, Stemmer, load_stemmers, query_terms, stemmer_for


def stemmer(tmp_path: Path, rules: str) -> Stemmer:
    (tmp_path / "search.yml").write_text(rules, encoding="utf-8")
    return load_stemmers(tmp_path)["xx"]


def refused(tmp_path: Path, rules: str) -> str:
    (tmp_path / "search.yml").write_text(rules, encoding="utf-8")
    with pytest.raises(SearchRulesError) as raised:
        load_stemmers(tmp_path)
    return str(raised.value)


ENDINGS = 'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - ["a", ""]\n      - ["ama", ""]\n      - ["ima", "", 2]\n'


def test_the_longest_ending_a_word_has_is_cut_whatever_the_order_in_the_file(tmp_path):
    rules = stemmer(tmp_path, ENDINGS)
    assert rules.stem("zenama") == "zen"      # "ama", not "a"
    assert rules.stem("zena") == "zen"
    assert [ending for ending, _, _ in rules.endings] == ["ama", "ima", "a"]


def test_a_rule_may_carry_its_own_minimum_stem(tmp_path):
    rules = stemmer(tmp_path, ENDINGS)
    assert rules.stem("imima") == "im"         # "ima" leaves 2 letters, its own minimum
    assert rules.endings[1] == ("ima", "", 2)
    assert rules.endings[0] == ("ama", "", 3)  # the others take the language's minimum


def test_a_cut_that_would_leave_too_little_falls_back_to_a_shorter_ending(tmp_path):
    rules = stemmer(tmp_path, ENDINGS)
    assert rules.stem("rama") == "ram"         # "ama" would leave "r"; "a" leaves "ram"
    assert rules.stem("ama") == "ama"          # nothing leaves three letters


def test_a_word_is_cut_once(tmp_path):
    assert stemmer(tmp_path, ENDINGS).stem("zenaa") == "zena"


def test_an_ending_replaced_by_another_rewrites_the_word(tmp_path):
    rules = stemmer(tmp_path, 'stemmers:\n  xx:\n    min_stem: 2\n    endings:\n      - ["ies", "y"]\n      - ["ss", "ss"]\n      - ["s", ""]\n')
    assert rules.stem("policies") == "policy"
    assert rules.stem("process") == "process"  # "ss" kept whole stops "s"
    assert rules.stem("returns") == "return"


DIALECT = ('dialects:\n  xx:\n    - ["(?<=[bcdfghklmnprstvz])ije(?!$)", "e"]\n    - ["(?<=[bcdfghkmprstvz])je", "e"]\n'
           'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - ["a", ""]\n      - ["u", ""]\n')


def test_dialect_forms_meet_before_and_after_the_cut(tmp_path):
    rules = stemmer(tmp_path, DIALECT)
    assert rules.stem("savjetu") == rules.stem("savetu") == "savet"
    assert rules.stem("dijete") == rules.stem("dete") == "dete"
    assert rules.unify("mjesto") == "mesto"
    assert rules.dialect == (("(?<=[bcdfghklmnprstvz])ije(?!$)", "e"), ("(?<=[bcdfghkmprstvz])je", "e"))


def test_the_browser_receives_the_endings_and_dialect_rules_as_lists(tmp_path):
    rules = stemmer(tmp_path, DIALECT)
    assert rules.as_json() == {"endings": [["a", "", 3], ["u", "", 3]],
                               "dialect": [["(?<=[bcdfghklmnprstvz])ije(?!$)", "e"], ["(?<=[bcdfghkmprstvz])je", "e"]]}


def test_a_language_without_a_stemmer_is_named_with_the_known_ones():
    with pytest.raises(KeyError, match="No stemmer for language 'de' in data/search.yml; known: en, "):
        stemmer_for("de")


def test_a_query_is_split_into_words_folded_and_stemmed_one_term_each():
    assert query_terms("Повратак, жртве!", stemmer_for("sr")) == ["povratk", "zrtv"]
    assert query_terms("", stemmer_for("sr")) == []


# -- mistakes in data/search.yml -----------------------------------------------------------

ALLOWED = ("    Allowed: min_stem: a whole number; endings: a list of [ending, replacement] or "
           "[ending, replacement, min_stem], in lower-case ASCII letters.\n"
           '    Example: - ["ama", ""]')


@pytest.mark.parametrize("min_stem", ["0", "-1", "two", "2.5"])
def test_a_minimum_stem_that_is_not_a_whole_number_of_at_least_one_fails(tmp_path, min_stem):
    message = refused(tmp_path, f'stemmers:\n  xx:\n    min_stem: {min_stem}\n    endings:\n      - ["a", ""]\n')
    shown = {"0": "0", "-1": "-1", "two": "'two'", "2.5": "2.5"}[min_stem]
    assert message == ("The site was not built: the search rules are wrong.\n"
                       f"  - data/search.yml, stemmers.xx: min_stem is {shown}\n" + ALLOWED)


def test_a_minimum_stem_of_one_is_allowed(tmp_path):
    assert stemmer(tmp_path, 'stemmers:\n  xx:\n    min_stem: 1\n    endings:\n      - ["a", ""]\n').stem("ba") == "b"


@pytest.mark.parametrize("rule, shown", [
    ('"a"', "'a'"), ('["a"]', "['a']"), ('["a", "", 2, 3]', "['a', '', 2, 3]"),
])
def test_an_ending_rule_that_is_not_a_pair_or_a_triple_fails(tmp_path, rule, shown):
    message = refused(tmp_path, f'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - {rule}\n')
    assert (f"  - data/search.yml, stemmers.xx: rule {shown} is not [ending, replacement] or "
            "[ending, replacement, min_stem]") in message


@pytest.mark.parametrize("rule, shown", [("[no, \"\"]", "[False, '']"), ('["a", yes]', "['a', True]")])
def test_a_bare_yes_or_no_fails_with_the_quoting_to_write(tmp_path, rule, shown):
    message = refused(tmp_path, f'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - {rule}\n')
    assert (f"stemmers.xx: rule {shown}: YAML reads a bare no, yes, on or off as False or True; "
            'put the ending in quotes, as in ["no", ""]') in message


@pytest.mark.parametrize("rule, shown", [('["ë", ""]', "['ë', '']"), ('["A", ""]', "['A', '']"),
                                         ('["a", "Ш"]', "['a', 'Ш']"), ('["", ""]', "['', '']")])
def test_an_ending_outside_the_letters_a_to_z_fails_saying_why(tmp_path, rule, shown):
    message = refused(tmp_path, f'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - {rule}\n')
    assert (f"stemmers.xx: rule {shown}: endings use only the letters a to z, because words are searched "
            "without diacritics and in Latin letters (write ë as e, ш as s)") in message


@pytest.mark.parametrize("rule, shown", [('"ije"', "'ije'"), ('["ije"]', "['ije']"), ('["ije", 1]', "['ije', 1]")])
def test_a_dialect_rule_that_is_not_a_pattern_and_a_replacement_fails(tmp_path, rule, shown):
    message = refused(tmp_path, f'dialects:\n  xx:\n    - {rule}\n'
                                'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - ["a", ""]\n')
    assert f"stemmers.xx: dialect rule {shown} is not [pattern, replacement]" in message


def test_a_dialect_rule_that_is_not_a_regular_expression_fails(tmp_path):
    message = refused(tmp_path, 'dialects:\n  xx:\n    - ["(ije", "e"]\n'
                                'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - ["a", ""]\n')
    assert "stemmers.xx: dialect rule ['(ije', 'e']: missing ), unterminated subpattern at position 0" in message


def test_a_replacement_that_looks_like_a_pattern_is_checked_as_text(tmp_path):
    # "(e" is a fine replacement text even though it is not a regular expression
    rules = stemmer(tmp_path, 'dialects:\n  xx:\n    - ["ije", "e"]\n'
                              'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - ["a", ""]\n')
    assert rules.unify("dijete") == "dete"


@pytest.mark.parametrize("replacement", ["\\\\1", "$1", "e\\\\g<0>"])
def test_a_dialect_replacement_with_a_group_reference_fails(tmp_path, replacement):
    message = refused(tmp_path, f'dialects:\n  xx:\n    - ["(?<=v)je", "{replacement}"]\n'
                                'stemmers:\n  xx:\n    min_stem: 3\n    endings:\n      - ["a", ""]\n')
    assert ("the replacement is plain letters (use a lookbehind, (?<=...), for letters that stay)") in message


def test_every_problem_of_every_language_is_listed_at_once(tmp_path):
    message = refused(tmp_path, 'stemmers:\n  xx:\n    min_stem: 0\n    endings: []\n'
                                '  yy:\n    endings: []\n')
    assert message.splitlines()[1:3] == ["  - data/search.yml, stemmers.xx: min_stem is 0",
                                         "  - data/search.yml, stemmers.yy: 'min_stem' is missing"]
