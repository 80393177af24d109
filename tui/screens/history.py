"""Every finished session, newest first: date, name, length, volume, PRs.

Rows come from the index (in memory, PR counts included), so thousands open at once without
reading history. Filter by exercise, open a review, fix or remove a set, delete a session.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.model import Session
from tui.core.progress_series import LiftDone
from tui.core.stats import in_unit
from tui.core.summary import SessionSummary
from tui.format import duration, plural, shown
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.screens.session_edits import SessionEdits
from tui.widgets.footer import Footer
from tui.widgets.markup import lit
from tui.widgets.row_list import Column, RowHeader, RowList
from tui.widgets.sync_line import SyncLine

DATE = "%a %d %b %Y"  # in local time; the review shows the hour
PR_COLUMN = 4


def columns(unit: str) -> list[Column]:
    return [
        Column("date", 15),
        Column("session"),
        Column("time", 7, right=True),
        Column(f"volume {unit}", 10, right=True),
        Column("PRs", 3, right=True),
    ]


def row(summary: SessionSummary, unit: str) -> list[str]:
    return [
        summary.started_at.astimezone().strftime(DATE),
        shown(summary.name),
        duration(summary.duration_s),
        f"{in_unit(summary.volume_kg, unit):,.0f}",
        str(summary.pr_count),
    ]


class HistoryScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"enter", "escape", "f", "slash", "p", "e", "x", "d"})
    AUTO_FOCUS = "#sessions"
    BINDINGS = [
        Binding("enter", "open", "Review", priority=True, id="open"),
        Binding("f,slash", "filter", "Filter", id="filter"),
        Binding("p", "progress", "Progress", id="progress"),
        Binding("e", "edit", "Edit set", id="edit"),
        Binding("x", "remove", "Remove set", id="remove"),
        Binding("d", "delete", "Delete", id="delete"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.exercise: LiftDone | None = None  # the filter; None shows every session
        self.shown: list[SessionSummary] = []
        self.edits = SessionEdits(self, self._saved)

    @property
    def unit(self) -> str:
        return self.app.settings.unit

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield Static("History", id="history-title", classes="heading")
            yield RowHeader(columns(self.unit), id="history-header")
            yield RowList(columns(self.unit), good_column=PR_COLUMN, id="sessions")
            yield Static("", id="history-status")
        yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        self._show_rows()
        self.watch(self.app, "data_version", self._data_changed, init=False)

    def _data_changed(self) -> None:
        if self.on_top:
            self.show_again()

    def show_again(self) -> None:
        """Sessions changed (here, in a review, or by a sync): show them again."""
        self._show_rows(self.query_one(RowList).cursor)

    # -- rows ----------------------------------------------------------------------------

    def _show_rows(self, cursor: int = 0) -> None:
        summaries = self._current()
        self.shown = summaries
        self.query_one(RowList).show([row(s, self.unit) for s in summaries], cursor)
        self._show_title()
        self._show_status()

    def _show_title(self) -> None:
        total = self.app.history.session_count
        if self.exercise is None:
            text = f"History · {plural(total, 'session')}"
        else:
            text = (
                f"History · {lit(self.exercise.name)} · {len(self.shown):,} of {total:,} sessions"
            )
        self.query_one("#history-title", Static).update(text)

    def _show_status(self) -> None:
        if not self.app.history.session_count:
            text = "No finished sessions yet."
        elif self.exercise is not None:
            text = "Esc shows every session again."
        else:
            text = ""
        self.query_one("#history-status", Static).update(text)

    def _highlighted(self) -> SessionSummary | None:
        if not self.shown:
            return None
        return self.shown[self.query_one(RowList).cursor]

    # -- actions -------------------------------------------------------------------------

    @settles
    def action_open(self) -> None:
        from tui.screens.review import ReviewScreen

        summary = self._highlighted()
        if summary is not None:
            self.app.push_screen(ReviewScreen(summary))

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.shown != self._current():
            self.show_again()  # edited or deleted in a review

    def _current(self) -> list[SessionSummary]:
        return self.app.history.summaries(None if self.exercise is None else self.exercise.key)

    @settles
    def action_filter(self) -> None:
        from tui.screens.lift_picker import EVERY, LiftPicker

        lifts = self.app.history.lifts_done()

        def picked(key: str | None) -> None:
            if key is None:
                return
            chosen = [lift for lift in lifts if lift.key == key]
            self.exercise = chosen[0] if key != EVERY and chosen else None
            self._show_rows()

        self.app.push_screen(LiftPicker("Show the sessions of…", lifts, offer_every=True), picked)

    @settles
    def action_progress(self) -> None:
        from tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(None if self.exercise is None else self.exercise.key))

    def _session(self) -> Session | None:
        summary = self._highlighted()
        if summary is None:
            return None
        session = self.app.history.session(summary.id)
        if session is None:
            self.app.tell("That session was deleted, so it cannot be changed.")
        return session

    @settles
    def action_edit(self) -> None:
        if session := self._session():
            self.edits.edit_set(session)

    @settles
    def action_remove(self) -> None:
        if session := self._session():
            self.edits.remove_set(session)

    @settles
    def action_delete(self) -> None:
        summary = self._highlighted()
        if summary is not None:
            self.edits.delete(summary.id, summary.name, summary.started_at)

    def _saved(self, session: object) -> None:
        self.show_again()

    @settles
    def action_back(self) -> None:
        if self.exercise is not None:
            self.exercise = None
            self._show_rows()
            return
        self.app.pop_screen()
