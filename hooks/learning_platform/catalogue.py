"""The open-data catalogue: every practice, per language, as JSON and CSV.

Its records are also what the practice finder filters (`finder.py`): one
source for the open data and the finder, so they cannot disagree.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from .context import Context, esc, table
from .model import Library, Practice
from .urls import url_of

CATALOGUE_FILES = ("catalogue/practices.json", "catalogue/practices.csv")

# Field → meaning (in English; data/ui.yml has it in every language as
# `catalogue.field.<name>`). The JSON file carries this table.
FIELDS = {
    "slug": "Identifier of the practice, the name of its file.",
    "language": "Language code of this catalogue.",
    "translation_state": "missing, machine, outdated or reviewed (English pages are reviewed).",
    "title": "Title in this language (English when not translated).",
    "summary": "One or two sentences, in this language where translated.",
    "kind": "Kind of practice (code).",
    "kind_label": "Kind of practice, in words.",
    "actions": "Actions of the Action Plan 2023-2025 the practice serves (1-21).",
    "commitments": "Skopje Declaration commitments of those actions (1-3).",
    "partners": "Western Balkans partners named (AL, BA, XK, ME, MK, RS; XK: Kosovo*).",
    "target_groups": "Groups the practice is for (codes).",
    "gcm_objectives": "Global Compact for Migration objectives (1-23).",
    "audience": "Who does this work (codes of the audiences vocabulary).",
    "stage": "Where in a case the practice applies (codes of the stages vocabulary).",
    "sources": "Public sources cited: title and web address.",
    "updated": "Date of the last change (ISO 8601).",
    "url": "Address of the page in this language.",
}
_LIST_FIELDS = ("actions", "commitments", "partners", "target_groups", "gcm_objectives", "audience", "stage")


def catalogue_records(library: Library, lang: str, base_url: str = "/") -> list[dict[str, Any]]:
    """One record per practice, in `lang`, sorted by slug."""
    return [_record(library, practice, lang, base_url) for practice in library.practices.values()]


def _record(library: Library, practice: Practice, lang: str, base_url: str) -> dict[str, Any]:
    vocabulary = library.vocabulary
    return {
        "slug": practice.slug,
        "language": lang,
        "translation_state": library.translation_state(practice.path, lang),
        "title": library.title(practice, lang),
        "summary": library.summary(practice, lang),
        "kind": practice.kind,
        "kind_label": vocabulary.label("kinds", practice.kind, lang),
        "actions": list(practice.actions),
        "commitments": sorted({library.official.commitment_of(n) for n in practice.actions}),
        "partners": list(practice.partners),
        "target_groups": list(practice.target_groups),
        "gcm_objectives": list(practice.gcm_objectives),
        "audience": list(practice.audience),
        "stage": list(practice.stage),
        "sources": [{"title": s.title, "url": s.url} for s in practice.sources],
        "updated": practice.updated.isoformat(),
        "url": base_url.rstrip("/") + "/" + url_of(practice.path, lang),
    }


def catalogue_json(library: Library, lang: str, base_url: str = "/") -> str:
    records = catalogue_records(library, lang, base_url)
    document = {
        "language": lang,
        "count": len(records),
        "fields": FIELDS,
        "footnotes": {"XK": vocabulary_footnote(library, lang)},
        "practices": records,
    }
    # Compact: json's fast C encoder is not used when indenting.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def vocabulary_footnote(library: Library, lang: str) -> str:
    return library.vocabulary.footnote("kosovo", lang)


def catalogue_csv(library: Library, lang: str, base_url: str = "/") -> str:
    """CSV for spreadsheets: lists joined with ";", sources as "title <url>" joined with " | "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in catalogue_records(library, lang, base_url):
        row = []
        for name in FIELDS:
            value = record[name]
            if name in _LIST_FIELDS:
                value = ";".join(str(item) for item in value)
            elif name == "sources":
                value = " | ".join(f"{s['title']} <{s['url']}>" for s in value)
            row.append(_spreadsheet_safe(str(value)))
        writer.writerow(row)
    # A byte-order mark lets spreadsheet programs read Cyrillic and diacritics correctly.
    return "\ufeff" + buffer.getvalue()


def _spreadsheet_safe(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def catalogue_page(ctx: Context) -> str:
    json_path, csv_path = CATALOGUE_FILES
    downloads = (
        f"<p>{esc(ctx.t('catalogue.count', count=len(ctx.library.practices)))}</p><ul>"
        f'<li><a href="{esc(ctx.href(json_path))}" download>{esc(ctx.t("catalogue.json"))}</a></li>'
        f'<li><a href="{esc(ctx.href(csv_path))}" download>{esc(ctx.t("catalogue.csv"))}</a></li></ul>'
    )
    fields = table([ctx.t("catalogue.column.field"), ctx.t("catalogue.column.meaning")],
                   ([f"<code>{name}</code>", esc(ctx.t(f"catalogue.field.{name}"))] for name in FIELDS))
    return (ctx.heading(2, ctx.t("catalogue.heading"), "download-the-catalogue") + ctx.html(downloads)
            + ctx.heading(2, ctx.t("catalogue.fields.heading"), "fields") + ctx.html(fields))
