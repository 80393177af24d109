"""Themes are TOML files of Textual Theme fields: built-in ones ship in `themes/`, the
lifter's own go in `<config folder>/themes/`. A broken file is reported, never fatal."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

import tui
from tui.settings import key_line, table_key_line, toml_text

DEFAULT_THEME = "onemore-dark"
COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
# Our own CSS variables, with defaults for Textual's built-in themes.
VARIABLE_DEFAULTS = {"rest-over": "#E5484D", "breath-in": "#5BC0BE", "breath-out": "#F2A541"}


def built_in_folder() -> Path:
    """`themes/` inside an installed wheel, else the checkout's top-level `themes/`."""
    package = Path(tui.__file__).parent
    installed = package / "themes"
    return installed if installed.is_dir() else package.parent / "themes"


def theme_from_toml(path: Path) -> Theme:
    """A Theme from one file; ValueError with a plain reason (and line) when it is not usable."""
    try:
        text = toml_text(path)
        values = tomllib.loads(text)
    except (OSError, ValueError) as error:  # ValueError: also an integer of 5,000 digits
        raise ValueError(str(error)) from error

    def bad(key: str, reason: str) -> ValueError:
        line = key_line(text, key)
        return ValueError(f"line {line}: {reason}" if line else reason)

    name = values.get("name")
    if not isinstance(name, str) or not name.strip():
        raise bad("name", 'it needs a name, e.g. name = "my-theme"')
    if not isinstance(values.get("primary"), str):
        raise bad("primary", 'it needs a primary colour, e.g. primary = "#F2A541"')
    colours = {}
    for field in COLOUR_FIELDS:
        if field in values:
            if not isinstance(values[field], str):
                raise bad(field, f"{field} must be a colour in quotes")
            try:
                Color.parse(values[field])
            except ColorParseError:
                raise bad(field, f"{field} = {values[field]!r}: the colour is not valid") from None
            colours[field] = values[field]
    variables = values.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise bad("variables", "[variables] must map names to colours in quotes")
    for key, value in variables.items():  # else the app's CSS fails on it at start
        if key.endswith("-style"):  # e.g. block-cursor-text-style = "bold": not a colour
            continue
        try:
            Color.parse(value)
        except ColorParseError:
            line = table_key_line(text, "variables", key)
            reason = f"{key} = {value!r}: the colour is not valid"
            raise ValueError(f"line {line}: {reason}" if line else reason) from None
    dark = values.get("dark", True)
    if not isinstance(dark, bool):
        raise bad("dark", "dark must be true or false")
    theme = Theme(name=name.strip(), dark=dark, variables=dict(variables), **colours)
    try:
        theme.to_color_system()  # checks every colour parses
    except Exception as error:
        raise ValueError(f"a colour is not valid ({error})") from error
    return theme


def load_themes(*folders: Path) -> tuple[list[Theme], list[str]]:
    """Every theme in `folders` (later folders may override earlier names) and the problems."""
    themes: dict[str, Theme] = {}
    problems = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = theme_from_toml(path)
            except ValueError as problem:
                problems.append(f"Theme file {path} was not loaded: {problem}")
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems
