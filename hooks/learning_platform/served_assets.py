"""The platform's own scripts and stylesheets as readers download them: without
their comments.

The sources under docs/assets/ explain at length why each rule and each step is
there; on a weak line a reader would pay for every byte of that on a first
visit (half of platform.css, compressed). The build serves them without their
comments, as it already serves the service worker (offline.without_comments);
the code itself is unchanged. Third-party copies (assets/javascripts/vendor/)
are served exactly as published.
"""
from __future__ import annotations

import re

from learning_platform.offline import without_comments

_OWN = re.compile(r"assets/(?:javascripts/[^/]+\.js|stylesheets/[^/]+\.css)")
# A stylesheet's comments stand on lines of their own or after a rule's end
# ("}  /* why */"): taken out with the spaces before them.
_CSS_COMMENT = re.compile(r"[ \t]*/\*.*?\*/", re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def served_text(path: str, text: str) -> str | None:
    """The file at `path` (under docs/, with forward slashes) as the site
    serves it, or None where it is served as it is."""
    if not _OWN.fullmatch(path):
        return None
    if path.endswith(".js"):
        return without_comments(text)
    return _BLANK_LINES.sub("", _CSS_COMMENT.sub("", text)).lstrip("\n")
