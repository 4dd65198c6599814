"""Links and anchors in the pages, checked from the source files.

MkDocs checks links too, but only while building, once per language, without
a line number, ending in "Aborted with N warnings in strict mode!". Here every
link of every page is checked once per file a contributor wrote, with the
line, and with the contributor's own line corrected where the intended target
can be worked out (a misspelt file name, an address written like the site's
URLs, an anchor with a typo).

The rules are MkDocs' own, as this site configures them (`validation:` in
mkdocs.yml): a link inside the site points at a file under docs/ by its path
relative to the page (`../practices/cultural-mediation.md`), an anchor names
a heading or an element with an `id` on the page in the reader's language (a
translation links into the translation it sits beside). Images come from the
site itself: the site's Content-Security-Policy blocks any other, for every
reader.
"""
from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .errors import ContentError
from .frontmatter import front_matter_end
from .safety import mask_code
from .slugs import heading_slug
from .template_text import example_address
from .validation import page_type

# -- finding links ----------------------------------------------------------------

# Both begin with "[" or "!" ("!" only before "["), so that the regular expression
# engine skips ahead to one; `(?P<image>!?)\[`, the plain way to write it, is tried
# at every position of a page. "image" is "!" for an image, None for a link.
_INLINE = re.compile(
    r"[!\[](?:(?<=(?P<image>!))\[|(?<=\[))(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<plain>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"^[ \t]{0,3}\[(?P<label>[^\]]+)\]:[ \t]*<?(?P<target>[^\s>]+)>?", re.MULTILINE)
_REFERENCE_USE = re.compile(r"[!\[](?:(?<=(?P<image>!))\[|(?<=\[))(?P<text>[^\]\n]*)\]\[(?P<label>[^\]\n]*)\]")
_HTML_LINK = re.compile(r"<(?P<tag>[a-zA-Z][\w-]*)\b[^<>]*?\s(?P<attribute>href|src)\s*=\s*(?P<quote>[\"'])(?P<target>.*?)(?P=quote)",
                        re.DOTALL)


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    image: bool
    written: str  # the link as it stands in the file, to correct it in its line


def links_in(text: str) -> Iterator[Link]:
    """Every link and image of a page (front matter and code left out), with its line."""
    # The same masked text the safety scan made (cached), with the front matter blanked after.
    masked = _blank_front_matter(mask_code(text.replace("\r\n", "\n")))
    definitions = {}
    for match in _REFERENCE.finditer(masked):
        definitions[match.group("label").strip().lower()] = match
    used_as_image = {match.group("label").strip().lower() or match.group("text").strip().lower()
                     for match in _REFERENCE_USE.finditer(masked) if match.group("image")}
    for match in _INLINE.finditer(masked):
        target = match.group("angled") if match.group("angled") is not None else match.group("plain") or ""
        yield Link(_line(masked, match.start()), target, bool(match.group("image")), target)
    for label, match in definitions.items():
        yield Link(_line(masked, match.start("target")), match.group("target"), label in used_as_image,
                   match.group("target"))
    for match in _HTML_LINK.finditer(masked):
        yield Link(_line(masked, match.start("target")), html.unescape(match.group("target")),
                   match.group("tag").lower() == "img" and match.group("attribute").lower() == "src",
                   match.group("target"))


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _blank_front_matter(text: str) -> str:
    end = front_matter_end(text)
    if not end:
        return text
    lines = text.split("\n")
    return "\n" * end + "\n".join(lines[end:])


# Files the build writes that a page may link to like a file of docs/ (MkDocs knows them
# when it checks links). `test_links_know_the_files_the_build_writes` keeps this in step
# with catalogue.CATALOGUE_FILES and feeds.FEED_FILE.
GENERATED_FILES = frozenset({"catalogue/practices.json", "catalogue/practices.csv", "feed.xml"})


# -- anchors ------------------------------------------------------------------------

_ATX = re.compile(r"^[ ]{0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
_ATTR_ID = re.compile(r"\{[:]?[^{}\n]*?#(?P<id>[\w:.-]+)[^{}\n]*\}")
_HEADING_ATTRS = re.compile(r"[ \t]*\{[:]?(?P<attrs>[^{}\n]*)\}[ \t]*$")
_HTML_ID = re.compile(r"<[a-zA-Z][\w-]*\b[^<>]*?\s(?:id|name)\s*=\s*([\"'])(?P<id>.*?)\1", re.DOTALL)
_FOOTNOTE = re.compile(r"^[ ]{0,3}\[\^(?P<label>[^\]]+)\]:", re.MULTILINE)
_INLINE_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"<[^<>]+>")
_COUNTED = re.compile(r"^(.*)_([0-9]+)$")

# Sections the build writes around a page's own text (page_assembly and the
# renderers): a link may point at them too. `test_links` builds the site and
# fails if the build writes a heading id that is not here.
GENERATED_ANCHORS = {
    "practice": ("sources", "contacts", "training-modules-that-teach-this-practice"),
    "module": ("learning-objectives", "agenda", "materials", "sources",
               "self-check", "feedback-form"),  # self_check.SECTION_ID, feedback_form.SECTION_ID
    "news": ("sources",),
    "commitment": ("actions-under-this-commitment",),
    "action": ("practices-for-this-action", "training-modules-for-this-action"),
    "page": (),
}


def anchors_of(text: str, kind: str = "page") -> set[str]:
    """The ids a link may name on a page: headings as the site's table of contents
    names them, ids written in the page, footnotes, and the sections the build adds."""
    masked = _blank_front_matter(mask_code(text.replace("\r\n", "\n")))
    used = {match.group("id") for match in _ATTR_ID.finditer(masked)}
    used |= {html.unescape(match.group("id")) for match in _HTML_ID.finditer(masked)}
    front = "\n".join(text.split("\n")[:front_matter_end(text)])
    has_contacts = bool(re.search(r"^contacts\s*:", front, re.MULTILINE))
    used |= {anchor for anchor in GENERATED_ANCHORS.get(kind, ()) if anchor != "contacts" or has_contacts}
    for label in _FOOTNOTE.findall(masked):
        used |= {f"fn:{label}", f"fnref:{label}"}
    for line in masked.split("\n"):
        match = _ATX.match(line)
        if not match or match.group("text") is None:
            continue
        text = re.sub(r"[ \t]+#+$", "", match.group("text"))
        attrs = _HEADING_ATTRS.search(text)
        if attrs:
            text = text[: attrs.start()]
            if re.search(r"#[\w:.-]+", attrs.group("attrs")):
                continue  # its id is written out, and already counted
        used.add(_unique(heading_slug(_heading_text(text)), used))
    return used


def _heading_text(text: str) -> str:
    """A heading's words as the table of contents reads them (markup dropped)."""
    text = _INLINE_LINK_TEXT.sub(lambda match: match.group(1) or match.group(2) or "", text)
    text = _CODE.sub(lambda match: match.group(2).strip(), text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda match: match.group(2), text)
    return html.unescape(_TAG.sub("", text)).strip()


def _unique(identifier: str, used: set[str]) -> str:
    """Python-Markdown's rule for a second heading of the same name: name_1, name_2."""
    while identifier in used or not identifier:
        match = _COUNTED.match(identifier)
        identifier = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{identifier}_1"
    return identifier


# -- checking ---------------------------------------------------------------------------

IMAGE_ADVICE = ("images come from the site itself: the site's security policy blocks an image from any other "
                "site, for every reader")


def check_links(texts: Mapping[str, str], assets: set[str]) -> list[ContentError]:
    """Every broken link, image and anchor of every page, once per file, with its line."""
    english = {path for path in texts if _language(path) is None}
    anchor_cache: dict[str, set[str]] = {}

    def anchors(path: str) -> set[str]:
        if path not in anchor_cache:
            anchor_cache[path] = anchors_of(texts[path], page_type(path))
        return anchor_cache[path]

    errors = []
    for path, text in texts.items():
        lines = text.replace("\r\n", "\n").split("\n")
        lang = _language(path)
        for link in links_in(text):
            problem = _link_problem(path, lang, link, english, assets, texts, anchors)
            if problem is None:
                continue
            message, corrected, advice = problem
            line_text = lines[link.line - 1] if link.line <= len(lines) else ""
            paste = None
            if corrected is not None and link.written and link.written in line_text:
                paste, advice = corrected_line(line_text, link.written, corrected, advice)
            errors.append(ContentError(path, link.line, "link" if not link.image else "image", link.target,
                                       message, paste, advice if paste is None else None))
    return errors


PASTE_LENGTH = 160  # a longer line (a paragraph) is corrected in words, not pasted whole


def corrected_line(line: str, old: str, new: str, advice: str | None = None) -> tuple[str | None, str | None]:
    """(the line to paste, None), or for a paragraph-long line (None, what to change in it)."""
    fixed = line.replace(old, new, 1).strip()
    if len(fixed) <= PASTE_LENGTH:
        return fixed, advice
    return None, f"in this line, change {old} to {new}"


def _link_problem(path, lang, link, english, assets, texts, anchors):
    """(problem, corrected link or None, advice or None), or None when the link is fine."""
    target = link.target.strip()
    parts = urlsplit(target)
    here = posixpath.dirname(path)
    if parts.scheme or parts.netloc or target.startswith("//"):
        if parts.scheme in ("http", "https") and example_address(target) and not link.image:
            return ("this is an address reserved for examples (example.org and the like), not the page you opened: "
                    "it leads nowhere", None, "copy the address of the real page from the browser's address bar, "
                    "where it is open")
        if link.image and parts.scheme in ("http", "https", "") and (parts.netloc or target.startswith("//")):
            name = posixpath.basename(parts.path) or "image.png"
            local = _relative(here, f"assets/images/{name.lower()}")
            return (IMAGE_ADVICE, None,
                    f"if its licence allows, upload the image as docs/assets/images/{name.lower()} (open that "
                    f"folder on GitHub, Add file, Upload files) and write ![what the image shows]({local}); "
                    "otherwise link to the page that shows it: [what it shows](" + target + ")")
        return None
    if target.startswith(("/", "\\")):
        guess = _guess(path, target.lstrip("/\\"), english, assets, from_root=True)
        return ("links inside the site are written relative to this page's file, so that they work in "
                "every language and in the downloaded preview", guess, None if guess else
                "write the path of the page's .md file from this file's folder, e.g. ../practices/cultural-mediation.md")
    if not parts.path:
        if parts.fragment and parts.fragment not in anchors(_localized(path, lang, texts)):
            return _anchor_problem(path, "", parts, anchors(_localized(path, lang, texts)), "this page")
        return None
    resolved = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
    if resolved.startswith("../") or resolved == "..":
        return ("this link leads out of the site's pages (docs/)", None,
                "link to the page's address on the web instead, starting with https://")
    if resolved.endswith(".md"):
        if _language(resolved) is not None:
            source = resolved.rsplit(".", 2)[0] + ".md"
            if source in english:
                fixed = _relative(here, source) + (f"#{parts.fragment}" if parts.fragment else "")
                return ("link to the English page's file: the site shows it in the reader's language by itself",
                        fixed, None)
        if resolved not in english:
            guess = _guess(path, target, english, assets)
            return (f"there is no page docs/{resolved}", guess,
                    None if guess else "check the file name in docs/ and correct the link")
        if parts.fragment:
            target_path = _localized(resolved, lang, texts)
            if parts.fragment not in anchors(target_path):
                return _anchor_problem(path, _relative(here, resolved), parts, anchors(target_path),
                                       f"docs/{target_path}")
        return None
    if resolved in assets or resolved in GENERATED_FILES:
        return None
    if resolved in english or resolved in texts:
        return None
    guess = _guess(path, target, english, assets)
    what = "image" if link.image else "file or page"
    return (f"there is no {what} docs/{resolved}", guess,
            None if guess else ("upload the image to docs/assets/images/ and link to it from this file's folder"
                                if link.image else "link to the page's .md file, e.g. ../practices/cultural-mediation.md"))


def _anchor_problem(path, written_path, parts, known: set[str], where: str):
    close = difflib.get_close_matches(parts.fragment, sorted(known), n=1, cutoff=0.6)
    fixed = f"{written_path}#{close[0]}" if close else None
    listed = ", ".join(f"#{anchor}" for anchor in sorted(known) if not anchor.startswith("fn"))[:400]
    return (f"{where} has no section #{parts.fragment}" + (f"; its sections: {listed}" if listed else ""),
            fixed, None if fixed else "link to one of those sections, or to the page without #...")


def _guess(path: str, raw: str, english: set[str], assets: set[str], from_root: bool = False) -> str | None:
    """The link the contributor most likely meant, relative to `path`'s folder, or None.

    Tried in order: the path as a folder or a page without .md (`../practices/x/`
    for `../practices/x.md`), the path as if written from the page's address
    rather than its file (the site shows practices/x.md at practices/x/), and a
    file name one or two letters away from an existing one."""
    here = posixpath.dirname(path)
    raw_path, _, fragment = raw.partition("#")
    raw_path = unquote(raw_path.split("?", 1)[0])
    suffix = f"#{fragment}" if fragment else ""
    page_url = posixpath.join(here, posixpath.basename(path)[:-3]) if not path.endswith("index.md") else here
    bases = [raw_path] if from_root else [posixpath.join(here, raw_path), posixpath.join(page_url, raw_path)]
    for base in bases:
        base = posixpath.normpath(base or ".")
        if base.startswith(".."):
            continue
        base = base.removesuffix(".html").removesuffix("/index").removesuffix("index")
        base = base.strip("/") or "index"
        for candidate in (base, f"{base}.md", f"{base}/index.md"):
            if candidate in english or candidate in assets:
                return _relative(here, candidate) + suffix
    resolved = posixpath.normpath(posixpath.join(here, raw_path)) if not from_root else posixpath.normpath(raw_path)
    wanted = resolved if posixpath.splitext(resolved)[1] else f"{resolved.rstrip('/')}.md"
    close = difflib.get_close_matches(wanted, sorted(english | assets), n=1, cutoff=0.85)
    if close:
        return _relative(here, close[0]) + suffix
    return None


def _relative(from_folder: str, target: str) -> str:
    return posixpath.relpath(target, from_folder or ".")


def _language(path: str) -> str | None:
    stem = path[:-3] if path.endswith(".md") else path
    name = stem.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[1] if "." in name else None


def _localized(english_path: str, lang: str | None, texts: Mapping[str, str]) -> str:
    """The file a reader in `lang` sees for an English page: its translation, or the English page."""
    if lang is None:
        return english_path if english_path in texts else english_path
    if _language(english_path) is not None:
        return english_path
    translated = f"{english_path[:-3]}.{lang}.md"
    return translated if translated in texts else english_path


# -- unencrypted addresses ------------------------------------------------------------------

# \bhttps?://..., case ignored, written to begin with the letter (its \b as a lookbehind after
# it) so that the engine skips ahead to an h instead of trying every position of every page.
_ADDRESS = re.compile(r"[hH](?<!\w[hH])(?i:ttps?)://[^\s<>()\[\]\"'`]+")


def insecure_addresses(texts: Mapping[str, str]) -> list[ContentError]:
    """Every http:// address of the pages, as a notice (not an error): with the
    contributor's line in https:// when the same site is cited with https://
    elsewhere (so the https:// form exists), else asking them to try it."""
    secure_hosts = set()
    for text in texts.values():
        if "https://" in text:
            secure_hosts |= {urlsplit(found).hostname or "" for found in _ADDRESS.findall(text)
                             if found.lower().startswith("https://")}
    notices = []
    for path, text in texts.items():
        if "http://" not in text.lower():
            continue
        lines = text.replace("\r\n", "\n").split("\n")
        shown = mask_code(text.replace("\r\n", "\n")).split("\n")  # an address in a code example is an example
        for number, line in enumerate(lines, start=1):
            for found in _ADDRESS.findall(shown[number - 1] if number <= len(shown) else line):
                if not found.lower().startswith("http://"):
                    continue
                secure = "https://" + found[len("http://"):]
                host = urlsplit(found).hostname or ""
                problem = ("this address starts with http://, so readers open it without encryption (browsers "
                           "warn, and a network on the way can change what they see)")
                if host in secure_hosts:
                    paste, advice = corrected_line(line, found, secure)
                    notices.append(ContentError(
                        path, number, "address", found,
                        problem + f"; {host} is cited with https:// on other pages, so its https:// form exists",
                        paste, advice))
                else:
                    notices.append(ContentError(
                        path, number, "address", found, problem,
                        advice=f"open {secure}: if it shows the same page, write the address with https://"))
    return notices
