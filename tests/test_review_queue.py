"""The review queue (issue 17.5): the translations page lists, per language,
the machine drafts and outdated translations in a stated order of priority
(pages learners are sent to first: learning paths, training modules and the
practices they build on; then by the number of actions a page serves; an
outdated translation before a machine draft of equal priority), then the
reviewed pages with their reviewer and the pages not translated.

Expected values are written out here, or read from the pages' front matter
with plain YAML, never from the code that orders the queue."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, REPO
from learning_platform.context import Context
from learning_platform.loading import load_library
from learning_platform.review_queue import review_queue
from learning_platform.status_pages import translations_status
from learning_platform.translations import reviewer_problem

TRANSLATED = ("sq", "mk", "sr", "bs")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def english(folder: str) -> dict[str, dict]:
    return {f"{folder}/{path.name}": front_matter(path) for path in sorted((REPO / "docs" / folder).glob("*.md"))
            if "." not in path.stem and path.stem != "index"}


@pytest.fixture(scope="module")
def library():
    return load_library(REPO / "docs")


def test_modules_and_the_practices_they_build_on_come_first_then_pages_serving_more_actions(library):
    modules, practices = english("modules"), english("practices")
    used = {f"practices/{slug}.md" for module in modules.values() for slug in module.get("practices", [])}
    followed = set(modules) | used
    served = {path: len(set(page["actions"])) for path, page in {**modules, **practices}.items()}
    served.update({path: 1 for path in english("actions")})
    for lang in TRANSLATED:
        queue = [entry.path for entry in review_queue(library, lang)]
        first = queue[:len([path for path in queue if path in followed])]
        assert set(first) == followed & set(queue), lang  # every followed page before any other
        for part in (first, queue[len(first):]):
            counts = [served.get(path, 0) for path in part if path in served]
            assert counts == sorted(counts, reverse=True), (lang, part)


def test_the_queue_starts_with_the_modules_serving_three_actions(library):
    # Read off the modules' front matter: these two name three actions each.
    queue = review_queue(library, "sq")
    assert [entry.path for entry in queue[:2]] == ["modules/readmission-case-processing-workshop.md",
                                                   "modules/regional-information-exchange-on-return-workshop.md"]
    assert [(entry.state, entry.actions, entry.modules) for entry in queue[:1]] == [
        ("machine", 3, ("modules/readmission-case-processing-workshop.md",))]


def test_a_commitment_serves_its_actions_and_an_action_page_one(library):
    queue = {entry.path: entry for entry in review_queue(library, "mk")}
    commitment = front_matter(REPO / "docs/commitments/3.md")
    actions = [path for path, page in english("actions").items() if page.get("commitment") == 3]
    assert commitment["title"] and len(actions) >= 2
    assert queue["commitments/3.md"].actions == len(actions)
    assert queue["actions/16.md"].actions == 1
    assert queue["about.md"].actions == 0


def test_a_page_on_a_learning_path_comes_with_the_pages_learners_are_sent_to(library):
    plain = [entry.path for entry in review_queue(library, "bs")]
    on_path = [entry.path for entry in review_queue(library, "bs", on_paths={"about.md"})]
    assert plain.index("about.md") > plain.index("commitments/3.md")
    assert on_path.index("about.md") < on_path.index("commitments/3.md")
    entry = next(entry for entry in review_queue(library, "bs", on_paths={"about.md"}) if entry.path == "about.md")
    assert entry.on_path and entry.followed


def test_the_translations_page_puts_a_practice_on_a_learning_path_among_the_pages_learners_are_sent_to(library):
    # data/paths.yml sends the interpreters' path through this practice; no module names it.
    ctx = Context(library, "en", "translations.md")
    html = ctx.fragments.fill(translations_status(ctx))
    queue = lxml.html.fromstring(re.search(r'<ol class="review-queue" data-review-queue="bs">.*?</ol>', html,
                                           re.S).group(0))
    items = [(item.xpath("./a[1]/@href")[0], " ".join(item.xpath('./span[@class="review-queue__why"]')[0]
                                                      .text_content().split()))
             for item in queue.xpath("./li")]
    address = "../bs/practices/identification-and-travel-documents-with-countries-of-origin/"
    position = [href for href, _ in items].index(address)
    assert items[position][1] == "Practice · Machine draft · on a learning path · actions served: 3"
    # It comes before every page that no learner is sent to (neither on a path nor in a module).
    first_unfollowed = next(index for index, (_, why) in enumerate(items)
                            if "on a learning path" not in why and "used in a training module" not in why
                            and not why.startswith("Training module"))
    assert position < first_unfollowed


def test_an_outdated_translation_comes_before_a_machine_draft_of_equal_priority(docs_copy):
    before = [entry.path for entry in review_queue(load_library(docs_copy), "sr")]
    # Two modules of three actions each: the second one's English changes.
    first, second = before[:2]
    assert (first, second) == ("modules/readmission-case-processing-workshop.md",
                               "modules/regional-information-exchange-on-return-workshop.md")
    english_file = docs_copy / second
    english_file.write_text(english_file.read_text(encoding="utf-8") + "\nA sentence the translation lacks.\n",
                            encoding="utf-8")
    after = review_queue(load_library(docs_copy), "sr")
    assert [(entry.path, entry.state) for entry in after[:2]] == [(second, "outdated"), (first, "machine")]
    assert [entry.path for entry in after[2:]] == before[2:]


def test_reviewed_pages_leave_the_queue_and_are_listed_with_their_reviewer(docs_copy):
    page = docs_copy / "practices/cultural-mediation.sq.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("translation: machine", 'translation: reviewed\nreviewed_by: "Return unit, Ministry of Interior (Albanian reviewer)"', 1), encoding="utf-8")
    library = load_library(docs_copy)
    assert "practices/cultural-mediation.md" not in [entry.path for entry in review_queue(library, "sq")]
    ctx = Context(library, "en", "translations.md")
    html = ctx.fragments.fill(translations_status(ctx))
    reviewed = re.search(r'{ #language-sq lang=sq }.*?<summary><strong>Reviewed translation</strong> \(1\)</summary>'
                         r"(.*?)</details>", html, re.S)
    assert reviewed, "no reviewed list under Shqip"
    assert ('<a href="../sq/practices/cultural-mediation/" hreflang="sq">Cultural mediation</a> · '
            "Translation reviewed by Return unit, Ministry of Interior (Albanian reviewer).") in reviewed.group(1)


# -- the translations page ---------------------------------------------------------------------------


def test_the_translations_page_states_the_order_of_the_queue_in_every_language(built_site):
    expected = {
        "en": "First the pages learners are sent to",
        "sq": "Së pari faqet ku dërgohen ata që mësojnë",
        "mk": "Прво страниците кон кои се упатуваат оние што учат",
        "sr": "Прво странице на које се упућују полазници обуке",
        "sr-Latn": "Prvo stranice na koje se upućuju polaznici obuke",
        "bs": "Prvo stranice na koje se upućuju polaznici obuke",
    }
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        page = lxml.html.fromstring((built_site / prefix / "translations/index.html").read_text(encoding="utf-8"))
        order = page.xpath('//p[@class="review-queue__order"]')
        assert len(order) == 1 and expected[lang] in order[0].text_content(), lang


def test_each_languages_queue_links_each_page_and_its_side_by_side_view(built_site):
    page = lxml.html.fromstring((built_site / "translations/index.html").read_text(encoding="utf-8"))
    for lang in LANGUAGES[1:]:
        queue = page.xpath(f'//ol[@data-review-queue="{lang}"]/li')
        overview = page.xpath(f'//ul[@class="translation-overview"]/li[a[@lang="{lang}"]]')[0].text_content()
        machine = int(re.search(r"(\d+) Machine draft", overview).group(1))
        outdated = int(re.search(r"(\d+) Translation out of date", overview).group(1))
        assert len(queue) == machine + outdated > 0, lang
        first = queue[0]
        links = first.xpath("./a/@href")
        assert [urljoin("/translations/", href) for href in links] == [
            f"/{lang}/modules/readmission-case-processing-workshop/",
            f"/{lang}/compare/modules/readmission-case-processing-workshop/"]
        assert " ".join(first.xpath('./span[@class="review-queue__why"]')[0].text_content().split()) == \
            "Training module · Machine draft · on a learning path · actions served: 3"
        about = [item for item in queue if item.xpath('./a[1]/@href')[0].endswith(f"/{lang}/about/")][0]
        assert len(about.xpath("./a")) == 1  # no side-by-side view of a page of another kind


# -- marking a page reviewed -------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Return counsellor, native speaker", "IOM Skopje, reintegration team",
                                   "Министарство унутрашњих послова, одсек за реадмисију",
                                   "Caritas Albania", "Sarajevo 2025 review team"])
def test_a_reviewer_recorded_by_organisation_or_role_is_accepted(value):
    assert reviewer_problem(value) is None


@pytest.mark.parametrize("value, problem", [
    ("@ana-petrovic", "names an account (@...)"),
    ("Return unit (@mup-reviewers)", "names an account (@...)"),
    ("Ministry of Interior, www.mup.gov.rs", "holds a web address"),
    ("see https://example.org/team", "holds a web address"),
    ("Caritas Albania (caritas.al)", "holds a web address"),
])
def test_a_reviewer_recorded_by_an_account_or_an_address_is_refused(value, problem):
    assert reviewer_problem(value).startswith(problem)


def test_the_check_refuses_a_reviewer_given_by_an_account_and_says_what_to_write(docs_copy):
    from learning_platform.errors import ContentErrors

    page = docs_copy / "practices/cultural-mediation.bs.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "translation: machine", "translation: reviewed\nreviewed_by: \"@ana-reviewer\"", 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_library(docs_copy)
    report = raised.value.report()
    assert "practices/cultural-mediation.bs.md" in report
    assert "reviewed_by" in report and "@ana-reviewer" in report
    assert "names an account (@...), which leads to a person" in report
    assert 'reviewed_by: "Return counsellor, native speaker"' in report


def test_a_page_marked_reviewed_without_a_reviewer_asks_for_the_organisation_or_role(docs_copy):
    from learning_platform.errors import ContentErrors

    page = docs_copy / "practices/cultural-mediation.bs.md"
    page.write_text(page.read_text(encoding="utf-8").replace("translation: machine", "translation: reviewed", 1),
                    encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_library(docs_copy)
    assert "followed by the organisation that reviewed the translation" in raised.value.report()
