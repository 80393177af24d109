"""Shell subcommands of `onemore`, one module each.

A module offers `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, and is listed
in `SUBCOMMANDS`. A problem the lifter can fix is raised as CommandError: one line, exit 1.
"""

from tui.commands import export, importing, last, sync

SUBCOMMANDS = [export, importing, last, sync]
