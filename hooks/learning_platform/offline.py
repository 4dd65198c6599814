"""Offline and installable: the web app manifest, what a language's offline
save holds, and the service worker with its version.

The build writes, besides the pages:

    <lang>/manifest.webmanifest  the web app manifest in that language (English:
                                 the site's root), its start_url the language's
                                 home page, its scope the whole site
    <lang>/offline.json          what "keep this language on my phone" downloads:
                                 every file of the language (pages, search index,
                                 catalogue, manifest) and the assets every page
                                 needs, each with its size and the first 16 hex
                                 digits of its SHA-256; the totals; the version
    sw.js                        the service worker, at the site's root (a worker
                                 controls only pages under its own folder, and
                                 GitHub Pages cannot send the header that would
                                 widen that); `VERSION` in its first lines is a
                                 hash of every listed file, so a rebuild that
                                 changes any of them changes the worker's bytes,
                                 and the reader's browser installs the new worker
                                 on the next page view

Why a worker of our own and not Workbox: see `offline-worker.js` beside this
file (the worker's source) and the README ("Offline and installable").

The lists are made in two steps because the fast build writes the languages in
two processes: each process lists its own languages' files once they are
written (`write_language_list`); once both are done, one process adds the
shared assets, the version and the worker (`write_site_files`). Nothing here
imports MkDocs.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import quote

from babel.dates import get_date_format
from babel.numbers import get_decimal_symbol

from .news import LOCALES
from .vocabulary import DEFAULT_LANGUAGE, Vocabulary

MANIFEST_FILE = "manifest.webmanifest"
LIST_FILE = "offline.json"
WORKER_FILE = "sw.js"
WORKER_SOURCE = Path(__file__).with_name("offline-worker.js")
# The icons (drawn in docs/assets/images/icon.svg, rendered by scripts/icons.py).
ICONS = (
    {"src": "assets/images/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "assets/images/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "assets/images/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
)
APPLE_ICON = "assets/images/apple-touch-icon.png"  # iOS reads no manifest icons
THEME_COLOR = "#4051b5"  # Material's indigo, the header's colour
BACKGROUND_COLOR = "#ffffff"

# What a saved language leaves out: files no reader opens (contributors' JSON
# Schemas, sitemaps of pages, feeds, source maps, the 404 page) and the
# theme's own search, which this site does not use (lunr, its worker), and
# the palette stylesheet the site does not link.
_SKIPPED_NAMES = frozenset({"404.html", LIST_FILE, "feed.xml", "sitemap-pages.xml", "robots.txt", "_headers",
                            WORKER_FILE})
_SKIPPED_SUFFIXES = (".map", ".xml.gz")
_SKIPPED_FOLDERS = ("schema/", "assets/javascripts/lunr/", "assets/javascripts/workers/")
_SHARED_FOLDER = "assets/"
# One file in sixteen (by its hash) is compressed to estimate the download:
# gzip at level 6 of every file cost 1 s of CPU at this size and about 6 s at
# 1,000 practices; the ratio within one kind of file is steady enough (a test
# keeps the estimate within a tenth of the exact figure, and the benchmark
# prints both).
_SAMPLE = 16  # of 256: hash's first byte below this
_SAMPLE_AT_LEAST = 16  # files of each kind, whatever their hash (the first, by path)


@dataclass(frozen=True)
class OfflineFile:
    """A file of the site, as the worker fetches and checks it."""

    url: str  # from the site's root, as the reader's browser asks for it ("sq/practices/x/")
    size: int  # bytes, as stored on the phone
    digest: str  # first 16 hex digits of its SHA-256
    kind: str  # html, json, css, js, image, other (for the download estimate)
    packed: int | None  # gzip size, for the files the estimate sampled


# -- the manifest -----------------------------------------------------------------------


def language_root(lang: str) -> str:
    """The language's folder from the site's root: "" for English, "sq/" for Albanian."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def web_app_manifest(vocabulary: Vocabulary, lang: str) -> dict:
    """The manifest of `lang`: its own name, its home page as start_url, the
    whole site as scope (a reader who installed the Albanian app and follows a
    link to the English original stays in the app)."""
    to_root = "../" * language_root(lang).count("/")
    return {
        "id": "./",
        "name": vocabulary.text("site.name", lang),
        "short_name": vocabulary.text("app.short_name", lang),
        "description": vocabulary.text("site.description", lang),
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": to_root or "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{**icon, "src": to_root + icon["src"]} for icon in ICONS],
    }


def write_manifest(site: Path, vocabulary: Vocabulary, lang: str) -> Path:
    path = site / language_root(lang) / MANIFEST_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(web_app_manifest(vocabulary, lang), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


# -- what a language's save holds ------------------------------------------------------------


def _kind(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in ("html", "json", "css", "js"):
        return suffix
    if suffix in ("png", "svg", "jpg", "jpeg", "webp", "gif", "ico"):
        return "image"
    return "other"


def _kept(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    if name in _SKIPPED_NAMES or name.endswith(_SKIPPED_SUFFIXES):
        return False
    if any(relative.startswith(folder) for folder in _SKIPPED_FOLDERS):
        return False
    return not (relative.startswith("assets/stylesheets/palette.") and relative.endswith(".css"))


def _address(relative: str) -> str:
    """The address a reader's browser asks for: pages by their folder."""
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return quote(relative)


def scan(site: Path, folder: str, skip: Iterable[str] = ()) -> list[OfflineFile]:
    """Every kept file under `folder` of the built site (a language's root, or
    the shared assets), leaving out the sub-folders named in `skip` (under the
    English root: the other languages, the assets, the schemas)."""
    skipped = {name.strip("/") for name in skip}
    top = site / folder if folder else site
    paths = []
    for directory, folders, names in os.walk(top):
        here = Path(directory)
        if here == top:
            folders[:] = [name for name in folders if name not in skipped]
        paths += [(here / name).relative_to(site).as_posix() for name in names]
    found: list[OfflineFile] = []
    counts: dict[str, int] = {}
    for relative in sorted(paths):
        if not _kept(relative):
            continue
        content = (site / relative).read_bytes()
        digest = hashlib.sha256(content).hexdigest()[:16]
        kind = _kind(relative)
        counts[kind] = counts.get(kind, 0) + 1
        sampled = int(digest[:2], 16) < _SAMPLE or counts[kind] <= _SAMPLE_AT_LEAST
        packed = len(zlib.compress(content, 6)) + 18 if sampled else None  # + gzip's header and trailer
        found.append(OfflineFile(_address(relative), len(content), digest, kind, packed))
    return found


def language_files(site: Path, lang: str, languages: Iterable[str]) -> list[OfflineFile]:
    """The language's own files: every page of it (translated or an English
    copy), its search index, catalogue, sitemap index and manifest."""
    if lang == DEFAULT_LANGUAGE:
        others = [f"{code}/" for code in languages if code != DEFAULT_LANGUAGE]
        return scan(site, "", skip=[*others, _SHARED_FOLDER, "schema"])
    return scan(site, language_root(lang))


def shared_files(site: Path) -> list[OfflineFile]:
    """What every page of every language needs: stylesheets, scripts, icons."""
    return scan(site, _SHARED_FOLDER)


def estimated_download(files: Iterable[OfflineFile]) -> int:
    """Bytes over a line that compresses (as GitHub Pages does): the sampled
    files' own gzip size, the others at their kind's sampled ratio."""
    files = list(files)
    ratio: dict[str, float] = {}
    for kind in {item.kind for item in files}:
        sample = [item for item in files if item.kind == kind and item.packed is not None]
        stored = sum(item.size for item in sample)
        ratio[kind] = sum(item.packed for item in sample) / stored if stored else 1.0
    return sum(item.packed if item.packed is not None else round(item.size * ratio[item.kind]) for item in files)


def _as_list(lang: str, files: list[OfflineFile], download: int, version: str | None) -> dict:
    return {
        "language": lang,
        "version": version,
        "files": len(files),
        "bytes": sum(item.size for item in files),
        "download": download,
        "entries": [[item.url, item.size, item.digest] for item in files],  # address, bytes, hash
    }


def _kind_of_address(url: str) -> str:
    return "html" if url == "" or url.endswith("/") else _kind(url)


def _read_list(path: Path) -> tuple[list[OfflineFile], int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    files = [OfflineFile(url, size, digest, _kind_of_address(url), None) for url, size, digest in data["entries"]]
    return files, data["download"]


def write_language_list(site: Path, lang: str, languages: Iterable[str]) -> Path:
    """The language's own files, listed once they are written (no version yet:
    `write_site_files` adds the shared assets and the version)."""
    files = language_files(site, lang, languages)
    path = site / language_root(lang) / LIST_FILE
    path.write_text(json.dumps(_as_list(lang, files, estimated_download(files), None),
                               ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def _top_folders(site: Path) -> list[str]:
    return [path.name for path in site.iterdir() if path.is_dir()]


def site_version(lists: Mapping[str, Iterable[OfflineFile]]) -> str:
    """A hash of every listed file of every language: the same site gives the same version."""
    digest = hashlib.sha256()
    for lang in sorted(lists):
        for item in sorted(lists[lang], key=lambda entry: entry.url):
            digest.update(f"{lang}\t{item.url}\t{item.digest}\n".encode("utf-8"))
    return digest.hexdigest()[:16]


# -- the worker ---------------------------------------------------------------------------

WORKER_STRINGS = ("offline.page.title", "offline.page.text", "offline.page.home")


_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.M)
_TRAILING_COMMENT = re.compile(r"^(?P<code>[^\n]*?[;{,(])[ \t]{2,}//[^\n]*$", re.M)


def without_comments(source: str) -> str:
    """The worker as readers download it: its comments (most of the file) left
    out. Only comments that start a line, and those after two spaces at the end
    of a line of code whose quotes are all closed: the source keeps to that."""
    source = _BLOCK_COMMENT.sub("", source)
    source = _LINE_COMMENT.sub("", source)

    def trailing(match: re.Match) -> str:
        code = match.group("code")
        closed = code.count('"') % 2 == 0 and code.count("'") % 2 == 0 and "//" not in code
        return code if closed else match.group(0)

    source = _TRAILING_COMMENT.sub(trailing, source)
    return re.sub(r"\n{2,}", "\n", source).lstrip("\n")


def worker_script(version: str, languages: Iterable[str], vocabulary: Vocabulary, stylesheets: Iterable[str]) -> str:
    """The service worker: its settings, then its source (offline-worker.js)
    without its comments."""
    codes = list(languages)
    strings = {lang: {key.rsplit(".", 1)[-1]: vocabulary.text(key, lang) for key in WORKER_STRINGS} for lang in codes}
    settings = {
        "version": version,
        "defaultLanguage": DEFAULT_LANGUAGE,
        "languages": codes,
        "list": LIST_FILE,
        "stylesheets": list(stylesheets),
        "strings": strings,
    }
    header = ("// Written by the build (hooks/learning_platform/offline.py): edit offline-worker.js there.\n"
              f"var SETTINGS = {json.dumps(settings, ensure_ascii=False, sort_keys=True)};\n")
    return header + without_comments(WORKER_SOURCE.read_text(encoding="utf-8"))


def stylesheets_of(page_html: str) -> list[str]:
    """The site's stylesheets as the home page links them, from the site's root."""
    found = re.findall(r'<link rel="stylesheet" href="(?:\./)?([^"]+)"', page_html)
    return [href for href in found if not href.startswith(("http:", "https:", "/", "../"))]


def write_site_files(site: Path, vocabulary: Vocabulary, languages: Iterable[str]) -> str:
    """Once every language is written: each language's list completed with the
    shared assets and the version, and the worker. Returns the version."""
    codes = [lang for lang in languages if (site / language_root(lang) / LIST_FILE).exists()]
    shared = shared_files(site)
    shared_download = estimated_download(shared)
    own = {lang: _read_list(site / language_root(lang) / LIST_FILE) for lang in codes}
    if DEFAULT_LANGUAGE in own:
        # The root's own files are written again once every language is done
        # (the sitemap index names all six): listed as they are now.
        files, download = own[DEFAULT_LANGUAGE]
        top = {item.url: item for item in scan(site, "", skip=_top_folders(site))}
        own[DEFAULT_LANGUAGE] = ([top.get(item.url, item) if "/" not in item.url else item for item in files], download)
    lists = {lang: own[lang][0] + shared for lang in codes}
    version = site_version(lists)
    for lang in codes:
        completed = _as_list(lang, lists[lang], own[lang][1] + shared_download, version)
        (site / language_root(lang) / LIST_FILE).write_text(
            json.dumps(completed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    home = site / "index.html"
    stylesheets = stylesheets_of(home.read_text(encoding="utf-8")) if home.exists() else []
    (site / WORKER_FILE).write_text(worker_script(version, codes, vocabulary, stylesheets), encoding="utf-8")
    return version


# -- the control on every page ------------------------------------------------------------

# What each button of the control says (the keys are offline.js's actions).
CONTROL_BUTTONS = (
    ("ask", "offline.save"), ("start", "offline.start"), ("cancel", "offline.cancel"),
    ("resume", "offline.resume"), ("remove", "offline.remove"),
)
# What the control may say as it goes (data-say-<name> on the control).
CONTROL_MESSAGES = (
    ("checking", "offline.checking"), ("size", "offline.size"), ("progress", "offline.progress"),
    ("updating", "offline.updating"), ("kept", "offline.kept"), ("partial", "offline.partial"),
    ("removed", "offline.removed"), ("failed-network", "offline.failed.network"),
    ("failed-space", "offline.failed.space"), ("failed-changed", "offline.failed.changed"),
    ("no-network", "offline.no_network"), ("unit", "offline.unit"),
)


def control(vocabulary: Vocabulary, lang: str, to_root: str, worker: bool) -> dict:
    """What the page template needs for the manifest link and the control, from a
    page whose way to the site's root is `to_root` ("../../", or "" at the root).
    Without `worker` (the live preview) the control carries no worker address
    and the page lets go of any worker instead."""
    return {
        "language": lang,
        "manifest": to_root + language_root(lang) + MANIFEST_FILE,
        "list": to_root + language_root(lang) + LIST_FILE,
        "worker": to_root + WORKER_FILE if worker else None,
        "scope": to_root or "./",
        "apple_icon": to_root + APPLE_ICON,
        "theme_color": THEME_COLOR,
        "heading": vocabulary.text("offline.heading", lang),
        "lead": vocabulary.text("offline.lead", lang),
        "buttons": [(action, vocabulary.text(key, lang)) for action, key in CONTROL_BUTTONS],
        "messages": [(name, vocabulary.text(key, lang)) for name, key in CONTROL_MESSAGES] + _date_and_number(vocabulary, lang),
    }


def _date_and_number(vocabulary: Vocabulary, lang: str) -> list[tuple[str, str]]:
    """How the reader's language writes a date and a decimal, for the control:
    phones' browsers do not all carry these (Chromium here has no Albanian or
    Macedonian dates and writes Bosnian ones as "2026 M12 4"). The pattern is
    Babel's; the months are data/ui.yml's date.months, as a date writes them
    (Serbian and Bosnian decline them: 5. децембра 2026.)."""
    locale = LOCALES.get(lang, "en_GB")
    months = vocabulary.text("date.months", lang).split(",")
    return [("months", "|".join(months)),
            ("date-pattern", get_date_format("long", locale=locale).pattern),
            ("decimal", get_decimal_symbol(locale))]
