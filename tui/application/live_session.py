"""The session in progress: every use case of the live session, one method each.

The logging screen forwards what the lifter did (a typed line, an answer, a key) and renders
what comes back; it decides nothing. Here it is decided what a line means, what the next
target is, which rest applies, when the session moves on to the next exercise, how a test
set is logged, and what a failed save means. Every change is saved at once (live.json);
a save that fails keeps the session here and is retried (see `Journal`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime

from tui.application.coaching import Coach
from tui.application.journal import Journal
from tui.application.past import retyped
from tui.application.rest_rule import default_rest, lift_of, rest_after
from tui.application.results import (
    AddExerciseFirst,
    Answered,
    Changed,
    EntryProblem,
    Finished,
    Logged,
    LoggingView,
    NextUp,
    NotFinished,
    NothingLogged,
    RestPlan,
    Unchanged,
)
from tui.application.test_set import FailureTest, verdict
from tui.application.writes import NotSaved, attempt
from tui.core.catalog import Exercise, alternatives
from tui.core.entry import EntryError, SetInput, Target, entry_of, parse_entry
from tui.core.live import Live, RestTaken, planned_for, planned_sets
from tui.core.model import ExerciseLog, Failure, Session, SetLog, to_kg
from tui.settings import Settings
from tui.store.repository import Store

NOT_FINISHED = "Your sets are safe here: press f to try again."
WARMUP_REST_S = 60  # between warm-up sets: enough to load the bar and breathe
RESUMED_REST_WINDOW_S = 15 * 60  # a rest left off longer ago than this is not picked up again
FAR_FROM_TARGET = 5  # this many times the target's load, or a fifth of it, is asked about first


class LiveSession:
    """One session in progress, from its start (or resume) to its finish."""

    def __init__(
        self,
        live: Live,
        *,
        store: Store,
        journal: Journal,
        settings: Callable[[], Settings],
        now: Callable[[], datetime],
        extra_rest_s: int = 0,
    ) -> None:
        self.live = live
        self._extra_rest_s = extra_rest_s  # a tough day's longer rests, for exercises added too
        self._store = store
        self._journal = journal
        self._settings = settings
        self._now = now
        self._why: dict[str, str] = {}  # exercise id -> the coach's line for its next set
        self._target_before: dict[str, Target] = {}  # set id -> the target it was logged against
        self._checked: str | None = None  # a line far from the target, shown once already
        self._coach = Coach(store, settings)
        self._ensure_target()

    # -- reading -------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.live.session

    @property
    def unit(self) -> str:
        return self._settings().unit

    def view(self) -> LoggingView:
        live = self.live
        exercise = live.exercise
        key = exercise.key if exercise is not None else None
        return LoggingView(
            exercise=exercise,
            position=live.position,
            exercises=len(live.session.exercises),
            set_number=live.set_number,
            planned_sets=planned_sets(exercise) if exercise is not None else 0,
            target=live.target,
            why=self._why.get(exercise.id, "") if exercise is not None else "",
            unsaved=self._journal.unsaved_set_ids(live.session),
            previous=tuple(self._store.previous(key)) if key is not None else (),
            previous_at=self._store.previous_date(key) if key is not None else None,
            previous_note=self._store.previous_note(key) if key is not None else "",
        )

    def swap_choices(self) -> tuple[Exercise, list[Exercise]] | None:
        """The current lift and what it can be swapped for (None: no exercise yet)."""
        exercise = self.live.exercise
        if exercise is None:
            return None
        lift = lift_of(exercise.name, exercise.catalog_id)
        return lift, alternatives(lift)

    def next_up(self) -> NextUp | None:
        exercise = self.live.exercise
        if exercise is None:
            return None
        return NextUp(exercise.name, self.live.set_number, self.live.target)

    # -- logging a set -------------------------------------------------------------------

    def submit(self, text: str) -> Logged | EntryProblem | AddExerciseFirst:
        """The line the lifter typed (empty: the target). A line with `@` answers the
        question itself; otherwise the target's RIR is a plan, not an answer."""
        exercise = self.live.exercise
        if exercise is None:
            return AddExerciseFirst()
        last = entry_of(exercise.sets[-1]) if exercise.sets else None
        try:
            entry = parse_entry(text, target=self.live.target, last=last, unit=self.unit)
        except EntryError as problem:
            return EntryProblem(str(problem))
        far = self._far_from_target(entry)
        if far is not None and text != self._checked:
            self._checked = text  # the same line again: the lifter meant it
            return EntryProblem(far)
        self._checked = None
        answered = "@" in text
        if not answered:
            entry = replace(entry, rir=None)
        return self._log(entry, ask=not answered)

    def _far_from_target(self, entry: SetInput) -> str | None:
        """A load five times the target or a fifth of it (`20` → `200`, a slipped key):
        what to tell the lifter before logging it. None when it is near enough."""
        target = self.live.target
        if target is None or not target.weight or not entry.weight or entry.warmup:
            return None  # a warm-up is light by design: the empty bar under a 100 kg target
        if target.bodyweight != entry.bodyweight:
            return None
        ratio = to_kg(entry.weight, entry.unit) / to_kg(target.weight, target.unit)
        if 1 / FAR_FROM_TARGET < ratio < FAR_FROM_TARGET:
            return None
        typed = f"{entry.weight:g} {entry.unit}"
        return (
            f"{typed} is far from the {target.weight:g} {target.unit} target: "
            "Enter again logs it as typed."
        )

    def _log(self, entry: SetInput, *, ask: bool) -> Logged:
        exercise = self._current()
        before = self.live.target
        self.live, logged = self.live.log(entry, self._now())
        if before is not None:
            self._target_before[logged.id] = before
            if not entry.warmup:
                self._coached(exercise.id)
        notice = self._save()
        settings = self._settings()
        wants_answer = settings.ask_one_more_warmups if entry.warmup else settings.ask_one_more
        if ask and wants_answer:
            return Logged(logged, ask=True, rest=None, notice=notice)
        return Logged(logged, ask=False, rest=self._rest_after(logged), notice=notice)

    def answer(self, set_id: str, rir: float, failure: Failure | None = None) -> Answered:
        """Keep the "one more rep?" answer; the coach works the next target out again with
        it (see `Coach`)."""
        exercise = self._exercise_of(set_id)
        self.live = self.live.answer(set_id, rir, failure)
        notice = self._save()
        if exercise.id in self.live.targets:
            self._coached(exercise.id)
        return Answered(self._rest_after(self._set(set_id)), notice)

    def skip_answer(self, set_id: str) -> Answered:
        """No answer: reps in reserve stay unknown."""
        return Answered(self._rest_after(self._set(set_id)))

    def log_test_set(self, test: FailureTest) -> Logged:
        """A test set: one set of the total reps at 0 left, ended by form; the rest as usual."""
        exercise = self._current()
        before = self.live.target
        self.live, logged = self.live.log(test.entry, self._now())
        tested = replace(logged, failure="technical", calibration=test.calibration)
        self.live = self.live.replace_set(tested)
        if before is not None:
            self._target_before[tested.id] = before
            self._coached(exercise.id)
        self._why[exercise.id] = verdict(test.calibration)
        notice = self._save()
        return Logged(tested, ask=False, rest=self._rest_after(tested), notice=notice)

    def rest_now(self) -> RestPlan | AddExerciseFirst:
        """A rest started by hand (r): the rest after a set of the current exercise."""
        exercise = self.live.exercise
        if exercise is None:
            return AddExerciseFirst()
        return RestPlan(rest_after(exercise, self._settings()), self.next_up())

    def rest_left_off(self) -> RestPlan | None:
        """The rest the lifter was in when the app was left (quit, crash, Esc): it counts from
        the last set, so the next set's rest is known. None when nothing was logged, or the
        last set was long ago."""
        sets = self.live.session.sets
        if not sets or self.live.rest_taken is not None:
            return None
        last = max(sets, key=lambda s: s.logged_at)
        elapsed = (self._now() - last.logged_at).total_seconds()
        if not 0 <= elapsed <= RESUMED_REST_WINDOW_S:
            return None
        return RestPlan(self._rest_seconds(last), self.next_up(), elapsed_s=elapsed)

    def _rest_seconds(self, set_log: SetLog) -> int:
        """How long to rest after `set_log`: the rest rule's, or a short one after a warm-up."""
        if not set_log.is_working:
            return WARMUP_REST_S
        return rest_after(self._exercise_of(set_log.id), self._settings())

    def read_ahead(self) -> None:
        """What finishing will read, read now (during a rest): the lift files and PRs so far
        of today's exercises. Finishing reads them itself when this could not."""
        with suppress(OSError):
            self._store.read_ahead({e.key for e in self.live.session.exercises})

    def rested(self, rest: RestTaken) -> None:
        """The rest just taken, kept for the next set (not saved: it belongs to that set)."""
        self.live = self.live.rested(rest)

    def _rest_after(self, set_log: SetLog) -> RestPlan | None:
        """The rest after `set_log` (a short one after a warm-up); once the exercise's planned sets
        are done the session moves on, so the rest screen shows what really comes next."""
        seconds = self._rest_seconds(set_log)
        if not set_log.is_working:
            return RestPlan(seconds, self.next_up())
        current = self.live.exercise
        if current is not None and self.live.set_number > planned_sets(current):
            if self.live.position + 1 < len(self.live.session.exercises):
                self.live = self.live.move(1)
                self._ensure_target()
        return RestPlan(seconds, self.next_up())

    # -- changing what was logged --------------------------------------------------------

    def undo(self) -> Changed | Unchanged:
        """Remove the last set of the current exercise; target and unit go back to what
        they were before it was logged."""
        exercise = self.live.exercise
        self.live, undone = self.live.undo()
        if exercise is None or undone is None:
            return Unchanged("Nothing to undo for this exercise.")
        before = self._target_before.pop(undone.id, None)
        if before is not None:
            self.live = self.live.with_target(exercise.id, before)
        else:  # logged before a resume: work the target out again from what is left
            self.live = replace(
                self.live, targets={k: v for k, v in self.live.targets.items() if k != exercise.id}
            )
            self._ensure_target()
        self._why.pop(exercise.id, None)
        return Changed(self._save(), undone=undone)

    def edit(self, set_id: str, entry: SetInput) -> Changed | Unchanged:
        """Retype a set logged today (same id; the time it was changed is kept)."""
        old = self._set(set_id)
        changed = retyped(old, entry, self._now())
        if replace(changed, edited_at=old.edited_at) == old:
            return Unchanged("Nothing changed.")
        self.live = self.live.replace_set(changed)
        exercise = self._exercise_of(set_id)
        target = self.live.targets.get(exercise.id)
        if target is not None and changed.is_working and exercise.sets[-1].id == set_id:
            self._coached(exercise.id)
        return Changed(self._save())

    def move(self, step: int) -> None:
        """Next (+1) or previous (−1) exercise."""
        self.live = self.live.move(step)
        self._ensure_target()

    def add(self, lift: Exercise) -> Changed:
        """Add an exercise after the current one and go to it."""
        planned = planned_for(lift)
        if self._extra_rest_s:
            rest = default_rest(planned, self._settings()) + self._extra_rest_s
            planned = replace(planned, rest_s=rest)
        self.live = self.live.add_exercise(planned)
        self._ensure_target()
        return Changed(self._save())

    def swap(self, lift: Exercise) -> Changed:
        """Swap the current exercise for `lift` (machine taken); sets done stay where done."""
        self.live = self.live.swap(lift)
        self._ensure_target()
        return Changed(self._save())

    def remove_exercise(self) -> Changed | Unchanged:
        """Take the current exercise out of today's plan, if nothing was logged on it."""
        exercise = self.live.exercise
        if exercise is None:
            return Unchanged("There is no exercise to remove.")
        if exercise.sets:
            return Unchanged(f"{exercise.name} has sets: undo them (u) before removing it.")
        self.live = self.live.remove_exercise()
        self._ensure_target()
        return Changed(self._save())

    def move_exercise(self, step: int) -> Changed | Unchanged:
        """Do the current exercise earlier (−1) or later (+1) in today's order."""
        moved = self.live.move_exercise(step)
        if moved.position == self.live.position:
            return Unchanged("It is already " + ("first." if step < 0 else "last."))
        self.live = moved
        return Changed(self._save())

    def note(self, text: str, *, on_session: bool = False) -> Changed:
        """A note on the current exercise, or on the session (`on_session`, or when there is
        no exercise yet)."""
        self.live = self.live.note(text, on_session=on_session)
        return Changed(self._save())

    def note_text(self, *, on_session: bool = False) -> tuple[str, str]:
        """(what the note is on, the note so far)."""
        exercise = self.live.exercise
        if exercise is None or on_session:
            return "this session", self.live.session.notes
        return exercise.name, exercise.notes

    # -- the end -------------------------------------------------------------------------

    def finish(self) -> Finished | NothingLogged | NotFinished:
        """File the session into history (or drop it when nothing was logged)."""
        self._save()
        if self._journal.unsaved is not None:
            return NotFinished(self._not_saved_yet())
        if not self.live.session.sets:
            failed = self._journal.clear()
            if failed is not None:
                return NotFinished(failed.message(NOT_FINISHED, failed="Not finished"))
            return NothingLogged()
        finished = attempt(lambda: self._store.finish_session(self._now()))
        if isinstance(finished, NotSaved):
            return NotFinished(finished.message(NOT_FINISHED, failed="Not finished"))
        return Finished(finished)

    def discard(self) -> NothingLogged | NotFinished:
        """Drop the session in progress without keeping any of it."""
        failed = self._journal.clear()
        if failed is not None:
            return NotFinished(failed.message("The session stays in progress."))
        return NothingLogged()

    def retry_save(self) -> str | None:
        """Try a failed save again; the line to tell the lifter when it landed."""
        return self._journal.retry()

    # -- helpers -------------------------------------------------------------------------

    def _save(self) -> str | None:
        return self._journal.save(self.live.session)

    def _not_saved_yet(self) -> str:
        """Why a finish cannot be made: the reason the last save failed, every time asked."""
        failure = self._journal.failure or NotSaved("the last sets are not on disk yet")
        return failure.message(
            "Your sets stay here and OneMore keeps trying: press f to try again.",
            failed="Not finished",
        )

    def _current(self) -> ExerciseLog:
        exercise = self.live.exercise
        if exercise is None:
            raise ValueError("add an exercise before logging a set")
        return exercise

    def _exercise_of(self, set_id: str) -> ExerciseLog:
        for exercise in self.live.session.exercises:
            if any(s.id == set_id for s in exercise.sets):
                return exercise
        raise KeyError(set_id)

    def _set(self, set_id: str) -> SetLog:
        return next(s for s in self._exercise_of(set_id).sets if s.id == set_id)

    def _ensure_target(self) -> None:
        """The current exercise's target, worked out once: from recent sessions and the plan,
        and when resumed from today's working sets."""
        exercise = self.live.exercise
        if exercise is None or exercise.id in self.live.targets:
            return
        self._coached(exercise.id)

    def _coached(self, exercise_id: str) -> None:
        """The coach's next target for an exercise, and its line of why."""
        advice = self._coach.advise(self.live.session, self.live.session.exercise(exercise_id))
        self.live = self.live.with_target(exercise_id, advice.target)
        self._why[exercise_id] = advice.why
