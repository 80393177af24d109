"""Logs sets forever through the store API the app uses; prints each set id once its save returned.

Run by tests/test_crash.py, which SIGKILLs it at random moments.
"""

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.model import ExerciseLog, Session, SetLog, new_id
from tui.store.repository import Store

SETS_PER_SESSION = 7


def new_session(store: Store, start: datetime) -> str:
    exercise = ExerciseLog(id=new_id(), name="Barbell Back Squat", catalog_id="barbell_back_squat")
    store.start_session(
        Session(id=new_id(), name="Crash test", started_at=start).with_exercise(exercise)
    )
    return exercise.id


def main() -> None:
    store = Store(Path(sys.argv[1]), lock_timeout=10)
    moment = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(days=store.session_count)
    exercise_id = store.live.exercises[0].id if store.live else new_session(store, moment)
    print("ready", flush=True)
    while True:
        set_log = SetLog(id=new_id(), kind="working", weight=100, reps=5, logged_at=moment, rir=2)
        store.log_set(exercise_id, set_log)
        print(f"set {set_log.id}", flush=True)
        if len(store.live.sets) >= SETS_PER_SESSION:
            finished = store.finish_session(moment + timedelta(hours=1))
            print(f"finished {finished.id}", flush=True)
            moment += timedelta(days=1)
            exercise_id = new_session(store, moment)


if __name__ == "__main__":
    main()
