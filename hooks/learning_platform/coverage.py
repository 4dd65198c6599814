"""Where the practices are, and where the gaps are: a heatmap of practices per
action and partner, drawn at build time as an HTML table that fits a phone,
and a compact strip of the 21 actions for the home page.

Every number links to the practice finder filtered to its action and partner;
colour is never the only sign: each cell shows its number, and a gap is
marked as one in text."""
from __future__ import annotations

from .context import Context, esc
from .urls import COVERAGE


def heat_level(count: int) -> int:
    """0 for a gap; 1, 2, 3 (3 or 4) and 4 (5 or more) for growing coverage."""
    return 0 if count == 0 else 1 if count == 1 else 2 if count == 2 else 3 if count <= 4 else 4


def _legend(ctx: Context) -> str:
    steps = [(0, ctx.t("heatmap.legend.gap")), (1, "1"), (2, "2"), (3, "3-4"), (4, "5+")]
    entries = "".join(f'<li><span class="heat heat-{level}" aria-hidden="true"></span> {esc(text)}</li>'
                      for level, text in steps)
    return f'<ul class="heatmap__legend" aria-label="{esc(ctx.t("heatmap.legend"))}">{entries}</ul>'


def _partner_heading(ctx: Context, code: str) -> str:
    """A partner's code, its name a tap away. Kosovo's asterisk, which points to
    the footnote, goes on the code and not again after the name ("XK*", whose
    meaning reads "Kosovo", not "XK (Kosovo*)*")."""
    name = ctx.label("partners", code)
    marked = name.endswith("*")
    return (f'<th scope="col"><abbr title="{esc(name.rstrip("*"))}">{code}{"*" if marked else ""}</abbr></th>')


def action_heading(ctx: Context, action) -> str:
    """A row's heading: the action's number and short name, linked to the action;
    its full title for a mouse pointer and for screen readers."""
    names = ctx.library.vocabulary.action_names
    name = ctx.label("action_names", action.number) if action.number in names else ctx.title(action)
    label = ctx.t("label.action", number=action.number)
    return (f'<th scope="row"><a href="{esc(ctx.href(action.path))}" title="{esc(ctx.title(action))}">'
            f'<span class="sr-only">{esc(label)}: </span><span class="heatmap__number" aria-hidden="true">'
            f'{action.number}</span> <span class="heatmap__name">{esc(name)}</span></a></th>')


def coverage_heatmap(ctx: Context) -> str:
    """Actions × partners: each count links to the finder; gaps show."""
    library = ctx.library
    partners = list(library.vocabulary.partners)
    head = "".join(_partner_heading(ctx, code) for code in partners)
    rows = []
    gaps = []
    for commitment in library.commitments.values():
        rows.append(f'<tr class="heatmap__group"><th colspan="{len(partners) + 2}" scope="colgroup">'
                    f"{ctx.a(ctx.t('label.commitment', number=commitment.number) + ': ' + ctx.title(commitment), commitment.path)}"
                    "</th></tr>")
        for action in library.actions.values():
            if action.commitment != commitment.number:
                continue
            practices = library.practices_for_action(action.number)
            if not practices:
                gaps.append(action.number)
            cells = [action_heading(ctx, action)]
            for code in partners:
                count = sum(1 for p in practices if code in p.partners)
                cells.append(_cell(ctx, count, ctx.t("heatmap.cell", action=action.number,
                                                     partner=ctx.label("partners", code), count=count),
                                   action=action.number, partner=code))
            cells.append(_cell(ctx, len(practices), ctx.t("heatmap.cell.all", action=action.number,
                                                          count=len(practices)),
                               action=action.number, total=True))
            rows.append("<tr>" + "".join(cells) + "</tr>")
    summary = ctx.t("heatmap.summary", covered=len(library.actions) - len(gaps), actions=len(library.actions),
                    practices=len(library.practices))
    gap_text = (ctx.t("heatmap.gaps", numbers=", ".join(str(n) for n in gaps)) if gaps else ctx.t("heatmap.no_gaps"))
    table = (f'<div class="heatmap"><table class="heatmap__table"><caption class="sr-only">{esc(ctx.t("matrix.heading"))}</caption>'
             f'<thead><tr><th scope="col">{esc(ctx.t("matrix.column.action"))}</th>{head}'
             f'<th scope="col"><abbr title="{esc(ctx.t("matrix.column.all"))}">{esc(ctx.t("heatmap.column.all"))}</abbr></th>'
             '</tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    return (ctx.heading(2, ctx.t("matrix.heading"), "practices-per-action-and-partner")
            + ctx.html(f"<p>{esc(ctx.t('matrix.explanation'))}</p>"
                       f'<p class="heatmap__summary">{esc(summary)} {esc(gap_text)}</p>'
                       + _legend(ctx) + table
                       + '<p class="heatmap__partners">'
                       + " · ".join(f"<strong>{code}</strong> {esc(ctx.label('partners', code))}" for code in partners)
                       + "</p>"))


def _cell(ctx: Context, count: int, label: str, total: bool = False, **filters) -> str:
    level = heat_level(count)
    css = f"heat heat-{level}" + (" heat--total" if total else "") + (" coverage-gap" if count == 0 else "")
    if count == 0:
        return f'<td class="{css}" title="{esc(label)}"><span aria-hidden="true">·</span><span class="sr-only">{esc(label)}</span></td>'
    return (f'<td class="{css}"><a href="{esc(ctx.finder_href(**filters))}" title="{esc(label)}" '
            f'aria-label="{esc(label)}">{count}</a></td>')


def coverage_strip(ctx: Context) -> str:
    """The home page's compact view: the 21 actions by commitment, coloured by
    how many practices serve each, every square a link to those practices."""
    library = ctx.library
    groups = []
    for commitment in library.commitments.values():
        squares = []
        for action in library.actions.values():
            if action.commitment != commitment.number:
                continue
            count = len(library.practices_for_action(action.number))
            label = ctx.t("heatmap.cell.all", action=action.number, count=count)
            if count:
                squares.append(f'<li class="heat heat-{heat_level(count)}"><a href="{esc(ctx.finder_href(action=action.number))}" '
                               f'title="{esc(label)}" aria-label="{esc(label)}">{action.number}</a></li>')
            else:
                squares.append(f'<li class="heat heat-0 coverage-gap" title="{esc(label)}">'
                               f'<span aria-hidden="true">{action.number}</span><span class="sr-only">{esc(label)}</span></li>')
        groups.append(f'<div class="strip__group"><p class="strip__label">'
                      f"{ctx.a(ctx.t('label.commitment', number=commitment.number) + ': ' + ctx.title(commitment), commitment.path)}"
                      f'</p><ul class="strip">{"".join(squares)}</ul></div>')
    gaps = [n for n in library.actions if not library.practices_for_action(n)]
    summary = ctx.t("heatmap.summary", covered=len(library.actions) - len(gaps), actions=len(library.actions),
                    practices=len(library.practices))
    return (ctx.heading(2, ctx.t("home.coverage.heading"), "where-the-practices-are")
            + ctx.html(f'<p>{esc(summary)} {ctx.a(ctx.t("home.coverage.link"), COVERAGE)}</p>'
                       + "".join(groups) + _legend(ctx)))
