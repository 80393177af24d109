"""The five-second check-in: sleep, stress, energy, one key each (Enter skips)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.model import CheckIn, Routine
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.widgets.footer import Footer

QUESTIONS = (
    ("sleep", "How did you sleep?", "1 badly  …  5 great"),
    ("stress", "How calm do you feel?", "1 stressed  …  5 calm"),
    ("energy", "How is your energy?", "1 empty  …  5 full"),
)


class CheckInScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"1", "2", "3", "4", "5", "enter", "backspace", "escape"})
    BINDINGS = [
        Binding("enter", "skip", "Skip"),
        Binding("backspace", "back", "Back"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, routine: Routine | None) -> None:
        super().__init__()
        self.routine = routine
        self.answers: dict[str, int | None] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin"):
            yield Static("Check-in", classes="heading")
            yield Static("", id="question", classes="big-question")
            yield Static("", id="scale", classes="keys")
            yield Static("", id="answers")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    @property
    def step(self) -> int:
        return len(self.answers)

    def _show(self) -> None:
        _, question, scale = QUESTIONS[self.step]
        self.query_one("#question", Static).update(f"{self.step + 1}/3  {question}")
        self.query_one("#scale", Static).update(f"{scale}      [b]Enter[/b] skip")
        done = [
            f"{key}: {value if value is not None else '–'}" for key, value in self.answers.items()
        ]
        self.query_one("#answers", Static).update("   ".join(done))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in "12345" and len(event.character) == 1:
            event.stop()
            self._answer(int(event.character))
            self.key_handled()

    @settles
    def action_cancel(self) -> None:
        self.app.pop_screen()

    @settles
    def action_skip(self) -> None:
        self._answer(None)

    @settles
    def action_back(self) -> None:
        if self.answers:
            self.answers.popitem()
            self._show()

    def _answer(self, value: int | None) -> None:
        self.answers[QUESTIONS[self.step][0]] = value
        if self.step < len(QUESTIONS):
            self._show()
            return
        from tui.screens.plan import PlanScreen

        plan = self.app.sessions.plan(self.routine, CheckIn(**self.answers))
        self.app.switch_screen(PlanScreen(plan))
