"""Names are text, never markup (issue 18): a workout, exercise, routine or theme name holding
`[/]`, `[b]x[/]` or `[A]` reads exactly as written on every screen, and never stops the app."""

from __future__ import annotations

import pytest
from textual.content import Content

from tui.format import shown
from tui.settings import Settings
from tui.widgets.markup import lit

from .flow import RestClock, build_app, screen_name

HOSTILE = [
    "Push [/] day",
    "[b]x[/]",
    "Row [A]",
    "[$primary]blue",
    "[@click=app.quit]quit",
    "ends in \\",
    "C:\\[b]",
    "[red]",
    "a [[b]] b",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_name_put_into_markup_reads_as_written(name):
    markup = f"[b]{lit(name)}[/b]  [dim]2 exercises[/dim]"
    assert Content.from_markup(markup).plain.replace("\u200b", "") == f"{name}  2 exercises"


def test_control_characters_are_written_out():
    assert shown("a\x1b]0;TITLE\x07\x1b[2Jb") == "a\\x1b]0;TITLE\\x07\\x1b[2Jb"
    assert shown("left\u202eright") == "left\\u202eright"
    assert shown("two\nlines", lines=True) == "two\nlines"
    assert shown("two\nlines") == "two\\x0alines"


def screen_text(app) -> str:
    """Every character on screen, as the lifter reads it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def told(app) -> list[str]:
    """The notifications as their toasts draw them (markup is read only where asked for)."""
    return [
        Content.from_markup(n.message).plain if n.markup else n.message for n in app._notifications
    ]


ROUTINE = """\
name = "Push [/] day"

[[exercises]]
name = "[b]x[/]"
sets = 2
reps = 5
weight = 100

[[exercises]]
name = "Row [A]"
sets = 1
reps = 8
"""


async def test_a_whole_session_with_markup_in_every_name(data_dir, tmp_path):
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "push.toml").write_text(ROUTINE)
    clock = RestClock()
    app = build_app(data_dir, tmp_path, settings=Settings(theme="[/]"), rest_clock=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        home = screen_text(app)
        assert "Push [/] day" in home
        assert any("Theme '[/]' is not installed" in line for line in told(app))

        await pilot.press(*["down"] * 7, "enter")  # after the seven built-in routines
        await pilot.press("enter", "enter", "enter")  # the check-in, skipped
        assert screen_name(app) == "PlanScreen"
        plan = screen_text(app)
        assert "Push [/] day" in plan
        assert "[b]x[/]" in plan
        assert "Row [A]" in plan

        await pilot.press("enter")
        assert screen_name(app) == "LoggingScreen"
        assert "[b]x[/]" in screen_text(app)
        await pilot.press(*"100x5", "enter", "2")
        assert screen_name(app) == "RestScreen"
        assert "Next: [b]x[/], set 2" in screen_text(app)
        await pilot.press("enter")
        await pilot.press("t")  # the test-set dialog names the exercise
        assert "Test set · [b]x[/]" in screen_text(app)
        await pilot.press("escape")

        await pilot.press("a")  # a name of the lifter's own, typed into the picker
        await pilot.press(*"Dip [/] x")
        await pilot.press("up")  # round to the last choice: the name as typed
        assert "+ add your own: Dip [/] x" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "LoggingScreen"
        assert "Dip [/] x" in screen_text(app)
        await pilot.press("o")  # the note dialog names the exercise too
        assert "Note on Dip [/] x" in screen_text(app)
        await pilot.press("escape")

        await pilot.press("f", "enter")
        await pilot.pause()
        assert screen_name(app) == "SummaryScreen"
        summary = screen_text(app)
        assert "Saved: Push [/] day" in summary
        assert "[b]x[/]" in summary

        await pilot.press("r")
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        review = screen_text(app)
        assert "Push [/] day ·" in review
        assert "[b]x[/]" in review
        await pilot.press("d")  # the delete question names the session
        assert "Delete Push [/] day," in screen_text(app)
        await pilot.press("escape", "escape", "enter")
        await pilot.pause()

        assert screen_name(app) == "HomeScreen"
        assert "Last session: Push [/] day" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert "Push [/] day" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert "[b]x[/]" in screen_text(app)  # the exercises of the history
        await pilot.press(*"[b]", "enter")
        await pilot.pause()
        assert "History · [b]x[/] · 1 of 1 sessions" in screen_text(app)
        await pilot.press("escape", "escape", "p")
        await pilot.pause()
        assert screen_name(app) == "ProgressScreen"
        assert "Progress · " in screen_text(app)


async def test_names_from_a_store_and_a_theme_file_open_every_start(data_dir, tmp_path, clock):
    """As after importing a Strong file with `Push [/] day`, or a sync that brought it."""
    from tui.core.model import ExerciseLog, Session, new_id
    from tui.store.repository import Store

    from .conftest import START, make_session, make_set

    with Store(data_dir, now=clock) as store:
        store.add_finished([make_session("Push [/] day", exercise="[b]x[/]", catalog_id=None)])
        lift = ExerciseLog(id=new_id(), name="Row [A]", catalog_id=None)
        live = Session(id=new_id(), name="Pull [A] [/]", started_at=START).with_exercise(lift)
        store.save_session(live)
        store.save_session(store.live.with_set(lift.id, make_set(60, 8)))
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text('name = "gym [/]"\nprimary = "#00ff00"\n')
    app = build_app(data_dir, tmp_path, wall=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        home = screen_text(app)
        assert "In progress: Pull [A] [/], started" in home
        assert "Row [A]: 60 kg × 8" in home
        assert "Last session: Push [/] day" in home
        await pilot.press("comma")
        await pilot.pause()
        assert screen_name(app) == "SettingsScreen"
        await pilot.click("#theme")
        await pilot.pause()
        assert "gym [/]" in screen_text(app)


def test_a_crash_of_the_app_exits_non_zero(monkeypatch, tmp_path):
    """Textual prints the traceback of a crash and keeps 1 as the app's return code."""
    import tui.app
    from tui.__main__ import main

    class Crashed:
        return_code = 1

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui.app, "make_app", lambda *args, **kwargs: Crashed())
    assert main(["--data-dir", str(tmp_path / "data")]) == 1


def test_control_characters_from_an_import_file_never_reach_the_terminal(tmp_path, capsys):
    from tui.__main__ import main

    data = tmp_path / "data"
    csv = tmp_path / "strong.csv"
    csv.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2026-11-20 18:00:00,Push \x1b[2J [/] day,1h,Dip \x1b]0;OWNED\x07,1,20,8,,,,,\n"
    )
    assert main(["--data-dir", str(data), "import", "strong", str(csv), "--unit", "kg"]) == 0
    assert main(["--data-dir", str(data), "last"]) == 0
    printed = capsys.readouterr()
    for stream in (printed.out, printed.err):
        assert "\x1b" not in stream and "\x07" not in stream
    assert "Dip \\x1b]0;OWNED\\x07" in printed.out  # read, in the report and the review
    assert "Push \\x1b[2J [/] day" in printed.out
