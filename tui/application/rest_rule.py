"""Which rest applies after a set: the one rule, for planned, added and empty sessions alike.

The routine's rest, else the lifter's own default for this kind of lift if they changed it
in the settings, else the exercise's (180 s for compound lifts, 90–120 s for isolation work).
"""

from __future__ import annotations

from tui.core.catalog import Exercise, find_or_custom
from tui.core.coach import rest_for
from tui.core.model import ExerciseLog, PlannedExercise
from tui.settings import Settings

DEFAULTS = Settings()


def lift_of(name: str, catalog_id: str | None) -> Exercise:
    """The catalog lift (or a custom one with defaults guessed from its name)."""
    return find_or_custom(catalog_id or name)


def default_rest(planned: PlannedExercise, settings: Settings) -> int:
    """The rest for `planned` before any change of the day (its own rest_s wins)."""
    compound = settings.rest_compound_s
    isolation = settings.rest_isolation_s
    return rest_for(
        lift_of(planned.name, planned.catalog_id),
        planned.rest_s,
        compound if compound != DEFAULTS.rest_compound_s else None,
        isolation if isolation != DEFAULTS.rest_isolation_s else None,
    )


def rest_after(exercise: ExerciseLog, settings: Settings) -> int:
    """The rest after a set of `exercise` in the session in progress."""
    planned = exercise.planned or PlannedExercise(
        name=exercise.name, catalog_id=exercise.catalog_id
    )
    return default_rest(planned, settings)
