"""Shell subcommands of `onemore`, one module each, imported only when that command runs.

A module offers `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, and is
listed in `SUBCOMMANDS` under its NAME. Starting the app imports none of them (the sync
client alone pulls in httpx). A problem the lifter can fix is raised as CommandError: one
line, exit 1.
"""

from __future__ import annotations

import importlib
from types import ModuleType

SUBCOMMANDS = {
    "export": "tui.commands.export",
    "import": "tui.commands.importing",
    "last": "tui.commands.last",
    "sync": "tui.commands.sync",
}


def load(name: str) -> ModuleType:
    return importlib.import_module(SUBCOMMANDS[name])
