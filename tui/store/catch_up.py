"""Catching the derived files up with sessions filed `later` (a pull's), a file per hold.

Each exercise's lift file and PRs are planned outside the store's lock from what its file
holds (tui.store.lift_plan), then written under it: the lock is held for one small write.
When the index or a lift file changed in between (a session finished or deleted meanwhile,
a finish's files written behind), that exercise is planned again under the lock, so nothing
filed meanwhile is overwritten.
"""

from __future__ import annotations

import logging
import threading
import time

from tui.store.index import Index
from tui.store.lift_plan import KeyPlan
from tui.store.prepared import Prepared
from tui.store.storage import UnreadableFile

log = logging.getLogger(__name__)

YIELD_S = 0.0002  # see let_others_in


def let_others_in() -> None:
    """Between two holds of the store's lock by a long job: a thread waiting for it (a set
    being saved) takes it here, instead of the job taking it straight back."""
    time.sleep(YIELD_S)


def catch_up(guard: threading.RLock, index: Index) -> None:
    with guard:
        if not index.due:
            return
        keys, filed = sorted(index.keys_due), dict(index.due)
    for key in keys:
        let_others_in()
        with guard:
            seen, due = index.moment, dict(index.due)
        plan = _plan(index, key, due)  # the reading and the counting: outside the lock
        with guard:
            if plan is None or index.moment != seen:
                plan = _plan(index, key, dict(index.due))  # again, as the files are now
            if plan is None:
                index.rebuild()  # an unreadable lift file: everything from history
                return
            index.file_due(plan)
    let_others_in()
    with guard:
        index.save_due(filed)


def _plan(index: Index, key: str, due: dict[str, Prepared]) -> KeyPlan | None:
    try:
        return index.plan_due(key, due)
    except UnreadableFile as problem:
        log.warning("%s: rebuilding the index and lift files from history", problem)
        return None
