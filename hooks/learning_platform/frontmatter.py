"""Front matter: the YAML block between two `---` lines at the top of a page."""
from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import ContentError

try:  # the C loader is several times faster on a thousand pages
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):
    """Safe YAML that leaves dates as text, so validation can explain a bad one
    (YAML itself stops with "day is out of range for month", naming no field)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

# The same block MkDocs recognises (mkdocs.utils.meta), so both agree on where it ends.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FIELD = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)(?P<value>.*)$")
# Fields whose value is free text: a " #" in them is far more likely part of the
# text than a comment (the template's comments follow codes and numbers).
TEXT_FIELDS = ("title", "summary", "organisation", "role", "reviewed_by")
TEXT_LISTS = ("objectives", "materials")


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, first: int, second: int, owner: str | None):
        super().__init__(key)
        self.key, self.first, self.second, self.owner = key, first, second, owner


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A mapping that refuses a key written twice (YAML would silently keep the last)."""
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            first = seen.get(key)
        except TypeError:  # an unhashable key: YAML's own error says so
            break
        if first is not None:
            raise _DuplicateKey(str(key), first, key_node.start_mark.line, None)
        seen[key] = key_node.start_mark.line
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line number where the body starts) of a page's text.

    Raises `ContentError` for a block that is not where MkDocs looks for it,
    not closed, or not YAML, naming the line and giving the contributor's own
    line corrected where it can."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text)
    if match is None:
        _misplaced_front_matter(path, text)
        return {}, text, 1
    block = match.group(1)
    try:
        data = yaml.load(block, Loader=_Loader)
    except _DuplicateKey as twice:
        lines = block.split("\n")
        raise _duplicate_error(path, lines, twice) from None
    except yaml.YAMLError as error:
        raise _yaml_error(path, block, error) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:  # a value YAML accepts and Python cannot hold
        raise ContentError(path, None, "front matter", str(error)[:80],
                           "the front matter holds a value the check cannot read",
                           advice="write the value as plain text in double quotes") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            path, 2, "front matter", _short(block.strip()),
            "the front matter must be a list of `field: value` lines, one per line",
            advice="write each field on its own line as name, colon, space, value (title: ...)",
        )
    body_line = text[: match.end()].count("\n") + 1
    return data, text[match.end():], body_line


def comment_cuts(path: str, text: str) -> list[ContentError]:
    """Text values that YAML cuts at ` #` (it reads the rest as a comment), each
    with the line to paste: the contributor's own line, the value in quotes."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    end = front_matter_end(text)
    found = []
    current_list = None
    for number, line in enumerate(text.split("\n")[1:end - 1], start=2):
        field = _FIELD.match(line)
        if field and not field.group("indent") and not field.group("dash"):
            current_list = field.group("key")
        if field and field.group("key") in TEXT_FIELDS + ("title",):
            indent, dash, key, value = (field.group("indent"), field.group("dash") or "",
                                        field.group("key"), field.group("value"))
        elif current_list in TEXT_LISTS and re.match(r"^[ \t]*-[ \t]+", line) and not field:
            indent, dash, key, value = re.match(r"^([ \t]*)(-[ \t]+)", line).group(1), "- ", "", line.lstrip()[2:]
        else:
            continue
        if not value or value[0] in "\"'[{|>&*!" or " #" not in value and "\t#" not in value:
            continue
        kept = re.split(r"[ \t]#", value, 1)[0].rstrip()
        whole = value.rstrip()
        quoted = '"' + whole.replace("\\", "\\\\").replace('"', '\\"') + '"'
        label = key or current_list
        found.append(ContentError(
            path, number, label, whole,
            f"YAML reads everything after ' #' as a note to editors, so the value stops at '{kept}'; "
            "put the whole value in double quotes to keep the #",
            f"{indent}{dash}{key + ': ' if key else ''}{quoted}".strip(),
        ))
    return found


def _misplaced_front_matter(path: str, text: str) -> None:
    """Raise for a front matter block MkDocs would not see, or one never closed."""
    lines = text.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return
    if lines[first].strip() == "---" and first > 0:
        raise ContentError(
            path, first + 1, "front matter", "---",
            f"the front matter must start on the very first line of the file; here {first} empty "
            f"line{'s come' if first != 1 else ' comes'} before its ---, so the fields below are read as text",
            advice=f"delete the empty line{'s' if first != 1 else ''} above the --- on line {first + 1}",
        )
    if lines[0].rstrip() == "---":
        last = 0
        for index, line in enumerate(lines[1:], start=1):
            if _FIELD.match(line) or (line.startswith((" ", "\t")) and line.strip()):
                last = index
            elif line.strip():
                break
        if last:
            raise ContentError(
                path, 1, "front matter", "---",
                f"the front matter opened by the --- on line 1 is never closed, so no field of it can be read",
                "---",
                advice=f"add a line with --- after line {last + 1}, the last field",
            )
        raise ContentError(path, 1, "front matter", "---",
                           "the file starts with --- but no front matter fields follow it",
                           advice="delete the --- on line 1, or write the fields below it and close them with ---")
    if _FIELD.match(lines[0]) and _FIELD.match(lines[0]).group("key") in ("title", "summary", "kind", "action",
                                                                          "commitment", "translation", "date"):
        closing = next((index for index, line in enumerate(lines) if line.strip() == "---"), None)
        raise ContentError(
            path, 1, "front matter", _short(lines[0]),
            "the front matter has no opening line: a page starts with a line holding only ---, then its "
            "fields, then another line with ---",
            "---",
            advice="insert a line with --- above line 1" + ("" if closing is not None else
                                                            ", and another after the last field"),
        )


def _yaml_error(path: str, block: str, error: yaml.YAMLError) -> ContentError:
    mark = getattr(error, "problem_mark", None)
    lines = block.split("\n")
    index = mark.line if mark is not None else 0
    problem = getattr(error, "problem", None) or str(error)
    line_text = lines[index] if index < len(lines) else ""
    tabbed = [number for number, line in enumerate(lines) if "\t" in line[: len(line) - len(line.lstrip())]]
    if "\t" in problem or tabbed:
        index = tabbed[0] if tabbed else index
        line_text = lines[index]
        corrected = re.sub(r"^[ \t]+", lambda found: found.group(0).replace("\t", "  "), line_text)
        return ContentError(
            path, index + 2, field_name(lines, index), _short(line_text.replace("\t", "→ ")),
            "a tab indents this line; front matter is indented with spaces only (two per level)",
            corrected,
            advice=None,
        )
    if "mapping values are not allowed" in problem:
        found = _FIELD.match(line_text)
        if found and found.group("value"):
            value = found.group("value").rstrip()
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return ContentError(
                path, index + 2, found.group("key"), _short(line_text.strip()),
                "a colon followed by a space inside a value ends the field name in YAML; put the whole "
                "value in double quotes", f"{found.group('indent')}{found.group('dash') or ''}{found.group('key')}: {quoted}",
            )
    context = getattr(error, "context", None) or ""
    context_mark = getattr(error, "context_mark", None)
    if "quoted scalar" in context and context_mark is not None and context_mark.line < len(lines):
        opened = lines[context_mark.line]
        quote = opened[context_mark.column] if context_mark.column < len(opened) else '"'
        return ContentError(
            path, context_mark.line + 2, field_name(lines, context_mark.line), _short(opened.strip()),
            f"a value opened with {quote} on this line is never closed with {quote}",
            opened.rstrip() + quote,
        )
    if "expected '-' indicator" in problem or "expected <block end>" in problem:
        corrected = _aligned(lines, index)
        if corrected is not None:
            return ContentError(
                path, index + 2, field_name(lines, index), _short(line_text.strip()),
                "this line is not lined up with its neighbours: a new entry of a list starts with '- ' under "
                "the others, a field of an entry starts where the entry's first field does",
                corrected,
            )
    if "could not find expected ':'" in problem:
        previous = max(0, min(index - 1, len(lines) - 1))
        return ContentError(
            path, previous + 2, field_name(lines, previous), _short(lines[previous].strip()),
            "this line is not a field (name, colon, space, value); a value that runs over two lines "
            "goes on one line, in double quotes if it holds a colon",
            advice="join the line with the one it continues, or write it as a field, name: value",
        )
    found = _FIELD.match(line_text)
    if found and found.group("value").strip() and found.group("value").strip()[0] not in "\"'":
        value = found.group("value").strip()
        corrected = (f"{found.group('indent')}{found.group('dash') or ''}{found.group('key')}: \""
                     + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
        try:
            yaml.load(corrected.strip().removeprefix("- "), Loader=_Loader)
        except yaml.YAMLError:
            pass
        else:
            return ContentError(
                path, index + 2, found.group("key"), _short(line_text.strip()),
                f"YAML cannot read this value as it is written ({problem}); in double quotes it is plain text",
                corrected,
            )
    return ContentError(
        path, index + 2, field_name(lines, index), _short(line_text.strip()),
        f"this line is not valid YAML ({problem})",
        advice="compare the line with the template (templates/ in the repository); a value with a colon, a # "
               "or a quotation mark at its start goes in double quotes",
    )


def _aligned(lines: list[str], index: int) -> str | None:
    """The line at `index` lined up with the list entry above it: as a new entry
    when the entry already has its key, else as one more field of the entry."""
    line = lines[index]
    found = _FIELD.match(line)
    if not found or found.group("dash"):
        return None
    for above in range(index - 1, -1, -1):
        entry = _FIELD.match(lines[above])
        if entry and entry.group("dash"):
            dash_at = len(entry.group("indent"))
            key_at = dash_at + len(entry.group("dash"))
            keys = {entry.group("key")}
            for between in lines[above + 1:index]:
                sibling = _FIELD.match(between)
                if sibling and not sibling.group("dash"):
                    keys.add(sibling.group("key"))
            stripped = line.strip()
            if found.group("key") in keys:
                return " " * dash_at + "- " + stripped
            return " " * key_at + stripped
        if entry and not entry.group("indent"):
            return None
    return None


def _duplicate_error(path: str, lines: list[str], twice: _DuplicateKey) -> ContentError:
    second_line = lines[twice.second] if twice.second < len(lines) else ""
    indent = len(second_line) - len(second_line.lstrip())
    top = field_name(lines, twice.second)
    if indent and top in ("sources", "contacts", "agenda"):
        dash_indent = max(0, indent - 2)
        corrected = " " * dash_indent + "- " + second_line.lstrip()
        return ContentError(
            path, twice.second + 2, f"{top}", _short(second_line.strip()),
            f"'{twice.key}' is written twice in one entry of {top} (lines {twice.first + 2} and "
            f"{twice.second + 2}), so YAML would keep only the second: a new entry starts with a dash",
            corrected,
        )
    return ContentError(
        path, twice.second + 2, twice.key, _short(second_line.strip()),
        f"the field '{twice.key}' is written twice (lines {twice.first + 2} and {twice.second + 2}); "
        "YAML would keep only the second, silently",
        advice=f"keep one of the two lines and delete the other",
    )


def field_name(lines: list[str], index: int) -> str:
    """The top-level field that line `index` of a front matter block belongs to."""
    for number in range(min(index, len(lines) - 1), -1, -1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", lines[number])
        if match:
            return match.group(1)
    return "front matter"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


def field_line(text: str, field: str, value: Any = None) -> int | None:
    """The line number of `field:` in the front matter, or of `value` after it."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = None
    for number, line in enumerate(lines, start=1):
        if number > 1 and line.strip() in ("---", "..."):
            break
        if start is None and re.match(rf"^{re.escape(field)}\s*:", line):
            start = number
            if value is None:
                return start
        if start is not None and value is not None and str(value) in line and number >= start:
            if number == start or not re.match(r"^[A-Za-z_][\w-]*\s*:", line):
                return number
    return start


def front_matter_end(text: str) -> int:
    """The line number of the front matter's closing `---` (0 when the file has none)."""
    if not text.startswith("---"):
        return 0
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() in ("---", "..."):
            return number
    return 0


def field_at(text: str, line: int) -> str:
    """The front-matter field that line `line` belongs to (a nested line names its top field's key above it)."""
    lines = text.split("\n")
    for number in range(line, 1, -1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", lines[number - 1])
        if match:
            return match.group(1)
    return "front matter"
