"""Every key of the app, in one place: the help screen and the README list these."""

from __future__ import annotations

LOGGING_KEYS: list[tuple[str, str]] = [
    ("Enter", "log the set you typed; on an empty line, log the target"),
    ("100x5 @2", "weight × reps, optional @ reps in reserve"),
    ("w60x5", "a warm-up: w before the set"),
    ("u", "undo the last set of this exercise"),
    ("e", "edit a set"),
    ("n / p", "next / previous exercise"),
    ("s", "swap the exercise (machine taken)"),
    ("a", "add an exercise"),
    ("d", "drop this exercise from today (before any set of it)"),
    ("< / >", "do this exercise earlier / later"),
    ("o", "note on this exercise"),
    ("O", "note on the whole session"),
    ("r", "rest now (start the rest timer again)"),
    ("t", "test set: go past your usual stop until form breaks"),
    ("f", "finish the session (or discard it: f, then d)"),
    ("Esc", "Home, the session kept (Esc on a typed line clears it)"),
    ("?", "this help"),
    ("ctrl+q", "quit (the session stays saved; resume it next time)"),
]

ONE_MORE_KEYS: list[tuple[str, str]] = [
    ("0–5", "reps still in the tank (n = none)"),
    ("t / p", "at none: form broke (technical) / it felt too heavy (perceived)"),
    ("Esc", "skip: reps in reserve stay unknown"),
]

REST_KEYS: list[tuple[str, str]] = [
    ("↑ / ↓", "30 s more / less rest"),
    ("space", "pause / go on"),
    ("c", "breathing is calm now"),
    ("Enter", "start the next set now (typing a set does too, +2.5x5 and -5x8 included)"),
    ("f", "end the rest and finish the session"),
]

TEST_SET_KEYS: list[tuple[str, str]] = [
    ("8 / 105x8", "reps where you would normally have stopped (at another weight: 105x8)"),
    ("0–5", "reps you thought were left there (n = none)"),
    ("11, Enter", "total reps when form broke: logged as one set"),
    ("Esc", "back out: nothing is logged"),
]

HOME_KEYS: list[tuple[str, str]] = [
    ("Enter", "start the highlighted routine"),
    ("e", "an empty session"),
    ("r", "resume the session in progress"),
    ("l", "review the last session"),
    ("h", "history of every session"),
    ("p", "progress per exercise"),
    (",", "settings"),
]

HISTORY_KEYS: list[tuple[str, str]] = [
    ("↑↓ PgUp PgDn", "move through the sessions"),
    ("Enter", "review the session"),
    ("f or /", "only the sessions of one exercise (Esc: all again)"),
    ("p", "progress of that exercise"),
    ("e / x", "edit / remove a set of the session"),
    ("d", "delete the session (asks first)"),
]

REVIEW_KEYS: list[tuple[str, str]] = [
    ("↑↓ PgUp PgDn", "scroll"),
    ("e / x", "edit / remove a set"),
    ("d", "delete the session (asks first)"),
    ("Esc", "back"),
]

PROGRESS_KEYS: list[tuple[str, str]] = [
    ("← →", "earlier / later session"),
    ("m or 1–3", "best e1RM, volume, time to calm"),
    ("n / p", "next / previous exercise"),
    ("f or /", "choose the exercise"),
    ("t", "table or chart"),
    ("z", "per session or per month"),
]
