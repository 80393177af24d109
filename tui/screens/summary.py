"""Summary on finish: what was done, how it compares, what was learned. Saved already.

The review below uses the PRs the store worked out when it filed the session.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.application.review_table import table_lines
from tui.core.model import Session
from tui.core.stats import in_unit
from tui.core.summary import SessionSummary, volume_kg
from tui.format import day_text
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.widgets.footer import Footer
from tui.widgets.markup import lit
from tui.widgets.sync_line import SyncLine

NBSP = "\u00a0"
WRITE_BEHIND_AFTER_S = 0.2  # after the summary is painted, long before the next key


def routine_change_line(session: Session, before: SessionSummary | None, unit: str) -> str:
    if before is None:
        return "First time with this plan." if session.routine_id else ""
    volume = in_unit(volume_kg(session) - before.volume_kg, unit)
    sets = sum(1 for s in session.sets if s.is_working) - before.working_sets
    when = day_text(before.started_at, with_time=False)
    # No-break spaces: a narrow screen wraps between the figures, never inside one.
    figures = f"volume {volume:+,.0f} {unit}, working sets {sets:+d}".replace(" ", NBSP)
    return f"vs {before.name} on {when}: {figures.replace(',' + NBSP, ', ')}"


class SummaryScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"enter", "escape", "r"})
    BINDINGS = [Binding("enter,escape", "home", "Home"), Binding("r", "review", "Review / edit")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.dismiss_when_back = False  # its session was deleted while a review was on top

    def compose(self) -> ComposeResult:
        before = self.app.history.same_routine_before(self.session)
        unit = self.app.settings.unit
        with VerticalScroll(id="summary"):
            yield Static(f"Saved: {lit(self.session.name)}", classes="heading")
            yield Static(lit(routine_change_line(self.session, before, unit)), id="routine-change")
            yield Static("", id="review")
        yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        self._show_review()
        self.watch(self.app, "data_version", self._data_changed, init=False)
        # the index and lift files of the session, written once the summary is up
        self.set_timer(WRITE_BEHIND_AFTER_S, self.app.history.write_behind)

    def on_unmount(self) -> None:
        self.app.history.write_behind()  # left before the timer: not left for the next finish

    def _data_changed(self) -> None:
        """Edited or deleted in its review (or by a sync): show it as it is now."""
        session = self.app.history.session(self.session.id)
        if session is None:  # deleted: nothing here may bring it back
            if self.on_top:
                self.app.pop_screen()
            else:
                self.dismiss_when_back = True
            return
        self.session = session
        self._show_review()

    def _show_review(self) -> None:
        review = self.app.history.review(self.session)
        self.query_one("#review", Static).update(
            "\n".join(lit(line) for line in table_lines(review))
        )

    def on_screen_resume(self) -> None:
        if self.dismiss_when_back:
            self.app.pop_screen()

    @settles
    def action_review(self) -> None:
        from tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen.of(self.session))

    @settles
    def action_home(self) -> None:
        self.app.pop_screen()
