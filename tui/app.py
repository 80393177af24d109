"""The OneMore app: themes, settings and the store wired into the screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App

from tui.paths import config_dir
from tui.screens.home import HomeScreen
from tui.settings import Settings
from tui.store.repository import Store, utc_now
from tui.themes import DEFAULT_THEME, VARIABLE_DEFAULTS, built_in_folder, load_themes


class OneMoreApp(App[None]):
    TITLE = "OneMore"
    CSS_PATH = ["styles/app.tcss"]

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        notices: list[str] | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        user_themes: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings or Settings()
        self.now = now
        self._notices = list(notices or [])
        self._user_themes = user_themes if user_themes is not None else config_dir() / "themes"

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        themes, problems = load_themes(built_in_folder(), self._user_themes)
        for theme in themes:
            self.register_theme(theme)
        self._notices += problems
        self.theme = self._pick_theme(self.settings.theme)
        self.push_screen(HomeScreen())
        for notice in self._notices + self.store.notices:
            self.notify(notice, severity="warning", timeout=12)

    def _pick_theme(self, wanted: str) -> str:
        if wanted in self.available_themes:
            return wanted
        self._notices.append(f"Theme '{wanted}' is not installed; using {DEFAULT_THEME}.")
        return DEFAULT_THEME


def make_app(store: Store, settings: Settings, notices: list[str], **options: object) -> OneMoreApp:
    """The one factory the command line and the tests use."""
    return OneMoreApp(store, settings, notices, **options)  # type: ignore[arg-type]
