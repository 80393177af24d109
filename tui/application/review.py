"""The review of one finished session, as typed data: what `onemore last` (its table and
`--json`), the summary and the review screen show.

`review_of` works it out from the session and an `Earlier` (the records, the last time of
each exercise and the test sets of the sessions before it: fed from sessions, or taken from
the store's index). Weights, e1RM and volume are in the review's `unit`, rounded to 0.1;
times are seconds. `Review.to_json()` is the `onemore-review` JSON, version 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from tui.core.calibration import CalibrationLog, CalibrationSet, CalibrationSummary, summarize
from tui.core.earlier import Earlier
from tui.core.model import CheckIn, Failure, Session, SetKind, SetLog, Unit
from tui.core.records import LastTime, PersonalRecord, RecordKind
from tui.core.stats import (
    ExerciseNumbers,
    change,
    effort_numbers,
    exercise_numbers,
    exercises_of,
    in_unit,
    rest_numbers,
    set_e1rm,
    volume_kg,
)
from tui.format import plural, set_text

FORMAT = "onemore-review"
VERSION = 1
STEADY_REPS = 0.25  # a change in error smaller than this reads "about as close as at first"

Json = dict[str, Any]


# -- the review's parts, each as the lifter reads it -----------------------------------------


@dataclass(frozen=True)
class SetTestResult:
    """A test set: stopped at `reps_at_stop`, said `predicted_rir` more, did `total_reps`."""

    reps_at_stop: int
    predicted_rir: float
    total_reps: int
    error: float  # predicted reps to failure minus reps done: −2, two more were in the tank

    def to_json(self) -> Json:
        return {
            "reps_at_stop": self.reps_at_stop,
            "predicted_rir": self.predicted_rir,
            "total_reps": self.total_reps,
            "error": self.error,
        }


@dataclass(frozen=True)
class SetReview:
    """One set: `weight` and `unit` as lifted, `text`, e1RM and the rest in the review's unit."""

    id: str
    text: str  # "100 kg × 5 @2", "w 60 kg × 5", "bw+20 × 5"
    kind: SetKind
    warmup: bool
    weight: float
    unit: Unit
    bodyweight: bool
    reps: int
    rir: float | None
    failure: Failure | None
    e1rm: float | None
    rest_planned_s: int | None
    rest_actual_s: float | None
    calm_after_s: float | None
    prs: tuple[RecordKind, ...]  # the records this set made
    test: SetTestResult | None

    def to_json(self) -> Json:
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "warmup": self.warmup,
            "weight": self.weight,
            "unit": self.unit,
            "bodyweight": self.bodyweight,
            "reps": self.reps,
            "rir": self.rir,
            "failure": self.failure,
            "e1rm": self.e1rm,
            "rest_planned_s": self.rest_planned_s,
            "rest_actual_s": self.rest_actual_s,
            "calm_after_s": self.calm_after_s,
            "prs": list(self.prs),
            "test": None if self.test is None else self.test.to_json(),
        }


@dataclass(frozen=True)
class RecordReview:
    """A PR: "best weight for 5 reps: 105 kg (was 100)"."""

    kind: RecordKind
    reps: int | None  # of a best weight for reps
    value: float
    previous: float
    set_id: str | None  # the set that made it; None for session volume
    text: str

    def to_json(self) -> Json:
        return {
            "kind": self.kind,
            "reps": self.reps,
            "value": self.value,
            "previous": self.previous,
            "set_id": self.set_id,
            "text": self.text,
        }


@dataclass(frozen=True)
class Numbers:
    """What one exercise came to in one session."""

    best_set: str | None
    e1rm: float | None
    volume: float
    top_weight: float | None
    working_sets: int
    warmup_sets: int
    reps: int  # working reps

    def to_json(self) -> Json:
        return {
            "best_set": self.best_set,
            "e1rm": self.e1rm,
            "volume": self.volume,
            "top_weight": self.top_weight,
            "working_sets": self.working_sets,
            "warmup_sets": self.warmup_sets,
            "reps": self.reps,
        }


@dataclass(frozen=True)
class Difference:
    """This time minus last time; None where either side has no figure."""

    e1rm: float | None
    volume: float
    top_weight: float | None

    def to_json(self) -> Json:
        return {"e1rm": self.e1rm, "volume": self.volume, "top_weight": self.top_weight}


@dataclass(frozen=True)
class PreviousTime:
    """The last earlier session with this exercise, and how this time differs from it."""

    session_id: str
    started_at: datetime
    numbers: Numbers
    change: Difference

    def to_json(self) -> Json:
        return {
            "session_id": self.session_id,
            "started_at": self.started_at.isoformat(),
            **self.numbers.to_json(),
            "change": self.change.to_json(),
        }


@dataclass(frozen=True)
class CalibrationReview:
    """How far "I'm done" sits from real failure, over some test sets."""

    test_sets: int
    average_error: float | None
    trend: float | None  # later half minus earlier half of the error, from 4 test sets
    trend_words: str | None  # "your guesses are getting closer"
    line: str | None  # "At 80 kg Squat you stop about 2 reps before real failure, …"

    def to_json(self) -> Json:
        return {
            "test_sets": self.test_sets,
            "average_error": self.average_error,
            "trend": self.trend,
            "trend_words": self.trend_words,
            "line": self.line,
        }


@dataclass(frozen=True)
class ExerciseReview:
    key: str
    name: str
    first_time: bool  # no earlier session had it: its numbers are the marks to beat
    sets: tuple[SetReview, ...]
    numbers: Numbers
    previous: PreviousTime | None
    prs: tuple[RecordReview, ...]
    calibration: CalibrationReview | None  # None without test sets of this exercise
    notes: str = ""  # what the lifter noted on it (`o` on the logging screen)

    def to_json(self) -> Json:
        return {
            "key": self.key,
            "name": self.name,
            "first_time": self.first_time,
            "sets": [s.to_json() for s in self.sets],
            **self.numbers.to_json(),
            "previous": None if self.previous is None else self.previous.to_json(),
            "prs": [r.to_json() for r in self.prs],
            "calibration": None if self.calibration is None else self.calibration.to_json(),
            "notes": self.notes,
        }


@dataclass(frozen=True)
class ReviewedSession:
    id: str
    name: str
    started_at: datetime
    ended_at: datetime | None
    notes: str
    checkin: CheckIn | None = None  # the check-in's answers, as given

    @property
    def duration_s(self) -> float | None:
        ended = self.ended_at
        return None if ended is None else (ended - self.started_at).total_seconds()

    def to_json(self) -> Json:
        return {
            "id": self.id,
            "name": self.name,
            "started_at": self.started_at.isoformat(),
            "ended_at": None if self.ended_at is None else self.ended_at.isoformat(),
            "duration_s": self.duration_s,
            "notes": self.notes,
            "checkin": None
            if self.checkin is None
            else {
                "sleep": self.checkin.sleep,
                "stress": self.checkin.stress,
                "energy": self.checkin.energy,
            },
        }


@dataclass(frozen=True)
class Totals:
    exercises: int
    working_sets: int
    warmup_sets: int
    reps: int
    volume: float
    prs: int
    first_time: int  # exercises done for the first time

    def to_json(self) -> Json:
        return {
            "exercises": self.exercises,
            "working_sets": self.working_sets,
            "warmup_sets": self.warmup_sets,
            "reps": self.reps,
            "volume": self.volume,
            "prs": self.prs,
            "first_time": self.first_time,
        }


@dataclass(frozen=True)
class RestReview:
    """The rest before working sets: planned against taken, and how soon breathing was calm."""

    rests: int  # working sets with a rest timed
    planned_avg_s: float | None
    actual_avg_s: float | None
    over_avg_s: float | None
    calm_avg_s: float | None
    calm_count: int

    def to_json(self) -> Json:
        return {
            "rests": self.rests,
            "planned_avg_s": self.planned_avg_s,
            "actual_avg_s": self.actual_avg_s,
            "over_avg_s": self.over_avg_s,
            "calm_avg_s": self.calm_avg_s,
            "calm_count": self.calm_count,
        }


@dataclass(frozen=True)
class EffortReview:
    """Reps left in the tank on working sets, and why the sets taken to zero stopped."""

    working_sets: int
    rir_known: int
    rir_avg: float | None
    rir_counts: tuple[tuple[float, int], ...]  # (reps in reserve, sets), lowest first
    perceived: int  # felt too heavy
    technical: int  # form broke
    perceived_share: float | None

    def to_json(self) -> Json:
        return {
            "working_sets": self.working_sets,
            "rir_known": self.rir_known,
            "rir_avg": self.rir_avg,
            "rir_counts": {f"{rir:g}": count for rir, count in self.rir_counts},
            "perceived": self.perceived,
            "technical": self.technical,
            "perceived_share": self.perceived_share,
        }


@dataclass(frozen=True)
class StopsInMonth:
    """Working sets taken to zero in one month, by why they stopped."""

    month: str  # "2026-11"
    perceived: int
    technical: int
    perceived_share: float

    def to_json(self) -> Json:
        return {
            "month": self.month,
            "perceived": self.perceived,
            "technical": self.technical,
            "perceived_share": self.perceived_share,
        }


@dataclass(frozen=True)
class Review:
    unit: str  # of every weight read: sets' text, e1RM and volume (each set keeps its own)
    session: ReviewedSession
    exercises: tuple[ExerciseReview, ...]
    totals: Totals
    rest: RestReview
    effort: EffortReview
    calibration: CalibrationReview  # over every test set up to this session
    stops_by_month: tuple[StopsInMonth, ...]  # up to this session, oldest first

    def to_json(self) -> Json:
        """The `onemore-review` JSON, version 1."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "unit": self.unit,
            "session": self.session.to_json(),
            "exercises": [e.to_json() for e in self.exercises],
            "totals": self.totals.to_json(),
            "rest": self.rest.to_json(),
            "effort": self.effort.to_json(),
            "calibration": {
                **self.calibration.to_json(),
                "stops_by_month": [m.to_json() for m in self.stops_by_month],
            },
        }


# -- how honest "I can't" is, in words -------------------------------------------------------


def _reps(count: float) -> str:
    return f"about {plural(max(1, round(abs(count))), 'rep')}"


def _where(tests: Sequence[CalibrationSet], unit: str) -> str:
    if len({t.exercise_key for t in tests}) > 1:
        return "Across your lifts"
    name = tests[0].exercise_name
    low, high = (round(in_unit(f(t.weight_kg for t in tests), unit), 1) for f in (min, max))
    load = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    if all(t.bodyweight for t in tests):
        return f"At bodyweight {name}" if high == 0 else f"At bw+{load} {unit} {name}"
    return f"At {load} {unit} {name}"


def calibration_line(tests: Sequence[CalibrationSet], unit: str = "kg") -> str | None:
    """One plain line on how far "I'm done" sits from real failure; None without test sets.

    "At 80 kg Squat you stop about 2 reps before real failure, from 5 test sets."
    """
    summary = summarize(tests)
    if summary is None:
        return None
    count = f"from {plural(summary.test_sets, 'test set')}"
    where = _where(tests, unit)
    error = summary.average_error
    if abs(error) < 0.5:
        return f"{where} your guess of reps left is about right, {count}."
    if error > 0:
        return f"{where} real failure comes {_reps(error)} sooner than you think, {count}."
    if summary.average_predicted_rir < 0.5:
        return f"{where} you stop {_reps(error)} before real failure, {count}."
    return f"{where} real failure is {_reps(error)} further than you think, {count}."


def trend_words(summary: CalibrationSummary) -> str | None:
    """Whether the guesses are getting closer to real failure; None below 4 test sets."""
    if summary.earlier_error is None or summary.later_error is None:
        return None
    earlier, later = abs(summary.earlier_error), abs(summary.later_error)
    if later < earlier - STEADY_REPS:
        return "your guesses are getting closer"
    if later > earlier + STEADY_REPS:
        return "your guesses are drifting further off"
    return "your guesses are about as close as at first"


# -- working the review out ------------------------------------------------------------------


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _load(kg: float | None, unit: str) -> float | None:
    return None if kg is None else round(in_unit(kg, unit), 1)


def _known_load(kg: float, unit: str) -> float:
    return round(in_unit(kg, unit), 1)


PR_WORDS = {
    "weight_for_reps": "best weight for {reps} reps",
    "e1rm": "best e1RM",
    "volume": "best session volume",
}


def record_review(record: PersonalRecord, unit: str) -> RecordReview:
    value, before = _known_load(record.value_kg, unit), _known_load(record.previous_kg, unit)
    what = PR_WORDS[record.kind].format(reps=record.reps)
    return RecordReview(
        kind=record.kind,
        reps=record.reps,
        value=value,
        previous=before,
        set_id=record.set_id,
        text=f"{what}: {value:,g} {unit} (was {before:,g})",
    )


def _test_result(set_log: SetLog) -> SetTestResult | None:
    test = set_log.calibration
    if test is None:
        return None
    return SetTestResult(
        test.reps_at_stop, test.predicted_rir, test.total_reps, test.prediction_error
    )


def set_review(set_log: SetLog, unit: str, prs: Iterable[RecordKind]) -> SetReview:
    return SetReview(
        id=set_log.id,
        text=set_text(set_log, unit),
        kind=set_log.kind,
        warmup=not set_log.is_working,
        weight=set_log.weight,
        unit=set_log.unit,
        bodyweight=set_log.bodyweight,
        reps=set_log.reps,
        rir=set_log.rir,
        failure=set_log.failure,
        e1rm=_load(set_e1rm(set_log), unit),
        rest_planned_s=set_log.rest_planned_s,
        rest_actual_s=_round(set_log.rest_actual_s),
        calm_after_s=_round(set_log.calm_after_s),
        prs=tuple(prs),
        test=_test_result(set_log),
    )


def _numbers(numbers: ExerciseNumbers, unit: str) -> Numbers:
    best = numbers.best_set
    return Numbers(
        best_set=None if best is None else set_text(best, unit),
        e1rm=_load(numbers.best_e1rm_kg, unit),
        volume=_known_load(numbers.volume_kg, unit),
        top_weight=_load(numbers.top_weight_kg, unit),
        working_sets=numbers.working_sets,
        warmup_sets=numbers.warmup_sets,
        reps=numbers.reps,
    )


def _previous(now: ExerciseNumbers, last: LastTime, unit: str) -> PreviousTime:
    delta = change(now, last.numbers)
    return PreviousTime(
        session_id=last.session_id,
        started_at=last.started_at,
        numbers=_numbers(last.numbers, unit),
        change=Difference(
            e1rm=_load(delta.best_e1rm_kg, unit),
            volume=_known_load(delta.volume_kg, unit),
            top_weight=_load(delta.top_weight_kg, unit),
        ),
    )


def calibration_review(tests: Sequence[CalibrationSet], unit: str) -> CalibrationReview:
    summary = summarize(tests)
    return CalibrationReview(
        test_sets=len(tests),
        average_error=None if summary is None else _round(summary.average_error, 2),
        trend=None if summary is None else _round(summary.trend, 2),
        trend_words=None if summary is None else trend_words(summary),
        line=calibration_line(tests, unit),
    )


def _stops(log: CalibrationLog) -> tuple[StopsInMonth, ...]:
    return tuple(
        StopsInMonth(m.month, m.perceived, m.technical, round(m.perceived_share or 0.0, 3))
        for m in log.stops_by_month()  # months with a stop, so a share is always known
    )


def _rest(sets: Iterable[SetLog]) -> RestReview:
    rest = rest_numbers(sets)
    return RestReview(
        rests=rest.rests,
        planned_avg_s=_round(rest.planned_avg_s),
        actual_avg_s=_round(rest.actual_avg_s),
        over_avg_s=_round(rest.over_avg_s),
        calm_avg_s=_round(rest.calm_avg_s),
        calm_count=rest.calm_count,
    )


def _effort(sets: Iterable[SetLog]) -> EffortReview:
    effort = effort_numbers(sets)
    return EffortReview(
        working_sets=effort.working_sets,
        rir_known=effort.rir_known,
        rir_avg=_round(effort.rir_avg, 2),
        rir_counts=tuple(effort.rir_counts.items()),
        perceived=effort.perceived,
        technical=effort.technical,
        perceived_share=_round(effort.perceived_share, 3),
    )


def exercise_review(
    numbers: ExerciseNumbers,
    sets: Iterable[SetLog],
    earlier: Earlier,
    records: Sequence[PersonalRecord],
    tests: Sequence[CalibrationSet],
    unit: str,
) -> ExerciseReview:
    made_by: dict[str, list[RecordKind]] = {}
    for record in records:
        if record.set_id is not None:
            made_by.setdefault(record.set_id, []).append(record.kind)
    last = earlier.records.last_time(numbers.key)
    return ExerciseReview(
        key=numbers.key,
        name=numbers.name,
        first_time=not earlier.records.knows(numbers.key),
        sets=tuple(set_review(s, unit, made_by.get(s.id, ())) for s in sets),
        numbers=_numbers(numbers, unit),
        previous=None if last is None else _previous(numbers, last, unit),
        prs=tuple(record_review(r, unit) for r in records),
        calibration=calibration_review(tests, unit) if tests else None,
    )


def _session(session: Session) -> ReviewedSession:
    return ReviewedSession(
        session.id,
        session.name,
        session.started_at,
        session.ended_at,
        session.notes,
        session.checkin,
    )


def _totals(
    exercises: Sequence[ExerciseReview], records: Sequence[PersonalRecord], volume: float, unit: str
) -> Totals:
    return Totals(
        exercises=len(exercises),
        working_sets=sum(e.numbers.working_sets for e in exercises),
        warmup_sets=sum(e.numbers.warmup_sets for e in exercises),
        reps=sum(e.numbers.reps for e in exercises),
        volume=_known_load(volume, unit),
        prs=len(records),
        first_time=sum(e.first_time for e in exercises),
    )


def review_of(session: Session, earlier: Earlier, unit: str = "kg") -> Review:
    """Everything the review of `session` shows; `earlier` holds only the sessions before it."""
    records = earlier.records.records_in(session)
    calibration = earlier.calibration.with_session(session)
    exercises = []
    for exercise in exercises_of(session):
        numbers = exercise_numbers(exercise)
        own = [r for r in records if r.exercise_key == exercise.key]
        tests = [t for t in calibration.sets if t.exercise_key == exercise.key]
        reviewed = exercise_review(numbers, exercise.sets, earlier, own, tests, unit)
        notes = " · ".join(
            e.notes for e in session.exercises if e.key == exercise.key and e.notes.strip()
        )
        exercises.append(replace(reviewed, notes=notes))
    return Review(
        unit=unit,
        session=_session(session),
        exercises=tuple(exercises),
        totals=_totals(exercises, records, volume_kg(session.sets), unit),
        rest=_rest(session.sets),
        effort=_effort(session.sets),
        calibration=calibration_review(calibration.sets, unit),
        stops_by_month=_stops(calibration),
    )
