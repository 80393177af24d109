"""Rest: a big countdown, a breathing guide, "phone away", and the next set's target.

The countdown is computed from a deadline on the app's clock at every tick, so it is right
after a resize, a stalled frame or a laptop sleep. At zero the bell rings (a setting), the
screen changes colour and counts the extra rest up.

The breath guide moves every TICK_S; the countdown changes only on whole seconds, and a
one-shot timer wakes the screen right at the next one (so the bell is not up to a tick late,
and a pause or a laptop sleep cannot put the ticks out of step with the seconds). A widget
is only given new content when what it shows changes: an unchanged countdown or status line
costs no layout and no repaint, which keeps a long rest near idle.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.timer import Timer
from textual.widgets import Static

from tui import collector
from tui.core.breathing import breath_at
from tui.core.live import RestTaken
from tui.core.rest import Rest
from tui.format import duration
from tui.keygate import settles
from tui.screens.base import AppScreen
from tui.widgets.big_text import BigText
from tui.widgets.breath_pacer import BreathPacer
from tui.widgets.footer import Footer
from tui.widgets.markup import lit

# How often the breath guide moves: six frames a second, a cell or a few of the bar each
# (the countdown keeps its own exact timer). Each frame costs Textual about 1.5 ms whatever
# changed, so ten frames a second took 2.1 % of a core while resting, eight 1.8 %, six 1.4 %.
TICK_S = 1 / 6
LATE_S = 0.002  # wake this much after a second turns over, never a hair before it
# Typing any of these starts the next set: the key goes on into the set-entry line, so a
# set typed here means exactly what it means there (`+2.5x5`, `-5x8` are relative entries).
CARRIED = set("0123456789xXwWbB@.,*+-")


@dataclass(frozen=True)
class RestResult:
    rest: RestTaken
    typed: str = ""
    finish: bool = False  # `f` on the rest: the rest ends and the session is to be finished


class RestScreen(AppScreen[RestResult]):
    WAITS_AFTER = frozenset({"enter", "escape", "f"})
    BINDINGS = [
        Binding("up", "longer", "+30 s", id="longer"),
        Binding("down", "shorter", "−30 s", id="shorter"),
        Binding("space", "pause", "Pause", id="pause"),
        Binding("space", "go_on", "Go on", id="go-on"),  # the same key, named for a paused rest
        Binding("c", "calm", "Calm now", id="calm"),
        Binding("enter,escape", "done", "Next set", id="next"),
        Binding("f", "finish", "Finish", id="finish"),
        Binding("question_mark", "help", "Keys", id="help"),
    ]

    def __init__(
        self,
        planned_s: int,
        next_text: str,
        elapsed_s: float = 0.0,
        while_resting: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.planned_s = planned_s
        self.while_resting = while_resting  # work done a moment into the rest, not at a key
        self.next_text = next_text
        self.elapsed_s = elapsed_s  # a rest picked up again after a resume has run this long
        self.rest: Rest | None = None
        self.rang = False
        self._next_change: float | None = None  # on the app's clock: when the countdown turns
        self._change_timer: Timer | None = None
        self._shown_status: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="rest"):
            yield Static("Rest. Phone away, breathe.", id="rest-title")
            yield BigText("", id="countdown")
            yield Static("", id="rest-status")
            with Center():
                yield BreathPacer(id="pacer")
            yield Static(lit(self.next_text), id="next-set")
        yield Footer()

    def on_mount(self) -> None:
        self._countdown = self.query_one("#countdown", BigText)
        self._status = self.query_one("#rest-status", Static)
        self._pacer = self.query_one(BreathPacer)
        self.rest = Rest(started_at=self.app.clock() - self.elapsed_s, planned_s=self.planned_s)
        if self.elapsed_s >= self.planned_s:  # it ran out while the app was closed: no bell now
            self.rang = True
            self.add_class("over")
        self.tick()
        self.set_interval(TICK_S, self.tick)
        self.set_timer(collector.REST_COLLECT_AFTER_S, self._settled)

    def _settled(self) -> None:
        """A moment into the rest, when nobody waits for the screen: what can be done ahead
        (reading what finishing will need), then a full pass of the garbage collector."""
        if self.while_resting is not None:
            self.while_resting()
        collector.collect_all()

    @property
    def now(self) -> float:
        return self.app.clock()

    def tick(self) -> None:
        """Show the time left (or over) and the breath, computed from the deadline."""
        rest = self.rest
        assert rest is not None
        now = self.now
        remaining = rest.remaining(now)
        shown = duration(remaining, countdown=True)
        shown = shown if remaining > 0 else "+" + shown
        if shown != self._countdown.value:
            self._countdown.update(shown)
        if remaining <= 0 and not self.rang:
            self._rest_is_over()
        pattern = self.app.settings.pacer
        self._pacer.breath = breath_at(pattern, rest.elapsed(now))
        self._show_status(now)
        self._wake_at_next_second(now, remaining)

    def _wake_at_next_second(self, now: float, remaining: float) -> None:
        """Tick again right when the countdown turns (and when the rest runs out)."""
        assert self.rest is not None
        if self.rest.paused_at is not None:
            until = None
        elif remaining > 0:  # "0:17" shows while 16 < remaining <= 17
            until = remaining - (math.ceil(remaining) - 1)
        else:  # "+0:03" shows while 3 <= over < 4
            over = -remaining
            until = math.floor(over) + 1 - over
        change = None if until is None else now + until
        if (
            change is not None
            and self._next_change is not None
            and abs(change - self._next_change) < 0.001
        ):
            return  # already set for that moment
        if self._change_timer is not None:
            self._change_timer.stop()
            self._change_timer = None
        self._next_change = change
        if until is not None:
            self._change_timer = self.set_timer(max(until, 0.0) + LATE_S, self.tick)

    def _rest_is_over(self) -> None:
        self.rang = True
        self.add_class("over")
        if self.app.settings.bell:
            self.app.bell()

    def _show_status(self, now: float) -> None:
        rest = self.rest
        assert rest is not None
        parts = [f"planned {duration(rest.planned_s)}"]
        if rest.paused_at is not None:
            parts.insert(0, "PAUSED")
        if rest.calm_at is not None:
            parts.append(f"calm after {duration(rest.calm_after_s or 0)}")
        if rest.over(now):
            parts.insert(0, "Rest is over: start when ready")
        status = " · ".join(parts)
        if status != self._shown_status:
            self._shown_status = status
            self._status.update(status)

    # -- keys ----------------------------------------------------------------------------

    def action_longer(self) -> None:
        assert self.rest is not None
        self.rest = self.rest.longer()
        self._reopen_if_time_left()

    def action_shorter(self) -> None:
        assert self.rest is not None
        self.rest = self.rest.shorter(self.now)
        self.tick()

    def _reopen_if_time_left(self) -> None:
        assert self.rest is not None
        if not self.rest.over(self.now):
            self.rang = False
            self.remove_class("over")
        self.tick()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer names space for what it does now: Pause, or Go on while paused."""
        paused = self.rest is not None and self.rest.paused_at is not None
        if action == "pause":
            return not paused
        if action == "go_on":
            return paused
        return True

    def action_pause(self) -> None:
        assert self.rest is not None
        paused = self.rest.paused_at is not None
        self.rest = self.rest.resume(self.now) if paused else self.rest.pause(self.now)
        self.tick()
        self.refresh_bindings()

    def action_go_on(self) -> None:
        self.action_pause()

    def action_calm(self) -> None:
        assert self.rest is not None
        self.rest = self.rest.calm(self.now)
        self.tick()

    def action_finish(self) -> None:
        self.action_done(finish=True)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    @settles
    def action_done(self, typed: str = "", finish: bool = False) -> None:
        rest = self.rest
        assert rest is not None
        now = self.now
        if (
            not finish
            and rest.calm_at is None
            and not rest.over(now)
            and self.app.settings.pacer != "off"
        ):
            self.app.tell(
                "Still out of breath? Panting tells the brain to stop: "
                "a few slow breaths first help the next set.",
                "information",
            )
        taken = RestTaken(
            planned_s=int(round(rest.planned_s)),
            actual_s=rest.elapsed(now),
            calm_after_s=rest.calm_after_s,
        )
        self.dismiss(RestResult(taken, typed, finish))

    def waits_after(self, event: events.Key) -> bool:
        """Keys behind one that ends the rest wait for the logging screen (a `+` or an `@`
        is named "plus", "at": it is the character that counts)."""
        return super().waits_after(event) or (event.character or "") in CARRIED

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in CARRIED:
            event.stop()
            self.action_done(event.character)
