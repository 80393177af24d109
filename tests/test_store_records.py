"""PRs the store keeps per session, worked out from the lift files of each exercise, against
the record book fed with the whole history: they must always agree, whatever order sessions
arrive in and whatever is edited or deleted later. So must every review built from them."""

import random
from dataclasses import replace
from datetime import timedelta

from tui.application.review import review_of
from tui.core.earlier import earlier_than
from tui.core.model import Calibration, ExerciseLog, Session, SetLog, new_id
from tui.core.records import RecordBook
from tui.store.repository import Store

from .conftest import START

LIFTS = [
    ("Barbell Back Squat", "barbell_back_squat"),
    ("Barbell Bench Press", "barbell_bench_press"),
    ("Pull-up", None),
]


def random_set(rng: random.Random, at) -> SetLog:
    kind = rng.choice(["working", "working", "working", "warmup"])
    unit = rng.choice(["kg", "kg", "lb"])
    reps = rng.randint(0, 10)
    test = None
    if kind == "working" and reps and rng.random() < 0.1:
        stop = rng.randint(0, reps)
        test = Calibration(
            reps_at_stop=stop, predicted_rir=float(rng.randint(0, 3)), total_reps=reps
        )
    return SetLog(
        id=new_id(),
        kind=kind,
        weight=rng.choice([60, 80, 100, 102.5, 120, 225]),
        reps=reps,
        logged_at=at,
        unit=unit,
        rir=rng.choice([None, 0.0, 1.0, 2.0]),
        failure=rng.choice([None, None, "perceived", "technical"]) if kind == "working" else None,
        calibration=test,
    )


def random_session(rng: random.Random, day: int) -> Session:
    at = START + timedelta(days=day, hours=rng.randint(0, 3))
    exercises = tuple(
        ExerciseLog(
            id=new_id(),
            name=name,
            catalog_id=catalog_id,
            sets=tuple(random_set(rng, at) for _ in range(rng.randint(1, 4))),
        )
        for name, catalog_id in rng.sample(LIFTS, rng.randint(1, len(LIFTS)))
    )
    return Session(
        id=new_id(),
        name="Random",
        started_at=at,
        ended_at=at + timedelta(hours=1),
        exercises=exercises,
    )


def book_prs(store: Store) -> dict[str, dict[str, int]]:
    """PR counts per session and exercise, from a record book fed the whole history."""
    book, counts = RecordBook(), {}
    for session in store.finished_sessions():
        by_key = counts[session.id] = {}
        for record in book.add(session):
            by_key[record.exercise_key] = by_key.get(record.exercise_key, 0) + 1
    return counts


def stored_prs(store: Store) -> dict[str, dict[str, int]]:
    return {s.id: s.prs for s in store.summaries()}


def assert_agree(store: Store) -> None:
    assert stored_prs(store) == book_prs(store)
    history = list(store.finished_sessions())
    for session in history:
        assert review_of(session, store.earlier(session)) == review_of(
            session, earlier_than(history, session)
        )


def test_stored_prs_and_reviews_match_the_whole_history_after_any_change(data_dir, clock):
    rng = random.Random(7)
    sessions = [random_session(rng, day) for day in range(24)]
    with Store(data_dir, now=clock) as store:
        store.add_finished(sessions[:10])  # in order
        assert_agree(store)
        for session in rng.sample(sessions[10:], 14):  # out of order, one by one
            store.add_finished([session])
        assert_agree(store)
        assert sum(s.pr_count for s in store.summaries()) > 10  # there are PRs to compare

        early = sessions[1]  # an edit of an early session moves the marks of every later one
        heavier = [
            (exercise.id, SetLog(id=new_id(), kind="working", weight=300, reps=3, logged_at=START))
            for exercise in early.exercises
        ]
        for exercise_id, set_log in heavier:
            early = early.with_set(exercise_id, set_log)
        store.add_finished([early.edited(clock())])
        assert_agree(store)

        for session in (sessions[1], sessions[5], sessions[23]):
            store.delete_session(session.id, clock())
        assert_agree(store)

    with Store(data_dir, now=clock) as store:  # and the same after a rebuild from history
        before = stored_prs(store)
        (data_dir / "index.json").unlink()
    with Store(data_dir, now=clock) as store:
        assert stored_prs(store) == before
        assert_agree(store)


def test_an_exercise_dropped_from_a_session_loses_its_row_and_its_prs(data_dir, clock):
    rng = random.Random(3)
    first, second = random_session(rng, 0), random_session(rng, 1)
    with Store(data_dir, now=clock) as store:
        store.add_finished([first, second])
        keys = {e.key for e in second.exercises}
        only_one = Session(
            id=second.id,
            name=second.name,
            started_at=second.started_at,
            ended_at=second.ended_at,
            exercises=second.exercises[:1],
        )
        store.add_finished([only_one.edited(clock())])
        dropped = keys - {second.exercises[0].key}
        for key in dropped:
            assert second.id not in {row["session_id"] for row in store.lift_rows(key)}
        assert_agree(store)


def test_a_damaged_lift_file_is_rebuilt_from_history(data_dir, clock):
    rng = random.Random(5)
    sessions = [random_session(rng, day) for day in range(6)]
    with Store(data_dir, now=clock) as store:
        store.add_finished(sessions[:5])
        before = stored_prs(store)
        for path in (data_dir / "lifts").iterdir():
            path.write_text("{not json")
        store.add_finished(sessions[5:])  # needs the damaged files: rebuilds them all
        assert len(stored_prs(store)) == len(before) + 1
        assert_agree(store)
        assert store.notices == []  # derived data: nothing the lifter has to act on


def test_an_exercise_with_a_name_too_long_for_a_file_name_still_gets_its_lift_file(data_dir, clock):
    name = "Very long name " * 30  # 450 characters, as a mangled import can bring
    sets = tuple(
        SetLog(id=new_id(), kind="working", weight=w, reps=5, logged_at=START) for w in (50, 55)
    )
    sessions = [
        Session(
            id=new_id(),
            name="Odd",
            started_at=START + timedelta(days=day),
            ended_at=START + timedelta(days=day, hours=1),
            exercises=(
                ExerciseLog(id=new_id(), name=name, catalog_id=None, sets=sets[day : day + 1]),
            ),
        )
        for day in range(2)
    ]
    with Store(data_dir, now=clock) as store:
        store.add_finished(sessions)
        [key] = store.lifts_done()
        assert [row["session_id"] for row in store.lift_rows(key)] == [s.id for s in sessions]
        assert store.summaries()[0].prs == {key: 3}  # 55 kg beats 50 kg three ways
        assert_agree(store)
        assert all(len(path.name) < 130 for path in (data_dir / "lifts").iterdir())


def test_sessions_filed_one_at_a_time_after_the_others_count_what_the_whole_history_does(
    data_dir, clock
):
    """Finishing files a session after all the others: only its own PRs are counted, against
    the record book kept since its exercises' files were read (read ahead or not)."""
    rng = random.Random(11)
    sessions = [random_session(rng, day) for day in range(30)]
    with Store(data_dir, now=clock) as store:
        store.add_finished(sessions[:5])
        for n, session in enumerate(sessions[5:25]):
            if n % 2:
                store.read_ahead({e.key for e in session.exercises})
            store.add_finished([session])
            assert stored_prs(store) == book_prs(store)
        store.add_finished([sessions[27], sessions[25]])  # two at once, in any order
        store.add_finished([sessions[26]])  # one between two filed before
        store.delete_session(sessions[25].id, clock())
        store.add_finished([sessions[28]])
        assert_agree(store)
        assert sum(s.pr_count for s in store.summaries()) > 10
    with Store(data_dir, now=clock) as store:  # a new store counts from the files: the same
        store.add_finished([sessions[29]])
        assert_agree(store)


def finish_here(store: Store, session: Session) -> None:
    """`session` logged and finished on this device (its derived files written behind)."""
    store.save_session(replace(session, ended_at=None))
    assert session.ended_at is not None
    store.finish_session(session.ended_at)


def test_a_pull_filed_for_later_and_sessions_finished_meanwhile_agree_once_caught_up(
    data_dir, clock, monkeypatch
):
    """A pull files its sessions `later` (their lift files and PRs at its catch-up, each file
    planned outside the store's lock) while sessions are finished here with their derived
    files written behind, two of them while the catch-up plans a file: once caught up every
    lift file holds every session, and the stored PRs and reviews agree with the whole
    history, before and after a restart."""
    rng = random.Random(5)
    sessions = [random_session(rng, day) for day in range(30)]
    with Store(data_dir, now=clock) as store:
        store.add_finished(sessions[:8])
        store.read_ahead(["barbell_back_squat", "barbell_bench_press"])  # books kept
        pulled = sessions[8:20] + sessions[25:]
        store.add_finished(pulled[::2], from_sync=True, later=True)
        finish_here(store, sessions[20])  # between two pages, written behind
        store.add_finished(pulled[1::2], from_sync=True, later=True)
        assert (data_dir / "index.stale").exists()

        index, plan_due, planned = store._index, store._index.plan_due, set()
        meanwhile = iter([sessions[21], sessions[22]])

        def plan_then_change(key, due):
            plan = plan_due(key, due)
            if key not in planned:  # the first plan of a file, outside the lock
                planned.add(key)
                session = next(meanwhile, None)
                if session is not None:
                    finish_here(store, session)
                else:
                    store.write_behind()  # the last finish's files written meanwhile
            return plan

        monkeypatch.setattr(index, "plan_due", plan_then_change)
        store.catch_up()
        monkeypatch.undo()
        assert planned and next(meanwhile, None) is None
        filed = [s for s in sessions if s not in sessions[23:25]]
        for key in {e.key for s in filed for e in s.exercises}:
            with_key = {s.id for s in filed if key in {e.key for e in s.exercises}}
            assert {r["session_id"] for r in store.lift_rows(key)} == with_key
        assert_agree(store)
        store.write_behind()
        assert not (data_dir / "index.stale").exists()
        before = stored_prs(store)
    with Store(data_dir, now=clock) as store:
        assert stored_prs(store) == before
        assert store.session_count == len(filed)
        assert_agree(store)
