"""Case 2, disk full and read-only: a set save or a finish meets ENOSPC, EROFS or EACCES.

The save fails without claiming anything it did not write: the file on disk is the old one,
no temp file is left, the store in memory holds no more than the disk, the lifter is told
once in one line, and once space returns the same session saves, with every set, once.
"""

from __future__ import annotations

import errno
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from reliability.checks import contents, damage, snapshot
from reliability.cli import HEVY_FIXTURE, STRONG_FIXTURE, onemore
from reliability.disks import InjectedDisk, TinyDisk, mounted_tmpfs
from reliability.fuzz_import import adds_up
from reliability.outcome import Outcome
from tests.sync_fixtures import free_port
from tui.application.journal import Journal
from tui.core.model import ExerciseLog, Session, SetLog, new_id
from tui.store.repository import Store

START = datetime(2026, 11, 25, 18, 0, tzinfo=timezone.utc)
CODES = (errno.ENOSPC, errno.EROFS, errno.EACCES)
Disk = InjectedDisk | TinyDisk


def new_session() -> tuple[Session, str]:
    exercise = ExerciseLog(id=new_id(), name="Barbell Back Squat", catalog_id="barbell_back_squat")
    return Session(id=new_id(), name="Disk test", started_at=START).with_exercise(
        exercise
    ), exercise.id


def with_a_set(session: Session, exercise_id: str, minute: int) -> Session:
    at = START + timedelta(minutes=minute)
    return session.with_set(
        exercise_id, SetLog(id=new_id(), kind="working", weight=100, reps=5, logged_at=at)
    )


def temp_files(data: Path) -> list[Path]:
    return list(data.rglob(".*.tmp-*"))


def save_on_a_full_disk(data: Path, disk: Disk, rng: random.Random) -> tuple[int, list[str]]:
    """Sets saved, then two that meet the full disk, then space returns: (sets lost, problems)."""
    told: list[str] = []
    problems = []
    with Store(data) as store:
        journal = Journal(store)  # the app's own path for a set: tell what save() says

        def save(session: Session) -> bool:
            if notice := journal.save(session):
                told.append(notice)
            return journal.unsaved is None

        session, exercise_id = new_session()
        save(session)
        for minute in range(rng.randint(0, 4)):
            session = with_a_set(session, exercise_id, minute)
            save(session)
        saved_sets = {s.id for s in session.sets}
        before = snapshot(data)
        disk.fill()
        for minute in (10, 11):
            session = with_a_set(session, exercise_id, minute)
            if save(session):
                problems.append("a save on a full disk said it was saved")
        if {s.id for s in store.live.sets} != saved_sets:
            problems.append("the store claims sets the disk does not hold")
        if snapshot(data) != before or temp_files(data):
            problems.append("the failed save changed the files on disk")
        if len(told) != 1 or "\n" in told[0]:
            problems.append(f"the lifter was told {told!r}, not one line once")
        disk.free()
        if notice := journal.retry():
            told.append(notice)
        if journal.unsaved is not None or not told[-1].startswith("Saved"):
            problems.append("the retry did not save once space returned")
    with Store(data) as store:
        kept = [s.id for s in store.live.sets] if store.live else []
    lost = {s.id for s in session.sets} - set(kept)
    if len(kept) != len(set(kept)):
        problems.append("a set was saved twice")
    return len(lost), problems


def finish_on_a_full_disk(data: Path, disk: Disk, rng: random.Random) -> tuple[int, list[str]]:
    """The disk fills somewhere inside finishing; the lifter tries again or restarts."""
    problems = []
    with Store(data) as store:
        session, exercise_id = new_session()
        for minute in range(rng.randint(1, 4)):
            session = with_a_set(session, exercise_id, minute)
        store.save_session(session)
        if isinstance(disk, InjectedDisk):
            disk.fill(after=rng.randrange(6))  # outbox, history, index, live: any of them
        else:
            disk.fill()
        said_done = False
        try:  # done only when what it must keep reached the disk (derived files come later)
            store.finish_session(START + timedelta(hours=1))
            said_done = True
        except OSError:
            pass
        disk.free()
        if not said_done and rng.random() < 0.5:  # as the app does when f is pressed again
            store.save_session(session)
            store.finish_session(START + timedelta(hours=1))
    with Store(data) as store:  # or the app was closed and opened again: the open repairs
        finished = [s for s in store.finished_sessions() if s.id == session.id]
        live = store.live
    if said_done and (finished == [] or live is not None):
        problems.append("the finish said it was done on a full disk, and it was not")
        return len(session.sets), problems
    if live is not None and live.id == session.id and not live.finished and not finished:
        kept = live  # the finish never reached the disk: the session is still in progress
    elif len(finished) == 1 and live is None:
        kept = finished[0]
        if said_done and kept.sets != session.sets:
            problems.append("the finish said it was done, and history holds another session")
    else:
        problems.append(
            f"the session is in history {len(finished)} times, in progress: {live is not None}"
        )
        return len(session.sets), problems
    lost = {s.id for s in session.sets} - {s.id for s in kept.sets}
    return len(lost), problems


TRIALS = (save_on_a_full_disk, finish_on_a_full_disk)


def record(outcome: Outcome, label: str, result: tuple[int, list[str]]) -> None:
    lost, problems = result
    outcome.tried += 1
    outcome.lost += lost
    if problems:
        outcome.fail(f"{label}: " + "; ".join(problems))


def injected_disk_faults(work: Path, tries: int, seed: int = 5) -> Outcome:
    """ENOSPC, EROFS and EACCES injected at the storage layer, during set saves and finishes."""
    outcome, rng = Outcome("disk full / read-only (injected)"), random.Random(seed)
    for number in range(tries):
        code, trial = CODES[number % 3], TRIALS[number % 2]
        with InjectedDisk(code) as disk:
            label = f"try {number} ({errno.errorcode[code]}, {trial.__name__})"
            record(outcome, label, trial(work / f"injected-{number}", disk, rng))
    return outcome


def tiny_disk_faults(work: Path, tries: int, seed: int = 6) -> Outcome:
    """A real 256 kB tmpfs filled to the last byte while saving sets and finishing."""
    outcome, rng = Outcome("disk full (real tmpfs)"), random.Random(seed)
    with mounted_tmpfs(work / "tiny") as root:
        for number in range(tries):
            disk, trial = TinyDisk(root), TRIALS[number % 2]
            record(
                outcome,
                f"try {number} ({trial.__name__})",
                trial(root / f"real-{number}", disk, rng),
            )
            disk.free()
            shutil.rmtree(root / f"real-{number}")  # room for the next try
    return outcome


def cli_on_a_full_disk(work: Path, quiet_log: bool = True) -> list[str]:
    """`onemore import` and `export -o` on a real full disk: one clear line, exit 1, and once
    there is room the same import completes. `quiet_log`: nothing but that line on stderr."""
    problems = []
    with mounted_tmpfs(work / "full", size="8m") as root:
        data, disk = root / "data", TinyDisk(root)
        onemore(
            "--data-dir",
            str(data),
            "import",
            "strong",
            str(STRONG_FIXTURE),
        )
        disk.fill()
        for args, code in (
            (["import", "hevy", str(HEVY_FIXTURE)], 1),
            (["export", "-o", str(root / "out.json")], 1),
            (
                [
                    "sync",
                    "--url",
                    f"http://127.0.0.1:{free_port()}",
                    "--database",
                    "db",
                    "--timeout",
                    "1",
                ],
                2,
            ),
        ):
            result = onemore("--data-dir", str(data), *args)
            lines = result.stderr.strip().splitlines()
            if result.returncode != code or (
                code == 1 and "No space left on device" not in result.stderr
            ):
                problems.append(
                    f"{args[0]} on a full disk: exit {result.returncode}, {result.stderr[-200:]!r}"
                )
            if "unexpected error" in result.stderr:
                problems.append(f"{args[0]} on a full disk called it unexpected")
            if quiet_log and len(lines) != 1:
                problems.append(
                    f"{args[0]} on a full disk wrote {len(lines)} lines to stderr, not one"
                )
        disk.free()
        again = onemore("--data-dir", str(data), "import", "hevy", str(HEVY_FIXTURE))
        if again.returncode != 0 or not adds_up(again.stdout):
            problems.append(
                f"the import did not complete once there was room: {again.stderr[-200:]}"
            )
        problems += damage(contents(data))
    return problems
