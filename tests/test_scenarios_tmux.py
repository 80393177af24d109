"""Whole pieces of a session, played as a lifter plays them in a real terminal (tmux).

Each scenario types into the real `onemore` (slowly, key by key, or in bursts and pastes as
a terminal sends them) and judges the result from the JSON files on disk: live.json while
the session runs, `onemore export --format json` after quitting. The screen is only read to
know when to type the next thing (and, for the footer, what the lifter sees).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from .tmux_lifter import (
    BENCH,
    SQUAT,
    Lifter,
    TmuxServer,
    cut_words,
    footer_items,
    load,
    session_sets,
    shown_target,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]
DIALOGS = (
    "█▀▀▀",  # the top edge of every dialog box
    "Finish this session?",
    "Discard this session?",
    "Which set?",
    "Change set",
    "Could you do one more rep",
    "Add an exercise",
    "Note on ",
    "Rest. Phone away",
)


@pytest.fixture(scope="module")
def tmux() -> Iterator[TmuxServer]:
    server = TmuxServer()
    yield server
    server.close()


@pytest.fixture
def lifter_at(tmux: TmuxServer, tmp_path: Path) -> Iterator:
    made: list[Lifter] = []

    def make(size: tuple[int, int] = (80, 24), unit: str | None = None) -> Lifter:
        lifter = Lifter(tmux, tmp_path / f"lifter{len(made)}", size=size, unit=unit)
        made.append(lifter)
        return lifter

    yield make
    for lifter in made:
        lifter.stop()


def rows(sets) -> list[tuple[str, float, int, str, float | None, str | None]]:
    return [(s.exercise, s.weight, s.reps, s.kind, s.rir, s.failure) for s in sets]


def only_finished_session(lifter: Lifter) -> dict:
    sessions = lifter.export()
    assert len(sessions) == 1, sessions
    [session] = sessions
    assert session["ended_at"] is not None
    return session


def no_dialog(lifter: Lifter, shown: str) -> None:
    """Still the logging screen, nothing on top of it."""
    opened = [d for d in DIALOGS if d in shown]
    assert not opened, f"a dialog opened ({opened}):\n{shown}"
    footer = footer_items(lifter.footer())
    assert footer[:1] in (["esc Home"], ["f Finish"]), f"not the logging screen:\n{shown}"


# -- 1. a full session in kg ---------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_a_full_session_in_kg_ends_in_the_export_exactly_as_intended(lifter_at, size):
    lifter = lifter_at(size)
    lifter.start()
    lifter.start_rack_day()

    # Squat, set 1: an empty Enter logs the target; "2 left".
    lifter.press("Enter")
    lifter.wait_for("Could you do one more rep with good form?")
    lifter.press("2")
    second = shown_target(lifter.wait_for("Rest. Phone away", "Next: Barbell Back Squat, set 2"))
    assert rows(lifter.live_sets()) == [(SQUAT, 100, 5, "working", 2, None)]

    # Set 2, typed slowly during the rest: +2.5 on the target the rest screen shows; "1 left".
    lifter.type_slowly("+2.5x5")
    lifter.press("Enter")
    lifter.wait_for(f"{load(second + 2.5)} kg × 5", "Could you do one more rep")
    lifter.press("1")
    third = shown_target(lifter.wait_for("Rest. Phone away", "Next: Barbell Back Squat, set 3"))

    # Set 3, the whole line at once during the rest: 5 below the target shown;
    # none left, form broke.
    lifter.burst("-5x8", "Enter")
    lifter.wait_for(f"{load(third - 5)} kg × 8", "Could you do one more rep")
    lifter.press("n")
    lifter.wait_for("form")
    lifter.press("t")
    lifter.wait_for("Rest. Phone away", f"Next: {BENCH}, set 1")
    assert rows(lifter.live_sets()) == [
        (SQUAT, 100, 5, "working", 2, None),
        (SQUAT, second + 2.5, 5, "working", 1, None),
        (SQUAT, third - 5, 8, "working", 0, "technical"),
    ]
    lifter.press("Enter")
    lifter.wait_for(BENCH, "Set 1 of 3", "Target: 60 kg × 8")

    # A slip of the fingers: 200x15. Skip the question, end the rest, undo it.
    lifter.burst("200x15", "Enter")
    lifter.wait_for("200 kg × 15", "Could you do one more rep")
    lifter.press("Escape")
    lifter.wait_for("Rest. Phone away")
    lifter.press("Enter")
    lifter.wait_for(BENCH, "Set 2 of 3", "200 kg × 15", gone=("Rest. Phone away",))
    lifter.press("u")
    lifter.wait_live_count(3)
    lifter.wait_for("Set 1 of 3", "Target: 60 kg × 8")
    # The next empty Enter logs the real target, not 200 × 15 (nor 200 × 8).
    lifter.press("Enter")
    logged = lifter.wait_live_count(4)
    assert rows(logged[3:]) == [(BENCH, 60, 8, "working", None, None)]
    lifter.wait_for("Could you do one more rep")
    lifter.press("2")
    lifter.wait_for("Rest. Phone away")

    # Bench set 2 with its reps in reserve typed: no question.
    lifter.burst("62.5x8 @1", "Enter")
    lifter.wait_live_count(5)
    lifter.wait_for("Rest. Phone away", "Next: Barbell Bench Press, set 3")
    lifter.press("Enter")
    lifter.wait_for("Set 3 of 3", gone=("Rest. Phone away",))

    # e: the first bench set was really 60 × 7 with 3 left.
    lifter.press("e")
    lifter.wait_for("Which set?")
    lifter.press("1")
    lifter.wait_for("Change set", "60x8 @2")  # the line, prefilled with the set as logged
    # ctrl+u and the new set in one burst, as a fast typist does: the clearing comes first.
    lifter.burst("60x7 @3", "Enter", first=("C-u",))
    lifter.wait_live(
        lambda sets: len(sets) == 5 and sets[3].short == (BENCH, 60, 7, 3),
        "the edited bench set in live.json",
    )
    lifter.wait_for("Set 3 of 3", gone=("Change set",))

    lifter.press("f")
    lifter.wait_for("Finish this session?", "5 sets logged")
    lifter.press("Enter")
    lifter.wait_for("Saved: Rack day")
    lifter.quit()

    assert lifter.live_session() is None
    session = only_finished_session(lifter)
    assert session["name"] == "Rack day"
    assert session["checkin"] == {"sleep": 4, "stress": 3, "energy": 4}
    assert rows(session_sets(session)) == [
        (SQUAT, 100, 5, "working", 2, None),
        (SQUAT, second + 2.5, 5, "working", 1, None),
        (SQUAT, third - 5, 8, "working", 0, "technical"),
        (BENCH, 60, 7, "working", 3, None),
        (BENCH, 62.5, 8, "working", 1, None),
    ]
    assert {s.unit for s in session_sets(session)} == {"kg"}


# -- 2. the same in lb ---------------------------------------------------------------------


def test_in_lb_weights_typed_without_a_unit_are_lb_in_the_export(lifter_at):
    lifter = lifter_at((80, 24), unit="lb")
    lifter.start()
    lifter.wait_for("Start a session", "Rack day")
    lifter.press("End", "Up", "Enter")
    lifter.wait_for("How did you sleep?")
    lifter.press("4", "3", "4")
    lifter.wait_for("A normal day")
    lifter.press("Enter")
    lifter.wait_for(SQUAT, "Target: 100 lb × 5")

    lifter.type_slowly("w95x5")  # a warm-up: no question, a short rest
    lifter.press("Enter")
    lifter.wait_for("Rest. Phone away", "Next: Barbell Back Squat, set 1")
    lifter.press("Enter")
    lifter.wait_for("Target: 100 lb × 5", gone=("Rest. Phone away",))
    lifter.press("Enter")  # the target, in lb
    lifter.wait_for("Could you do one more rep")
    lifter.press("2")
    lb_target = shown_target(lifter.wait_for("Rest. Phone away"))
    lifter.burst("+5x5", "Enter")  # relative, during the rest: 5 lb on the target shown
    lifter.wait_for(f"{load(lb_target + 5)} lb × 5", "Could you do one more rep")
    lifter.press("1")
    lifter.wait_for("Rest. Phone away")
    lifter.type_slowly("225x3 @0")
    lifter.press("Enter")
    lifter.wait_live_count(4)
    lifter.wait_for("Rest. Phone away", f"Next: {BENCH}, set 1")
    lifter.press("Enter")
    lifter.wait_for(BENCH, "Target: 60 lb × 8")
    lifter.burst("100kgx5 @2", "Enter")  # a unit typed wins over the setting
    lifter.wait_live_count(5)
    lifter.wait_for("Rest. Phone away")
    lifter.press("Enter")
    lifter.wait_for(BENCH, gone=("Rest. Phone away",))
    lifter.press("f")
    lifter.wait_for("Finish this session?")
    lifter.press("Enter")
    lifter.wait_for("Saved: Rack day")
    lifter.quit()

    session = only_finished_session(lifter)
    assert [(s.exercise, s.weight, s.unit, s.reps, s.kind) for s in session_sets(session)] == [
        (SQUAT, 95, "lb", 5, "warmup"),
        (SQUAT, 100, "lb", 5, "working"),
        (SQUAT, lb_target + 5, "lb", 5, "working"),
        (SQUAT, 225, "lb", 3, "working"),
        (BENCH, 100, "kg", 5, "working"),
    ]


# -- 3. prose pasted into the entry line; 1e typed at once -------------------------------

PROSE = (
    "felt really strong today, the bar moved fast on the first sets but my left knee ached "
    "a little on the way down, so I kept the depth honest and slowed the eccentric. Next "
    "week try 105 for 5 x 3 and see if the knee holds up. Sleep was fine, food late, 2 coffees."
)


def test_pasted_prose_and_1e_are_text_they_log_nothing_and_open_nothing(lifter_at):
    assert 260 <= len(PROSE) <= 300
    lifter = lifter_at((80, 24))
    lifter.start()
    lifter.start_rack_day()
    lifter.press("Enter")  # one set, so `e` (edit) and `u` (undo) would have work to do
    lifter.wait_for("Could you do one more rep")
    lifter.press("2")
    lifter.wait_for("Rest. Phone away")
    lifter.press("Enter")
    lifter.wait_for("Set 2 of 3", gone=("Rest. Phone away",))
    before = lifter.live_sets()
    assert len(before) == 1

    # A real (bracketed) paste: it starts with f, and holds u, e, n, p, d, t, o, s ...
    lifter.paste(PROSE)
    shown = lifter.wait_for("felt really strong")
    no_dialog(lifter, shown)
    lifter.press("Enter")
    shown = lifter.wait_for("Set 2 of 3", "felt really strong", "e.g. 100x5")  # kept, refused
    no_dialog(lifter, shown)
    lifter.press("Escape")  # clears the line, stays on the logging screen
    lifter.wait_for("Enter = target", "Set 2 of 3", gone=("felt really",))

    # The same prose sent as keys at once (a terminal without bracketed paste).
    lifter.burst(PROSE)
    shown = lifter.wait_for("food late, 2 coffees.")  # the line shows its end now
    no_dialog(lifter, shown)
    lifter.press("Enter")
    no_dialog(lifter, lifter.wait_for("Set 2 of 3", "2 coffees.", "e.g. 100x5"))
    lifter.press("Escape")
    lifter.wait_for("Enter = target", gone=("2 coffees",))

    # 1e at once: the e follows a digit, so it is a letter, not "edit".
    lifter.burst("1e")
    shown = lifter.wait_for("1e")
    no_dialog(lifter, shown)
    lifter.press("Enter")
    no_dialog(lifter, lifter.wait_for("Set 2 of 3", "1e"))
    lifter.press("Escape")
    lifter.wait_for("Enter = target")

    assert lifter.live_sets() == before
    assert lifter.screen().count("Set 2 of 3") == 1
    lifter.quit()
    assert lifter.live_sets() == before
    [session] = lifter.export()  # the export holds the session in progress too
    assert session["ended_at"] is None
    assert session_sets(session) == before


# -- 4. quit mid-rest, start again, resume ------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_quit_mid_rest_and_resume_the_rest_goes_on_and_the_set_lands_right(lifter_at, size):
    lifter = lifter_at(size)
    lifter.start()
    lifter.start_rack_day()
    lifter.press("n")  # bench first today
    lifter.wait_for(BENCH, "Target: 60 kg × 8")
    lifter.burst("60x8 @2", "Enter")
    lifter.wait_live_count(1)
    lifter.wait_for("Rest. Phone away", "Next: Barbell Bench Press, set 2", "planned 2:00")
    lifter.quit()  # ctrl+q in the middle of the rest

    session = lifter.live_session()
    assert session is not None and session["ended_at"] is None
    assert rows(session_sets(session)) == [(BENCH, 60, 8, "working", 2, None)]

    lifter.start()
    lifter.wait_for("In progress: Rack day", "1 set saved")
    lifter.press("r")
    shown = lifter.wait_for("Rest. Phone away", "Next: Barbell Bench Press, set 2")
    assert "Rest is over" not in shown
    lifter.burst("+2.5x8", "Enter")  # the next set, typed during the resumed rest
    sets = lifter.wait_live_count(2)
    assert rows(sets) == [
        (BENCH, 60, 8, "working", 2, None),
        (BENCH, 62.5, 8, "working", None, None),
    ]
    lifter.wait_for("Could you do one more rep")
    lifter.press("3")
    lifter.wait_for("Rest. Phone away")
    lifter.quit()

    session = lifter.live_session()
    assert session is not None
    bench = next(e for e in session["exercises"] if e["name"] == BENCH)
    second = bench["sets"][1]
    assert (second["weight"], second["reps"], second["rir"]) == (62.5, 8, 3)
    # The rest went on across the restart: it counts from the first set, it did not start
    # again from zero when the app came back.
    first_at = bench["sets"][0]["logged_at"]
    assert second["rest_planned_s"] == 120
    assert second["rest_actual_s"] is not None
    gap = (
        datetime.fromisoformat(second["logged_at"]) - datetime.fromisoformat(first_at)
    ).total_seconds()
    assert second["rest_actual_s"] >= gap - 1.0, (second["rest_actual_s"], gap)
    squat = next(e for e in session["exercises"] if e["name"] == SQUAT)
    assert squat["sets"] == []


# -- 5. delete the finished session from the review --------------------------------------


def finish_a_short_session(lifter: Lifter) -> None:
    lifter.start_rack_day()
    lifter.burst("100x5 @2", "Enter")
    lifter.wait_live_count(1)
    lifter.wait_for("Rest. Phone away")
    lifter.press("Enter")
    lifter.wait_for("Set 2 of 3", gone=("Rest. Phone away",))
    lifter.press("f")
    lifter.wait_for("Finish this session?")
    lifter.press("Enter")
    lifter.wait_for("Saved: Rack day")
    lifter.press("Enter")
    lifter.wait_for("Last session: Rack day")


@pytest.mark.parametrize("size", SIZES)
def test_a_session_deleted_from_the_review_is_gone_everywhere_for_good(lifter_at, size, tmp_path):
    lifter = lifter_at(size)
    lifter.start()
    finish_a_short_session(lifter)
    lifter.quit()
    [session] = lifter.export()
    kept = tmp_path / "before-delete.json"
    done = lifter.cli("export", "--format", "json", "-o", str(kept))
    assert done.returncode == 0, done.stderr

    lifter.start()
    lifter.wait_for("Last session: Rack day")
    lifter.press("l")
    lifter.wait_for("Rack day", SQUAT, "Delete session")
    lifter.press("d")
    lifter.wait_for("Delete Rack day")
    lifter.press("y")
    lifter.wait_for("No finished sessions yet", gone=("Last session: Rack day",))
    lifter.press("h")
    lifter.wait_for("History · 0 sessions", "No finished sessions yet")
    lifter.press("Escape")
    lifter.wait_for("Start a session")
    lifter.quit()
    assert lifter.export() == []

    # It cannot come back: not from the old export, not at the next start.
    done = lifter.cli("import", "onemore", str(kept))
    assert done.returncode == 0, done.stderr
    assert lifter.export() == []
    lifter.start()
    lifter.wait_for("No finished sessions yet", "Start a session")
    lifter.press("h")
    lifter.wait_for("History · 0 sessions")
    lifter.press("Escape")
    lifter.wait_for("Start a session")
    lifter.press("l")  # nothing to review
    shown = lifter.wait_for("Start a session")
    assert session["id"] not in shown
    lifter.quit()
    assert lifter.export() == []


# -- 6. Home and back, reorder and drop an exercise, discard -----------------------------


def exercise_order(lifter: Lifter) -> list[str]:
    session = lifter.live_session()
    return [] if session is None else [e["name"] for e in session["exercises"]]


def test_home_and_resume_reorder_drop_and_discard_leave_no_session(lifter_at):
    lifter = lifter_at((80, 24))
    lifter.start()
    lifter.start_rack_day()
    lifter.press("Escape")  # Home at once, the session kept
    lifter.wait_for("In progress: Rack day", "press r to resume")
    session = lifter.live_session()
    assert session is not None and session["ended_at"] is None
    assert exercise_order(lifter) == [SQUAT, BENCH]
    lifter.press("r")
    lifter.wait_for(SQUAT, "Set 1 of 3", "exercise 1 of 2")

    lifter.press(">")  # the squat later today
    lifter.wait_until(lambda: exercise_order(lifter) == [BENCH, SQUAT], "bench first on disk")
    lifter.press("<")  # and back
    lifter.wait_until(lambda: exercise_order(lifter) == [SQUAT, BENCH], "squat first on disk")
    lifter.wait_for(SQUAT, "exercise 1 of 2")

    lifter.burst("100x5 @2", "Enter")
    lifter.wait_live_count(1)
    lifter.wait_for("Rest. Phone away", "Next: Barbell Back Squat, set 2")
    lifter.press("Enter")
    lifter.wait_for("Set 2 of 3", gone=("Rest. Phone away",))
    lifter.press("n")
    lifter.wait_for(BENCH, "Set 1 of 3")
    lifter.press("d")  # drop the bench from today: no set of it yet
    lifter.wait_until(lambda: exercise_order(lifter) == [SQUAT], "only the squat on disk")
    lifter.wait_for(SQUAT, "exercise 1 of 1")
    assert rows(lifter.live_sets()) == [(SQUAT, 100, 5, "working", 2, None)]

    lifter.press("f")
    lifter.wait_for("Finish this session?", "1 set logged")
    lifter.press("d")
    lifter.wait_for("Discard this session?")
    lifter.press("y")
    lifter.wait_for("Start a session", "No session in progress")
    assert lifter.live_session() is None
    lifter.quit()
    assert lifter.live_session() is None
    assert lifter.export() == []
    lifter.start()
    shown = lifter.wait_for("Start a session", "No session in progress")
    assert "press r to resume" not in shown
    lifter.quit()


# -- the footer at 80 × 24 -----------------------------------------------------------------


def logging_at_80x24(lifter: Lifter) -> str:
    lifter.start()
    lifter.start_rack_day()
    return lifter.wait_for("Target: 100 kg × 5, 2 reps in reserve", "Last time")


def rest_at_80x24(lifter: Lifter) -> str:
    lifter.start()
    lifter.start_rack_day()
    lifter.press("Enter")
    lifter.wait_for("Could you do one more rep")
    lifter.press("2")
    return lifter.wait_for(
        "Rest. Phone away, breathe.",
        "planned 3:00",
        "Next: Barbell Back Squat, set 2 — Target:",
    )


def test_the_logging_screen_at_80x24_leads_its_footer_with_finish_and_keys(lifter_at):
    lifter = lifter_at((80, 24))
    shown = logging_at_80x24(lifter)
    assert "Enter = target · 100x5 @2 · w60x5 · x6 · bw+10x8" in shown
    assert "exercise 1 of 2" in shown and "Not done before." in shown
    assert footer_items(lifter.footer())[:2] == ["f Finish", "? Keys"]
    assert not cut_words(lifter.screen(), lifter.width)
    lifter.quit()


def test_the_rest_screen_at_80x24_cuts_no_word(lifter_at):
    lifter = lifter_at((80, 24))
    rest_at_80x24(lifter)
    assert not cut_words(lifter.screen(), lifter.width)
    assert "⏎ Next set" in footer_items(lifter.footer())
    lifter.quit()
