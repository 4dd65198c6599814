"""What a trainer needs for a module, in two lists: what the module supplies
(each linked to the section or page that holds it, to print) and what the
trainer brings or prepares (a flip chart, the national referral contacts)."""
from __future__ import annotations

from typing import Sequence

from .context import Context, esc
from .model import Material, Module
from .module_rules import GENERATED_SECTIONS, MODULE_PAGES
from .urls import relative_url, url_of
from .vocabulary import DEFAULT_LANGUAGE


def material_href(ctx: Context, module: Module, material: Material) -> str | tuple[str, str] | None:
    """Where a supplied material is, from the module's page (a translation that
    does not have the section yet links it on the English page: (address, "en"))."""
    if material.section:
        if material.section not in GENERATED_SECTIONS and ctx.lang != DEFAULT_LANGUAGE:
            library = ctx.library
            translation = library.translation(module.path, library.vocabulary.language(ctx.lang).generated_from
                                              or ctx.lang)
            if translation is not None and material.section not in translation.sections:
                english = relative_url(ctx.page_url, url_of(module.path, DEFAULT_LANGUAGE))
                return f"{english}#{material.section}", DEFAULT_LANGUAGE
        return f"#{material.section}"
    if material.page in MODULE_PAGES:  # the module's own generated page (participants.py)
        return f"{material.page}/"
    return ctx.href(material.page)


def materials_list(ctx: Context, module: Module, materials: Sequence[Material]) -> str:
    supplied = [m for m in materials if m.supplied]
    brought = [m for m in materials if not m.supplied]
    parts = []
    if supplied:
        items = "".join(_item(m.name, material_href(ctx, module, m)) for m in supplied)
        parts.append(f'<p class="materials__lead">{esc(ctx.t("materials.supplied"))}</p>'
                     f'<ul class="materials materials--supplied">{items}</ul>')
    if brought:
        items = "".join(f"<li>{esc(m.name)}</li>" for m in brought)
        parts.append(f'<p class="materials__lead">{esc(ctx.t("materials.brought"))}</p>'
                     f'<ul class="materials materials--brought">{items}</ul>')
    return "".join(parts)


def _item(name: str, href: str | tuple[str, str] | None) -> str:
    if not href:
        return f"<li>{esc(name)}</li>"
    if isinstance(href, tuple):  # on the English page: the link says so
        address, lang = href
        return f'<li><a href="{esc(address)}" hreflang="{lang}">{esc(name)}</a></li>'
    return f'<li><a href="{esc(href)}">{esc(name)}</a></li>'


def sheet_sections(module: Module) -> tuple[str, ...]:
    """The sections of a module's page that are sheets to print and hand out."""
    return tuple(material.section for material in module.materials if material.section)


def mark_material_sheets(page_html: str, sections: Sequence[str]) -> str:
    """Each material's heading marked `material-sheet`: in print it starts a new page."""
    for section in sections:
        page_html = page_html.replace(f'<h2 id="{section}">', f'<h2 class="material-sheet" id="{section}">', 1)
    return page_html
