"""The `onemore` command: the app by default, plus subcommands for the shell."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from tui import __version__, paths
from tui.commands import SUBCOMMANDS, load
from tui.commands.common import CommandError, open_store, say
from tui.settings import load_settings

log = logging.getLogger("tui.cli")


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; only the subcommand named in `argv` (all of them for --help) is imported."""
    parser = argparse.ArgumentParser(
        prog="onemore",
        description="OneMore: a training log for the rack. Without a command it starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"onemore {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the training data lives")
    parser.add_argument("--config", metavar="FILE", help="the settings file (config.toml)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    wants_help = any(arg in ("-h", "--help") for arg in argv)
    chosen = next((arg for arg in argv if arg in SUBCOMMANDS), None)
    for name in SUBCOMMANDS:
        if not (wants_help or name == chosen):
            commands.add_parser(name)
            continue
        module = load(name)
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    parser.set_defaults(run=run_app)
    return parser


def run_app(args: argparse.Namespace) -> int:
    from tui import collector
    from tui.app import make_app

    # Everything imported by now lives as long as the app: the cyclic garbage collector
    # need not walk those objects (tens of thousands) in each full pass, nor at exit.
    collector.freeze()
    config = paths.config_file(args.config)
    settings, problems = load_settings(config)
    store = open_store(args)
    app = make_app(store, settings, problems, config_path=config)
    try:
        app.run()
    finally:
        store.close()
    # Textual prints a crash's traceback and sets 1: a crash never looks like a clean quit.
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    try:
        for flag, value in (("--data-dir", args.data_dir), ("--config", args.config)):
            if value is not None and not value.strip():  # "" would quietly mean the default
                raise CommandError(f"{flag} is empty: name a path, or leave {flag} out")
        code: int = args.run(args)
        return code
    except CommandError as error:
        say(f"onemore: {error}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        log.exception("unexpected error")
        say(f"onemore: unexpected error: {error} (details in the log file)")
        return 1


if __name__ == "__main__":
    sys.exit(main())
