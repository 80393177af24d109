"""The review of one session as plain text with aligned columns and no colour codes.

Shared by `onemore last` and the app's summary and review screens, so both read the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

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


def set_note(row: dict[str, Any]) -> str:
    notes = ["PR"] if row["prs"] else []
    if row["failure"]:
        notes.append(f"{row['failure']} failure")
    if row["test"]:
        test = row["test"]
        notes.append(
            f"test: stopped at {test['reps_at_stop']}, said {test['predicted_rir']:g} "
            f"more, did {test['total_reps']}"
        )
    return ", ".join(notes)


def set_lines(sets: list[dict[str, Any]], unit: str) -> list[str]:
    rows = [["set", f"e1RM {unit}", "rest", "planned", "calm", ""]]
    rows += [
        [
            s["text"],
            number(s["e1rm"]),
            duration(s["rest_actual_s"]),
            duration(s["rest_planned_s"]),
            duration(s["calm_after_s"]),
            set_note(s),
        ]
        for s in sets
    ]
    lines = aligned(rows, right={1, 2, 3, 4})
    return [lines[0], RULE * len(lines[0])] + lines[1:]


def change_line(previous: dict[str, Any], unit: str) -> str:
    delta = previous["change"]
    when = day_text(datetime.fromisoformat(previous["started_at"]))
    return (
        f"vs {when}: e1RM {number(delta['e1rm'], signed=True)} · "
        f"volume {number(delta['volume'], signed=True)} · "
        f"top {number(delta['top_weight'], signed=True)} {unit}"
    )


def exercise_lines(exercise: dict[str, Any], unit: str) -> list[str]:
    prs = len(exercise["prs"])
    title = exercise["name"] + (f"   {plural(prs, 'PR')}" if prs else "")
    lines = [title, *("  " + line for line in set_lines(exercise["sets"], unit))]
    if exercise["best_set"]:
        e1rm = f" · e1RM {number(exercise['e1rm'])}" if exercise["e1rm"] is not None else ""
        lines.append(
            f"  best {exercise['best_set']}{e1rm} · volume {number(exercise['volume'])} {unit}"
        )
    if exercise["first_time"]:
        lines.append("  first time: these numbers are the marks to beat")
    elif exercise["previous"]:
        lines.append("  " + change_line(exercise["previous"], unit))
    lines += [f"  PR  {record['text']}" for record in exercise["prs"]]
    if exercise["calibration"]:
        lines.append(f"  test sets: {calibration_text(exercise['calibration'])}")
    return lines


def calibration_text(calibration: dict[str, Any]) -> str | None:
    line: str | None = calibration["line"]
    trend = calibration["trend_words"]
    if line and trend:
        return f"{line} Since your first test sets, {trend}."
    return line


def rest_text(rest: dict[str, Any]) -> str:
    if not rest["rests"]:
        return "no rests timed"
    text = f"{duration(rest['actual_avg_s'])} on average"
    if rest["planned_avg_s"] is not None:
        over = duration(rest["over_avg_s"], signed=True)
        text += f" (planned {duration(rest['planned_avg_s'])}, {over})"
    if rest["calm_avg_s"] is not None:
        text += f" · calm after {duration(rest['calm_avg_s'])}"
    return text


def effort_text(effort: dict[str, Any]) -> str:
    if not effort["rir_known"]:
        return "not recorded"
    spread = "  ".join(f"@{rir} ×{count}" for rir, count in effort["rir_counts"].items())
    return (
        f"{effort['rir_avg']:g} on average ({effort['rir_known']} of "
        f"{effort['working_sets']} working sets)   {spread}"
    )


def stops_text(effort: dict[str, Any]) -> str:
    stops = effort["perceived"] + effort["technical"]
    if not stops:
        return "no set taken to zero"
    return (
        f"{effort['perceived']} felt too heavy, {effort['technical']} form broke "
        f"({round(100 * effort['perceived_share'])} % felt)"
    )


def session_lines(data: dict[str, Any]) -> list[str]:
    totals, unit = data["totals"], data["unit"]
    counts = [
        plural(totals["working_sets"], "working set"),
        plural(totals["warmup_sets"], "warm-up"),
        plural(totals["prs"], "PR"),
    ]
    rows = [
        ["volume", " · ".join([f"{number(totals['volume'])} {unit}", *counts])],
        ["rest", rest_text(data["rest"])],
        ["reps left", effort_text(data["effort"])],
        ["stops", stops_text(data["effort"])],
    ]
    overall = calibration_text(data["calibration"])
    shown = {calibration_text(e["calibration"]) for e in data["exercises"] if e["calibration"]}
    if overall and overall not in shown:  # one tested lift: its own line already says it
        rows.append(["calibration", overall])
    return ["Session", *("  " + line for line in aligned(rows, right=set()))]


def table_lines(data: dict[str, Any]) -> list[str]:
    session = data["session"]
    header = (
        f"{session['name']} · {day_text(datetime.fromisoformat(session['started_at']))}"
        f" · {duration(session['duration_s'])}"
    )
    lines = [header, RULE * max(len(header), 40), ""]
    for exercise in data["exercises"]:
        lines += exercise_lines(exercise, data["unit"]) + [""]
    return lines + session_lines(data)
