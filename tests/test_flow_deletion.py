"""Deletion wins: a session deleted from any screen that shows it never comes back."""

from __future__ import annotations

from tui.store.repository import Store

from .flow import build_app, screen_name, start_full_body_a, text


async def test_deleted_from_the_summarys_review_it_is_gone_from_every_screen(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5 @2", "enter", "enter")  # a set, the rest skipped
        await pilot.press("f", "enter")
        assert screen_name(app) == "SummaryScreen"
        session_id = app.sessions.journal.on_disk  # None: it was filed
        assert session_id is None
        await pilot.press("r")
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("d", "y")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"  # the summary of a deleted session closed too
        assert "No finished sessions yet" in text(app, "#last-session")
        await pilot.press("l")
        assert screen_name(app) == "HomeScreen"  # nothing to review
    with Store(data_dir) as store:
        assert list(store.finished_sessions()) == []
        assert store.session_count == 0
        [deleted] = store.pending_changes()
        assert store.tombstone(deleted) is not None


async def test_a_review_left_open_cannot_write_a_deleted_session_back(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5 @2", "enter", "enter", "f", "enter", "r")
        assert screen_name(app) == "ReviewScreen"
        session = app.screen.session
        app.past.delete(session.id)  # as a sync from the other device would
        await pilot.pause()
        assert "deleted" in text(app, "#review-problem")
        await pilot.press("x")  # remove a set of what is shown: refused
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
    with Store(data_dir) as store:
        assert store.session(session.id) is None
        assert store.session_count == 0
