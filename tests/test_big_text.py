"""Big figures: as large as their space allows, whole pixels, and plain text when tiny."""

from __future__ import annotations

from tui.widgets.big_text import draw, fitting_scale, width_of

from .flow import build_app, start_full_body_a


def test_a_figure_is_drawn_five_pixels_high_at_its_scale():
    lines = draw("1", 2)
    assert len(lines) == 10 and {len(line) for line in lines} == {12}
    assert lines[0] == "    ████    "  # the top of a 1: its middle pixel


def test_the_scale_is_the_largest_that_fits_both_ways():
    assert fitting_scale("2:30", 200, 24) == 4  # height-bound: 4 × 5 rows
    assert width_of("2:30", fitting_scale("2:30", 40, 100)) <= 40  # width-bound
    assert fitting_scale("2:30", 200, 4) == 0  # too low: shown as plain text


async def test_the_countdown_is_a_third_of_an_80_by_24_screen_and_more_at_160_by_45(
    data_dir, tmp_path
):
    for size, share in (((80, 24), 1 / 3), ((160, 45), 1 / 2)):
        app = build_app(data_dir / f"{size[0]}", tmp_path)
        async with app.run_test(size=size) as pilot:
            await start_full_body_a(pilot)
            await pilot.press(*"100x5@2", "enter")
            await pilot.pause()
            countdown = app.screen.query_one("#countdown")
            drawn = [line for line in countdown.lines() if line.strip()]
            assert len(drawn) >= size[1] * share, (size, len(drawn))
            assert max(len(line) for line in drawn) <= size[0]
