"""The simulated lifters of issue 14: the new coach against the old, in direction and bounds.

The bench (`python -m bench.run --only coach`) prints the table with more lifters per row;
these bounds hold for the two lifters per bias measured here.
"""

from __future__ import annotations

import pytest

from bench.coach_sim import BIASES, measure, rows


@pytest.fixture(scope="module")
def figures():
    found = measure(seeds=2)
    return {(f.bias, f.coach): f for f in found}


@pytest.mark.parametrize("bias", BIASES)
def test_the_new_coach_puts_the_real_rir_closer_to_the_plan(figures, bias):
    old, new = figures[bias, "old"], figures[bias, "new"]
    assert new.mae_rir < old.mae_rir


@pytest.mark.parametrize("bias", [0.0, 1.0, 2.0])
def test_within_about_a_rep_of_the_plan_after_four_weeks(figures, bias):
    assert figures[bias, "new"].mae_rir <= 1.0


def test_a_lifter_who_stops_three_short_is_still_better_served(figures):
    # they stop at "felt like 0" with about 3 left whatever the load: no target can fix that
    assert figures[3.0, "new"].mae_rir <= 1.6 < figures[3.0, "old"].mae_rir


@pytest.mark.parametrize("bias", [1.0, 2.0, 3.0])
def test_the_corrected_estimate_of_reps_to_failure_beats_the_raw_answer(figures, bias):
    assert figures[bias, "new"].mae_rtf < figures[bias, "old"].mae_rtf


@pytest.mark.parametrize("bias", BIASES)
def test_few_unplanned_failures_and_more_strength(figures, bias):
    old, new = figures[bias, "old"], figures[bias, "new"]
    assert new.unplanned_failures <= max(1.5 * old.unplanned_failures, 2)
    assert new.unplanned_failures <= 0.15 * new.working_sets
    assert new.end_e1rm > old.end_e1rm


def test_the_bench_table_has_a_row_per_bias(figures):
    assert len(rows(list(figures.values()))) == len(BIASES)
