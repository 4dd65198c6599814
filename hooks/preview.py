"""What only the preview needs (scripts/preview.py: English and one
language, rebuilt page by page under `mkdocs serve --dirty`).

The preview names its language in PLATFORM_PREVIEW_LANGUAGE, and
limit_languages turns the other languages off before mkdocs-static-i18n
reads them. Two more things differ whenever the site is served (`make
serve` or the preview), both read from `Platform.serving` and
`Platform.dirty` (build_state.py): pages go without the security policy
(MkDocs' live reload is an inline script, new on every page view, that the
policy would block; site_hooks.on_post_page), and a `--dirty` rebuild keeps
the search index it cannot remake, as it converts only the pages whose file
changed (site_outputs.write_language_files).

What a save costs under `--dirty` (the preview's promise: the saved page
rebuilt in English and the chosen language, within about 2 s at 1,000
practices; bench/benchmark.py's preview_latency): the content check runs on
every page, as `make check` does, so a broken page is still named with its
file, line and field, but the data files are read again only when one of
them changed (build_state.Platform.load), and so the check's memos answer
for every unchanged file. The catalogue is the one made at the start
(site_outputs.add_catalogue), and a generated page already built is kept
unless its own source pages changed (generated_pages.add_files), as the
lists and the search are kept.
"""
from __future__ import annotations

import os
from typing import Any

from mkdocs.exceptions import PluginError

from learning_platform.vocabulary import DEFAULT_LANGUAGE

PREVIEW_ENVIRONMENT = "PLATFORM_PREVIEW_LANGUAGE"


def limit_languages(config: Any) -> None:
    """Under the preview, English and the language it names are the only ones built."""
    preview = os.environ.get(PREVIEW_ENVIRONMENT, "").strip()
    i18n = config.plugins.get("i18n")
    if preview and i18n is not None:
        known = [language.locale for language in i18n.config.languages]
        if preview not in known:
            raise PluginError(f"{PREVIEW_ENVIRONMENT}={preview}: not a language of this site ({', '.join(known)})")
        for language in i18n.config.languages:
            language.build = language.locale in (DEFAULT_LANGUAGE, preview)
