"""Shared fixtures: a data folder on disk, a clock the test moves, no user config leaking in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.model import ExerciseLog, Session, SetLog, new_id

START = datetime(2026, 11, 25, 18, 0, tzinfo=timezone.utc)


class FakeClock:
    """Wall-clock time that moves only when the test says so."""

    def __init__(self, start: datetime = START) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's own data or settings."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    for name in ("ONEMORE_DATA_DIR", "ONEMORE_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def make_set(
    weight: float = 100,
    reps: int = 5,
    *,
    kind: str = "working",
    at: datetime = START,
    rir: float | None = 2,
    unit: str = "kg",
) -> SetLog:
    return SetLog(
        id=new_id(), kind=kind, weight=weight, reps=reps, logged_at=at, rir=rir, unit=unit
    )  # type: ignore[arg-type]


def make_session(
    name: str = "Full body A",
    *,
    at: datetime = START,
    sets: int = 3,
    exercise: str = "Barbell Back Squat",
    catalog_id: str | None = "barbell_back_squat",
    weight: float = 100,
) -> Session:
    """A finished session with one exercise of `sets` working sets."""
    log = ExerciseLog(id=new_id(), name=exercise, catalog_id=catalog_id)
    for index in range(sets):
        log = log.with_set(make_set(weight, 5, at=at + timedelta(minutes=3 * index)))
    return Session(
        id=new_id(), name=name, started_at=at, ended_at=at + timedelta(hours=1), exercises=(log,)
    )
