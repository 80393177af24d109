"""The line a set is typed into. While it is empty, command letters pass to the screen."""

from __future__ import annotations

from textual.widgets import Input

COMMAND_KEYS = set("uenpsaortf?")


class SetEntry(Input):
    """The set-entry line. While empty it lets command letters through to the screen."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if not self.value and character in COMMAND_KEYS:
            return False
        return super().check_consume_key(key, character)
