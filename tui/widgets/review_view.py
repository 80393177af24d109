"""The review of one session on screen: the same words as `onemore last`, laid out to fit.

Built from `tui.interchange.review_data.review` with the wording of `review_text`, as Rich
tables whose note column wraps, so it reads at 120 columns and stays whole at 60.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

from tui.format import duration, number, plural
from tui.interchange.review_text import (
    calibration_text,
    change_line,
    effort_text,
    rest_text,
    set_note,
    stops_text,
)

INDENT = (0, 0, 0, 2)
STOP_MONTHS = 6  # months of perceived vs technical stops shown


def stops_over_time(months: list[dict[str, Any]]) -> str | None:
    """ "Sep 2026 60 % · Oct 2026 50 % of stops felt too heavy"; None below two months."""
    if len(months) < 2:
        return None
    shares = [
        f"{datetime.strptime(m['month'], '%Y-%m').strftime('%b %Y')} "
        f"{round(100 * m['perceived_share'])} %"
        for m in months[-STOP_MONTHS:]
    ]
    return " · ".join(shares) + " of stops felt too heavy"


class ReviewView(Widget):
    COMPONENT_CLASSES = {"review--heading", "review--muted", "review--pr", "review--test"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.data: dict[str, Any] | None = None

    def show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.refresh(layout=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"review--{name}", partial=True)

    def render(self) -> RenderResult:
        if self.data is None:
            return ""
        parts: list[RenderableType] = []
        for exercise in self.data["exercises"]:
            parts += [*self._exercise(exercise, self.data["unit"]), Text("")]
        parts += self._session(self.data)
        return Group(*parts)

    # -- one exercise --------------------------------------------------------------------

    def _exercise(self, exercise: dict[str, Any], unit: str) -> list[RenderableType]:
        title = Text(exercise["name"], style=self._style("heading"))
        if exercise["prs"]:
            title.append(f"   {plural(len(exercise['prs']), 'PR')}", style=self._style("pr"))
        parts: list[RenderableType] = [title, Padding(self._sets(exercise["sets"], unit), INDENT)]
        lines = [Text(line, style=style) for line, style in self._exercise_lines(exercise, unit)]
        return parts + [Padding(line, INDENT) for line in lines]

    def _sets(self, sets: list[dict[str, Any]], unit: str) -> Table:
        muted = self._style("muted")
        table = Table(
            box=None,
            show_header=True,
            header_style=muted,
            pad_edge=False,
            padding=(0, 2, 0, 0),
            expand=False,
        )
        table.add_column("set", no_wrap=True)
        for title in (f"e1RM {unit}", "rest", "planned", "calm"):
            table.add_column(title, justify="right", no_wrap=True)
        table.add_column("", overflow="fold", ratio=1)
        for row in sets:
            table.add_row(
                Text(row["text"], style=muted if row["warmup"] else Style()),
                number(row["e1rm"]),
                duration(row["rest_actual_s"]),
                duration(row["rest_planned_s"]),
                duration(row["calm_after_s"]),
                Text(set_note(row), style=self._note_style(row)),
            )
        return table

    def _note_style(self, row: dict[str, Any]) -> Style:
        if row["test"]:
            return self._style("test")
        return self._style("pr") if row["prs"] else Style()

    def _exercise_lines(self, exercise: dict[str, Any], unit: str) -> list[tuple[str, Style]]:
        plain, muted = Style(), self._style("muted")
        lines: list[tuple[str, Style]] = []
        if exercise["best_set"]:
            e1rm = f" · e1RM {number(exercise['e1rm'])}" if exercise["e1rm"] is not None else ""
            lines.append(
                (
                    f"best {exercise['best_set']}{e1rm} · "
                    f"volume {number(exercise['volume'])} {unit}",
                    plain,
                )
            )
        if exercise["first_time"]:
            lines.append(("first time: these numbers are the marks to beat", muted))
        elif exercise["previous"]:
            lines.append((change_line(exercise["previous"], unit), muted))
        lines += [(f"PR  {record['text']}", self._style("pr")) for record in exercise["prs"]]
        if exercise["calibration"]:
            lines.append(
                (f"test sets: {calibration_text(exercise['calibration'])}", self._style("test"))
            )
        return lines

    # -- the whole session ---------------------------------------------------------------

    def _session(self, data: dict[str, Any]) -> list[RenderableType]:
        totals, unit = data["totals"], data["unit"]
        counts = [
            plural(totals["working_sets"], "working set"),
            plural(totals["warmup_sets"], "warm-up"),
            plural(totals["prs"], "PR"),
        ]
        table = Table.grid(padding=(0, 2))
        table.add_column(style=self._style("muted"), no_wrap=True)
        table.add_column(overflow="fold")
        table.add_row("volume", " · ".join([f"{number(totals['volume'])} {unit}", *counts]))
        table.add_row("rest", rest_text(data["rest"]))
        table.add_row("reps left", effort_text(data["effort"]))
        table.add_row("stops", stops_text(data["effort"]))
        over_time = stops_over_time(data["calibration"]["stops_by_month"])
        if over_time:
            table.add_row("over time", over_time)
        overall = calibration_text(data["calibration"])
        shown = {calibration_text(e["calibration"]) for e in data["exercises"] if e["calibration"]}
        if overall and overall not in shown:  # one tested lift: its own line already says it
            table.add_row("calibration", Text(overall, style=self._style("test")))
        return [Text("Session", style=self._style("heading")), Padding(table, INDENT)]
