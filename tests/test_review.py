"""The typed review: `onemore last --json` and the table read exactly as before the review
became dataclasses, and each part reads by name.

`tests/data/review_golden.json` holds, per case of `tests/review_cases.py`, the JSON and the
table lines the dict-building review (`tui/interchange/review_data.py`) gave, but for the
intended changes since: a set's text reads in the review's unit (each set's `weight` and
`unit` stay as lifted), so no line mixes kg and lb; and the notes on each exercise, the
session's note and the check-in's answers are in the JSON and the table.
"""

import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from tui.application.review import Review, review_of
from tui.application.review_table import table_lines

from .history_seed import utc  # noqa: F401 - the table's dates in UTC, as when it was kept
from .review_cases import bodyweight_and_pounds, cases, months_of_test_sets, unfinished

GOLDEN = json.loads((Path(__file__).parent / "data" / "review_golden.json").read_text())


def dumped(data: object) -> str:
    """As `onemore last --json` prints it: key order and 100 against 100.0 count."""
    return json.dumps(data, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("name", list(cases()))
def test_the_json_is_what_the_dict_review_gave(name):
    session, earlier, unit = cases()[name]
    assert dumped(review_of(session, earlier, unit).to_json()) == dumped(GOLDEN[name]["json"])


@pytest.mark.parametrize("name", list(cases()))
def test_the_table_is_what_the_dict_review_gave(name):
    session, earlier, unit = cases()[name]
    assert table_lines(review_of(session, earlier, unit)) == GOLDEN[name]["table"]


def test_every_case_is_kept():
    assert set(GOLDEN) == set(cases())


def test_bodyweight_sets_and_sets_logged_in_pounds_reviewed_in_kg():
    review = review_of(*bodyweight_and_pounds())
    pull_up, bench = review.exercises
    assert [s.text for s in pull_up.sets] == ["w bw × 5", "bw+20 × 5 @1", "bw × 10 @0"]
    assert pull_up.numbers.e1rm is None  # no e1RM for a bodyweight lift
    assert pull_up.sets[2].test is not None and pull_up.sets[2].test.error == -1
    assert pull_up.calibration is not None
    assert pull_up.calibration.line == (
        "At bodyweight Pull-up real failure is about 1 rep further than you think, from 1 test set."
    )
    assert bench.sets[1].text == "70.3 kg × 6 @2"  # read in the review's unit
    assert (bench.sets[1].weight, bench.sets[1].unit) == (155, "lb")  # kept as lifted
    assert bench.numbers.top_weight == 70.3  # 155 lb in kg
    assert bench.previous is not None and bench.previous.change.top_weight == 9.1
    assert [r.kind for r in bench.prs] == ["e1rm"]  # 155 × 6 @2 beats 135 × 8 @2; volume not
    assert review.totals.warmup_sets == 2 and review.totals.first_time == 0


def test_test_sets_over_months_give_a_trend_and_stops_by_month():
    review = review_of(*months_of_test_sets())
    assert review.unit == "lb"
    assert review.calibration.test_sets == 5
    assert review.calibration.trend_words == "your guesses are getting closer"
    assert [m.month for m in review.stops_by_month] == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert all(m.perceived_share == 0.5 for m in review.stops_by_month)


def test_an_unfinished_session_has_no_length():
    review = review_of(*unfinished())
    assert review.session.ended_at is None and review.session.duration_s is None
    assert review.to_json()["session"]["duration_s"] is None


def test_a_review_is_a_value_nobody_changes_by_mistake():
    review = review_of(*unfinished())
    assert isinstance(review, Review)
    with pytest.raises(FrozenInstanceError):
        review.unit = "lb"  # type: ignore[misc]
    assert review == review_of(*unfinished())  # the same session reviews the same
