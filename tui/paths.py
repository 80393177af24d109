"""Where OneMore keeps its data and settings: flags win over variables, variables over defaults."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "onemore"


def data_dir(flag: str | None = None) -> Path:
    """--data-dir, else ONEMORE_DATA_DIR, else the platform's user data folder."""
    chosen = flag or os.environ.get("ONEMORE_DATA_DIR")
    return Path(chosen).expanduser() if chosen else user_data_path(APP_NAME)


def config_dir() -> Path:
    """The platform's user config folder (honours XDG_CONFIG_HOME on Linux)."""
    return user_config_path(APP_NAME)


def config_file(flag: str | None = None) -> Path:
    """--config, else ONEMORE_CONFIG, else config.toml in the user config folder."""
    chosen = flag or os.environ.get("ONEMORE_CONFIG")
    return Path(chosen).expanduser() if chosen else config_dir() / "config.toml"


def log_file(data: Path) -> Path:
    return data / "logs" / "onemore.log"
