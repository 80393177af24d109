"""The OneMore app: themes, settings, routines and the store wired into the screens."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.theme import Theme

from tui.application.history import HistoryReader
from tui.application.home_view import HomeReader
from tui.application.past import PastSessions
from tui.application.sessions import Sessions
from tui.clock import rest_clock
from tui.core.model import Routine
from tui.core.routines import BUILT_IN
from tui.format import shown
from tui.keygate import LONE_KEY_WAIT_S, KeyGate, ReleaseKeys
from tui.paths import config_dir
from tui.redact import hide
from tui.routine_files import load_routines
from tui.settings import Settings, save_settings
from tui.store.repository import Store, utc_now
from tui.sync.config import SyncConfigError, SyncNotSetUp, load_sync_config
from tui.themes import DEFAULT_THEME, VARIABLE_DEFAULTS, built_in_folder, load_themes
from tui.widgets.set_entry import COMMAND_KEYS, SetEntry

if TYPE_CHECKING:
    from tui.sync.service import SyncService

log = logging.getLogger(__name__)


class OneMoreApp(App[None]):
    """The composition root: the store, the settings and the clocks, wired into the
    application layer (`sessions`, `past`, `history`, `home_view`) that the screens call."""

    TITLE = "OneMore"
    sync_text: var[str] = var("")  # what the sync line shows; empty when sync is off
    data_version: var[int] = var(0)  # moves on whenever finished sessions change: views redraw
    CSS_PATH = [
        "styles/app.tcss",
        "styles/session.tcss",
        "styles/rest.tcss",
        "styles/review.tcss",
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings,
        notices: Sequence[str] = (),
        *,
        now: Callable[[], datetime] = utc_now,
        clock: Callable[[], float] = rest_clock,
        config_path: Path | None = None,
        user_folder: Path | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.now = now
        self.clock = clock
        self.config_path = config_path
        self.cursor_blink = cursor_blink
        self.key_gate = KeyGate(self)
        self._told = 0  # how many of the store's notices the lifter has seen
        self._notices = list(notices)
        folder = user_folder if user_folder is not None else config_dir()
        user_routines, problems = load_routines(folder / "routines")
        self.routines: tuple[Routine, ...] = (*BUILT_IN, *user_routines)
        self._notices += problems
        themes, problems = load_themes(built_in_folder(), folder / "themes")
        for theme in themes:
            self.register_theme(theme)
        self.own_themes = tuple(theme.name for theme in themes)  # the Settings list: not Textual's
        self._notices += problems
        self.sessions = Sessions(store, settings=lambda: self.settings, now=now)
        self.past = PastSessions(store, now=now, changed=self.finished_sessions_changed)
        self.history = HistoryReader(store, settings=lambda: self.settings)
        self.home_view = HomeReader(
            store, self.sessions, settings=lambda: self.settings, routines=self.routines
        )
        self.sync_service: SyncService | None = None
        # Chosen before the app runs: Textual's refresh for a new theme then comes before any
        # widget is styled (set in on_mount, it parsed every stylesheet once more and
        # restyled the app, and the next widget mounted parsed them all yet again).
        self.theme = self._pick_theme(self.settings.theme)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        from tui.screens.home import HomeScreen  # the screens import the app: not at the top

        # Only a theme the lifter picks is remembered: one that failed to load stays chosen in
        # config.toml (its file may be fixed by the next start).
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if not self.is_headless:  # keys come from Textual's input thread (see tui/keygate.py)
            self.key_gate.lone_key_wait_s = LONE_KEY_WAIT_S
        self.push_screen(HomeScreen())
        for notice in self._notices + self.store.notices:
            self.notify(notice, severity="warning", timeout=12)
        self._told = len(self.store.notices)
        self.sync_service = self._sync_service()
        self.sync_now()

    # -- sync in the background (see tui/sync) -------------------------------------------

    def _sync_service(self) -> SyncService | None:
        if self.config_path is None or self.store.read_only:
            return None
        try:
            config = load_sync_config(self.config_path)
        except SyncNotSetUp:
            return None
        except SyncConfigError as problem:
            self.tell(f"Sync is off: {problem}", "error")
            return None
        from tui.sync.service import SyncService  # httpx: only when sync is set up

        return SyncService(self.store, config)

    def sync_now(self) -> None:
        """Sync in a worker that never blocks a key press and never stops the app."""
        if self.sync_service is not None:
            self.sync_text = "syncing…"
            self._sync()

    @work(group="sync", exit_on_error=False, description="sync")
    async def _sync(self) -> None:
        assert self.sync_service is not None
        report = await self.sync_service.run()
        self.sync_text = report.status.text
        self.tell_new_notices()  # e.g. a damaged sync.json the run moved aside
        if report.pulled or report.merged or report.deleted:
            self.data_version += 1  # show what arrived from the other device

    def finished_sessions_changed(self) -> None:
        """A session was finished, edited or deleted here: views redraw, a sync carries it."""
        self.data_version += 1
        self.sync_now()

    # -- keys wait while the screen changes (see tui/keygate.py) ---------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.key_gate.closed:
                self.key_gate.hold(event)
                return
            if self._may_be_a_command(event) and self.key_gate.waits_for_more(event):
                return
            await super().on_event(event)
            self.key_gate.after_forwarding(event)
            return
        await super().on_event(event)

    async def on_release_keys(self, message: ReleaseKeys) -> None:
        held = self.key_gate.take_held()
        for index, key in enumerate(held):
            if self.key_gate.closed:  # a replayed key changed the screen: the rest wait again
                self.key_gate.held[:0] = held[index:]
                return
            self.key_gate.upcoming = held[index + 1 :]
            await self.on_event(key)
        self.key_gate.upcoming = []

    def _may_be_a_command(self, event: events.Key) -> bool:
        """A command letter on an empty set line, and no text behind it (yet)."""
        focused = self.focused
        return (
            isinstance(focused, SetEntry)
            and focused.empty
            and event.character in COMMAND_KEYS
            and not self.text_follows()
        )

    def text_follows(self) -> bool:
        """Whether the key after the one being handled is already here and prints a
        character: keys that arrive together were pasted or typed faster than any lifter
        types a command, so they are text (see tui/widgets/set_entry.py)."""
        if self.key_gate.upcoming:
            return self.key_gate.upcoming[0].is_printable
        pending: deque[Message | None] = self._message_queue.values  # not yet handled
        return bool(pending) and isinstance(pending[0], events.Key) and pending[0].is_printable

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        result = super().push_screen(*args, **kwargs)
        self.key_gate.screen_changing()
        return result

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        result = super().switch_screen(*args, **kwargs)
        self.key_gate.screen_changing()
        return result

    def pop_screen(self) -> AwaitComplete:
        result = super().pop_screen()
        self.key_gate.screen_changing()
        return result

    def _pick_theme(self, wanted: str) -> str:
        if wanted in self.available_themes:
            return wanted
        self._notices.append(f"Theme '{wanted}' is not installed; using {DEFAULT_THEME}.")
        return DEFAULT_THEME

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.change_settings(replace(self.settings, theme=theme.name))

    def change_settings(self, settings: Settings) -> bool:
        """Use `settings` from now on and keep them in config.toml; whether they were saved."""
        self.settings = settings
        if self.config_path is None:
            return False
        try:
            save_settings(settings, self.config_path)
        except OSError as error:
            self.tell(
                f"Settings not saved to {self.config_path}: {error.strerror or error}", "error"
            )
            return False
        return True

    def tell_new_notices(self) -> None:
        """Show what the store found since the last look (start-up notices are shown once)."""
        for notice in self.store.notices[self._told :]:
            self.notify(notice, severity="warning", timeout=12)
        self._told = len(self.store.notices)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text, whoever asks (a screen's `notify` asks for markup):
        its words may hold a name, a path or a server's reason, which must read as written."""
        super().notify(
            shown(hide(message), lines=True),
            title=shown(hide(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def tell(self, message: str, severity: SeverityLevel = "warning") -> None:
        """One line for the lifter, where they are looking."""
        log.info("told: %s", message)
        self.notify(message, severity=severity, timeout=8)

    def tell_if(self, message: str | None, severity: SeverityLevel = "warning") -> None:
        if message:
            self.tell(message, severity)


def make_app(
    store: Store,
    settings: Settings,
    notices: Sequence[str] = (),
    *,
    now: Callable[[], datetime] = utc_now,
    clock: Callable[[], float] = rest_clock,
    config_path: Path | None = None,
    user_folder: Path | None = None,
    cursor_blink: bool = True,
) -> OneMoreApp:
    """The one factory the command line, the benchmarks and the tests use."""
    return OneMoreApp(
        store,
        settings,
        notices,
        now=now,
        clock=clock,
        config_path=config_path,
        user_folder=user_folder,
        cursor_blink=cursor_blink,
    )
