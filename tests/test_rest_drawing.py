"""The rest screen's moving parts draw their own rows: the breath guide and the countdown."""

from __future__ import annotations

from tui.core.breathing import breath_at
from tui.screens.rest import RestScreen
from tui.settings import Settings
from tui.widgets.big_text import BigText
from tui.widgets.breath_pacer import BreathPacer, first_line

from .flow import RestClock, build_app


def test_the_cue_breaks_between_words_when_the_guide_is_narrow():
    assert first_line("Long, slow breath out", 30) == "Long, slow breath out"
    assert first_line("Long, slow breath out", 12) == "Long, slow"
    assert first_line("Breathe", 4) == "Brea"  # a word longer than the line is cut


def rows(widget: BreathPacer | BigText) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_the_guide_shows_the_phase_the_bar_and_the_cue(data_dir, tmp_path):
    clock = RestClock()
    app = build_app(data_dir, tmp_path, settings=Settings(pacer="resonance"), rest_clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await app.push_screen(RestScreen(120, "Next: squat"))
        clock.seconds += 2  # half way in: lungs half full
        app.screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        pacer = app.screen.query_one(BreathPacer)
        shown = rows(pacer)
        assert shown[0].startswith("IN    █")
        assert all(row.startswith("      █") for row in shown[1:-1])
        assert shown[-1].startswith("Breathe in slowly")
        bar_cells = pacer.size.width - 8
        assert shown[0][6:].rstrip("▏▎▍▌▋▊▉ ").count("█") == bar_cells // 2

        clock.seconds += 3  # out: a new cue and a fuller bar are drawn anew
        app.screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        assert rows(pacer)[0].startswith("OUT   ") and rows(pacer)[-1].startswith("Breathe out")


async def test_a_breath_that_draws_the_same_costs_no_repaint(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path, settings=Settings(pacer="box"))
    async with app.run_test(size=(100, 32)) as pilot:
        await app.push_screen(RestScreen(120, "Next: squat"))
        await pilot.pause()
        pacer = app.screen.query_one(BreathPacer)
        repaints: list[object] = []
        plain = pacer.refresh
        pacer.refresh = lambda *a, **k: repaints.append(a) or plain(*a, **k)  # type: ignore[method-assign]
        pacer.breath = breath_at("box", 5.0)  # holding, lungs full
        pacer.breath = breath_at("box", 6.5)  # still holding: the same drawing
        assert len(repaints) == 1
        pacer.breath = breath_at("box", 9.0)  # breathing out: the bar moves
        assert len(repaints) == 2


async def test_the_countdown_is_drawn_in_the_middle_and_the_target_on_the_left(data_dir, tmp_path):
    app = build_app(data_dir, tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await app.push_screen(RestScreen(120, "Next: squat"))
        await pilot.pause()
        countdown = app.screen.query_one("#countdown", BigText)
        drawn = [row for row in rows(countdown) if row.strip()]
        assert len(drawn) == len(countdown.lines())  # every block row, none cut
        widest = max(drawn, key=lambda row: len(row.strip()))
        left, right = len(widest) - len(widest.lstrip()), len(widest) - len(widest.rstrip())
        assert abs(left - right) <= 1

        countdown.styles.content_align = ("left", "top")
        await pilot.pause()
        assert rows(countdown)[0].startswith("█")
