"""Home: resume what is in progress, start a routine or an empty session, see last time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Routine
from tui.format import day_text, set_text
from tui.keygate import KeyGated, settles
from tui.store.repository import ReadOnlyStore
from tui.widgets.footer import Footer
from tui.widgets.sync_line import SyncLine

EMPTY = "empty"


class HomeScreen(KeyGated, Screen[None]):
    _resumed_before = False
    WAITS_AFTER = frozenset({"enter", "e", "l", "h", "p", "comma", "question_mark"})
    AUTO_FOCUS = "#routines"
    BINDINGS = [
        Binding("r", "resume", "Resume", id="resume"),
        Binding("e", "start_empty", "Empty session", id="empty"),
        Binding("l", "last_session", "Last session", id="last-session"),
        Binding("h", "history", "History", id="history"),
        Binding("p", "progress", "Progress", id="progress"),
        Binding("comma", "settings", "Settings", id="settings"),
        Binding("question_mark", "help", "Keys", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def compose(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        with Vertical(id="home"):
            yield Static("OneMore", id="title")
            yield Static("Real rest. Honest effort. One more rep.", id="tagline")
            if store.read_only:
                yield Static(
                    "Read-only: another OneMore has this data open.",
                    id="read-only",
                    classes="warning",
                )
            yield Static(self._in_progress_text(), id="in-progress", classes="panel")
            yield Static(self._last_session_text(), id="last-session", classes="panel")
            yield Static("Start a session", classes="heading")
            yield OptionList(*self._routine_options(), id="routines")
            yield SyncLine(id="sync-line")
        yield Footer()

    def on_screen_resume(self) -> None:
        if self._resumed_before:  # the first resume follows compose: nothing changed yet
            self.refresh_from_store()
        self._resumed_before = True

    def refresh_from_store(self) -> None:
        self.query_one("#in-progress", Static).update(self._in_progress_text())
        self.query_one("#last-session", Static).update(self._last_session_text())
        self.refresh_bindings()

    def waits_after(self, event) -> bool:
        resumable = event.key == "r" and self.app.store.live is not None  # type: ignore[attr-defined]
        return resumable or super().waits_after(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.app.store.live is not None  # type: ignore[attr-defined]
        return True

    def _routine_options(self) -> list[Option]:
        routines: list[Routine] = self.app.routines  # type: ignore[attr-defined]
        options = [
            Option(f"{r.name}  [dim]{len(r.exercises)} exercises[/dim]", id=r.id) for r in routines
        ]
        options.append(Option("Empty session  [dim]add exercises as you go[/dim]", id=EMPTY))
        return options

    def _in_progress_text(self) -> str:
        live = self.app.store.live  # type: ignore[attr-defined]
        if live is None:
            return "No session in progress."
        count = len(live.sets)
        lines = [
            f"[b]In progress:[/b] {live.name}, started {day_text(live.started_at)}",
            f"{count} set{'' if count == 1 else 's'} saved · press [b]r[/b] to resume",
        ]
        for exercise in live.exercises:
            if exercise.sets:
                lines.append(f"  {exercise.name}: {', '.join(set_text(s) for s in exercise.sets)}")
        return "\n".join(lines)

    def _last_session_text(self) -> str:
        last = self.app.store.last_summary()  # type: ignore[attr-defined]
        if last is None:
            return "No finished sessions yet."
        return (
            f"[b]Last session:[/b] {last.name}, {day_text(last.started_at)}\n"
            f"{last.working_sets} working sets · volume {last.volume_kg:g} kg"
        )

    # -- actions -------------------------------------------------------------------------

    @settles
    def action_resume(self) -> None:
        from tui.core.live import Live
        from tui.screens.logging import LoggingScreen

        live = self.app.store.live  # type: ignore[attr-defined]
        if live is not None:
            self.app.push_screen(LoggingScreen(Live.resume(live)))

    @settles
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        routines = {r.id: r for r in self.app.routines}  # type: ignore[attr-defined]
        self._start(routines.get(event.option.id or ""))

    @settles
    def action_start_empty(self) -> None:
        self._start(None)

    def _start(self, routine: Routine | None) -> None:
        from tui.screens.checkin import CheckInScreen
        from tui.screens.confirm import ConfirmScreen

        store = self.app.store  # type: ignore[attr-defined]
        if store.read_only:
            self.app.tell("Another OneMore has this data open: close it to start a session here.")  # type: ignore[attr-defined]
            return
        if store.live is None:
            self.app.push_screen(CheckInScreen(routine))
            return

        def decided(choice: str | None) -> None:
            if choice == "resume":
                self.action_resume()
            elif choice == "finish":
                try:
                    store.finish_session(self.app.now())  # type: ignore[attr-defined]
                except (OSError, ReadOnlyStore) as problem:
                    self.app.tell(
                        f"Not finished: {problem}. The session stays in progress.",  # type: ignore[attr-defined]
                        "error",
                    )
                    return
                self.refresh_from_store()
                self.app.push_screen(CheckInScreen(routine))

        self.app.push_screen(
            ConfirmScreen(
                f"“{store.live.name}” is still in progress.",
                {"r": ("resume it", "resume"), "f": ("finish and save it, then start", "finish")},
            ),
            decided,
        )

    @settles
    def action_last_session(self) -> None:
        from tui.screens.review import ReviewScreen

        last = self.app.store.last_summary()  # type: ignore[attr-defined]
        if last is None:
            self.app.tell(  # type: ignore[attr-defined]
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
