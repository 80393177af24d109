"""What a sync must carry survives damage to its own files and odd moves on the server.

- A damaged outbox.json (truncated, random bytes, the wrong shape) is set aside; what it
  listed (a new session, an edit of a synced one, a deletion) still reaches the server at
  the next sync, and sessions the server already holds as they are are not sent again.
- A session whose start moves to another year on the server (edited on another device) is
  stored once, under its new year, never in both year files.
"""

from __future__ import annotations

import asyncio
import json
import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from reliability.damage import emptied, from_the_future, random_bytes, truncated
from tests.conftest import START, make_session
from tests.fake_couch import FakeCouch, fake_config
from tui.store.repository import Store
from tui.sync.documents import session_doc
from tui.sync.service import SyncService

DAMAGES = {
    "truncated": truncated,
    "random bytes": random_bytes,
    "emptied": emptied,
    "from a newer OneMore": from_the_future,
}


def sync(store: Store, couch: FakeCouch):
    return asyncio.run(SyncService(store, fake_config(), transport=couch.transport()).run())


def damaged_outbox(work: Path, rng: random.Random) -> list[str]:
    problems = []
    couch, data = FakeCouch(), work / "data"
    kept, edited, deleted, new = (
        make_session(f"day {days}", at=START - timedelta(days=days)) for days in (40, 30, 20, 10)
    )
    with Store(data) as store:
        store.add_finished([kept, edited, deleted])
        sync(store, couch)
        revs = {i: d["_rev"] for i, d in couch.docs.items()}
        store.add_finished([new])
        store.add_finished([edited.edited(edited.ended_at + timedelta(days=1))])  # type: ignore[operator]
        store.delete_session(deleted.id, deleted.started_at + timedelta(days=30))
        waiting = set(store.pending_changes())
    if waiting != {new.id, edited.id, deleted.id}:
        problems.append(f"the outbox held {waiting} before the damage")
    name, damage = rng.choice(sorted(DAMAGES.items()))
    outbox = data / "outbox.json"
    outbox.write_bytes(damage(outbox.read_bytes(), rng))
    with Store(data) as store:
        if not any("outbox.json" in notice for notice in store.notices):
            problems.append(f"{name}: the damaged outbox was not told: {store.notices}")
        report = sync(store, couch)
        pending = store.pending_changes()
    server = couch.docs
    if f"session:{new.id}" not in server:
        problems.append(f"{name}: the new session never reached the server")
    if server.get(f"session:{edited.id}", {}).get("edited_at") is None:
        problems.append(f"{name}: the edit never reached the server")
    if not server.get(f"session:{deleted.id}", {}).get("_deleted"):
        problems.append(f"{name}: the deletion never reached the server")
    if server[f"session:{kept.id}"]["_rev"] != revs[f"session:{kept.id}"]:
        problems.append(f"{name}: a session the server had as it is was sent again")
    if pending or report.status.health.value != "synced":
        problems.append(f"{name}: after the sync {len(pending)} pending, {report.status}")
    return problems


def year_files_holding(data: Path, session_id: str) -> list[str]:
    """The year files whose records hold `session_id` (read as written)."""
    holding = []
    for path in sorted((data / "history").glob("*.json")):
        records = json.loads(path.read_text()).get("sessions", {}).values()
        holding += [path.name for r in records if r.get("id") == session_id]
    return holding


def start_moved_to_another_year(work: Path, days: int) -> list[str]:
    """Another device moves a synced session's start `days` back, across New Year; this one
    pulls it (and a local edit or import of it files it again): it is stored once."""
    problems = []
    couch, data = FakeCouch(), work / "data"
    session = make_session("New Year's Eve", at=datetime(2026, 1, 1, 10, tzinfo=timezone.utc))
    with Store(data) as store:
        store.add_finished([session])
        sync(store, couch)
        key = f"session:{session.id}"
        moved_start = session.started_at - timedelta(days=days)
        elsewhere = replace(
            session.edited(session.started_at + timedelta(days=2)),
            started_at=moved_start,
            ended_at=moved_start + timedelta(hours=1),
        )
        couch.put(session_doc(elsewhere, None) | {"_rev": couch.docs[key]["_rev"]})
        report = sync(store, couch)
        count = sum(1 for s in store.finished_sessions() if s.id == session.id)
        found = store.session(session.id)
        starts = None if found is None else found.started_at
    holding = year_files_holding(data, session.id)
    if holding != [f"{moved_start.year}.json"] or count != 1:
        problems.append(f"moved {days} days back: stored in {holding}, read {count} times")
    if starts != moved_start:
        problems.append(f"moved {days} days back: the session starts {starts}, not {moved_start}")
    if report.status.health.value != "synced":
        problems.append(f"moved {days} days back: the sync ended {report.status}")
    return problems
