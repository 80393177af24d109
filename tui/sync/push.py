"""Push: send changed sessions with `_bulk_docs`, merging with the server's copy on a conflict.

A session the server already holds is never overwritten blindly: it is sent with the
revision this device last saw, and a conflict means fetch, merge, send again. A deletion
on the server wins over any edit here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from tui.core.merge import merge_sessions
from tui.sync.context import RunContext
from tui.sync.couch import Remote, Saved
from tui.sync.documents import (
    NotASession,
    deleted_at_of,
    deletion_doc,
    doc_id,
    session_doc,
    session_from_doc,
    session_id_of,
)
from tui.sync.errors import BadAnswer

log = logging.getLogger(__name__)

LookedUp = dict[str, Remote | None]  # session id -> the server's copy, for the ids asked about

CONFLICT_ROUNDS = 5  # each round lost to another device means that device just synced


def _batches(ids: list[str], size: int) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


async def push(ctx: RunContext, counters: dict[str, int], extra: Iterable[str] = ()) -> None:
    """Send every session in `counters` (the outbox) and `extra`, a batch at a time."""
    for batch in _batches(sorted(set(counters) | set(extra)), ctx.batch_size):
        await _push_batch(ctx, batch, counters)


async def _look_up(ctx: RunContext, session_ids: list[str]) -> LookedUp:
    """The server's copy of each session, None where it has none."""
    if not session_ids:
        return {}
    found = await ctx.couch.current([doc_id(i) for i in session_ids])
    return {i: found.get(doc_id(i)) for i in session_ids}


async def _push_batch(ctx: RunContext, batch: list[str], counters: dict[str, int]) -> None:
    # Sent without a revision, a session would revive a deletion: ask the server first. So
    # for counter 0 (an outbox worked out again): sent only where the server's copy differs.
    asked = [i for i in batch if ctx.state.rev(i) is None or counters.get(i) == 0]
    looked_up = await _look_up(ctx, asked)
    waiting = batch
    for _ in range(CONFLICT_ROUNDS):
        # The store's reads and writes run in a thread (see tui/sync/pull.py); the network here.
        docs = await asyncio.to_thread(_outgoing, ctx, waiting, looked_up, counters)
        if not docs:
            return
        saved = await ctx.couch.save(docs)
        waiting = await asyncio.to_thread(_settle, ctx, docs, saved, counters)
        if not waiting:
            return
        looked_up = await _look_up(ctx, waiting)
    log.warning("%d sessions still conflict after %d rounds", len(waiting), CONFLICT_ROUNDS)


def _outgoing(
    ctx: RunContext, batch: list[str], looked_up: LookedUp, counters: dict[str, int]
) -> list[dict[str, Any]]:
    """The documents to send; sessions with nothing to send are marked carried at once."""
    docs, carried = [], {}
    for session_id in batch:
        doc = _document_for(ctx, session_id, looked_up)
        if doc is None:
            carried[session_id] = counters.get(session_id)
        else:
            docs.append(doc)
    if carried:
        _forget_carried(ctx, carried)
    return docs


def _document_for(ctx: RunContext, session_id: str, looked_up: LookedUp) -> dict[str, Any] | None:
    """What to send for one session given the server's copy (None: nothing to send)."""
    remote = looked_up.get(session_id)
    known = session_id not in looked_up  # not asked: the revision this device last saw
    rev = ctx.state.rev(session_id) if known else remote.rev if remote else None
    if remote is not None and remote.deleted:
        ctx.state.remember(session_id, remote.rev)
        ctx.apply_server_deletion(session_id, deleted_at_of(remote.doc, ctx.now()))
        return None
    local = ctx.store.session(session_id)
    if local is None:
        tombstone = ctx.store.tombstone(session_id)
        return None if tombstone is None else deletion_doc(session_id, rev, tombstone["deleted_at"])
    if remote is None:
        return session_doc(local, rev)
    try:
        server = session_from_doc(remote.doc)
    except NotASession as problem:
        log.warning("server copy of %s unreadable (%s); sending ours", session_id, problem)
        return session_doc(local, rev)
    merged = merge_sessions(local, server)
    if merged != local:
        ctx.store.add_finished([merged], from_sync=True)
    if merged == server:
        ctx.state.remember(session_id, remote.rev)
        return None
    if merged != local:
        ctx.report.merged += 1
    return session_doc(merged, rev)


def _settle(
    ctx: RunContext, docs: list[dict[str, Any]], saved: list[Saved], counters: dict[str, int]
) -> list[str]:
    """Record what the server took; return the sessions that met a conflict."""
    answers = {answer.id: answer for answer in saved}  # by id: some servers answer out of order
    if set(answers) != {doc["_id"] for doc in docs}:
        raise BadAnswer("the server answered for other sessions than the ones sent")
    conflicts, carried = [], {}
    for doc in docs:
        answer, session_id = answers[doc["_id"]], session_id_of(doc["_id"]) or ""
        if answer.rev is not None:
            ctx.refused.discard(session_id)
            ctx.state.remember(session_id, answer.rev)
            carried[session_id] = counters.get(session_id)
            if doc.get("_deleted"):
                ctx.report.deleted += 1
            else:
                ctx.report.pushed += 1
        elif answer.conflict:
            conflicts.append(session_id)
        else:
            ctx.refused.add(session_id)
            log.warning("server refused %s: %s %s", session_id, answer.error, answer.reason)
    _forget_carried(ctx, carried)
    return conflicts


def _forget_carried(ctx: RunContext, carried: dict[str, int | None]) -> None:
    """Revisions first, then the outbox: a crash in between only costs a repeat, never a loss."""
    ctx.state.save()
    done = {i: c for i, c in carried.items() if c is not None}
    if done:
        ctx.store.mark_synced(done)
