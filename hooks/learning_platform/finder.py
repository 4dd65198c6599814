"""The practice finder: the practices section's main page.

Without JavaScript it is the complete list of practices and training modules
grouped by action, each with its summary, under a plain note that the
filters need JavaScript (a filtered link, such as a heatmap cell, then shows
this whole list, and says why). With JavaScript
(docs/assets/javascripts/finder.js) the same page becomes a set of combined
filters over a list of cards, with a count on every value, the filters in the
address, and the number of matching pages with a way to them in a bar that
stays in view on a phone.

The filters come in the reader's order: who they are, where the case is,
who it concerns, then the rest. Training modules are found beside practices,
each labelled: a module carries its own audience and actions, and the people
concerned and stages of the practices it teaches.

The filters read what the build writes into the cards: each page's first
card carries its codes as data attributes, a practice's taken from the
catalogue's records (`catalogue.catalogue_records`), so the open data and the
finder cannot disagree.
"""
from __future__ import annotations

from typing import Any, Iterable

from .catalogue import catalogue_records
from .context import Context, esc
from .urls import PRACTICES_INDEX, anchor

# (filter name in the address, catalogue field, vocabulary, label key), in the
# order a practitioner thinks of a case: role, stage, people, then the rest.
FACETS = (
    ("audience", "audience", "audiences", "finder.facet.audience"),
    ("stage", "stage", "stages", "finder.facet.stage"),
    ("group", "target_groups", "target_groups", "finder.facet.group"),
    ("partner", "partners", "partners", "finder.facet.partner"),
    ("kind", "kind", "kinds", "finder.facet.kind"),
    ("action", "actions", None, "finder.facet.action"),
    ("commitment", "commitments", None, "finder.facet.commitment"),
    ("gcm", "gcm_objectives", "gcm_objectives", "finder.facet.gcm"),
)
# A training module's value under "kind", after the kinds of practice.
MODULE_KIND = "module"
FINDER_STRINGS = ("finder.count", "finder.count.one", "finder.count.none", "finder.count.parts", "finder.reset",
                  "finder.label", "finder.results", "finder.chosen")


def _values(ctx: Context, name: str, vocabulary: str | None) -> list[tuple[str, str]]:
    """(code, label) of every value a filter offers, in the vocabulary's order."""
    library = ctx.library
    if name == "commitment":
        return [(str(n), f"{n}: {ctx.title(c)}") for n, c in library.commitments.items()]
    if name == "action":
        return [(str(n), f"{n}: {ctx.title(a)}") for n, a in library.actions.items()]
    codes = getattr(library.vocabulary, vocabulary)
    if name == "gcm":
        return [(str(n), f"{n}: {ctx.label(vocabulary, n)}") for n in codes]
    values = [(str(code), ctx.label(vocabulary, code)) for code in codes]
    if name == "kind":
        values.append((MODULE_KIND, ctx.t("search.kind.module")))
    return values


def module_records(ctx: Context) -> list[dict[str, Any]]:
    """A training module as the finder files it: its own audience and actions;
    the people concerned and the stages of the practices it teaches."""
    library, records = ctx.library, []
    for module in library.modules.values():
        taught = [library.practices[slug] for slug in module.practices if slug in library.practices]
        records.append({
            "slug": module.slug, "path": module.path, "title": ctx.title(module), "summary": ctx.summary(module),
            "kind": MODULE_KIND, "kind_label": ctx.t("search.kind.module"),
            "actions": list(module.actions),
            "commitments": sorted({library.official.commitment_of(n) for n in module.actions}),
            "partners": [], "gcm_objectives": [],
            "audience": list(module.audience),
            "target_groups": _union(practice.target_groups for practice in taught),
            "stage": _union(practice.stage for practice in taught),
        })
    return records


def _union(lists) -> list[str]:
    return list(dict.fromkeys(code for codes in lists for code in codes))


def _data(record: dict[str, Any], field: str) -> str:
    value = record[field]
    return " ".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _card(ctx: Context, record: dict[str, Any], with_data: bool) -> str:
    module = record["kind"] == MODULE_KIND
    data = ""
    if with_data:
        data = f' data-{"module" if module else "practice"}="{esc(record["slug"])}"' + "".join(
            f' data-{name}="{esc(_data(record, field))}"' for name, field, _v, _k in FACETS)
    href = ctx.href(record["path"] if module else "practices/" + record["slug"] + ".md")
    kind = ' card__kind--module' if module else ""
    return (f'<li class="card"{data}><p class="card__title"><a href="{esc(href)}">'
            f'{esc(record["title"])}</a></p>'
            f'<p class="card__meta"><span class="card__kind{kind}">{esc(record["kind_label"])}</span> '
            f'<span class="card__actions">{esc(ctx.actions_short(record["actions"]))}</span></p>'
            f'<p class="card__summary">{esc(record["summary"])}</p></li>')


def practice_finder(ctx: Context) -> str:
    library = ctx.library
    practices = catalogue_records(library, ctx.lang)
    modules = module_records(ctx)
    records = sorted(practices + modules, key=lambda r: r["title"].casefold())
    strings = "".join(f' data-{key.split(".", 1)[1].replace(".", "-")}="{esc(ctx.t(key))}"' for key in FINDER_STRINGS)
    facets = []
    for name, _field, vocabulary, label_key in FACETS:
        label = ctx.t(label_key)
        options = "".join(
            f'<label class="finder__option"><input type="checkbox" name="{name}" value="{esc(code)}">'
            f'<span class="finder__label">{esc(text)}</span> <span class="finder__n" aria-hidden="true"></span></label>'
            for code, text in _values(ctx, name, vocabulary))
        facets.append(
            f'<details class="wb-details finder__facet" data-facet="{name}"><summary>{esc(label)}'
            f' <span class="finder__chosen"></span></summary>'
            f'<fieldset><legend class="sr-only">{esc(label)}</legend>{options}</fieldset></details>')
    # The bar with the count, the way to the results and the reset stays in
    # view (sticky) from the first filter to the last result.
    form = (f'<form class="finder__form" id="finder-form" hidden aria-label="{esc(ctx.t("finder.label"))}">'
            + "".join(facets) + "</form>"
            + f'<div class="finder__bar" hidden><p class="finder__status" role="status" aria-live="polite"></p>'
              f'<a class="finder__show md-button md-button--primary" href="#finder-results">{esc(ctx.t("finder.show"))}</a>'
              f'<button type="reset" form="finder-form" class="finder__reset md-button">{esc(ctx.t("finder.reset"))}</button></div>'
              f'<ol class="finder__results cards" id="finder-results" tabindex="-1" hidden'
              f' aria-label="{esc(ctx.t("finder.results"))}"></ol>')
    nojs = f'<noscript><p class="finder__nojs" role="note">{esc(ctx.t("finder.nojs"))}</p></noscript>'
    parts = [ctx.html(f'<div class="finder" data-finder{strings}>{nojs}{form}<div class="finder__all">'),
             ctx.heading(2, ctx.t("finder.all.heading"), "practices-by-action"),
             ctx.html(f"<p>{esc(ctx.t('finder.all.count', practices=len(practices), modules=len(modules)))}</p>")]
    seen: set[str] = set()
    for number, action in library.actions.items():
        members = [r for r in records if number in r["actions"]]
        parts.append(ctx.heading(3, f"{ctx.t('label.action', number=number)}: {ctx.title(action)} ({len(members)})",
                                 anchor("action", number)))
        if not members:
            parts.append(ctx.html(f'<p class="finder__none">{esc(ctx.t("practices.none"))}</p>'))
            continue
        cards = []
        for record in members:
            key = (record["kind"] == MODULE_KIND, record["slug"])
            cards.append(_card(ctx, record, key not in seen))
            seen.add(key)
        parts.append(ctx.html(f'<ul class="cards">{"".join(cards)}</ul>'))
    parts.append(ctx.html("</div></div>"))
    return "".join(parts)


def finder_values(records: Iterable[dict[str, Any]], field: str) -> set[str]:
    """Every value of one field across records (for tests and the heatmap)."""
    found: set[str] = set()
    for record in records:
        value = record[field]
        found.update(str(v) for v in (value if isinstance(value, list) else [value]))
    return found


def finder_entry(ctx: Context) -> str:
    """The home page's way into the finder, on its first screen: the finder
    itself, or straight to the practices and modules for the reader's role."""
    roles = "".join(f'<li><a href="{esc(ctx.finder_href(audience=code))}">{esc(ctx.label("audiences", code))}</a></li>'
                    for code in ctx.library.vocabulary.audiences)
    return (f'<nav class="home-finder" aria-label="{esc(ctx.t("home.finder.label"))}">'
            f'<p class="home-finder__lead"><a class="md-button md-button--primary" href="{esc(ctx.href(PRACTICES_INDEX))}">'
            f'{esc(ctx.t("home.finder.button"))}</a></p>'
            f'<details class="wb-details home-finder__roles"><summary>{esc(ctx.t("home.finder.roles"))}</summary>'
            f'<ul>{roles}</ul></details></nav>')
