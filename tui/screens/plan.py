"""Today's plan: the routine's exercises, and on a low day a simpler plan to take or leave."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.application.sessions import TodayPlan
from tui.format import duration
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.widgets.footer import Footer
from tui.widgets.markup import lit, plain


class PlanScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"enter", "escape"})
    BINDINGS = [
        Binding("enter", "start", "Start"),
        Binding("y", "take_all", "Take all"),
        Binding("n", "take_none", "Take none"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, plan: TodayPlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="plan"):
            yield Static(lit(self.plan.name), classes="heading")
            yield Static(lit(self.plan.line), id="readiness")
            if self.plan.changes:
                yield Static("", id="changes", classes="panel")
            yield Static("", id="exercises", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take_all", "take_none"):
            return bool(self.plan.changes)
        return True

    def _show(self) -> None:
        plan = self.plan
        if plan.changes:
            lines = [Text.from_markup("[b]Suggested for today[/b] (a number takes or leaves it)")]
            for number, (change, taken) in enumerate(zip(plan.changes, plan.taken, strict=True), 1):
                mark = "[b]✓[/b]" if taken else "·"
                lines.append(Text.from_markup(f"{mark} [b]{number}[/b] {lit(change.what)}"))
                # One line of why each, cut with … on a narrow terminal: the plan fits 80×24.
                why = Text("    " + change.why, style="dim", no_wrap=True, overflow="ellipsis")
                lines.append(why)
            self.query_one("#changes", Static).update(Group(*lines))
        table = Table.grid(padding=(0, 2))
        for planned in self.app.sessions.today(plan):
            rir = f" @{planned.rir:g}" if planned.rir is not None else ""
            reps = f"{planned.reps}–{planned.reps_top}" if planned.reps_top else f"{planned.reps}"
            table.add_row(
                plain(planned.name),
                f"{planned.sets} × {reps}{rir}",
                f"rest {duration(planned.rest_s or 0)}",
            )
        exercises = self.query_one("#exercises", Static)
        exercises.update(
            table if plan.routine else "Add exercises as you go: press [b]a[/b] when logging."
        )

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.plan.changes):
                event.stop()
                self.plan = self.plan.toggled(index)
                self._show()

    def action_take_all(self) -> None:
        self.plan = self.plan.all_taken(True)
        self._show()

    def action_take_none(self) -> None:
        self.plan = self.plan.all_taken(False)
        self._show()

    @settles
    def action_cancel(self) -> None:
        self.app.pop_screen()

    @settles
    def action_start(self) -> None:
        from tui.screens.logging import LoggingScreen

        live, notice = self.app.sessions.start(self.plan)
        self.app.tell_if(notice)  # a failed first save is retried while logging
        self.app.switch_screen(LoggingScreen(live))
