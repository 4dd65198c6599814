"""Where the site's files live (mkdocs.yml: repo_url, edit_uri): the addresses of
"Edit this page" and of a new file in GitHub's web editor."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote


@dataclass(frozen=True)
class Repository:
    """Where the site's files live, for "Edit this page" (mkdocs.yml: repo_url, edit_uri)."""

    url: str  # https://github.com/owner/name
    branch: str = "main"
    docs_dir: str = "docs"

    def edit(self, path: str) -> str:
        return f"{self.url.rstrip('/')}/edit/{self.branch}/{self.docs_dir}/{path}"

    def new_file(self, path: str, content: str) -> str:
        folder, _, name = path.rpartition("/")
        query = f"filename={quote(name, safe='')}&value={_quoted(content)}"
        return f"{self.url.rstrip('/')}/new/{self.branch}/{self.docs_dir}/{folder}?{query}"

    @classmethod
    def from_config(cls, repo_url: str | None, edit_uri: str | None, docs_dir: str = "docs") -> "Repository | None":
        if not repo_url:
            return None
        match = re.match(r"^(?:edit|blob)/(?P<branch>[^/]+)/(?P<docs>.+?)/?$", edit_uri or "")
        if match:
            return cls(repo_url, match.group("branch"), match.group("docs"))
        return cls(repo_url, "main", docs_dir)


@lru_cache(maxsize=2048)
def _quoted(content: str) -> str:
    """A new translation's front matter, encoded for an address: the same for the
    page's copy in each of the five languages (`urlencode(..., quote_via=quote)`'s
    encoding, worked out once a page, not five times)."""
    return quote(content, safe="")
