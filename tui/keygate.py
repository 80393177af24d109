"""No key press is ever dropped or misdelivered, not even the first one after a screen change.

Textual hands each key to whatever is focused at that instant, and screen changes happen a
little later (a dismissed modal's callback runs on the next message). Typed in a burst —
"100x5", Enter, "2", Enter — a key can overtake the change it follows. The gate closes when
a key that may change the screen is forwarded, and while a new screen is getting ready;
keys arriving meanwhile wait, and are replayed in order once the screen that should get
them says it is ready.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

GIVE_UP_AFTER_S = 1.0  # never leave keys waiting for longer, whatever went wrong
LONE_KEY_WAIT_S = 0.03  # a command letter waits this long for the rest of a burst


class ReleaseKeys(Message):
    """Sent to the app to replay the waiting keys, in order, from the app's own queue."""


class KeyGated:
    """Mixin for screens: which keys may change the screen, and when the screen is ready."""

    WAITS_AFTER: frozenset[str] = frozenset()  # keys whose handling may change the screen

    def waits_after(self, event: events.Key) -> bool:
        return event.key in self.WAITS_AFTER

    def on_screen_resume(self) -> None:
        if isinstance(self, Screen):
            self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        gate = self._gate()
        if gate is not None and isinstance(self, Screen) and self.app.screen is self:
            gate.screen_ready()

    def key_handled(self) -> None:
        gate = self._gate()
        if gate is not None:
            gate.key_handled()

    def _gate(self) -> KeyGate | None:
        """The app's key gate (a screen tested on its own, in a bare app, has none)."""
        if not isinstance(self, Screen):
            return None
        gate = getattr(self.app, "key_gate", None)
        return gate if isinstance(gate, KeyGate) else None


Handler = TypeVar("Handler", bound=Callable[..., Any])


def settles(handler: Handler) -> Handler:
    """Mark a key's handler: when it returns, keys held behind that key may flow again."""

    @functools.wraps(handler)
    def wrapper(self: KeyGated, *args: Any, **kwargs: Any) -> Any:
        try:
            return handler(self, *args, **kwargs)
        finally:
            self.key_handled()

    return wrapper  # type: ignore[return-value]


class KeyGate:
    """Held keys and the reasons they wait; owned by the app."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: list[events.Key] = []
        self.upcoming: list[events.Key] = []  # the held keys still to replay after this one
        self.waiting_for_key = False
        self.waiting_for_screen = False
        self.releasing = False
        self._give_up: Timer | None = None
        self.lone_key_wait_s = 0.0
        self.waiting_for_more = False
        self._waited: events.Key | None = None  # the letter that waited: it runs when replayed

    @property
    def closed(self) -> bool:
        return (
            self.waiting_for_key
            or self.waiting_for_screen
            or self.waiting_for_more
            or self.releasing
        )

    def waits_for_more(self, event: events.Key) -> bool:
        """Hold a lone command letter for a moment: the rest of a burst may be on its way."""
        if event is self._waited:
            self._waited = None
            return False
        if self.lone_key_wait_s <= 0:
            return False
        self.hold(event)
        self._waited = self.held[-1]
        self.waiting_for_more = True
        self.app.set_timer(self.lone_key_wait_s, self._waited_long_enough)
        return True

    def _waited_long_enough(self) -> None:
        self.waiting_for_more = False
        self._maybe_release()

    def hold(self, event: events.Key) -> None:
        self.held.append(events.Key(event.key, event.character))

    def after_forwarding(self, event: events.Key) -> None:
        screen = self.app.screen
        if isinstance(screen, KeyGated) and screen.waits_after(event):
            self.waiting_for_key = True
            self._start_give_up_timer()

    def screen_changing(self) -> None:
        if isinstance(self.app.screen, KeyGated):
            self.waiting_for_screen = True
            self._start_give_up_timer()

    def key_handled(self) -> None:
        self.waiting_for_key = False
        self._maybe_release()

    def screen_ready(self) -> None:
        self.waiting_for_screen = False
        self._maybe_release()

    def _maybe_release(self) -> None:
        if self.waiting_for_key or self.waiting_for_screen or self.waiting_for_more:
            return
        if self.held:
            self.releasing = True  # stays closed until the app replays, so order holds
            self.app.post_message(ReleaseKeys())

    def _start_give_up_timer(self) -> None:
        if self._give_up is not None:
            self._give_up.stop()
        self._give_up = self.app.set_timer(GIVE_UP_AFTER_S, self._open_anyway)

    def _open_anyway(self) -> None:
        if self.waiting_for_key or self.waiting_for_screen:
            self.waiting_for_key = self.waiting_for_screen = False
            self._maybe_release()

    def take_held(self) -> list[events.Key]:
        self.releasing = False
        held, self.held = self.held, []
        return held
