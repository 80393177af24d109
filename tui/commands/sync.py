"""`onemore sync`: carry finished sessions to and from the lifter's CouchDB server, once.

Exit 0 when everything went through, 2 when the server could not be reached (the sessions
wait for next time), 1 for anything the lifter has to fix.
"""

from __future__ import annotations

import argparse
import asyncio
import math

from tui import paths
from tui.commands.common import CommandError, open_store, out, say, tell_notices
from tui.sync.config import SyncConfigError, SyncFlags, load_sync_config
from tui.sync.service import SyncService
from tui.sync.status import SyncHealth

NAME = "sync"
HELP = "send and fetch finished sessions through your CouchDB server"
EXIT_OFFLINE = 2


MAX_TIMEOUT_S = 3600.0


def seconds(text: str) -> float:
    """--timeout: a number of seconds above 0 and at most an hour (not inf, nan or 1e400)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_TIMEOUT_S:  # False for nan too
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds from 0 to {MAX_TIMEOUT_S:g}"
        )
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="the server, e.g. https://couch.example.com")
    parser.add_argument("--database", help="the database on that server")
    parser.add_argument("--user", help="the user name (password: ONEMORE_SYNC_PASSWORD)")
    parser.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="allow plain http:// to another machine (the password travels unencrypted)",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=30.0,
        metavar="SECONDS",
        help="give up and leave the rest pending after this long (default 30)",
    )


def run(args: argparse.Namespace) -> int:
    flags = SyncFlags(args.url, args.database, args.user, args.allow_insecure_http)
    try:
        config = load_sync_config(paths.config_file(args.config), flags)
    except SyncConfigError as problem:
        raise CommandError(str(problem)) from problem
    with open_store(args) as store:
        tell_notices(store)
        if store.read_only:
            raise CommandError(
                "another OneMore is using this data folder; close it, then sync again"
            )
        told = len(store.notices)
        report = asyncio.run(SyncService(store, config, deadline_s=args.timeout).run())
        for notice in store.notices[told:]:  # found on the way, such as a damaged sync.json
            say(f"onemore: {notice}")
    out(report.counts)
    if report.skipped:
        print(
            f"skipped {report.skipped} server document(s) that are not OneMore sessions "
            "(see the log)"
        )
    if report.status.health in (SyncHealth.SYNCED, SyncHealth.PENDING):
        out(f"{report.status.text} with {config.target}")
        return 0
    say(f"onemore: {report.status.text}")
    return EXIT_OFFLINE if report.status.health is SyncHealth.OFFLINE else 1
