"""Progress of one exercise over time: best e1RM, volume and time to calm, as a chart or a table.

Everything comes from the per-exercise figures in the index, so it opens at once on a
ten-year history. ←→ walk the sessions, m the figure, n/p or f the exercise, t the table,
z sessions or months.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.core.progress_series import (
    METRICS,
    LiftDay,
    LiftDone,
    Metric,
    by_month,
)
from tui.core.stats import in_unit
from tui.format import duration, number
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.widgets.footer import Footer
from tui.widgets.markup import lit
from tui.widgets.progress_chart import ProgressChart
from tui.widgets.row_list import Column, RowHeader, RowList

NAMES: dict[Metric, str] = {
    "best_e1rm_kg": "best e1RM",
    "volume_kg": "volume",
    "calm_avg_s": "time to calm",
}
MEANING: dict[Metric, str] = {
    "best_e1rm_kg": "The best estimated one-rep max of each session (Epley, reps in reserve "
    "counted, sets of 12 reps or fewer).",
    "volume_kg": "Weight × reps of the working sets.",
    "calm_avg_s": "How soon your breathing was calm in the rests before its sets: "
    "lower means better conditioning.",
}
MONTHLY: dict[Metric, str] = {
    "best_e1rm_kg": "The best of the month.",
    "volume_kg": "The month's total.",
    "calm_avg_s": "The month's average.",
}


def columns(unit: str) -> list[Column]:
    return [
        Column("date", 16),
        Column("sessions", 8, right=True),
        Column(f"best e1RM {unit}", 14, right=True),
        Column(f"volume {unit}", 12, right=True),
        Column("time to calm", 12, right=True),
    ]


class ProgressScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"escape", "q", "f", "slash"})
    BINDINGS = [
        Binding("m", "metric(1)", "Figure", id="metric"),
        Binding("n", "lift(1)", "Next", id="next"),
        Binding("p", "lift(-1)", "Prev", id="previous"),
        Binding("f,slash", "pick", "Exercise", id="pick"),
        Binding("t", "table", "Table", id="table"),
        Binding("z", "months", "Months", id="months"),
        Binding("escape,q", "back", "Back", id="back"),
        Binding("1", "metric_at(0)", show=False),
        Binding("2", "metric_at(1)", show=False),
        Binding("3", "metric_at(2)", show=False),
    ]

    def __init__(self, exercise_key: str | None = None) -> None:
        super().__init__()
        self.wanted = exercise_key
        self.lifts: list[LiftDone] = []
        self.position = 0  # which of `lifts` is shown
        self.metric: Metric = "best_e1rm_kg"
        self.monthly = False
        self.as_table = False
        self.days: list[LiftDay] = []
        self.selected = 0  # index into `days`: the session (or month) the cursor is on
        self.point_days: list[int] = []  # for each bar, its index into `days`

    @property
    def unit(self) -> str:
        return self.app.settings.unit

    def compose(self) -> ComposeResult:
        with Vertical(id="progress"):
            with Horizontal(id="progress-bar"):
                yield Static("", id="lift-name")
                yield Static("", id="lift-position")
            yield Static("", id="metrics")
            yield Static("", id="reading")
            yield ProgressChart(id="chart")
            yield RowHeader(columns(self.unit), id="table-header")
            yield RowList(columns(self.unit), id="table")
            yield Static("", id="meaning")
        yield Footer()

    def on_mount(self) -> None:
        self.lifts = self.app.history.lifts_done()
        keys = [lift.key for lift in self.lifts]
        if self.wanted in keys:
            self.position = keys.index(self.wanted)
        elif self.wanted is not None and self.lifts:
            self.app.tell(
                "No working sets of that exercise yet: showing your most done one.",
                "information",
            )
        self._load_lift()

    # -- what is shown -------------------------------------------------------------------

    @property
    def lift(self) -> LiftDone | None:
        return self.lifts[self.position] if self.lifts else None

    def _load_lift(self) -> None:
        lift = self.lift
        days = [] if lift is None else self.app.history.lift_days(lift.key)
        self.days = by_month(days) if self.monthly else days
        self.selected = len(self.days) - 1
        self._show()

    def _value_text(self, metric: Metric, value: float | None) -> str:
        if value is None:
            return "–"
        if metric == "calm_avg_s":
            return duration(value)
        converted = in_unit(value, self.unit)
        return f"{converted:,.0f}" if metric == "volume_kg" else number(converted)

    def _day_text(self, day: date) -> str:
        return day.strftime("%b %Y") if self.monthly else day.strftime("%d %b %Y")

    def _show(self) -> None:
        lift = self.lift
        self.query_one("#lift-name", Static).update(
            f"Progress · {lit(lift.name)}" if lift else "Progress"
        )
        self.query_one("#lift-position", Static).update(
            f"exercise {self.position + 1} of {len(self.lifts)}" if lift else ""
        )
        tabs = "   ".join(
            f"[b reverse] {n} {NAMES[m]} [/]" if m == self.metric else f"[dim]{n}[/dim] {NAMES[m]}"
            for n, m in enumerate(METRICS, 1)
        )
        per = "per month" if self.monthly else "per session"
        self.query_one("#metrics", Static).update(f"{tabs}   [dim]{per}[/dim]")
        meaning = MEANING[self.metric] + (" " + MONTHLY[self.metric] if self.monthly else "")
        self.query_one("#meaning", Static).update(meaning)
        self.query_one("#chart").display = not self.as_table
        for name in ("#table-header", "#table"):
            self.query_one(name).display = self.as_table
        if self.as_table:
            self._show_table()
        else:
            self._show_chart()
        self._show_reading()

    def _show_chart(self) -> None:
        metric = self.metric
        self.point_days = [i for i, d in enumerate(self.days) if getattr(d, metric) is not None]
        points = [(self.days[i].day, getattr(self.days[i], metric)) for i in self.point_days]
        nearest = self._nearest_point()
        if nearest is not None:
            self.selected = self.point_days[nearest]  # the reading follows the bar the cursor is on
        chart = self.query_one(ProgressChart)
        chart.show(
            points, lambda v: self._value_text(metric, v), self._day_text, self._empty(), nearest
        )
        chart.focus()

    def _empty(self) -> str:
        if self.lift is None:
            return "No finished sessions yet: progress shows after your first one."
        return f"No {NAMES[self.metric]} logged for {lit(self.lift.name)} yet."

    def _nearest_point(self) -> int | None:
        """The bar of the selected day, or the closest earlier one with a figure."""
        earlier = [n for n, i in enumerate(self.point_days) if i <= self.selected]
        return earlier[-1] if earlier else (0 if self.point_days else None)

    def _show_table(self) -> None:
        rows = [
            [
                self._day_text(d.day),
                str(d.sessions),
                *(self._value_text(m, getattr(d, m)) for m in METRICS),
            ]
            for d in reversed(self.days)
        ]
        table = self.query_one(RowList)
        table.show(rows, cursor=len(self.days) - 1 - self.selected)
        table.focus()

    def _show_reading(self) -> None:
        if not self.days:
            self.query_one("#reading", Static).update("")
            return
        day = self.days[self.selected]
        value = getattr(day, self.metric)
        unit = "" if self.metric == "calm_avg_s" or value is None else f" {self.unit}"
        sessions = f"{day.sessions} session{'' if day.sessions == 1 else 's'}"
        where = sessions if self.monthly else f"session {self.selected + 1} of {len(self.days)}"
        self.query_one("#reading", Static).update(
            f"[b]{self._day_text(day.day)}[/b]: {NAMES[self.metric]} "
            f"[b]{self._value_text(self.metric, value)}{unit}[/b]   [dim]{where}[/dim]"
        )

    def on_progress_chart_moved(self, event: ProgressChart.Moved) -> None:
        self.selected = self.point_days[event.index]
        self._show_reading()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        if self.days:
            self.selected = len(self.days) - 1 - event.index
            self._show_reading()

    # -- keys ----------------------------------------------------------------------------

    def action_metric(self, step: int) -> None:
        self.action_metric_at((METRICS.index(self.metric) + step) % len(METRICS))

    def action_metric_at(self, index: int) -> None:
        self.metric = METRICS[index]
        self._show()

    def action_lift(self, step: int) -> None:
        if self.lifts:
            self.position = (self.position + step) % len(self.lifts)
            self._load_lift()

    def action_table(self) -> None:
        self.as_table = not self.as_table
        self._show()

    def action_months(self) -> None:
        self.monthly = not self.monthly
        self._load_lift()

    @settles
    def action_pick(self) -> None:
        from tui.screens.lift_picker import LiftPicker

        def picked(key: str | None) -> None:
            keys = [lift.key for lift in self.lifts]
            if key in keys:
                self.position = keys.index(key)
                self._load_lift()

        self.app.push_screen(LiftPicker("Show the progress of…", self.lifts), picked)

    @settles
    def action_back(self) -> None:
        self.app.pop_screen()
