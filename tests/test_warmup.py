"""The warm-up ramp to a heavy compound barbell lift, rounded to what the plates make."""

from __future__ import annotations

from tui.core.catalog import find
from tui.core.plates import LB_GYM, per_side
from tui.core.warmup import ramp, ramp_text

SQUAT = find("barbell_back_squat")


def test_a_ramp_of_bar_forty_sixty_eighty_percent():
    steps = ramp(SQUAT, 100)
    assert [(s.weight, s.reps) for s in steps] == [(20, 10), (40, 5), (60, 3), (80, 2)]
    assert ramp_text(steps) == "Warm-up: 20 × 10 · 40 × 5 · 60 × 3 · 80 × 2 (type w40x5)"


def test_every_step_is_loadable_and_lighter_than_the_work():
    for working in (52.5, 77.5, 142.5, 201.25):
        steps = ramp(SQUAT, working)
        assert all(per_side(s.weight) is not None and s.weight < working for s in steps)
        assert [s.weight for s in steps] == sorted({s.weight for s in steps})


def test_no_ramp_for_light_work_isolation_or_machines():
    assert ramp(SQUAT, 35) == []
    assert ramp(find("barbell_curl"), 60) == []
    assert ramp(find("leg_press"), 200) == []
    assert ramp(SQUAT, None) == [] and ramp_text([]) == ""


def test_pounds_ramp_from_the_45_lb_bar():
    steps = ramp(SQUAT, 225, "lb")
    assert steps[0].weight == 45 and all(per_side(s.weight, LB_GYM) for s in steps[1:])
