"""Personal records: what counts as a PR, and a running book that keeps up with ten years."""

import random
from datetime import timedelta

import pytest

from tui.core.model import ExerciseLog, Session, SetLog, new_id, to_kg
from tui.core.records import RecordBook, marks_of, records_along
from tui.core.stats import set_e1rm

from .builders import LB_100_KG, a_session, a_set, an_exercise
from .conftest import START


def squat(*sets):
    return an_exercise(*sets)


def kinds(records):
    return sorted((r.kind, r.reps) for r in records)


def book_of(*sessions):
    book = RecordBook()
    for session in sessions:
        book.add(session)
    return book


def test_the_first_time_an_exercise_is_done_makes_no_pr():
    book = RecordBook()
    assert not book.knows("barbell_back_squat")
    assert book.add(a_session(squat(a_set(100, 5, 0)))) == []
    assert book.knows("barbell_back_squat")
    assert book.bests("barbell_back_squat").weight_for_reps == {5: 100}


def test_an_empty_book_finds_no_pr_in_any_session():
    assert RecordBook().records_in(a_session(squat(a_set(300, 1)))) == []


def test_a_heavier_five_is_a_weight_e1rm_and_volume_pr():
    book = book_of(a_session(squat(a_set(100, 5, 0), a_set(100, 5, 0))))
    heavier = a_set(102.5, 5, 0)
    records = book.add(a_session(squat(heavier, a_set(100, 5, 0)), days=3))
    assert kinds(records) == [("e1rm", None), ("volume", None), ("weight_for_reps", 5)]
    weight, best, volume = (
        next(r for r in records if r.kind == k) for k in ("weight_for_reps", "e1rm", "volume")
    )
    assert (weight.value_kg, weight.previous_kg, weight.set_id) == (102.5, 100, heavier.id)
    assert best.value_kg == pytest.approx(102.5 * 35 / 30)
    assert best.previous_kg == pytest.approx(100 * 35 / 30)
    assert (volume.value_kg, volume.previous_kg, volume.set_id) == (1012.5, 1000, None)
    assert weight.exercise_name == "Barbell Back Squat"


def test_equalling_a_best_is_not_a_pr():
    book = book_of(a_session(squat(a_set(100, 5, 0))))
    assert book.add(a_session(squat(a_set(100, 5, 0)), days=3)) == []


def test_weight_for_reps_is_per_exact_rep_count_and_a_new_count_is_silent():
    book = book_of(a_session(squat(a_set(120, 5, 0))))
    first_triple = a_session(squat(a_set(100, 3, 0)), days=3)
    assert book.add(first_triple) == []  # 100 × 3 is no record after 120 × 5
    records = book.add(a_session(squat(a_set(105, 3, 0)), days=6))
    assert kinds(records) == [("weight_for_reps", 3)]  # now there was a triple to beat


def test_warm_ups_never_make_a_pr():
    book = book_of(a_session(squat(a_set(100, 5, 0))))
    records = book.add(a_session(squat(a_set(140, 5, kind="warmup"), a_set(90, 5, 0)), days=3))
    assert records == []
    assert book.bests("barbell_back_squat").weight_for_reps == {5: 100}


def test_one_pr_per_rep_count_the_best_of_the_session():
    book = book_of(a_session(squat(a_set(100, 5, 2))))
    lighter, heavier = a_set(101, 5, 2), a_set(103, 5, 2)
    records = book.add(a_session(squat(lighter, heavier), days=3))
    weight = [r for r in records if r.kind == "weight_for_reps"]
    assert [(r.value_kg, r.set_id) for r in weight] == [(103, heavier.id)]


def test_mixed_units_are_compared_in_kg():
    book = book_of(a_session(squat(a_set(100, 5, 0))))
    assert book.add(a_session(squat(a_set(LB_100_KG, 5, 0, unit="lb")), days=3)) == []
    records = book.add(a_session(squat(a_set(225, 5, 0, unit="lb")), days=6))
    weight = next(r for r in records if r.kind == "weight_for_reps")
    assert weight.value_kg == pytest.approx(102.058, abs=1e-3)
    assert weight.previous_kg == pytest.approx(100)


def test_bodyweight_sets_make_weight_and_volume_prs_on_the_added_load_but_no_e1rm_pr():
    def pull_ups(*sets):
        return an_exercise(*sets, name="Pull-up", catalog_id="pull_up")

    book = book_of(a_session(pull_ups(a_set(0, 8, 0, bodyweight=True))))
    assert book.add(a_session(pull_ups(a_set(0, 8, 0, bodyweight=True)), days=2)) == []
    records = book.add(a_session(pull_ups(a_set(5, 8, 0, bodyweight=True)), days=4))
    assert kinds(records) == [("volume", None), ("weight_for_reps", 8)]
    assert book.bests("pull_up").e1rm_kg is None


def test_a_session_of_warm_ups_only_does_not_count_as_doing_the_exercise():
    book = book_of(a_session(squat(a_set(60, 5, kind="warmup"))))
    assert not book.knows("barbell_back_squat")
    assert book.last_time("barbell_back_squat") is None
    assert book.add(a_session(squat(a_set(100, 5, 0)), days=3)) == []  # still the first time


def test_records_in_leaves_the_book_as_it_was():
    book = book_of(a_session(squat(a_set(100, 5, 0))))
    later = a_session(squat(a_set(110, 5, 0)), days=3)
    assert len(book.records_in(later)) == 3
    assert len(book.records_in(later)) == 3
    assert book.bests("barbell_back_squat").weight_for_reps == {5: 100}
    assert book.sessions == 1


def test_the_last_time_of_an_exercise_is_the_latest_session_fed():
    older = a_session(squat(a_set(100, 5, 0)))
    newer = a_session(squat(a_set(60, 5, kind="warmup"), a_set(105, 5, 0)), days=3)
    last = book_of(older, newer).last_time("barbell_back_squat")
    assert (last.session_id, last.started_at) == (newer.id, newer.started_at)
    assert (last.numbers.top_weight_kg, last.numbers.working_sets) == (105, 1)


def test_records_along_one_exercise_find_what_the_book_finds():
    sessions = [a_session(squat(a_set(100 + 5 * step, 5, 0)), days=step) for step in range(3)]
    book = RecordBook()
    by_book = {s.id: book.add(s) for s in sessions}
    along = records_along(
        "barbell_back_squat",
        ((s.id, e.name, marks_of(e.working_sets)) for s in sessions for e in s.exercises),
    )
    assert along == {k: v for k, v in by_book.items() if v}
    assert [len(by_book[s.id]) for s in sessions] == [0, 3, 3]  # first time: marks, no PRs


# -- ten years ---------------------------------------------------------------------------------

LIFTS = ["squat", "bench", "deadlift", "press", "row", "pull_up"]


def ten_years(seed=4):
    """2,000 sessions of 25 sets, weights wandering up and down, some lb, warm-ups, bodyweight."""
    rng = random.Random(seed)
    sessions = []
    for number in range(2000):
        at = START - timedelta(days=2 * (2000 - number))
        exercises = []
        for lift in rng.sample(LIFTS, 5):
            sets = [SetLog(id=new_id(), kind="warmup", weight=40, reps=5, logged_at=at)]
            for _ in range(4):
                sets.append(
                    SetLog(
                        id=new_id(),
                        kind="working",
                        logged_at=at,
                        weight=rng.choice(range(20, 160, 5)),
                        reps=rng.randint(1, 15),
                        rir=rng.choice([None, 0, 1, 2.5]),
                        unit=rng.choice(["kg", "kg", "lb"]),
                        bodyweight=lift == "pull_up",
                    )
                )
            exercises.append(ExerciseLog(id=new_id(), name=lift, catalog_id=lift, sets=tuple(sets)))
        sessions.append(
            Session(
                id=new_id(),
                name="A",
                started_at=at,
                ended_at=at + timedelta(hours=1),
                exercises=tuple(exercises),
            )
        )
    return sessions


def records_the_slow_way(history, session):
    """The PRs of `session` worked out from scratch against every earlier set."""
    found = set()
    for exercise in session.exercises:
        earlier = [
            s
            for past in history
            for e in past.exercises
            if e.key == exercise.key
            for s in e.sets
            if s.is_working and s.reps > 0
        ]
        now = [s for s in exercise.sets if s.is_working and s.reps > 0]
        if not earlier or not now:
            continue
        for reps in {s.reps for s in now}:
            before = [to_kg(s.weight, s.unit) for s in earlier if s.reps == reps]
            heaviest = max(to_kg(s.weight, s.unit) for s in now if s.reps == reps)
            if before and heaviest > max(before) + 1e-6:
                found.add((exercise.key, "weight_for_reps", reps))
        estimates_before = [e for s in earlier if (e := set_e1rm(s)) is not None]
        estimates_now = [e for s in now if (e := set_e1rm(s)) is not None]
        if estimates_before and estimates_now and max(estimates_now) > max(estimates_before) + 1e-6:
            found.add((exercise.key, "e1rm", None))
        volumes = {}
        for past in history:
            for e in past.exercises:
                if e.key == exercise.key:
                    volumes[past.id] = sum(to_kg(s.volume, s.unit) for s in e.sets)
        volume_now = sum(to_kg(s.volume, s.unit) for s in now)
        if volume_now > max(volumes.values()) + 1e-6:
            found.add((exercise.key, "volume", None))
    return sorted(found, key=str)


def test_a_ten_year_history_gives_the_same_prs_as_working_them_out_from_scratch():
    history = ten_years()
    assert sum(len(s.sets) for s in history) == 50_000
    book = RecordBook()
    found = {session.id: book.add(session) for session in history}
    assert book.sessions == 2000
    for index in (1, 2, 10, 500, 1999):
        session = history[index]
        expected = records_the_slow_way(history[:index], session)
        made = [(r.exercise_key, r.kind, r.reps) for r in found[session.id]]
        assert sorted(made, key=str) == expected
    assert sum(len(records) for records in found.values()) > 0
    all_squats = [
        s
        for past in history
        for e in past.exercises
        if e.key == "squat"
        for s in e.sets
        if s.is_working and s.reps == 5
    ]
    heaviest_five = max(to_kg(s.weight, s.unit) for s in all_squats)
    assert book.bests("squat").weight_for_reps[5] == heaviest_five
