"""Home: what is in progress, what was done last time."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.format import day_text, set_text


class HomeScreen(Screen[None]):
    BINDINGS = [("ctrl+q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        with Vertical(id="home"):
            yield Static("OneMore", id="title")
            yield Static("Real rest. Honest effort. One more rep.", id="tagline")
            if store.read_only:
                yield Static(
                    "Read-only: another OneMore has this data open.", id="read-only", classes="warning"
                )
            yield Static(self._in_progress_text(store), id="in-progress", classes="panel")
            yield Static(self._last_session_text(store), id="last-session", classes="panel")
        yield Footer()

    @staticmethod
    def _in_progress_text(store) -> str:  # noqa: ANN001
        live = store.live
        if live is None:
            return "No session in progress."
        lines = [f"[b]In progress:[/b] {live.name}, started {day_text(live.started_at)}"]
        count = len(live.sets)
        lines.append(f"{count} set{'' if count == 1 else 's'} saved")
        for exercise in live.exercises:
            if exercise.sets:
                sets = ", ".join(set_text(s) for s in exercise.sets)
                lines.append(f"  {exercise.name}: {sets}")
        return "\n".join(lines)

    @staticmethod
    def _last_session_text(store) -> str:  # noqa: ANN001
        last = store.last_summary()
        if last is None:
            return "No finished sessions yet."
        started = datetime.fromisoformat(last["started_at"])
        return (
            f"[b]Last session:[/b] {last['name']}, {day_text(started)}\n"
            f"{last['working_sets']} working sets · volume {last['volume_kg']:g} kg"
        )
