"""Today's plan: the routine's exercises, and on a low day a simpler plan to take or leave."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.catalog import find_or_custom
from tui.core.coach import (
    PlanChange,
    apply_changes,
    bad_day_changes,
    readiness,
    readiness_line,
    rest_for,
)
from tui.core.live import Live, plan_session
from tui.core.model import CheckIn, PlannedExercise, Routine
from tui.format import duration
from tui.keygate import KeyGated, settles
from tui.settings import Settings


def default_rests(plan: tuple[PlannedExercise, ...], settings: Settings) -> list[int]:
    """Each exercise's rest before any bad-day change: routine, the lifter's, then the lift's."""
    defaults = Settings()
    compound = (
        settings.rest_compound_s if settings.rest_compound_s != defaults.rest_compound_s else None
    )
    isolation = (
        settings.rest_isolation_s
        if settings.rest_isolation_s != defaults.rest_isolation_s
        else None
    )
    return [
        rest_for(find_or_custom(p.catalog_id or p.name), p.rest_s, compound, isolation)
        for p in plan
    ]


def with_rests(plan: tuple[PlannedExercise, ...], rests: list[int]) -> tuple[PlannedExercise, ...]:
    from dataclasses import replace

    return tuple(
        replace(p, rest_s=p.rest_s if p.rest_s is not None else r)
        for p, r in zip(plan, rests, strict=True)
    )


class PlanScreen(KeyGated, Screen[None]):
    WAITS_AFTER = frozenset({"enter", "escape"})
    BINDINGS = [
        Binding("enter", "start", "Start"),
        Binding("y", "take_all", "Take all"),
        Binding("n", "take_none", "Take none"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, routine: Routine | None, checkin: CheckIn) -> None:
        super().__init__()
        self.routine = routine
        self.checkin = checkin
        self.level = readiness(checkin)
        self.plan: tuple[PlannedExercise, ...] = routine.exercises if routine else ()
        self.changes: list[PlanChange] = bad_day_changes(self.plan) if self.level == "low" else []
        self.taken = [True] * len(self.changes)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="plan"):
            yield Static(self.routine.name if self.routine else "Empty session", classes="heading")
            yield Static(readiness_line(self.level), id="readiness")
            if self.changes:
                yield Static("", id="changes", classes="panel")
            yield Static("", id="exercises", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take_all", "take_none"):
            return bool(self.changes)
        return True

    def today(self) -> tuple[PlannedExercise, ...]:
        settings = self.app.settings  # type: ignore[attr-defined]
        rests = default_rests(self.plan, settings)
        accepted = [c for c, taken in zip(self.changes, self.taken, strict=True) if taken]
        return with_rests(apply_changes(self.plan, accepted, rests), rests)

    def _show(self) -> None:
        if self.changes:
            lines = ["[b]Suggested for today[/b] (press a number to take or leave it)"]
            for number, (change, taken) in enumerate(zip(self.changes, self.taken, strict=True), 1):
                mark = "[b]✓[/b]" if taken else "·"
                lines.append(f"{mark} [b]{number}[/b] {change.what}\n      [dim]{change.why}[/dim]")
            self.query_one("#changes", Static).update("\n".join(lines))
        table = Table.grid(padding=(0, 2))
        for planned in self.today():
            rir = f" @{planned.rir:g}" if planned.rir is not None else ""
            table.add_row(
                planned.name,
                f"{planned.sets} × {planned.reps}{rir}",
                f"rest {duration(planned.rest_s or 0)}",
            )
        exercises = self.query_one("#exercises", Static)
        exercises.update(
            table if self.plan else "Add exercises as you go: press [b]a[/b] when logging."
        )

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.changes):
                event.stop()
                self.taken[index] = not self.taken[index]
                self._show()

    def action_take_all(self) -> None:
        self.taken = [True] * len(self.changes)
        self._show()

    def action_take_none(self) -> None:
        self.taken = [False] * len(self.changes)
        self._show()

    @settles
    def action_cancel(self) -> None:
        self.app.pop_screen()

    @settles
    def action_start(self) -> None:
        from tui.screens.logging import LoggingScreen

        app = self.app
        name = self.routine.name if self.routine else "Session"
        session = plan_session(
            name,
            self.today(),
            app.now(),  # type: ignore[attr-defined]
            routine_id=self.routine.id if self.routine else None,
            checkin=self.checkin,
        )
        app.saver.save(session)  # type: ignore[attr-defined]  # a failed save is retried while logging
        app.switch_screen(LoggingScreen(Live(session)))
