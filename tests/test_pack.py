"""A workshop pack that makes a day (issue 18, item 1): one opening and one
closing for the day, lunch and coffee breaks the trainer can adjust, practices
as readings with their reading time, kinds labelled, every link working from
the pack's own address, no default written into the address."""
from __future__ import annotations

from pathlib import Path

from conftest import REPO
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
    for fragment in ("docs/modules/x.md", "lunch", "opening, break, closing", "role: opening"):
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
