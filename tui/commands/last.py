"""`onemore last`: the review of the last finished session (or `--session ID`) in the shell.

Prints plain text with aligned columns and no colour codes, so it reads the same in a
terminal, a pipe or a file; `--json` prints the review data instead. With no finished
session yet it says so on stderr and exits 0 (`--json` then prints `null`): an empty log is
not an error. An unknown id is one line and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys

from tui import paths
from tui.application.review import review_of
from tui.application.review_table import table_lines
from tui.commands.common import CommandError, open_store, out, say, tell_notices
from tui.core.model import Session
from tui.settings import load_settings
from tui.store.repository import Store

NAME = "last"
HELP = "show the review of the last finished session"
NOTHING_YET = "No finished session yet: finish one in the app (onemore) and its review shows here."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the review as JSON")
    parser.add_argument("--session", metavar="ID", help="review this session instead")


def run(args: argparse.Namespace) -> int:
    settings, _ = load_settings(paths.config_file(args.config))
    with open_store(args, reading=True) as store:
        tell_notices(store)
        session = chosen_session(store, args.session)
        if session is None:
            say(NOTHING_YET)
            if args.json:
                print("null")
            return 0
        review = review_of(session, store.earlier(session), settings.unit)
    if args.json:  # JSON writes control characters as \u001b itself
        sys.stdout.write(json.dumps(review.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        out("\n".join(table_lines(review)))
    return 0


def chosen_session(store: Store, session_id: str | None) -> Session | None:
    """The session asked for, else the newest finished one; None when there is none."""
    if session_id is None:
        newest = store.last_summary()
        return None if newest is None else store.session(newest.id)
    session = store.session(session_id)
    if session is not None:
        return session
    if store.live is not None and store.live.id == session_id:
        raise CommandError(f"session {session_id} is still in progress; finish it to review it")
    if store.tombstone(session_id) is not None:
        raise CommandError(f"session {session_id} was deleted")
    raise CommandError(f"no finished session with id {session_id}; `onemore last` shows the newest")
