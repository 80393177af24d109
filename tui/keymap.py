"""Every key of the live session, in one place: the help screen and the README list these."""

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
    ("o", "note on this exercise"),
    ("r", "rest now (start the rest timer again)"),
    ("f", "finish the session"),
    ("?", "this help"),
    ("ctrl+q", "quit (the session stays saved; resume it next time)"),
]

ONE_MORE_KEYS: list[tuple[str, str]] = [
    ("0–5", "reps still in the tank (n = none)"),
    ("t / p", "at none: form broke (technical) / it felt too heavy (perceived)"),
    ("Esc", "skip: reps in reserve stay unknown"),
]

REST_KEYS: list[tuple[str, str]] = [
    ("+ / -", "30 s more / less rest"),
    ("space", "pause / go on"),
    ("c", "breathing is calm now"),
    ("Enter", "start the next set now (typing a set does too)"),
]
