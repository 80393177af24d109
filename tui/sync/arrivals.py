"""What the pull has received and not yet filed: the server's latest change of each session.

Pages are read into memory (documents checked and decoded, without the store's lock), then
filed every FILE_EVERY sessions or FILE_EVERY_S seconds, and at the end: a year of sessions
per hold of the lock, each one merged there with what the store holds at that moment, so a
set or an edit saved meanwhile is merged, never overwritten. The checkpoint moves only once
what it covers is on disk: a stop before that costs a repeat of those pages, never a loss.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.core.merge import merge_sessions
from tui.core.model import Session
from tui.store.catch_up import let_others_in
from tui.store.prepared import Prepared
from tui.sync.context import RunContext
from tui.sync.couch import Change, ChangesPage
from tui.sync.documents import NotASession, deleted_at_of, session_from_doc, session_id_of

log = logging.getLogger(__name__)

FILE_EVERY = 1000  # sessions held in memory before they are filed
FILE_EVERY_S = 2.0  # and at most this long: a pull cut off by its deadline keeps the rest


@dataclass(frozen=True)
class Arrived:
    rev: str
    session: Prepared | None  # None: deleted on the server, at `deleted_at`
    deleted_at: datetime


@dataclass
class Arrivals:
    waiting: dict[str, Arrived] = field(default_factory=dict)  # by session id, latest change
    seq: Any = None  # the checkpoint once `waiting` is filed
    taken: bool = False  # a page was taken since the checkpoint was last saved
    since_filed: float = field(default_factory=time.monotonic)

    def take(self, ctx: RunContext, page: ChangesPage) -> None:
        """Check and decode a page's documents (no store lock: nothing is written here)."""
        for change in page.changes:
            session_id = session_id_of(change.id)
            if session_id is None:
                _skip(ctx, change, "not a OneMore session")
            elif ctx.state.rev(session_id) == change.rev:
                continue  # this device's own push coming back, or already applied
            elif change.deleted:
                self.waiting[session_id] = Arrived(
                    change.rev, None, deleted_at_of(change.doc, ctx.now())
                )
            else:
                try:
                    server = session_from_doc(change.doc)
                except NotASession as problem:
                    _skip(ctx, change, str(problem))
                    continue
                # its record, summary and lift rows too: the hold that files it only writes
                self.waiting[session_id] = Arrived(change.rev, Prepared.of(server), ctx.now())
        self.seq, self.taken = page.last_seq, True

    def due(self) -> bool:
        late = time.monotonic() - self.since_filed >= FILE_EVERY_S
        return late or len(self.waiting) >= FILE_EVERY

    def file(self, ctx: RunContext) -> None:
        """Everything waiting into the store, then the checkpoint past it. A failure leaves
        it all waiting (filing again repeats what was done, without duplicates)."""
        waiting = self.waiting
        by_year: dict[int, dict[str, Prepared]] = {}
        for session_id, arrived in waiting.items():
            if arrived.session is None:
                continue
            year = arrived.session.session.started_at.year
            by_year.setdefault(year, {})[session_id] = arrived.session
        for session_id, arrived in waiting.items():
            if arrived.session is None:
                ctx.state.remember(session_id, arrived.rev)
                ctx.apply_server_deletion(session_id, arrived.deleted_at)
        for year in sorted(by_year):
            let_others_in()
            with ctx.store.guard:  # merged with the store as it is, and filed, in one hold
                _file_year(ctx, by_year[year], {i: waiting[i].rev for i in by_year[year]})
        self.waiting = {}
        if self.taken:
            ctx.state.checkpoint = self.seq
            ctx.state.save()
            self.taken = False
        self.since_filed = time.monotonic()


def _skip(ctx: RunContext, change: Change, why: str) -> None:
    ctx.report.skipped += 1
    log.info("skipped server document %s: %s", change.id, why)


def _file_year(ctx: RunContext, servers: dict[str, Prepared], revs: dict[str, str]) -> None:
    pending = ctx.store.pending_changes()
    filed: list[Session] = []
    carried: dict[str, int] = {}  # unsynced changes here that the server already has
    for session_id, ready in servers.items():
        server = ready.session
        if ctx.store.tombstone(session_id) is not None:
            ctx.send_again.add(session_id)  # deleted here: deletion wins, so tell the server again
            continue
        local = ctx.store.session(session_id)
        counter = pending.get(session_id)
        # Merge only over an unsynced change here; else the server's copy is the newer one.
        merged = server if local is None or counter is None else merge_sessions(local, server)
        if merged != local:
            filed.append(merged)
            ctx.report.pulled += 1
        if merged == server:
            if counter is not None:
                carried[session_id] = counter
            continue
        if merged != local:
            ctx.report.merged += 1
        ctx.send_again.add(session_id)
    if filed:
        ctx.store.add_finished(filed, from_sync=True, later=True, prepared=servers)
    for session_id, rev in revs.items():
        ctx.state.remember(session_id, rev)
    if carried:
        ctx.store.mark_synced(carried)
