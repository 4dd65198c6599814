"""The practice finder: the practices section's main page.

Without JavaScript it is the complete list of practices grouped by action,
each with its summary. With JavaScript (docs/assets/javascripts/finder.js)
the same page becomes a set of combined filters (commitment, action, partner,
target group, kind, GCM objective, audience, stage) over a list of cards,
with a count on every value and the filters in the address.

The filters read what the build writes into the cards: each practice's first
card carries its codes as data attributes, taken from the catalogue's records
(`catalogue.catalogue_records`), so the open data and the finder cannot disagree.
"""
from __future__ import annotations

from typing import Any, Iterable

from .catalogue import catalogue_records
from .context import Context, esc
from .urls import anchor

# (filter name in the address, catalogue field, vocabulary, label key)
FACETS = (
    ("commitment", "commitments", None, "finder.facet.commitment"),
    ("action", "actions", None, "finder.facet.action"),
    ("partner", "partners", "partners", "finder.facet.partner"),
    ("group", "target_groups", "target_groups", "finder.facet.group"),
    ("audience", "audience", "audiences", "finder.facet.audience"),
    ("stage", "stage", "stages", "finder.facet.stage"),
    ("kind", "kind", "kinds", "finder.facet.kind"),
    ("gcm", "gcm_objectives", "gcm_objectives", "finder.facet.gcm"),
)
FINDER_STRINGS = ("finder.count", "finder.count.one", "finder.count.none", "finder.reset", "finder.label",
                  "finder.results", "finder.chosen")


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
    return [(str(code), ctx.label(vocabulary, code)) for code in codes]


def _data(record: dict[str, Any], field: str) -> str:
    value = record[field]
    return " ".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _card(ctx: Context, record: dict[str, Any], with_data: bool) -> str:
    data = ""
    if with_data:
        data = f' data-practice="{esc(record["slug"])}"' + "".join(
            f' data-{name}="{esc(_data(record, field))}"' for name, field, _v, _k in FACETS)
    href = ctx.href("practices/" + record["slug"] + ".md")
    return (f'<li class="card"{data}><p class="card__title"><a href="{esc(href)}">'
            f'{esc(record["title"])}</a></p>'
            f'<p class="card__meta"><span class="card__kind">{esc(record["kind_label"])}</span> '
            f'<span class="card__actions">{esc(ctx.actions_short(record["actions"]))}</span></p>'
            f'<p class="card__summary">{esc(record["summary"])}</p></li>')


def practice_finder(ctx: Context) -> str:
    library = ctx.library
    records = sorted(catalogue_records(library, ctx.lang), key=lambda r: r["title"].casefold())
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
    form = (f'<form class="finder__form" hidden aria-label="{esc(ctx.t("finder.label"))}">'
            + "".join(facets)
            + f'<div class="finder__bar"><p class="finder__status" role="status" aria-live="polite"></p>'
              f'<button type="reset" class="finder__reset md-button">{esc(ctx.t("finder.reset"))}</button></div></form>'
              f'<ol class="finder__results cards" hidden aria-label="{esc(ctx.t("finder.results"))}"></ol>')
    parts = [ctx.html(f'<div class="finder" data-finder{strings}>{form}<div class="finder__all">'),
             ctx.heading(2, ctx.t("finder.all.heading"), "practices-by-action"),
             ctx.html(f"<p>{esc(ctx.t('practices.count', count=len(records)))}</p>")]
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
            cards.append(_card(ctx, record, record["slug"] not in seen))
            seen.add(record["slug"])
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
