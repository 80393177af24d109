"""The review of one session as plain text with aligned columns and no colour codes.

Shared by `onemore last` and the app's summary and review screens, so both read the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.application.review import (
    CalibrationReview,
    EffortReview,
    ExerciseReview,
    PreviousTime,
    RestReview,
    Review,
    ReviewedSession,
    SetReview,
)
from tui.format import day_text, duration, number, plural

RULE = "─"


def aligned(rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows as lines with each column padded to its widest cell (numbers to the right)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def set_note(row: SetReview) -> str:
    notes = ["PR"] if row.prs else []
    if row.failure:
        notes.append(f"{row.failure} failure")
    if row.test:
        test = row.test
        notes.append(
            f"test: stopped at {test.reps_at_stop}, said {test.predicted_rir:g} "
            f"more, did {test.total_reps}"
        )
    return ", ".join(notes)


def set_lines(sets: Sequence[SetReview], unit: str) -> list[str]:
    rows = [["set", f"e1RM {unit}", "rest", "planned", "calm", ""]]
    rows += [
        [
            s.text,
            number(s.e1rm),
            duration(s.rest_actual_s),
            duration(s.rest_planned_s),
            duration(s.calm_after_s),
            set_note(s),
        ]
        for s in sets
    ]
    lines = aligned(rows, right={1, 2, 3, 4})
    return [lines[0], RULE * len(lines[0])] + lines[1:]


def change_line(previous: PreviousTime, unit: str) -> str:
    delta = previous.change
    return (
        f"vs {day_text(previous.started_at)}: e1RM {number(delta.e1rm, signed=True)} · "
        f"volume {number(delta.volume, signed=True)} · "
        f"top {number(delta.top_weight, signed=True)} {unit}"
    )


def best_line(exercise: ExerciseReview, unit: str) -> str | None:
    """`best 105 kg × 5 @2 · e1RM 129.5 · volume 1,025 kg`; None without a working set."""
    numbers = exercise.numbers
    if not numbers.best_set:
        return None
    e1rm = f" · e1RM {number(numbers.e1rm)}" if numbers.e1rm is not None else ""
    return f"best {numbers.best_set}{e1rm} · volume {number(numbers.volume)} {unit}"


def exercise_lines(exercise: ExerciseReview, unit: str) -> list[str]:
    prs = len(exercise.prs)
    title = exercise.name + (f"   {plural(prs, 'PR')}" if prs else "")
    lines = [title]
    if exercise.notes:
        lines.append(f"  note: {exercise.notes}")
    lines += ["  " + line for line in set_lines(exercise.sets, unit)]
    if best := best_line(exercise, unit):
        lines.append(f"  {best}")
    if exercise.first_time:
        lines.append("  first time: these numbers are the marks to beat")
    elif exercise.previous:
        lines.append("  " + change_line(exercise.previous, unit))
    lines += [f"  PR  {record.text}" for record in exercise.prs]
    if exercise.calibration:
        lines.append(f"  test sets: {calibration_text(exercise.calibration)}")
    return lines


def calibration_text(calibration: CalibrationReview) -> str | None:
    line, trend = calibration.line, calibration.trend_words
    if line and trend:
        return f"{line} Since your first test sets, {trend}."
    return line


def overall_calibration(review: Review) -> str | None:
    """The calibration line over every lift, unless one lift's own line already says it."""
    overall = calibration_text(review.calibration)
    shown = {calibration_text(e.calibration) for e in review.exercises if e.calibration}
    return overall if overall and overall not in shown else None


def volume_text(review: Review) -> str:
    """`2,587.5 kg · 6 working sets · 0 warm-ups · 3 PRs`"""
    totals = review.totals
    counts = [
        plural(totals.working_sets, "working set"),
        plural(totals.warmup_sets, "warm-up"),
        plural(totals.prs, "PR"),
    ]
    return " · ".join([f"{number(totals.volume)} {review.unit}", *counts])


def rest_text(rest: RestReview) -> str:
    if not rest.rests:
        return "no rests timed"
    text = f"{duration(rest.actual_avg_s)} on average"
    if rest.planned_avg_s is not None:
        over = duration(rest.over_avg_s, signed=True)
        text += f" (planned {duration(rest.planned_avg_s)}, {over})"
    if rest.calm_avg_s is not None:
        text += f" · calm after {duration(rest.calm_avg_s)}"
    return text


def effort_text(effort: EffortReview) -> str:
    if not effort.rir_known or effort.rir_avg is None:
        return "not recorded"
    spread = "  ".join(f"@{rir:g} ×{count}" for rir, count in effort.rir_counts)
    return (
        f"{effort.rir_avg:g} on average ({effort.rir_known} of "
        f"{plural(effort.working_sets, 'working set')})   {spread}"
    )


def stops_text(effort: EffortReview) -> str:
    if effort.perceived_share is None:
        return "no set taken to zero"
    return (
        f"{effort.perceived} felt too heavy, {effort.technical} form broke "
        f"({round(100 * effort.perceived_share)} % felt)"
    )


def session_lines(review: Review) -> list[str]:
    rows = [
        ["volume", volume_text(review)],
        ["rest", rest_text(review.rest)],
        ["reps left", effort_text(review.effort)],
        ["stops", stops_text(review.effort)],
    ]
    if overall := overall_calibration(review):
        rows.append(["calibration", overall])
    return ["Session", *("  " + line for line in aligned(rows, right=set()))]


def checkin_text(session: ReviewedSession) -> str:
    """`check-in: sleep 4 · stress 2 · energy 3` (of 5; stress 5 is calm), "" when none."""
    checkin = session.checkin
    if checkin is None:
        return ""
    answers = [
        f"{name} {value}"
        for name, value in (
            ("sleep", checkin.sleep),
            ("stress", checkin.stress),
            ("energy", checkin.energy),
        )
        if value is not None
    ]
    return "check-in: " + " · ".join(answers) if answers else ""


def table_lines(review: Review) -> list[str]:
    session = review.session
    header = f"{session.name} · {day_text(session.started_at)} · {duration(session.duration_s)}"
    lines = [header, RULE * max(len(header), 40)]
    if arrived := checkin_text(session):
        lines.append(arrived)
    if session.notes.strip():
        lines.append(f"note: {session.notes.strip()}")
    lines.append("")
    for exercise in review.exercises:
        lines += exercise_lines(exercise, review.unit) + [""]
    return lines + session_lines(review)
