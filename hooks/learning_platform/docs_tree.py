"""Every file under `docs/`: a page, an asset, or refused by name.

The contract (CONTENT_MODEL.md): a file under `docs/` is a page (a lower-case
`.md` outside `docs/assets/`), which every rule checks, or an asset under
`docs/assets/` of a listed type, whose text files are scanned too. Anything
else would be copied into the site unchecked (MkDocs copies what it does not
know), so it is refused by name, with what to do in GitHub's web editor.

A file that is not UTF-8 (a page saved in Windows-1250 by an older editor) is
named with its encoding problem and the line where it shows, never a traceback.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import ContentError
from .slugs import file_slug
from .vocabulary import DEFAULT_LANGUAGE, Vocabulary

ASSETS = "assets"
# What docs/assets/ may hold. Text files are scanned for personal data.
TEXT_ASSET_TYPES = ("css", "js", "json", "svg", "webmanifest")
BINARY_ASSET_TYPES = ("png", "jpg", "jpeg", "gif", "webp", "avif", "ico")
ASSET_TYPES = TEXT_ASSET_TYPES + BINARY_ASSET_TYPES
IMAGE_TYPES = ("png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico")
MARKDOWN_LIKE = ("md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "txt", "text", "")
DOCUMENT_TYPES = ("doc", "docx", "odt", "rtf", "pdf", "ppt", "pptx", "odp", "xls", "xlsx", "ods", "pages")
# What a computer or an editor leaves beside the files it touches.
SYSTEM_FILES = re.compile(r"^(?:\.DS_Store|Thumbs\.db|desktop\.ini|~\$.*|\..*\.swp|.*~|\._.*)$", re.IGNORECASE)

# A language code in a file name that is not one of the site's: what was meant.
COUNTRY_CODES = {
    "ba": ("bs", "'ba' is the country code of Bosnia and Herzegovina; the language code of Bosnian is 'bs'"),
    "al": ("sq", "'al' is the country code of Albania; the language code of Albanian is 'sq'"),
    "rs": ("sr", "'rs' is the country code of Serbia; the language code of Serbian is 'sr'"),
    "sqi": ("sq", "the site writes Albanian with its two-letter code, 'sq'"),
    "alb": ("sq", "the site writes Albanian with its two-letter code, 'sq'"),
    "mkd": ("mk", "the site writes Macedonian with its two-letter code, 'mk'"),
    "mac": ("mk", "the site writes Macedonian with its two-letter code, 'mk'"),
    "srp": ("sr", "the site writes Serbian with its two-letter code, 'sr'"),
    "bos": ("bs", "the site writes Bosnian with its two-letter code, 'bs'"),
    "eng": ("en", "English pages carry no language code"),
}
SERBIAN_LATIN_SPELLINGS = ("sr-latn", "sr_latn", "sr-lat", "sr-latin", "srl", "sr-la")
NOT_YET = {
    "cnr": "Montenegrin ('cnr') is not a language of this site yet: the README's section "
           "'Montenegrin (cnr): not yet, and what it would take' says what it needs",
    "me": "'me' is the country code of Montenegro, and Montenegrin ('cnr') is not a language of this "
          "site yet: the README's section 'Montenegrin (cnr): not yet, and what it would take' says what it needs",
    "hr": "Croatian ('hr') is not a language of this site: the README's section 'Languages and "
          "translations' lists the languages; to propose one, open an issue with the form 'Offer a translation'",
    "hrv": "Croatian is not a language of this site: the README's section 'Languages and "
           "translations' lists the languages; to propose one, open an issue with the form 'Offer a translation'",
    "xk": "Kosovo* is a partner, not a language: pages are translated into Albanian ('sq') or Serbian ('sr')",
}
RENAME = ("open the file on GitHub, choose the pencil (Edit this file), change the name in the box "
          "above the text to {new}, and commit")


@dataclass
class DocsTree:
    """The files under docs/, sorted out."""

    pages: dict[str, str] = field(default_factory=dict)  # path -> text: every page the rules check
    text_assets: dict[str, str] = field(default_factory=dict)  # path -> text: scanned for personal data
    binary_assets: list[str] = field(default_factory=list)
    refused_texts: dict[str, str] = field(default_factory=dict)  # refused by name, still scanned
    errors: list[ContentError] = field(default_factory=list)


def read_docs_tree(docs_dir: Path, vocabulary: Vocabulary) -> DocsTree:
    """Read and sort every file under `docs_dir`; name each one that may not be there."""
    tree = DocsTree()
    for path in _all_files(docs_dir):
        problem = file_name_problem(path, vocabulary)
        kind = _kind(path)
        if kind == "binary" and problem is None:
            tree.binary_assets.append(path)
            continue
        try:
            data = (docs_dir / path).read_bytes()
        except OSError as error:
            tree.errors.append(ContentError(path, None, "file", path, f"the file cannot be read ({error.strerror})",
                                            advice="delete the file and add it again"))
            continue
        if problem is not None:
            tree.errors.append(problem)
            if kind != "binary" and b"\x00" not in data[:4096]:
                text, _ = decode(path, data)
                tree.refused_texts[path] = text
            continue
        text, encoding_problem = decode(path, data)
        if encoding_problem is not None:
            tree.errors.append(encoding_problem)
        if kind == "page":
            tree.pages[path] = text
        else:
            tree.text_assets[path] = text
    return tree


def _all_files(docs_dir: Path) -> list[str]:
    found = []
    for root, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in names:
            found.append(Path(root, name).relative_to(docs_dir).as_posix())
    return sorted(found)


def _kind(path: str) -> str:
    """"page", "text" (a text asset) or "binary", by where the file is and its type."""
    parts = PurePosixPath(path).parts
    extension = _extension(parts[-1])
    if parts[0] == ASSETS:
        return "text" if extension in TEXT_ASSET_TYPES else "binary" if extension in BINARY_ASSET_TYPES else "page"
    if extension in BINARY_ASSET_TYPES or extension in DOCUMENT_TYPES:
        return "binary"
    return "page"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[1].lower() if "." in name.lstrip(".") else ""


# -- file names -------------------------------------------------------------------


def file_name_problem(path: str, vocabulary: Vocabulary) -> ContentError | None:
    """Why a file may not be under docs/ with this name, or None when it may."""
    parts = PurePosixPath(path).parts
    name = parts[-1]
    extension = _extension(name)
    folder = "/".join(parts[:-1])
    if SYSTEM_FILES.match(name):
        return _refuse(path, "your computer or editor made this file beside the pages; the site does not use it",
                       "delete the file (on GitHub: open it, choose the ... menu, Delete file, and commit)")
    if parts[0] == ASSETS:
        if extension in ASSET_TYPES and name.endswith("." + extension):
            return None
        if extension in ASSET_TYPES:
            lower = f"{name.rsplit('.', 1)[0]}.{extension}"
            return _refuse(path, "the type of an asset is written in lower-case letters",
                           RENAME.format(new=lower))
        if extension == "md":
            return _refuse(path, "pages live outside docs/assets/, which holds only the site's "
                           "styles, scripts and images", f"move the page to docs/{name.lower()}")
        return _refuse(path, "docs/assets/ holds only files of these types: " + ", ".join(ASSET_TYPES),
                       "delete the file; a document is cited under sources: where its publisher has it online")
    if extension in IMAGE_TYPES:
        target = f"docs/{ASSETS}/images/{name.lower()}"
        return _refuse(path, f"images live in docs/{ASSETS}/images/, not beside the pages",
                       f"upload it as {target} instead (open that folder on GitHub, Add file, Upload files), "
                       f"delete this copy, and show it on a page with ![what the image shows]"
                       f"({_relative(folder, target[len('docs/'):])})")
    if extension in DOCUMENT_TYPES:
        return _refuse(path, "the site publishes pages, not documents: a document here would be copied "
                       "into the site unchecked", "write what it says as a page (.md; see CONTRIBUTING.md), cite "
                       "the document under sources: where its publisher has it online, and delete this file")
    if extension in MARKDOWN_LIKE and not name.endswith(".md"):
        stem = name[: -len(extension) - 1] if extension else name
        stem = stem[:-3] if stem.lower().endswith(".md") else stem  # x.md.txt
        new = _page_name(folder, stem, vocabulary)
        return _refuse(path, "a page's file name ends in .md (lower-case); with any other ending the "
                       "site never checks it and copies it as it is", RENAME.format(new=new))
    if extension != "md":
        return _refuse(path, "docs/ holds only pages (.md files) and, under docs/assets/, files of these "
                       "types: " + ", ".join(ASSET_TYPES), "delete the file")
    return _page_name_problem(path, folder, name[:-3], vocabulary)


def _page_name_problem(path: str, folder: str, stem: str, vocabulary: Vocabulary) -> ContentError | None:
    base, _, suffix = stem.rpartition(".") if "." in stem else (stem, "", "")
    if suffix:
        problem = _language_suffix_problem(path, folder, base, suffix, vocabulary)
        if problem is not None:
            return problem
    if path != path.lower() or any(part.lower() != part for part in folder.split("/")):
        return _refuse(path, "file and folder names under docs/ are written in lower-case letters",
                       RENAME.format(new=f"docs/{path.lower()}"))
    return None


def _language_suffix_problem(path: str, folder: str, base: str, suffix: str,
                             vocabulary: Vocabulary) -> ContentError | None:
    code = suffix.lower()
    languages = vocabulary.translatable_languages
    english = f"docs/{_join(folder, file_slug(base) or base.lower())}.md"

    def renamed(lang: str) -> str:
        return f"docs/{_join(folder, file_slug(base) or base.lower())}.{lang}.md"

    if suffix in languages:
        return None
    listed = ", ".join(f"{lang} ({vocabulary.language(lang).name})" for lang in languages)
    if code in languages:
        return _refuse(path, f"the language code is written in lower-case letters: '{code}'",
                       RENAME.format(new=renamed(code)))
    if code == DEFAULT_LANGUAGE or COUNTRY_CODES.get(code, ("",))[0] == DEFAULT_LANGUAGE:
        return _refuse(path, "English pages carry no language code in their file name", RENAME.format(new=english))
    if code in SERBIAN_LATIN_SPELLINGS:
        return _refuse(path, "Serbian Latin pages are made from the Serbian Cyrillic page during the build "
                       "and are never written by hand",
                       f"write the translation in Cyrillic as {renamed('sr')} (or correct that file if it "
                       "exists), and delete this one")
    if code in COUNTRY_CODES:
        lang, why = COUNTRY_CODES[code]
        return _refuse(path, why, RENAME.format(new=renamed(lang)))
    if code in NOT_YET:
        return _refuse(path, NOT_YET[code] + f". The site's languages are {listed}",
                       "delete the file, or rename it for one of those languages")
    if re.fullmatch(r"[a-z]{2,3}", code):
        return _refuse(path, f"'{code}' is not a language of this site; translations are written in {listed}",
                       "rename the file with one of those codes, e.g. " + renamed(languages[0]).split("/")[-1])
    slug = file_slug(f"{base}-{suffix}")
    return _refuse(path, "a file name has no dot except the one before a language code (page.sq.md)",
                   RENAME.format(new=f"docs/{_join(folder, slug)}.md"))


def _page_name(folder: str, stem: str, vocabulary: Vocabulary) -> str:
    """The name a page should have, from the stem someone gave it (keeping a valid language code)."""
    base, _, suffix = stem.rpartition(".")
    code = suffix.lower()
    if base and code in vocabulary.translatable_languages:
        return f"docs/{_join(folder, file_slug(base) or base.lower())}.{code}.md"
    if base and code in COUNTRY_CODES:
        return f"docs/{_join(folder, file_slug(base) or base.lower())}.{COUNTRY_CODES[code][0]}.md".replace(
            ".en.md", ".md")
    return f"docs/{_join(folder, file_slug(stem) or stem.lower())}.md"


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _relative(from_folder: str, target: str) -> str:
    depth = len([part for part in from_folder.split("/") if part])
    return "../" * depth + target


def _refuse(path: str, problem: str, advice: str) -> ContentError:
    return ContentError(path, None, "file name", PurePosixPath(path).name, problem, advice=advice)


# -- encodings ----------------------------------------------------------------------

# The encodings older editors in the region save in, with letters that tell them apart.
LEGACY_ENCODINGS = (
    ("windows-1250", "Windows-1250 (Central European)", "čćšžđČĆŠŽĐ"),
    ("windows-1251", "Windows-1251 (Cyrillic)", "абвгдежзијклмнопрстуфхцчшђћљњџѓќѕАБВГДЕЖЗИЈКЛМНОПРСТУФХЦЧШ"),
    ("windows-1252", "Windows-1252 (Western European)", "ëçËÇ"),
    ("iso-8859-2", "ISO-8859-2 (Latin-2)", "čćšžđČĆŠŽĐ"),
)
ENCODING_ADVICE = (
    "open the file on GitHub and choose the pencil (Edit this file). GitHub says it has detected another "
    "encoding and will save the file as UTF-8 when you commit. Before you commit, read the letters "
    "č, ć, š, ž, đ, ë, ç and any Cyrillic: GitHub may guess the old encoding wrong, so retype any letter "
    "that looks wrong (such as è for č), then commit. In an editor on your computer: Save as, encoding UTF-8"
)


def decode(path: str, data: bytes) -> tuple[str, ContentError | None]:
    """The text of a file, and the problem when it is not UTF-8 (with the best reading of it)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        return text.lstrip("\ufeff"), ContentError(
            path, 1, "file", "UTF-16",
            "this file is saved as UTF-16 ('Unicode' in Notepad); pages must be saved as UTF-8",
            advice=ENCODING_ADVICE)
    try:
        return data.decode("utf-8").lstrip("\ufeff"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        encoding, label = _guess_encoding(data)
        text = data.decode(encoding, errors="replace")
        shown = text.split("\n")[line - 1].strip()
        return text, ContentError(
            path, line, "file", shown[:80],
            f"this file is not saved as UTF-8, the encoding every file of the site uses; it looks like "
            f"{label}, so its letters beyond a-z cannot be read (the first is on line {line})",
            advice=ENCODING_ADVICE)


def _guess_encoding(data: bytes) -> tuple[str, str]:
    """The legacy encoding that reads the most words of the region out of `data`.

    A general detector (charset-normalizer) weighs every encoding there is
    and, on a page of a few hundred words, often takes Bosnian text for a
    Western European one; here only the four these files are saved in
    compete, each scored by its letters standing inside words: a Latin
    letter with a diacritic beside a plain one (poČinje), a Cyrillic letter
    beside another (повратак)."""
    best, best_score = LEGACY_ENCODINGS[0], -1
    for encoding, label, letters in LEGACY_ENCODINGS:
        text = data.decode(encoding, errors="replace")
        own = re.escape(letters)
        if encoding == "windows-1251":
            score = len(re.findall(f"[{own}](?=[{own}])", text))
        else:
            score = len(re.findall(f"[A-Za-z][{own}]|[{own}][A-Za-z]", text))
        if score > best_score:
            best, best_score = (encoding, label, letters), score
    return best[0], best[1]
