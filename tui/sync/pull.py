"""Pull: read `_changes` page by page, apply each page, then save the checkpoint.

A session changed here and there is merged (and marked to go back up); a deletion wins
over an edit; documents that are not readable OneMore sessions are skipped and logged.
Applying a page (fsync of history, index and lift files) runs in a thread, so the app's
keys and rest clock never wait on a pull; the store's lock keeps it apart from a set saved
meanwhile.
"""

from __future__ import annotations

import asyncio
import logging

from tui.core.merge import merge_sessions
from tui.core.model import Session
from tui.sync.context import RunContext
from tui.sync.couch import Change, ChangesPage
from tui.sync.documents import NotASession, deleted_at_of, session_from_doc, session_id_of

log = logging.getLogger(__name__)


async def pull(ctx: RunContext) -> None:
    while True:
        since = ctx.state.checkpoint
        page = await ctx.couch.changes(since, ctx.page_size)
        await asyncio.to_thread(_apply_page, ctx, page)  # the disk work: off the event loop
        ctx.state.checkpoint = page.last_seq
        await asyncio.to_thread(ctx.state.save)
        if _last_page(ctx, page, since):
            return


def _last_page(ctx: RunContext, page: ChangesPage, since: object) -> bool:
    if not page.changes or page.last_seq == since:
        return True
    if page.pending is not None:
        return page.pending == 0
    return len(page.changes) < ctx.page_size


def _apply_page(ctx: RunContext, page: ChangesPage) -> None:
    arrived: list[Session] = []  # saved together: one history write per page, not per session
    for change in page.changes:
        session_id = session_id_of(change.id)
        if session_id is None:
            _skip(ctx, change, "not a OneMore session")
        elif ctx.state.rev(session_id) == change.rev:
            continue  # this device's own push coming back, or already applied
        elif change.deleted:
            ctx.state.remember(session_id, change.rev)
            ctx.apply_server_deletion(session_id, deleted_at_of(change.doc, ctx.now()))
        else:
            _take_session(ctx, session_id, change, arrived)
    if arrived:
        ctx.store.add_finished(arrived, from_sync=True)


def _skip(ctx: RunContext, change: Change, why: str) -> None:
    ctx.report.skipped += 1
    log.info("skipped server document %s: %s", change.id, why)


def _take_session(ctx: RunContext, session_id: str, change: Change, arrived: list[Session]) -> None:
    try:
        server = session_from_doc(change.doc)
    except NotASession as problem:
        _skip(ctx, change, str(problem))
        return
    ctx.state.remember(session_id, change.rev)
    if ctx.store.tombstone(session_id) is not None:
        ctx.send_again.add(session_id)  # deleted here: deletion wins, so tell the server again
        return
    local = ctx.store.session(session_id)
    counter = ctx.store.pending_changes().get(session_id)
    # Merge only over an unsynced change here; else the server's copy is the newer one.
    merged = server if local is None or counter is None else merge_sessions(local, server)
    if merged != local:
        arrived.append(merged)
        ctx.report.pulled += 1
    if merged == server:
        if counter is not None:
            ctx.store.mark_synced({session_id: counter})  # the server already has our change
        return
    if merged != local:
        ctx.report.merged += 1
    ctx.send_again.add(session_id)
