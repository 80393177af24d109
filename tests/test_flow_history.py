"""History: every finished session, filtered by exercise, opened, fixed and deleted (Pilot)."""

from datetime import timedelta

from tui.store.repository import Store

from .conftest import START, FakeClock, make_session
from .flow import build_app, review_text, screen_name, text
from .history_seed import forbid_history_reads, seed_history, utc  # noqa: F401 - utc: local time is UTC

ROWS = [  # newest first: date, session, time, volume kg, PRs
    ["Wed 18 Nov 2026", "Full body A", "55:00", "2,588", "3"],
    ["Wed 11 Nov 2026", "Full body B", "55:00", "2,975", "3"],
    ["Wed 04 Nov 2026", "Full body A", "55:00", "2,550", "0"],
]


def rows(app):
    return app.screen.query_one("#sessions").rows


async def open_history(pilot):
    await pilot.press("h")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_history_lists_every_session_newest_first_with_its_prs(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        assert screen_name(app) == "HistoryScreen"
        assert text(app, "#history-title") == "History · 3 sessions"
        assert rows(app) == ROWS
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"


async def test_pr_counts_show_at_once_without_reading_the_history(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    forbid_history_reads(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        assert [row[4] for row in rows(app)] == ["3", "3", "0"]
        assert text(app, "#history-status") == ""


async def test_moving_down_and_enter_opens_that_sessions_review(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        assert text(app, "#review-title").startswith("Full body A · Wed 04 Nov 2026")
        assert "first time: these numbers are the marks to beat" in review_text(app)
        await pilot.press("escape")
        assert screen_name(app) == "HistoryScreen"
        assert app.screen.query_one("#sessions").cursor == 2  # where the lifter left it


async def test_a_long_history_scrolls_to_its_first_session(data_dir, tmp_path):
    with Store(data_dir) as store:
        store.add_finished(
            [make_session(f"Week {n}", at=START - timedelta(days=7 * n)) for n in range(300)]
        )
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert text(app, "#history-title") == "History · 300 sessions"
        await pilot.press("pagedown", "end")
        session_list = app.screen.query_one("#sessions")
        assert session_list.cursor == 299
        assert session_list.scroll_offset.y > 250  # the oldest is on screen, not just chosen
        assert rows(app)[299][1] == "Week 299"


async def test_filtering_by_exercise_shows_only_its_sessions(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        await pilot.press("f")
        assert screen_name(app) == "LiftPicker"
        await pilot.press(*"bench", "enter")
        assert text(app, "#history-title") == "History · Barbell Bench Press · 2 of 3 sessions"
        assert [row[0] for row in rows(app)] == ["Wed 18 Nov 2026", "Wed 04 Nov 2026"]
        await pilot.press("slash", *"dead", "enter")
        assert [row[0] for row in rows(app)] == ["Wed 11 Nov 2026"]
        await pilot.press("escape")  # the filter goes first
        assert screen_name(app) == "HistoryScreen"
        assert len(rows(app)) == 3


async def test_delete_asks_first_then_the_session_is_gone_tombstoned_and_waits_for_sync(
    data_dir, tmp_path
):
    seed_history(data_dir)
    clock = FakeClock()
    app = build_app(data_dir, tmp_path, wall=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        await pilot.press("d")
        assert screen_name(app) == "ConfirmScreen"
        assert "Delete Full body A, Wed 18 Nov 2026" in text(app, ".question")
        await pilot.press("escape")  # changed their mind
        assert len(rows(app)) == 3
        await pilot.press("d", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_name(app) == "HistoryScreen"
        assert rows(app) == ROWS[1:]
        assert app.store.tombstone("session-3")["deleted_at"] == clock().isoformat()
        assert app.store.pending_changes() == {"session-3": 1}
    with Store(data_dir) as store:
        assert [s.id for s in store.finished_sessions()] == ["session-1", "session-2"]


async def test_editing_a_set_asks_first_and_saves_it_with_its_edit_time(data_dir, tmp_path):
    seed_history(data_dir)
    clock = FakeClock(START + timedelta(days=30))
    app = build_app(data_dir, tmp_path, wall=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        await pilot.press("end", "e")
        assert screen_name(app) == "ChoiceScreen"  # two exercises: which one?
        await pilot.press("1")  # Barbell Back Squat
        assert screen_name(app) == "EditSetScreen"
        await pilot.press("2")  # its second set
        assert text(app, "#line") == "100x5 @2"
        await pilot.press(*["backspace"] * 8, *"102.5x5 @1", "enter")
        assert screen_name(app) == "ConfirmScreen"
        assert "100 kg × 5 @2 → 102.5 kg × 5 @1" in text(app, ".detail")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_name(app) == "HistoryScreen"
        assert rows(app)[2][3] == "2,562"  # 2,550 + 2.5 × 5 = 2,562.5
        assert app.store.pending_changes() == {"session-1": 1}
    with Store(data_dir) as store:
        session = store.session("session-1")
        edited = session.exercises[0].sets[1]
        assert (edited.weight, edited.reps, edited.rir) == (102.5, 5, 1)
        assert edited.edited_at == clock() and session.edited_at == clock()


async def test_removing_a_set_asks_first_and_keeps_it_out_for_good(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "x", "2")  # Full body B, its Conventional Deadlift
        assert screen_name(app) == "ChoiceScreen"
        assert "Remove which set of Conventional Deadlift?" in text(app, ".question")
        await pilot.press("1")
        assert "Conventional Deadlift: 140 kg × 5 @2" in text(app, ".detail")
        await pilot.press("enter")
        await pilot.pause()
        assert rows(app)[1][3] == "2,275"  # 2,975 − 700
    with Store(data_dir) as store:
        session = store.session("session-2")
        assert [s.id for s in session.exercises[1].sets] == ["s1-deadlift-1"]
        assert session.removed_set_ids == ("s1-deadlift-0",)


async def test_nothing_changes_in_a_read_only_store(data_dir, tmp_path):
    seed_history(data_dir)
    with Store(data_dir):  # another OneMore holds the data folder
        app = build_app(data_dir, tmp_path)
        async with app.run_test(size=(100, 32)) as pilot:
            await open_history(pilot)
            await pilot.press("d")
            assert screen_name(app) == "HistoryScreen"
            assert len(rows(app)) == 3


async def test_an_empty_history_says_so(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(pilot)
        assert text(app, "#history-status") == "No finished sessions yet."
        await pilot.press("enter", "d", "e")  # nothing to open or change, nothing breaks
        assert screen_name(app) == "HistoryScreen"
