"""The review of one finished session: every set, the best, the change since last time, PRs,
rest, reps left and how honest "I can't" was.

Worked out as the screen opens, from the session itself, the PRs the index keeps and the last
time of each of its exercises: a few small files, whatever the size of the history.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.application.review import Review
from tui.core.model import Session
from tui.core.summary import SessionSummary, session_summary
from tui.format import day_text, duration
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.screens.session_edits import SessionEdits
from tui.widgets.footer import Footer
from tui.widgets.markup import lit
from tui.widgets.review_view import ReviewView
from tui.widgets.sync_line import SyncLine


def title_text(summary: SessionSummary) -> str:
    """`Full body A · Tue 25 Nov 2026, 18:00 · 1:02:11`"""
    parts = [summary.name, day_text(summary.started_at)]
    if summary.duration_s is not None:
        parts.append(duration(summary.duration_s))
    return " · ".join(parts)


class ReviewScreen(AppScreen[None]):
    WAITS_AFTER = frozenset({"escape", "q", "e", "x", "d"})
    AUTO_FOCUS = "#review-scroll"
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back"),
        Binding("e", "edit", "Edit a set", id="edit"),
        Binding("x", "remove", "Remove a set", id="remove"),
        Binding("d", "delete", "Delete session", id="delete"),
    ]

    def __init__(self, summary: SessionSummary, session: Session | None = None) -> None:
        super().__init__()
        self.summary = summary
        self.session = session  # known once read (or handed in)
        self.edits = SessionEdits(self, self._saved)

    @classmethod
    def of(cls, session: Session) -> ReviewScreen:
        return cls(session_summary(session), session)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review-scroll"):
            yield Static(lit(title_text(self.summary)), id="review-title", classes="heading")
            yield Static("", id="review-problem", classes="error hidden")
            yield ReviewView(id="review")
        yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        self.work_out()  # fast: the PRs come from the index, one year file is read
        self.watch(self.app, "data_version", self._data_changed, init=False)

    def _data_changed(self) -> None:
        """Changed here, in another screen or by a sync: show the session as it is now."""
        self.session = None
        self.work_out()

    # -- the review ----------------------------------------------------------------------

    def work_out(self) -> None:
        session = self.session or self.app.history.session(self.summary.id)
        if session is None:
            self.show_problem("this session was deleted")
            return
        self.show_review(session, self.app.history.review(session))

    def show_review(self, session: Session, review: Review) -> None:
        self.session = session
        self.query_one("#review-problem").set_class(True, "hidden")
        self.query_one(ReviewView).display = True
        self.query_one(ReviewView).show(review)

    def show_problem(self, reason: str) -> None:
        problem = self.query_one("#review-problem", Static)
        problem.update(lit(f"The review could not be worked out: {reason}."))
        problem.set_class(False, "hidden")
        self.query_one(ReviewView).display = False  # what is gone is not shown as if it were there

    # -- changes -------------------------------------------------------------------------

    def _loaded(self) -> Session | None:
        if self.session is None:
            self.app.tell("This session was deleted, so it cannot be changed.")
        return self.session

    @settles
    def action_edit(self) -> None:
        if session := self._loaded():
            self.edits.edit_set(session)

    @settles
    def action_remove(self) -> None:
        if session := self._loaded():
            self.edits.remove_set(session)

    @settles
    def action_delete(self) -> None:
        self.edits.delete(self.summary.id, self.summary.name, self.summary.started_at)

    def _saved(self, session: Session | None) -> None:
        if session is None:
            self.app.pop_screen()  # deleted: nothing left to review
            return
        self.summary = session_summary(session)  # the review itself was redrawn on the change
        self.query_one("#review-title", Static).update(lit(title_text(self.summary)))

    @settles
    def action_back(self) -> None:
        self.app.pop_screen()
