"""One policy for every write the lifter triggers: the same words for the same failure,
wherever it happens (a set, a finish, an edit of the past, a deletion).

A write either lands or fails with a `NotSaved` that says why in plain words; nothing that
was already saved is touched. What happens next (keep and retry, or leave the past as it
was) is the use case's: the live session keeps its sets and retries, an edit of the past is
simply not made.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from tui.store.repository import ReadOnlyStore

log = logging.getLogger(__name__)

T = TypeVar("T")

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "OneMore may not write to its data folder",
    errno.EPERM: "OneMore may not write to its data folder",
}
READ_ONLY = "another OneMore has this data folder open (close it to save here)"


@dataclass(frozen=True)
class NotSaved:
    """A write that did not land, and why, in the lifter's words."""

    reason: str

    def message(self, then: str, *, failed: str = "Not saved") -> str:
        """`Not saved: the disk is full. Your sets stay here and OneMore keeps trying.`"""
        return f"{failed}: {self.reason}. {then}"


def reason_of(problem: OSError | ReadOnlyStore) -> str:
    """Why a write failed, as a lifter reads it."""
    if isinstance(problem, ReadOnlyStore):
        return READ_ONLY
    return REASONS.get(problem.errno or 0, problem.strerror or str(problem))


def attempt(write: Callable[[], T]) -> T | NotSaved:
    """Run `write`; its result, or a NotSaved when the disk or another OneMore refused it."""
    try:
        return write()
    except (OSError, ReadOnlyStore) as problem:
        log.warning("not saved: %s", problem)
        return NotSaved(reason_of(problem))
