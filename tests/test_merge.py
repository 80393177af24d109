"""Merging two versions of a session: no set lost, removed sets stay out, same result everywhere."""

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.merge import merge_sessions
from tui.core.model import ExerciseLog, Session, SetLog

from .conftest import START, make_session

SESSION_ID = "5b0c0000-0000-4000-8000-000000000000"
SET_IDS = [f"set-{n}" for n in range(8)]
EXERCISE_IDS = ["squat", "bench", "row"]
MOMENTS = [START + timedelta(minutes=m) for m in range(4)]

moments = st.sampled_from(MOMENTS)
maybe_moments = st.none() | moments


@st.composite
def set_logs(draw, set_id: str) -> SetLog:
    return SetLog(
        id=set_id,
        kind=draw(st.sampled_from(["warmup", "working"])),
        weight=draw(st.sampled_from([60.0, 100.0])),
        reps=draw(st.integers(1, 3)),
        logged_at=MOMENTS[0],
        edited_at=draw(maybe_moments),
    )


@st.composite
def sessions(draw) -> Session:
    """One device's version of the session: sets and exercises from shared pools of ids."""
    set_ids = draw(st.permutations(SET_IDS))
    kept = draw(st.integers(0, len(set_ids)))
    removed = tuple(i for i in set_ids[kept:] if draw(st.booleans()))
    exercise_ids = draw(st.lists(st.sampled_from(EXERCISE_IDS), min_size=1, unique=True))
    placed: dict[str, list[SetLog]] = {e: [] for e in exercise_ids}
    for set_id in set_ids[:kept]:
        placed[draw(st.sampled_from(exercise_ids))].append(draw(set_logs(set_id)))
    exercises = tuple(
        ExerciseLog(id=e, name=draw(st.sampled_from(["Squat", "Front squat"])), sets=tuple(s))
        for e, s in placed.items()
    )
    return Session(
        id=SESSION_ID,
        name=draw(st.sampled_from(["Legs", "Lower"])),
        notes=draw(st.sampled_from(["", "knee ok"])),
        started_at=START,
        ended_at=START + timedelta(hours=1),
        edited_at=draw(maybe_moments),
        exercises=exercises,
        removed_set_ids=removed,
    )


def set_versions(*sides: Session) -> dict[str, list[SetLog]]:
    found: dict[str, list[SetLog]] = {}
    for side in sides:
        for set_log in side.sets:
            found.setdefault(set_log.id, []).append(set_log)
    return found


@given(sessions(), sessions())
def test_the_merge_is_the_same_whichever_device_runs_it(a, b):
    assert merge_sessions(a, b) == merge_sessions(b, a)


@given(sessions())
def test_merging_a_session_with_itself_changes_nothing(a):
    assert merge_sessions(a, a) == a


@given(sessions(), sessions())
def test_merging_again_with_one_side_keeps_the_same_sets(a, b):
    merged = merge_sessions(a, b)
    again = merge_sessions(merged, b)
    assert len(again.sets) == len(merged.sets)
    assert {s.id: s for s in again.sets} == {s.id: s for s in merged.sets}


@given(sessions(), sessions())
def test_no_set_is_lost_and_no_removed_set_comes_back(a, b):
    merged = merge_sessions(a, b)
    removed = set(a.removed_set_ids) | set(b.removed_set_ids)
    merged_ids = [s.id for s in merged.sets]
    assert len(merged_ids) == len(set(merged_ids))
    assert set(merged_ids) == set(set_versions(a, b)) - removed
    assert set(merged.removed_set_ids) == removed


@given(sessions(), sessions())
def test_the_later_edit_of_a_set_wins(a, b):
    versions = set_versions(a, b)
    for set_log in merge_sessions(a, b).sets:
        assert set_log.changed_at == max(v.changed_at for v in versions[set_log.id])


@given(sessions(), sessions())
def test_session_fields_come_from_the_later_edit(a, b):
    merged = merge_sessions(a, b)
    if a.edited_at and (b.edited_at is None or a.edited_at > b.edited_at):
        assert (merged.name, merged.notes, merged.edited_at) == (a.name, a.notes, a.edited_at)


def test_sets_logged_on_two_devices_are_all_kept():
    base = make_session(sets=2)
    exercise = base.exercises[0]
    gym = base.with_set(exercise.id, replace(exercise.sets[0], id="gym-extra"))
    home = base.with_set(exercise.id, replace(exercise.sets[0], id="home-extra"))
    merged = merge_sessions(gym, home)
    assert [s.id for s in merged.sets][:2] == [s.id for s in base.sets]
    assert {s.id for s in merged.sets} == {s.id for s in base.sets} | {"gym-extra", "home-extra"}


def test_a_set_removed_on_one_device_stays_removed_though_the_other_edited_it_later():
    base = make_session(sets=3)
    doomed = base.sets[1]
    removed = base.remove_finished_set(doomed.id, START + timedelta(hours=2))
    later_edit = replace(doomed, reps=8, edited_at=START + timedelta(hours=3))
    edited = base.with_set(base.exercises[0].id, later_edit)
    merged = merge_sessions(removed, edited)
    assert doomed.id not in {s.id for s in merged.sets}
    assert len(merged.sets) == 2


def test_a_renamed_session_keeps_the_later_name_and_both_sides_sets():
    base = make_session("Legs", sets=1)
    renamed = replace(base, name="Heavy legs", edited_at=START + timedelta(hours=5))
    exercise = base.exercises[0]
    more = base.with_set(exercise.id, replace(exercise.sets[0], id="late-set"))
    merged = merge_sessions(more, renamed)
    assert merged.name == "Heavy legs" and len(merged.sets) == 2


def test_two_different_sessions_cannot_be_merged():
    with pytest.raises(ValueError):
        merge_sessions(make_session(), make_session())
