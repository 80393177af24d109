"""Home: resume what is in progress, start a routine or an empty session, see last time."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.application.home_view import HomeView
from tui.application.writes import NotSaved
from tui.core.model import Routine
from tui.format import day_text, number, plural, set_text
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.widgets.footer import Footer
from tui.widgets.markup import lit
from tui.widgets.sync_line import SyncLine

EMPTY = "empty"


def in_progress_text(view: HomeView) -> str:
    live = view.in_progress
    if live is None:
        return "No session in progress."
    lines = [
        f"[b]In progress:[/b] {lit(live.name)}, started {day_text(live.started_at)}",
        f"{plural(live.set_count, 'set')} saved · press [b]r[/b] to resume",
    ]
    lines += [f"  {lit(name)}: {', '.join(set_text(s) for s in sets)}" for name, sets in live.done]
    return "\n".join(lines)


def last_session_text(view: HomeView) -> str:
    last = view.last
    if last is None:
        return "No finished sessions yet."
    return (
        f"[b]Last session:[/b] {lit(last.name)}, {day_text(last.started_at)}\n"
        f"{plural(last.working_sets, 'working set')} · volume {number(last.volume)} {last.unit}"
    )


class HomeScreen(AppScreen[None]):
    _resumed_before = False
    WAITS_AFTER = frozenset({"enter", "e", "l", "h", "p", "comma", "question_mark"})
    AUTO_FOCUS = "#routines"
    BINDINGS = [
        Binding("r", "resume", "Resume", id="resume"),
        Binding("e", "start_empty", "Empty", id="empty"),
        Binding("l", "last_session", "Last", id="last-session"),
        Binding("h", "history", "History", id="history"),
        Binding("p", "progress", "Progress", id="progress"),
        Binding("comma", "settings", "Settings", id="settings"),
        Binding("question_mark", "help", "Keys", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def compose(self) -> ComposeResult:
        view = self.app.home_view.view()
        with Vertical(id="home"):
            yield Static("OneMore", id="title")
            yield Static("Real rest. Honest effort. One more rep.", id="tagline")
            if view.read_only:
                yield Static(
                    "Read-only: another OneMore has this data open.",
                    id="read-only",
                    classes="warning",
                )
            yield Static(in_progress_text(view), id="in-progress", classes="panel")
            yield Static(last_session_text(view), id="last-session", classes="panel")
            yield Static("Start a session", classes="heading")
            yield OptionList(*self._routine_options(view.routines), id="routines")
            yield SyncLine(id="sync-line")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self._data_changed, init=False)

    def on_screen_resume(self) -> None:
        if self._resumed_before:  # the first resume follows compose: nothing changed yet
            self.show_again()
        self._resumed_before = True

    def _data_changed(self) -> None:
        if self.on_top:
            self.show_again()

    def show_again(self) -> None:
        view = self.app.home_view.view()
        self.query_one("#in-progress", Static).update(in_progress_text(view))
        self.query_one("#last-session", Static).update(last_session_text(view))
        self.refresh_bindings()

    def waits_after(self, event: events.Key) -> bool:
        resumable = event.key == "r" and self.app.sessions.in_progress() is not None
        return resumable or super().waits_after(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.app.sessions.in_progress() is not None
        return True

    @staticmethod
    def _routine_options(routines: tuple[Routine, ...]) -> list[Option]:
        options = [
            Option(f"{lit(r.name)}  [dim]{plural(len(r.exercises), 'exercise')}[/dim]", id=r.id)
            for r in routines
        ]
        options.append(Option("Empty session  [dim]add exercises as you go[/dim]", id=EMPTY))
        return options

    # -- actions -------------------------------------------------------------------------

    @settles
    def action_resume(self) -> None:
        from tui.screens.logging import LoggingScreen

        live = self.app.sessions.resume()
        if live is not None:
            self.app.push_screen(LoggingScreen(live))

    @settles
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._start(self.app.home_view.routine(event.option.id))

    @settles
    def action_start_empty(self) -> None:
        self._start(None)

    def _start(self, routine: Routine | None) -> None:
        from tui.screens.checkin import CheckInScreen
        from tui.screens.confirm import ConfirmScreen

        sessions = self.app.sessions
        if problem := sessions.can_start():
            self.app.tell(problem)
            return
        live = sessions.in_progress()
        if live is None:
            self.app.push_screen(CheckInScreen(routine))
            return

        def decided(choice: str | None) -> None:
            if choice == "resume":
                self.action_resume()
            elif choice == "finish":
                finished = sessions.finish_in_progress()
                if isinstance(finished, NotSaved):
                    self.app.tell(
                        finished.message("The session stays in progress.", failed="Not finished"),
                        "error",
                    )
                    return
                self.app.finished_sessions_changed()
                self.show_again()
                self.app.push_screen(CheckInScreen(routine))

        self.app.push_screen(
            ConfirmScreen(
                f"“{live.name}” is still in progress.",
                {"r": ("resume it", "resume"), "f": ("finish and save it, then start", "finish")},
            ),
            decided,
        )

    @settles
    def action_last_session(self) -> None:
        from tui.screens.review import ReviewScreen

        last = self.app.history.last()
        if last is None:
            self.app.tell(
                "No finished sessions yet: the review shows after your first.", "information"
            )
            return
        self.app.push_screen(ReviewScreen(last))

    @settles
    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    @settles
    def action_progress(self) -> None:
        from tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    @settles
    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    @settles
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
