"""The benchmark's synthetic history: a valid store of the size asked for, the same every time."""

from __future__ import annotations

import pytest

from bench.make_history import generate, make_history, stats_of
from tui.core.catalog import CATALOG
from tui.store.repository import Store


def test_make_history_writes_a_readable_store_of_the_requested_size(tmp_path):
    stats = make_history(tmp_path / "store", years=0.25, seed=4)

    assert 45 <= stats.sessions <= 56  # about four a week for 13 weeks
    with Store(tmp_path / "store") as store:
        assert not store.notices
        assert store.session_count == stats.sessions
        sessions = list(store.finished_sessions())
        assert len(store.summaries()) == stats.sessions
    assert len(sessions) == stats.sessions
    assert sum(len(s.sets) for s in sessions) == stats.sets
    assert stats.working_sets + stats.warmup_sets == stats.sets
    for session in sessions:
        assert session.finished and session.routine_id
        assert 5 <= len(session.exercises) <= 7
        for exercise in session.exercises:
            assert exercise.catalog_id in CATALOG
            assert 3 <= len(exercise.working_sets) <= 5
    sets = [s for session in sessions for s in session.sets]
    assert any(s.kind == "warmup" for s in sets)
    assert all(s.rir is not None for s in sets if s.is_working)
    assert any(s.rest_actual_s and s.rest_planned_s for s in sets)
    assert any(s.calm_after_s for s in sets)


def test_a_year_has_test_sets_and_the_same_seed_gives_the_same_history():
    year = generate(years=1, seed=2)
    stats = stats_of(year)
    assert 190 <= stats.sessions <= 215
    assert stats.test_sets > 0
    assert [s.to_dict() for s in year[:5]] == [s.to_dict() for s in generate(years=1, seed=2)[:5]]
    assert year[0].id != generate(years=1, seed=3)[0].id


def test_make_history_leaves_an_existing_store_alone(tmp_path):
    make_history(tmp_path / "store", years=0.05, seed=1)
    before = (tmp_path / "store" / "index.json").read_bytes()
    with pytest.raises(FileExistsError):
        make_history(tmp_path / "store", years=0.05, seed=1)
    assert (tmp_path / "store" / "index.json").read_bytes() == before
