import pytest

from tui.core.catalog import find
from tui.core.coach import (
    apply_changes,
    bad_day_changes,
    readiness,
    rest_for,
)
from tui.core.model import CheckIn, PlannedExercise
from tui.core.routines import BUILT_IN

SQUAT = PlannedExercise(name="Squat", sets=3, reps=5, rir=2, catalog_id="barbell_back_squat")


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        ((None, None, None), "normal"),
        ((2, 2, 3), "low"),  # average 2.33
        ((3, 3, 1), "low"),  # one item at rock bottom
        ((3, 2, None), "low"),  # average 2.5 of the answered
        ((3, 3, 3), "normal"),
        ((4, 4, 4), "good"),
        ((5, 5, 2), "normal"),  # average 4 but one item below 3
    ],
)
def test_readiness_rule(answers, level):
    sleep, stress, energy = answers
    assert readiness(CheckIn(sleep=sleep, stress=stress, energy=energy)) == level


def test_no_check_in_is_a_normal_day():
    assert readiness(None) == "normal"


def full_body_b():
    return next(r for r in BUILT_IN if r.id == "full-body-b").exercises


def test_a_low_day_swaps_coordination_heavy_lifts_for_stable_ones_with_a_reason():
    changes = bad_day_changes(full_body_b())
    swaps = {c.what: c for c in changes if c.kind == "swap"}
    assert "Bulgarian Split Squat → Leg Press" in swaps
    assert all(c.why for c in changes)
    for change in swaps.values():
        assert find(change.swap_to).complexity == "stable"


def test_a_low_day_drops_one_set_per_exercise_and_adds_30_seconds_rest():
    plan = full_body_b()
    changes = bad_day_changes(plan)
    rests = [180] * len(plan)
    changed = apply_changes(plan, changes, rests)
    assert [p.sets for p in changed] == [p.sets - 1 for p in plan]
    assert {p.rest_s for p in changed} == {210}
    assert "Leg Press" in [p.name for p in changed]


def test_only_the_accepted_changes_apply():
    plan = full_body_b()
    longer_rest_only = [c for c in bad_day_changes(plan) if c.kind == "longer_rest"]
    changed = apply_changes(plan, longer_rest_only, [180] * len(plan))
    assert [p.sets for p in changed] == [p.sets for p in plan]
    assert [p.name for p in changed] == [p.name for p in plan]
    assert apply_changes(plan, [], [180] * len(plan)) == plan


def test_a_single_set_is_never_dropped():
    plan = (PlannedExercise(name="Leg Press", sets=1, reps=10, catalog_id="leg_press"),)
    assert not [c for c in bad_day_changes(plan) if c.kind == "fewer_sets"]
    mixed = plan + (SQUAT,)
    assert [p.sets for p in apply_changes(mixed, bad_day_changes(mixed), [120, 180])] == [1, 2]


def test_every_change_can_be_toggled_with_one_key():
    for routine in BUILT_IN:
        assert len(bad_day_changes(routine.exercises)) <= 9


def test_rest_comes_from_the_routine_then_the_lifters_default_then_the_exercise():
    squat, calves = find("barbell_back_squat"), find("standing_calf_raise")
    assert rest_for(squat, None) == 180
    assert rest_for(calves, None) == 90
    assert rest_for(calves, None, isolation_override_s=100) == 100
    assert rest_for(squat, 240, compound_override_s=200) == 240
