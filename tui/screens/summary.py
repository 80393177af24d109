"""Summary on finish: what was done, how it compares, what was learned. Saved already.

The review below uses the PRs the store worked out when it filed the session.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.application.review import review_of
from tui.application.review_table import table_lines
from tui.core.model import Session
from tui.core.stats import in_unit
from tui.core.summary import SessionSummary, same_routine_before, volume_kg
from tui.format import day_text
from tui.keygate import KeyGated, settles
from tui.widgets.sync_line import SyncLine


def routine_change_line(session: Session, before: SessionSummary | None, unit: str) -> str:
    if before is None:
        return "First time with this plan." if session.routine_id else ""
    volume = in_unit(volume_kg(session) - before.volume_kg, unit)
    sets = sum(1 for s in session.sets if s.is_working) - before.working_sets
    when = day_text(before.started_at)
    return f"vs {before.name} on {when}: volume {volume:+,.0f} {unit}, working sets {sets:+d}"


class SummaryScreen(KeyGated, Screen[None]):
    WAITS_AFTER = frozenset({"enter", "escape", "r"})
    BINDINGS = [Binding("enter,escape", "home", "Home"), Binding("r", "review", "Review / edit")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        store, unit = self.app.store, self.app.settings.unit  # type: ignore[attr-defined]
        before = same_routine_before(store.summaries(), self.session)
        with VerticalScroll(id="summary"):
            yield Static(f"Saved: {self.session.name}", classes="heading")
            yield Static(routine_change_line(self.session, before, unit), id="routine-change")
            yield Static("", id="review")
        yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        store, unit = self.app.store, self.app.settings.unit  # type: ignore[attr-defined]
        review = review_of(self.session, store.earlier(self.session), unit)
        self.query_one("#review", Static).update("\n".join(table_lines(review)))

    @settles
    def action_review(self) -> None:
        from tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen.of(self.session))

    @settles
    def action_home(self) -> None:
        self.app.pop_screen()
