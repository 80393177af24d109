"""Looking at a data folder after a fault: what it holds, and whether every file still reads."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tui.store.repository import Store

LOG_FOLDER = "logs"


@dataclass
class Contents:
    """What a store opened after a fault shows."""

    notices: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # files that are not JSON any more
    session_ids: list[str] = field(default_factory=list)  # finished sessions, duplicates kept
    set_ids: set[str] = field(default_factory=set)  # in history and in the session in progress
    pending: set[str] = field(default_factory=set)  # in the outbox, waiting for a sync

    @property
    def duplicated(self) -> list[str]:
        return [i for i, n in Counter(self.session_ids).items() if n > 1]


def unreadable_files(data_dir: Path) -> list[str]:
    bad = []
    for path in sorted(data_dir.rglob("*.json")):
        try:
            json.loads(path.read_bytes())
        except ValueError:
            bad.append(str(path.relative_to(data_dir)))
    return bad


def contents(data_dir: Path) -> Contents:
    """Open the store the way the app does and read everything it holds."""
    found = Contents(unreadable=unreadable_files(data_dir))
    with Store(data_dir, lock_timeout=10) as store:
        found.notices = list(store.notices)
        for session in store.finished_sessions():
            found.session_ids.append(session.id)
            found.set_ids |= {s.id for s in session.sets}
        if store.live is not None:
            found.set_ids |= {s.id for s in store.live.sets}
        found.pending = set(store.pending_changes())
    return found


def damage(found: Contents) -> list[str]:
    """What is wrong with a store whatever the fault was: corruption and duplicates."""
    problems = [f"unreadable file {name}" for name in found.unreadable]
    problems += [f"notice at open: {notice}" for notice in found.notices]
    problems += [f"session {i} twice" for i in found.duplicated]
    return problems


def snapshot(folder: Path, *, skip_logs: bool = True) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (the log file left out: it only appends)."""
    if not folder.exists():
        return {}
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not (skip_logs and relative.parts[0] == LOG_FOLDER):
            files[str(relative)] = path.read_bytes()
    return files
