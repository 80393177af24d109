"""Pull: read `_changes` page by page and file what arrived, then save the checkpoint.

A session changed here and there is merged (and marked to go back up); a deletion wins
over an edit; documents that are not readable OneMore sessions are skipped and logged.
The next page is asked for while this one is decoded; decoding and filing run in a thread
(see tui/sync/arrivals.py), so the app's keys and rest clock never wait on a pull, and the
store's lock is taken a year file or a lift file at a time, so a set saved meanwhile waits
for one file, not for the pull. The lift files, PRs and index of what arrived are worked
out once, at the end (`Store.catch_up`), even when the pull is cut off.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from tui.sync.arrivals import Arrivals
from tui.sync.context import RunContext
from tui.sync.couch import ChangesPage

log = logging.getLogger(__name__)


async def pull(ctx: RunContext) -> None:
    arrivals = Arrivals()
    try:
        await _read_pages(ctx, arrivals)
    except BaseException:  # cut off: keep what arrived and was checked, then go on failing
        await asyncio.to_thread(_keep, ctx, arrivals, quietly=True)
        raise
    await asyncio.to_thread(_keep, ctx, arrivals, quietly=False)


async def _read_pages(ctx: RunContext, arrivals: Arrivals) -> None:
    since = ctx.state.checkpoint
    asking: asyncio.Future[ChangesPage] | None = _ask(ctx, since)
    try:
        while asking is not None:
            page = await asking
            asking = None if _last_page(ctx, page, since) else _ask(ctx, page.last_seq)
            await asyncio.to_thread(arrivals.take, ctx, page)  # off the event loop
            since = page.last_seq
            if asking is None or arrivals.due():
                await asyncio.to_thread(arrivals.file, ctx)
    finally:
        if asking is not None:
            asking.cancel()
            with contextlib.suppress(BaseException):
                await asking


def _ask(ctx: RunContext, since: Any) -> asyncio.Future[ChangesPage]:
    return asyncio.ensure_future(ctx.couch.changes(since, ctx.page_size))


def _last_page(ctx: RunContext, page: ChangesPage, since: object) -> bool:
    if not page.changes or page.last_seq == since:
        return True
    if page.pending is not None:
        return page.pending == 0
    return len(page.changes) < ctx.page_size


def _keep(ctx: RunContext, arrivals: Arrivals, *, quietly: bool) -> None:
    """File what is waiting, then work out the lift files and index of everything filed."""
    try:
        try:
            if arrivals.waiting or arrivals.taken:
                arrivals.file(ctx)
        finally:
            ctx.store.catch_up()
    except Exception as problem:
        if not quietly:
            raise
        log.warning("what the pull received could not all be kept: %s", problem)
