"""Settings, changed in place and saved to config.toml at once."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select, Static, Switch

from tui.screens.base import AppScreen
from tui.settings import PACER_PATTERNS, with_setting
from tui.widgets.footer import Footer
from tui.widgets.line import Line
from tui.widgets.markup import lit, plain

SWITCHES = {
    "ask_one_more": "Ask “one more rep?” after working sets",
    "ask_one_more_warmups": "…and after warm-ups",
    "warmup_ramp": "Suggest warm-ups before heavy barbell lifts",
    "bell": "Ring the bell when rest is over",
}
SECONDS = {
    "rest_compound_s": "Rest after compound lifts (seconds)",
    "rest_isolation_s": "Rest after isolation lifts (seconds)",
}


class SettingsScreen(AppScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        themes = sorted({*self.app.own_themes, settings.theme} & set(self.app.available_themes))
        with VerticalScroll(id="settings"):
            yield Static("Settings", classes="heading")
            yield self._row(
                "Weight unit",
                Select(
                    [("kg", "kg"), ("lb", "lb")], value=settings.unit, allow_blank=False, id="unit"
                ),
            )
            yield self._row(
                "Theme",
                Select(
                    [(plain(t), t) for t in themes],
                    value=settings.theme,
                    allow_blank=False,
                    id="theme",
                ),
            )
            yield self._row(
                "Breathing guide",
                Select(
                    [(p, p) for p in PACER_PATTERNS],
                    value=settings.pacer,
                    allow_blank=False,
                    id="pacer",
                ),
            )
            for key, label in SECONDS.items():
                yield self._row(label, Line(str(getattr(settings, key)), id=key, type="integer"))
            for key, label in SWITCHES.items():
                yield self._row(label, Switch(getattr(settings, key), id=key))
            yield Static("", id="settings-error", classes="error")
            where = self.app.config_path
            yield Static(
                f"A change is saved to {lit(where)} at once."
                if where
                else "Changes last for this run only (no settings file).",
                classes="detail",
                id="settings-saved",
            )
        yield Footer()

    @staticmethod
    def _row(label: str, field: Select[str] | Input | Switch) -> Horizontal:
        return Horizontal(Static(label, classes="setting-label"), field, classes="setting")

    problems: dict[str, str] = {}  # per setting, so fixing one never hides another

    def _change(self, key: str, value: object) -> None:
        changed = with_setting(self.app.settings, key, value)
        self.problems = {k: v for k, v in self.problems.items() if k != key}
        if isinstance(changed, str):
            self.problems[key] = changed
        self.query_one("#settings-error", Static).update(
            "\n".join(lit(p) for p in self.problems.values())
        )
        if isinstance(changed, str) or changed == self.app.settings:
            return
        saved = self.app.change_settings(changed)
        if key == "theme":
            self.app.theme = str(value)
        if saved:
            self.query_one("#settings-saved", Static).update(
                f"Saved to {lit(self.app.config_path)}."
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id and event.value is not Select.NULL:
            self._change(event.select.id, event.value)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id:
            self._change(event.switch.id, event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in SECONDS:
            try:
                value: object = int(event.value)
            except ValueError:
                value = event.value
            self._change(event.input.id, value)
