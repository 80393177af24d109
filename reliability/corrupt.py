"""Case 3, corrupt store files: each file OneMore keeps, damaged each way, then opened.

The store must say which file could not be read and where it was moved, keep the damaged
bytes there untouched, and go on working with everything else: read, log, finish, sync state.
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from reliability.damage import JSON_DAMAGE
from reliability.outcome import Outcome
from tui.core.model import ExerciseLog, Session, SetLog, new_id
from tui.store.repository import Store
from tui.sync.state import SyncState

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=timezone.utc)
STORE_FILES = (
    "live.json",
    "history/2025.json",
    "index.json",
    "summaries.json",
    "lifts/barbell_back_squat.json",
    "outbox.json",
    "sync.json",
)
TARGET = "http://127.0.0.1:9/onemore"  # the server sync.json belongs to (see config_for_sync)


def clock() -> datetime:
    return NOW


def session_at(moment: datetime, name: str, finished: bool = True) -> Session:
    exercise = ExerciseLog(id=new_id(), name="Barbell Back Squat", catalog_id="barbell_back_squat")
    for minute in range(3):
        at = moment + timedelta(minutes=3 * minute)
        exercise = exercise.with_set(
            SetLog(id=new_id(), kind="working", weight=100, reps=5, logged_at=at)
        )
    ended = moment + timedelta(hours=1) if finished else None
    return Session(id=new_id(), name=name, started_at=moment, ended_at=ended, exercises=(exercise,))


def populated(folder: Path) -> Path:
    """A data folder with every kind of file: two years of history, a session in progress,
    an outbox with changes waiting, and sync state for TARGET."""
    with Store(folder, now=clock) as store:
        older = session_at(NOW - timedelta(days=400), "Last year")
        store.add_finished([older, session_at(NOW - timedelta(days=3), "This year")])
        store.save_session(session_at(NOW, "In progress", finished=False))
        state = SyncState(store, TARGET)
        state.remember(older.id, "1-abc")
        state.checkpoint = "12-g1AAAA"
        state.save()
    return folder


def read_everything(store: Store) -> int:
    """What the app and the commands read, all of it; the number of finished sessions."""
    for summary in store.summaries():
        store.session(summary.id)
    for key in store.lifts_done():
        store.previous(key)
        store.lift_rows(key)
    store.previous("barbell_back_squat")
    store.previous_date("barbell_back_squat")
    store.lift_rows("barbell_back_squat")
    store.pending_changes()
    store.last_summary()
    sessions = list(store.finished_sessions())
    SyncState(store, TARGET)
    return len(sessions)


def keeps_working(store: Store) -> None:
    """Log a set and finish: the files that were set aside start afresh."""
    if store.live is None:
        store.save_session(session_at(NOW, "Fresh", finished=False))
    exercise_id = store.live.exercises[0].id
    store.save_session(
        store.live.with_set(
            exercise_id, SetLog(id=new_id(), kind="working", weight=90, reps=8, logged_at=NOW)
        )
    )
    store.finish_session(NOW + timedelta(hours=1))
    SyncState(store, TARGET).save()


def moved_copies(data: Path, name: str) -> list[Path]:
    return sorted((data / name).parent.glob(Path(name).name + ".corrupt-*"))


def records_of(raw: bytes) -> list[str]:
    """Every record of a TinyDB file as canonical JSON text (empty if it is not one)."""
    try:
        data = json.loads(raw)
        return sorted(
            json.dumps(r, sort_keys=True) for t, docs in data.items() for r in docs.values()
        )
    except (ValueError, AttributeError):
        return []


def kept(data: Path, name: str, damaged: bytes, notices: list[str]) -> list[str]:
    """The damaged file is set aside untouched, or (a year file) its bad record left in place,
    or nothing in it mattered (a value the store reads past, like an unknown catalog id)."""
    moved = moved_copies(data, name)
    if len(moved) == 1 and moved[0].read_bytes() == damaged:
        if any(Path(name).name in n and str(moved[0]) in n for n in notices):
            return []
        return [f"no notice says {name} was moved to {moved[0].name}: {notices}"]
    if moved:
        return [f"the damaged file was not kept aside as it was ({[m.name for m in moved]})"]
    left = [n for n in notices if n.startswith(name) and "left in the file" in n]
    if left and not set(records_of(damaged)) <= set(records_of((data / name).read_bytes())):
        return [f"{name}: the record said to be left in the file is gone"]
    return []


def corrupt_one(template: Path, data: Path, name: str, kind: str, rng: random.Random) -> list[str]:
    """Damage `name` one way, open the store, use it: the problems found."""
    shutil.copytree(template, data)
    path = data / name
    damaged = JSON_DAMAGE[kind](path.read_bytes(), rng)
    path.write_bytes(damaged)
    problems = []
    try:
        with Store(data, now=clock) as store:
            read_everything(store)
            notices = list(store.notices)
            keeps_working(store)
        with Store(data, now=clock) as store:
            read_everything(store)
            again = [n for n in store.notices if "left in the file" not in n]
            if again:
                problems.append(f"still complaining after the repair: {again}")
    except Exception as error:
        return [f"{type(error).__name__}: {error}"]
    return problems + kept(data, name, damaged, notices)


def corrupt_store_files(work: Path, rounds: int, seed: int = 8) -> Outcome:
    """Every store file × every kind of damage, `rounds` times with different damage."""
    outcome, rng = Outcome("corrupt store files"), random.Random(seed)
    template = populated(work / "template")
    for number in range(rounds):
        for name in STORE_FILES:
            for kind in JSON_DAMAGE:
                data = (
                    work / f"round-{number}" / f"{name.replace('/', '-')}-{kind.replace(' ', '-')}"
                )
                problems = corrupt_one(template, data, name, kind, rng)
                outcome.tried += 1
                if problems:
                    outcome.lost += 1
                    outcome.fail(f"{name}, {kind}: " + "; ".join(problems))
    return outcome
