"""Processes the kill cases SIGKILL at random moments; each prints what it has confirmed.

    python tests/kill_children.py log DATA       log sets forever: "set <id>" once saved
    python tests/kill_children.py finish DATA    short sessions: "finishing <id>", "finished <id>"
    python tests/kill_children.py sync DATA URL DATABASE USER   (password: ONEMORE_SYNC_PASSWORD)
        add, edit and delete finished sessions and sync after each: "added <id>", "synced"

Every line is flushed as soon as the call it reports has returned, so the parent knows
exactly what the store promised before the kill.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.model import ExerciseLog, Session, SetLog, new_id
from tui.store.repository import Store
from tui.sync.config import SyncConfig
from tui.sync.service import SyncService

DAY_ONE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def say(line: str) -> None:
    print(line, flush=True)


def start(store: Store, moment: datetime) -> str:
    exercise = ExerciseLog(id=new_id(), name="Barbell Back Squat", catalog_id="barbell_back_squat")
    session = Session(id=new_id(), name="Kill test", started_at=moment).with_exercise(exercise)
    store.save_session(session)
    return exercise.id


def log_set(store: Store, exercise_id: str, moment: datetime) -> None:
    set_log = SetLog(id=new_id(), kind="working", weight=100, reps=5, logged_at=moment, rir=2)
    store.save_session(store.live.with_set(exercise_id, set_log))
    say(f"set {set_log.id}")


def keep_logging(store: Store, sets_per_session: int) -> None:
    moment = DAY_ONE + timedelta(days=store.session_count)
    exercise_id = store.live.exercises[0].id if store.live else start(store, moment)
    say("ready")
    while True:
        log_set(store, exercise_id, moment)
        if len(store.live.sets) >= sets_per_session:
            say(f"finishing {store.live.id}")
            finished = store.finish_session(moment + timedelta(hours=1))
            say(f"finished {finished.id}")
            moment += timedelta(days=1)
            exercise_id = start(store, moment)


def finished_session(moment: datetime, sets: int) -> Session:
    exercise = ExerciseLog(
        id=new_id(), name="Barbell Bench Press", catalog_id="barbell_bench_press"
    )
    for index in range(sets):
        at = moment + timedelta(minutes=3 * index)
        exercise = exercise.with_set(
            SetLog(id=new_id(), kind="working", weight=80, reps=5, logged_at=at)
        )
    return Session(
        id=new_id(),
        name="Synced",
        started_at=moment,
        ended_at=moment + timedelta(hours=1),
        exercises=(exercise,),
    )


async def keep_syncing(store: Store, config: SyncConfig) -> None:
    rng = random.Random()
    say("ready")
    while True:
        moment = DAY_ONE + timedelta(days=rng.randrange(3 * 365), minutes=rng.randrange(1440))
        session = finished_session(moment, rng.randint(1, 4))
        store.add_finished([session])
        say(f"added {session.id}")
        summaries = store.summaries()
        if len(summaries) > 3 and rng.random() < 0.3:
            victim = rng.choice(summaries).id
            store.delete_session(victim, datetime.now(timezone.utc))
            say(f"deleted {victim}")
        elif len(summaries) > 3 and rng.random() < 0.3:
            edited = store.session(rng.choice(summaries).id)
            store.add_finished([edited.edited(datetime.now(timezone.utc))])
        report = await SyncService(store, config, deadline_s=10).run()
        say(f"synced {report.status.health.value}")


def main() -> None:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    store = Store(folder, lock_timeout=10)
    if mode == "log":
        keep_logging(store, sets_per_session=7)
    elif mode == "finish":
        keep_logging(store, sets_per_session=2)
    elif mode == "sync":
        url, database, user = sys.argv[3:6]
        config = SyncConfig(url, database, user, os.environ["ONEMORE_SYNC_PASSWORD"])
        asyncio.run(keep_syncing(store, config))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
