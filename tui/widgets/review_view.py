"""The review of one session on screen: the same words as `onemore last`, laid out to fit.

Shows a `tui.application.review.Review` with the wording of `review_table`, as Rich tables
whose note column wraps, so it reads at 120 columns and stays whole at 60.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

from tui.application.review import ExerciseReview, Review, SetReview, StopsInMonth
from tui.application.review_table import (
    best_line,
    calibration_text,
    change_line,
    checkin_text,
    effort_text,
    overall_calibration,
    rest_text,
    set_note,
    stops_text,
    volume_text,
)
from tui.format import duration, number, plural, shown
from tui.widgets.markup import plain

INDENT = (0, 0, 0, 2)
STOP_MONTHS = 6  # months of perceived vs technical stops shown


def stops_over_time(months: Sequence[StopsInMonth]) -> str | None:
    """ "Sep 2026 60 % · Oct 2026 50 % of stops felt too heavy"; None below two months."""
    if len(months) < 2:
        return None
    shares = [
        f"{datetime.strptime(m.month, '%Y-%m').strftime('%b %Y')} "
        f"{round(100 * m.perceived_share)} %"
        for m in months[-STOP_MONTHS:]
    ]
    return " · ".join(shares) + " of stops felt too heavy"


class ReviewView(Widget):
    COMPONENT_CLASSES = {"review--heading", "review--muted", "review--pr", "review--test"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.review: Review | None = None

    def show(self, review: Review) -> None:
        self.review = review
        self.refresh(layout=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"review--{name}", partial=True)

    def render(self) -> RenderResult:
        if self.review is None:
            return ""
        parts: list[RenderableType] = []
        session = self.review.session
        arrived = [
            checkin_text(session),
            f"note: {session.notes.strip()}" if session.notes.strip() else "",
        ]
        parts += [Text(shown(line), style=self._style("muted")) for line in arrived if line]
        if parts:
            parts.append(Text(""))
        for exercise in self.review.exercises:
            parts += [*self._exercise(exercise, self.review.unit), Text("")]
        parts += self._session(self.review)
        return Group(*parts)

    # -- one exercise --------------------------------------------------------------------

    def _exercise(self, exercise: ExerciseReview, unit: str) -> list[RenderableType]:
        title = Text(shown(exercise.name), style=self._style("heading"))
        if exercise.prs:
            title.append(f"   {plural(len(exercise.prs), 'PR')}", style=self._style("pr"))
        parts: list[RenderableType] = [title]
        if exercise.notes:
            parts.append(Padding(Text(shown(f"note: {exercise.notes}")), INDENT))
        parts.append(Padding(self._sets(exercise.sets, unit), INDENT))
        lines = [
            Text(shown(line), style=style) for line, style in self._exercise_lines(exercise, unit)
        ]
        return parts + [Padding(line, INDENT) for line in lines]

    def _sets(self, sets: Sequence[SetReview], unit: str) -> Table:
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
                Text(shown(row.text), style=muted if row.warmup else Style()),
                number(row.e1rm),
                duration(row.rest_actual_s),
                duration(row.rest_planned_s),
                duration(row.calm_after_s),
                Text(shown(set_note(row)), style=self._note_style(row)),
            )
        return table

    def _note_style(self, row: SetReview) -> Style:
        if row.test:
            return self._style("test")
        return self._style("pr") if row.prs else Style()

    def _exercise_lines(self, exercise: ExerciseReview, unit: str) -> list[tuple[str, Style]]:
        muted = self._style("muted")
        lines: list[tuple[str, Style]] = []
        if best := best_line(exercise, unit):
            lines.append((best, Style()))
        if exercise.first_time:
            lines.append(("first time: these numbers are the marks to beat", muted))
        elif exercise.previous:
            lines.append((change_line(exercise.previous, unit), muted))
        lines += [(f"PR  {record.text}", self._style("pr")) for record in exercise.prs]
        if exercise.calibration:
            lines.append(
                (f"test sets: {calibration_text(exercise.calibration)}", self._style("test"))
            )
        return lines

    # -- the whole session ---------------------------------------------------------------

    def _session(self, review: Review) -> list[RenderableType]:
        table = Table.grid(padding=(0, 2))
        table.add_column(style=self._style("muted"), no_wrap=True)
        table.add_column(overflow="fold")
        table.add_row("volume", plain(volume_text(review)))
        table.add_row("rest", plain(rest_text(review.rest)))
        table.add_row("reps left", plain(effort_text(review.effort)))
        table.add_row("stops", plain(stops_text(review.effort)))
        over_time = stops_over_time(review.stops_by_month)
        if over_time:
            table.add_row("over time", plain(over_time))
        if overall := overall_calibration(review):
            table.add_row("calibration", Text(overall, style=self._style("test")))
        return [Text("Session", style=self._style("heading")), Padding(table, INDENT)]
