"""After a working set: "Could you do one more rep with good form?" — one key answers."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.model import Failure
from tui.keygate import settles
from tui.screens.dialog import Dialog


@dataclass(frozen=True)
class Answer:
    rir: float
    failure: Failure | None = None


class OneMoreScreen(Dialog[Answer | None]):
    """`0`–`5`: reps still in the tank (`n` = none). At none: `t` form broke, `p` felt too heavy."""

    WAITS_AFTER = frozenset({*"012345", "n", "t", "p", "escape"})

    def __init__(self, set_text: str) -> None:
        super().__init__()
        self.set_text = set_text
        self.asking_why = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog one-more"):
            yield Static(self.set_text, classes="detail", id="the-set")
            yield Static("Could you do one more rep with good form?", classes="question", id="ask")
            yield Static(self._keys(), classes="keys", id="keys")

    def _keys(self) -> str:
        if self.asking_why:
            return "[b]t[/b] form broke   [b]p[/b] it felt too heavy   [b]Esc[/b] skip"
        return "[b]0[/b]–[b]5[/b] reps still in the tank   [b]n[/b] none   [b]Esc[/b] skip"

    @settles
    def on_key(self, event: events.Key) -> None:
        key = event.character
        if self.asking_why:
            if key in ("t", "p"):
                event.stop()
                self.dismiss(Answer(0, "technical" if key == "t" else "perceived"))
            return
        if key == "n":
            key = "0"
        if key is not None and key in "012345" and len(key) == 1:
            event.stop()
            if key == "0":
                self.asking_why = True
                self.query_one("#ask", Static).update("What stopped you?")
                self.query_one("#keys", Static).update(self._keys())
            else:
                self.dismiss(Answer(float(key)))
