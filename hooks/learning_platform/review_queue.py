"""The translations' review queue: per language, the pages a native reviewer
should read, most useful first.

A reviewer with an hour to give should spend it where readers are: the order,
stated on the translations page, is
1. pages that learners are sent to: pages on a learning path, training
   modules and the practices a module builds on;
2. then pages that serve more actions of the Action Plan (a practice or
   module: the actions it names; an action page: one; a commitment page: its
   actions; any other page: none);
3. then, between pages equal on both, an outdated translation before a
   machine draft (it may say what the English no longer says), then modules,
   practices, actions, commitments and other pages, then by address.

Reviewed pages are not in the queue: the page lists them apart, each with its
reviewer (an organisation or a role)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Action, Commitment, Library, Module, Page, Practice

WAITING = ("outdated", "machine")  # the states a reviewer has work in, in that order
KINDS = (Module, Practice, Action, Commitment)


@dataclass(frozen=True)
class QueueEntry:
    """A translation waiting for its reviewer, and why it comes where it does."""

    path: str  # the English page's path, e.g. "practices/cultural-mediation.md"
    state: str  # "outdated" or "machine"
    on_path: bool  # the page is a step of a learning path
    modules: tuple[str, ...]  # paths of the modules that build on it (a module: itself)
    actions: int  # how many actions of the Action Plan it serves

    @property
    def followed(self) -> bool:
        """Learners are sent to it: on a learning path or in a module."""
        return self.on_path or bool(self.modules)


def actions_served(library: Library, page: Page) -> int:
    """How many of the Action Plan's actions a page serves."""
    if isinstance(page, (Practice, Module)):
        return len(set(page.actions))
    if isinstance(page, Action):
        return 1
    if isinstance(page, Commitment):
        return sum(1 for action in library.actions.values() if action.commitment == page.number)
    return 0


def modules_using(library: Library, page: Page) -> tuple[str, ...]:
    """The modules that build on a page: a module itself, or the modules naming a practice."""
    if isinstance(page, Module):
        return (page.path,)
    if isinstance(page, Practice):
        return tuple(module.path for module in library.modules_for_practice(page.slug))
    return ()


def review_queue(library: Library, lang: str, on_paths: Iterable[str] = ()) -> list[QueueEntry]:
    """The pages of `lang` waiting for a native reviewer, in the order of priority.

    `on_paths`: the paths of the pages that learning paths lead through."""
    on_paths = frozenset(on_paths)
    entries = []
    for path, page in library.pages.items():
        state = library.translation_state(path, lang)
        if state in WAITING:
            entries.append(QueueEntry(path, state, path in on_paths, modules_using(library, page),
                                      actions_served(library, page)))
    return sorted(entries, key=lambda entry: _priority(library, entry))


def _priority(library: Library, entry: QueueEntry) -> tuple:
    page = library.pages[entry.path]
    kind = next((index for index, kind in enumerate(KINDS) if isinstance(page, kind)), len(KINDS))
    return (not entry.followed, -entry.actions, WAITING.index(entry.state), kind, entry.path)
