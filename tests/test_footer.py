"""The footer: one line of the screen's keys, which follows what the keys are now, and a click
on a key presses it."""

import gc
import weakref

from tui import collector
from tui.widgets.footer import Footer

from .flow import build_app, live_sets, screen_name, start_full_body_a


def footer_line(app) -> str:
    return str(app.screen.query_one(Footer).render())


async def test_the_command_letters_leave_the_footer_while_a_set_is_typed(tmp_path):
    app = build_app(tmp_path / "data", tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        assert screen_name(app) == "LoggingScreen"
        empty = footer_line(app)
        assert " u Undo " in empty and " f Finish " in empty
        await pilot.press("1", "0")
        await pilot.pause()
        typing = footer_line(app)
        assert " u Undo " not in typing  # letters are text now, so the footer does not offer them
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert footer_line(app) == empty


async def test_a_click_on_a_key_in_the_footer_presses_it(tmp_path):
    data = tmp_path / "data"
    app = build_app(data, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_full_body_a(pilot)
        await pilot.press(*"100x5", "enter", "2")
        await pilot.pause()
        assert screen_name(app) == "RestScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert live_sets(data) == [("Barbell Back Squat", 100.0, 5, "kg")]
        footer = app.screen.query_one(Footer)
        line = str(footer.render())
        await pilot.click(footer, offset=(line.index(" u Undo") + 1, 0))
        await pilot.pause()
        assert live_sets(data) == []  # the click undid the set, on disk


def test_a_full_collection_frees_frozen_cycles_and_freezes_what_lives():
    class Node:
        def __init__(self) -> None:
            self.me = self

    alive, garbage = Node(), Node()
    gone = weakref.ref(garbage)
    collector.freeze()  # both frozen while alive
    del garbage
    gc.collect()
    assert gone() is not None  # a plain pass leaves frozen cycles alone
    collector.collect_all()
    try:
        assert gone() is None  # the pass a moment into a rest frees them
        assert gc.get_freeze_count() > 0 and alive.me is alive  # what lives is frozen again
    finally:
        gc.unfreeze()
