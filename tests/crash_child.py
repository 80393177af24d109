"""Logs sets forever the way the logging screen does (`LiveSession.submit`, the app's own
path from a typed line to disk); prints each set id once its save returned.

Run by tests/test_crash.py, which SIGKILLs it at random moments.
"""

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.application.live_session import LiveSession
from tui.application.results import Finished, Logged
from tui.application.sessions import Sessions
from tui.core.model import CheckIn, PlannedExercise, Routine
from tui.settings import Settings
from tui.store.repository import Store

SETS_PER_SESSION = 7
ROUTINE = Routine(
    "crash",
    "Crash test",
    (
        PlannedExercise(
            "Barbell Back Squat",
            sets=SETS_PER_SESSION,
            reps=5,
            weight=100,
            catalog_id="barbell_back_squat",
        ),
    ),
)


class Moment:
    """The wall clock of the logger: a day per session."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at


def main() -> None:
    store = Store(Path(sys.argv[1]), lock_timeout=10)
    moment = Moment(datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(days=store.session_count))
    sessions = Sessions(store, settings=Settings, now=moment)

    def start() -> LiveSession:
        live, _ = sessions.start(sessions.plan(ROUTINE, CheckIn()))
        return live

    live = sessions.resume() or start()
    print("ready", flush=True)
    while True:
        logged = live.submit("100x5 @2")
        assert isinstance(logged, Logged)
        if not live.view().unsaved:
            print(f"set {logged.set_log.id}", flush=True)
        if len(live.session.sets) >= SETS_PER_SESSION:
            moment.at += timedelta(hours=1)
            finished = live.finish()
            assert isinstance(finished, Finished)
            print(f"finished {finished.session.id}", flush=True)
            moment.at += timedelta(days=1)
            live = start()


if __name__ == "__main__":
    main()
