"""The review of a finished session in the app: from Home, the Summary and the History (Pilot)."""

from tui.keymap import HISTORY_KEYS, HOME_KEYS, PROGRESS_KEYS, REVIEW_KEYS, TEST_SET_KEYS

from .flow import build_app, review_text, screen_name, settle, start_full_body_a, text
from .history_seed import forbid_history_reads, seed_history, utc  # noqa: F401 - utc: local time is UTC


async def test_l_on_home_reviews_the_last_session_with_its_prs_and_change(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        assert screen_name(app) == "ReviewScreen"
        assert text(app, "#review-title") == "Full body A · Wed 18 Nov 2026, 18:00 · 55:00"
        shown = review_text(app)
        assert "Barbell Bench Press   3 PRs" in shown
        assert "PR  best e1RM: 89.4 kg (was 86.3)" in shown  # 72.5 and 70 × (1 + 7/30)
        assert "vs Wed 11 Nov 2026, 18:00: e1RM -6.2" in shown  # squat, against last week
        assert "2,587.5 kg · 6 working sets · 0 warm-ups · 3 PRs" in shown
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"


async def test_the_review_shows_its_prs_without_reading_the_whole_history(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    forbid_history_reads(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        assert screen_name(app) == "ReviewScreen"
        assert text(app, "#review-title").startswith("Full body A")
        await settle(pilot)
        assert "Barbell Back Squat" in review_text(app)
        assert "PR" in review_text(app)


async def test_without_any_finished_session_l_says_so(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        assert screen_name(app) == "HomeScreen"


async def test_the_summary_opens_the_review_of_the_session_just_saved(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5@2", "enter", "enter")  # a set, then end the rest
        await pilot.press("f", "enter")
        assert screen_name(app) == "SummaryScreen"
        await pilot.press("r")
        await settle(pilot)
        assert screen_name(app) == "ReviewScreen"
        assert "100 kg × 5 @2" in review_text(app)
        assert "first time" in review_text(app)
        await pilot.press("escape")
        assert screen_name(app) == "SummaryScreen"


async def test_deleting_from_the_review_goes_back_to_a_history_without_it(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert screen_name(app) == "HistoryScreen"
        assert [row[1] for row in app.screen.query_one("#sessions").rows] == [
            "Full body B",
            "Full body A",
        ]
        assert app.store.tombstone("session-3") is not None


async def test_a_set_fixed_in_the_review_shows_at_once(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("e", "2", "1", *["backspace"] * 9, *"75x5 @2", "enter", "enter")
        await settle(pilot)
        assert screen_name(app) == "ReviewScreen"
        assert "75 kg × 5 @2" in review_text(app)
        assert app.store.session("session-3").exercises[1].sets[0].weight == 75


async def test_the_review_reads_at_60_columns(data_dir, tmp_path):
    seed_history(data_dir)
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        review = app.screen.query_one("#review")
        assert review.size.width <= 56  # inside the screen's padding
        lines = review_text(app, width=review.size.width).splitlines()
        assert max(len(line) for line in lines) <= review.size.width
        assert any("best e1RM: 89.4 kg" in line for line in lines)


def test_the_readme_and_the_help_list_every_new_key():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    keys_table = readme.split("### Keys", 1)[1].split("###", 1)[0]
    for key, what in HOME_KEYS + HISTORY_KEYS + REVIEW_KEYS + PROGRESS_KEYS + TEST_SET_KEYS:
        assert what in keys_table, f"README keymap misses: {key} {what}"
